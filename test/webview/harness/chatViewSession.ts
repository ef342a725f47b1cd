// The whole chat view in headless Chromium for one `describe` block of the webview tests. Called inside the block, it
// registers the block's Mocha hooks: before, serve the view (startChatViewServer, test/webview/page/chatViewPage.ts),
// launch Chromium and open a page that collects its uncaught errors; after each test, assert that the page threw
// nothing; after, close both. The tests drive the view through `window.sbChat` (test/webview/page/fakeVsCodeApi.ts).
import * as assert from 'node:assert/strict';
import type { Browser, Page } from 'playwright-core';
import { launchChromium } from '../../../scripts/editor/chromium';
import type { ExtensionToWebviewMessage, MessageView, WebviewToExtensionMessage } from '../../../src/shared/webviewProtocol';
import type { ChatPageApi } from '../page/fakeVsCodeApi';
import { startChatViewServer, type ChatViewServer } from './chatViewServer';
import type { ServedFile } from './webviewDocumentServer';

type Api = ChatPageApi;

export interface ChatViewSessionOptions {
  /** The page's viewport: the size of the side bar the tests have in mind. */
  viewport: { width: number; height: number };
  /** Files served beside the view, looked up at each request (startChatViewServer's `extra`). */
  extra?: ReadonlyMap<string, ServedFile>;
}

export interface ChatViewSession {
  /** The page; there from the block's first `before` hook on (reading it earlier throws). */
  readonly page: Page;
  /** The server of the view; there from the block's first `before` hook on. */
  readonly server: ChatViewServer;
  /** Calls a helper of the page's `window.sbChat`. */
  call<K extends keyof Api>(name: K, ...args: Parameters<Api[K]>): Promise<Awaited<ReturnType<Api[K]>>>;
  /** Loads the view in `lang` (`?lang=`) and waits for `window.sbChat`; the extension has said nothing yet. */
  load(lang: string): Promise<void>;
  /** Loads the view in `lang` and delivers `init`, as the extension does when the view starts. */
  open(lang: string, init: ExtensionToWebviewMessage): Promise<void>;
  /** What the view has posted to the extension so far of `type`, in order. */
  posted<T extends WebviewToExtensionMessage['type']>(type: T): Promise<Extract<WebviewToExtensionMessage, { type: T }>[]>;
}

export function chatViewSession(options: ChatViewSessionOptions): ChatViewSession {
  let server: ChatViewServer | undefined;
  let browser: Browser | undefined;
  let page: Page | undefined;
  const pageErrors: string[] = [];

  before(async () => {
    server = await startChatViewServer('test/webview/page/chatViewPage.ts', options.extra);
    browser = await launchChromium();
    page = await browser.newPage({ viewport: options.viewport });
    page.on('pageerror', (error) => pageErrors.push(error.message));
  });

  after(async () => {
    await browser?.close().catch(() => undefined);
    await server?.close();
  });

  afterEach(() => {
    assert.deepEqual(pageErrors.splice(0), [], 'the page threw nothing');
  });

  const started = <T>(value: T | undefined, name: string): T => {
    if (value === undefined) throw new Error(`the chat view session's ${name} is read before its before hook ran`);
    return value;
  };

  const session: ChatViewSession = {
    get page() {
      return started(page, 'page');
    },
    get server() {
      return started(server, 'server');
    },
    call: (name, ...args) =>
      session.page.evaluate(([n, a]) => (window as unknown as { sbChat: Record<string, (...x: unknown[]) => unknown> }).sbChat[n]!(...a), [
        name,
        args,
      ] as [string, unknown[]]) as never,
    async load(lang) {
      await session.page.goto(`${session.server.url}?lang=${lang}`, { waitUntil: 'load' });
      await session.page.waitForFunction(() => 'sbChat' in window);
    },
    async open(lang, init) {
      await session.load(lang);
      await session.call('deliver', init);
    },
    posted: async <T extends WebviewToExtensionMessage['type']>(type: T) =>
      (await session.call('posted')).filter((message): message is Extract<WebviewToExtensionMessage, { type: T }> => message.type === type),
  };
  return session;
}

type InitMessage = Extract<ExtensionToWebviewMessage, { type: 'init' }>;

/**
 * The `init` message the extension sends when the view opens: a conversation "Test" of `messages`, an empty draft, no
 * chips, `openai/gpt-4o-mini`, Enter sends, not busy — unless `fields` say otherwise.
 */
export function initMessage(messages: MessageView[] = [], fields: Partial<Omit<InitMessage, 'type'>> = {}): InitMessage {
  return {
    type: 'init',
    version: '0.0.0',
    locale: 'en',
    conversation: { id: 'c1', title: 'Test', messages },
    draft: '',
    contexts: [],
    currentModel: 'openai/gpt-4o-mini',
    sendOnEnter: true,
    busy: false,
    ...fields,
  };
}
