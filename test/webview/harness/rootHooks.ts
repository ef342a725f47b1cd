// Mocha root hooks for the webview suite: the shared browser is always closed at the end.
import { closeRenderTestPage } from './renderTestPage';

export const mochaHooks = {
  async afterAll(): Promise<void> {
    await closeRenderTestPage();
  },
};
