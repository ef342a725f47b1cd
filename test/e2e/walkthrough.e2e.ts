// The first-run walkthrough and the localized UI, as a person on a fresh install sees them, in English (the
// shared editor) and in Russian (an editor of its own started with --locale ru).
import * as assert from 'node:assert/strict';
import { saveFailureArtifacts, saveScreenshot } from './harness/failureArtifacts';
import { startEditorSession, type EditorSession } from './harness/editorSession';
import { editor } from './harness/rootHooks';
import { findWebviewFrame } from './harness/webviewFrames';

const walkthroughId = 'switchboard.switchboard#switchboard.gettingStarted';

async function openWalkthrough(session: EditorSession, title: string): Promise<void> {
  await session.bridge.executeCommand('workbench.action.openWalkthrough', walkthroughId, false);
  await session.page.locator('.gettingStartedContainer', { hasText: title }).first().waitFor({ state: 'visible', timeout: 30_000 });
}

describe('the first-run walkthrough', () => {
  it('walks through provider, key, chat and images in English', async () => {
    const session = editor();
    await openWalkthrough(session, 'Get started with Switchboard');
    const steps = session.page.locator('.gettingStartedContainer .getting-started-step');
    const titles = (await steps.allTextContents()).join(' | ');
    for (const step of ['Choose a provider', 'Set its API key', 'Pick a model and open the chat', 'Generate an image into your project']) {
      assert.ok(titles.includes(step), `missing step “${step}” in: ${titles}`);
    }
    await session.page.locator('.getting-started-step', { hasText: 'Set its API key' }).first().click();
    await session.page
      .locator('.gettingStartedContainer a, .gettingStartedContainer button', { hasText: 'Set API Key' })
      .first()
      .waitFor({ state: 'visible', timeout: 10_000 });
    await saveScreenshot(session, 'walkthrough english');
    await session.page.keyboard.press('Control+w').catch(() => undefined);
  });

  describe('in Russian', function () {
    let russian: EditorSession | undefined;
    before(async function () {
      this.timeout(5 * 60_000);
      russian = await startEditorSession({ locale: 'ru' });
    });
    after(async function () {
      this.timeout(30_000);
      await russian?.stop();
    });

    afterEach(async function () {
      if (this.currentTest?.state === 'failed' && russian) await saveFailureArtifacts(russian, `russian ${this.currentTest.title}`);
    });

    it('shows the walkthrough, the commands and the chat view in Russian', async () => {
      const session = russian as EditorSession;
      await openWalkthrough(session, 'Начало работы со Switchboard');
      await session.page.locator('.getting-started-step', { hasText: 'Задайте API-ключ' }).first().click();
      await saveScreenshot(session, 'walkthrough russian');
      // The commands carry their Russian titles in the Command Palette.
      await session.page.keyboard.press('Escape');
      await session.page.keyboard.press('F1');
      await session.page.locator('.quick-input-widget input').fill('>Switchboard');
      const rows = session.page.locator('.quick-input-list .monaco-list-row');
      await rows.filter({ hasText: 'Задать API-ключ' }).first().waitFor({ state: 'visible', timeout: 10_000 });
      await session.page.keyboard.press('Escape');
      await session.bridge.executeCommand('switchboard.openChat');
      const frame = await findWebviewFrame(session.page, '#empty-state');
      assert.equal(await frame.locator('#empty-state h2').textContent(), 'Спросите Switchboard');
      await saveScreenshot(session, 'chat view russian');
    });
  });
});
