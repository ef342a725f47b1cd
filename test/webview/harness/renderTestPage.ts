// One headless Chromium and one test page for the whole webview suite (started lazily, stopped by rootHooks.ts).
// The page is the real webview document under its CSP, with the renderer's test bundle and markdown.css.
import type { Browser, Page } from 'playwright-core';
import { launchChromium } from '../../../scripts/editor/chromium';
import { startPageServer, type PageServer } from './pageServer';
import type { TestPageApi } from '../page/testPage';

type Api = TestPageApi;

export interface RenderTestPage {
  page: Page;
  origin: string;
  /** Calls a helper of the page's `window.sbTest`. */
  call<K extends keyof Api>(name: K, ...args: Parameters<Api[K]>): Promise<Awaited<ReturnType<Api[K]>>>;
  /** Dialogs (alert, confirm…) the page tried to open; each was dismissed. */
  dialogs: string[];
  /** Uncaught page errors. */
  pageErrors: string[];
  /** Main-frame navigations after the first load. */
  navigations: string[];
  /** Loads a fresh page (clears everything the last test left). */
  reload(): Promise<void>;
}

let state: { browser: Browser; server: PageServer; testPage: RenderTestPage } | undefined;

export async function renderTestPage(): Promise<RenderTestPage> {
  if (state) return state.testPage;
  const server = await startPageServer({ entry: 'test/webview/page/testPage.ts', styles: ['src/webview/render/markdown.css'] });
  const browser = await launchChromium();
  const page = await browser.newPage();
  const dialogs: string[] = [];
  const pageErrors: string[] = [];
  const navigations: string[] = [];
  let loading = false;
  page.on('dialog', (dialog) => {
    dialogs.push(`${dialog.type()}: ${dialog.message()}`);
    void dialog.dismiss();
  });
  page.on('pageerror', (error) => pageErrors.push(error.message));
  page.on('framenavigated', (frame) => {
    if (frame === page.mainFrame() && !loading) navigations.push(frame.url());
  });
  const reload = async (): Promise<void> => {
    loading = true;
    try {
      await page.goto(server.url, { waitUntil: 'load' });
      await page.waitForFunction(() => 'sbTest' in window);
    } finally {
      loading = false;
    }
  };
  await reload();
  const testPage: RenderTestPage = {
    page,
    origin: server.origin,
    call: (name, ...args) =>
      page.evaluate(([n, a]) => (window as unknown as { sbTest: Record<string, (...x: unknown[]) => unknown> }).sbTest[n]!(...a), [
        name,
        args,
      ] as [string, unknown[]]) as never,
    dialogs,
    pageErrors,
    navigations,
    reload,
  };
  state = { browser, server, testPage };
  return testPage;
}

export async function closeRenderTestPage(): Promise<void> {
  if (!state) return;
  const { browser, server } = state;
  state = undefined;
  await browser.close().catch(() => undefined);
  await server.close();
}
