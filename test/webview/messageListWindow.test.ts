// A chat view left open keeps a bounded DOM (issue 13's soak: 1,000 answers into one view, heap after the last
// within 1.5× of after the 100th). The real MessageList in headless Chromium under the webview's CSP: answers
// streamed as the extension posts them; only the last page stays rendered — and held — while the reader follows the
// end, what they scrolled up to read stays, "show earlier" asks the extension for the page before and renders its
// answer (a stale answer is ignored), and a finished answer lets go of its highlighted code.
import * as assert from 'node:assert/strict';
import type { Browser, CDPSession, Page } from 'playwright-core';
import { launchChromium } from '../../scripts/editor/chromium';
import { startPageServer, type PageServer } from './harness/pageServer';
import type { MessageListPageApi } from './page/messageListPage';

describe('message list: a view left open stays the same size', function () {
  this.timeout(60_000);
  let server: PageServer;
  let browser: Browser;
  let page: Page;
  let cdp: CDPSession;
  const pageErrors: string[] = [];

  const call = <K extends keyof MessageListPageApi>(
    name: K,
    ...args: Parameters<MessageListPageApi[K]>
  ): Promise<Awaited<ReturnType<MessageListPageApi[K]>>> =>
    page.evaluate(([n, a]) => (window as unknown as { sbList: Record<string, (...x: unknown[]) => unknown> }).sbList[n]!(...a), [
      name,
      args,
    ] as [string, unknown[]]) as never;

  before(async () => {
    server = await startPageServer({ entry: 'test/webview/page/messageListPage.ts', styles: ['src/webview/render/markdown.css'] });
    browser = await launchChromium();
    page = await browser.newPage({ viewport: { width: 400, height: 900 } });
    page.on('pageerror', (error) => pageErrors.push(error.message));
    cdp = await page.context().newCDPSession(page);
  });

  /** A full garbage collection in the page (twice: the first can leave what only its finalizers released). */
  const collectGarbage = async (): Promise<void> => {
    await cdp.send('HeapProfiler.collectGarbage');
    await cdp.send('HeapProfiler.collectGarbage');
  };

  after(async () => {
    await browser?.close().catch(() => undefined);
    await server?.close();
  });

  beforeEach(async () => {
    await page.goto(server.url, { waitUntil: 'load' });
    await page.waitForFunction(() => 'sbList' in window);
  });

  afterEach(() => {
    assert.deepEqual(pageErrors.splice(0), [], 'the page threw nothing');
  });

  it('150 answers streamed into an open view leave only the last page rendered, with "show earlier" before it', async () => {
    const pageSize = await call('pageSize');
    await call('open', 0);
    await call('stream', 0, 150);
    const ids = await call('renderedIds');
    assert.equal(ids.length, pageSize, 'rendered messages');
    assert.equal(ids.at(-1), 'a149');
    assert.equal(ids[0], `${pageSize % 2 === 0 ? 'u' : 'a'}${150 - pageSize / 2}`);
    assert.equal(await call('showEarlierButtons'), 1);
    assert.match((await call('textOf', 'a149')) ?? '', /Answer 149\.[\s\S]*const value149 = 149;[\s\S]*Done with 149\./);
  });

  it('messages trimmed from the top are released, not only un-rendered', async () => {
    const pageSize = await call('pageSize');
    await call('open', 0);
    await call('stream', 0, 150);
    await collectGarbage();
    const alive = new Set(await call('alive'));
    const rendered = await call('renderedIds');
    for (const id of rendered) assert.ok(alive.has(id), `${id}, rendered, is held`);
    assert.deepEqual(
      [...alive].filter((id) => !rendered.includes(id)),
      [],
      'nothing held beyond the rendered page',
    );
    assert.equal(alive.size, pageSize);
  });

  it('"show earlier" asks the extension for the page before the oldest shown and renders its answer in order', async () => {
    const pageSize = await call('pageSize');
    await call('open', 125); // 250 messages: 190 earlier, in pages of 60, 60, 60, 10
    const first = await call('renderedIds');
    assert.equal(first.length, pageSize);
    assert.deepEqual(await call('showEarlier'), { label: `Show ${pageSize} earlier messages`, busy: false, first: true });
    assert.ok(await call('clickShowEarlier'));
    assert.deepEqual(await call('requests'), [{ type: 'loadEarlier', requestId: 1, conversationId: 'c', beforeId: first[0] }]);
    assert.deepEqual(await call('renderedIds'), first, 'nothing rendered before the answer');
    assert.equal((await call('showEarlier'))?.busy, true, 'the button says it is loading (aria-busy)');
    assert.ok(await call('answer', 1));
    const second = await call('renderedIds');
    assert.equal(second.length, 2 * pageSize);
    assert.deepEqual(second.slice(pageSize), first);
    assert.equal(second[0], `u${(250 - 2 * pageSize) / 2}`);
    assert.deepEqual(await call('showEarlier'), { label: `Show ${pageSize} earlier messages`, busy: false, first: true });
    assert.equal(await call('showAll'), 3);
    const all = await call('renderedIds');
    assert.equal(all.length, 250);
    assert.deepEqual(all.slice(0, 4), ['u0', 'a0', 'u1', 'a1']);
    assert.deepEqual(all.slice(-2), ['u124', 'a124']);
    assert.match((await call('textOf', 'a0')) ?? '', /Answer 0\.[\s\S]*Done with 0\./);
    assert.equal(await call('showEarlierButtons'), 0);
  });

  it('the last "show earlier" counts what is left; the button keeps the keyboard focus, and the list takes it at the start', async () => {
    const pageSize = await call('pageSize');
    await call('open', pageSize + 5); // 2 × pageSize + 10 messages: the last page back is 10
    await page.focus('.show-earlier');
    await page.keyboard.press('Enter');
    assert.ok(await call('answer', 1));
    assert.equal(await call('focused'), 'show-earlier', 'the same button, still focused');
    assert.deepEqual(await call('showEarlier'), { label: 'Show 10 earlier messages', busy: false, first: true });
    await page.keyboard.press('Enter');
    assert.equal((await call('requests')).length, 2);
    assert.ok(await call('answer', 2));
    assert.equal(await call('showEarlier'), undefined);
    assert.equal(await call('focused'), 'list', 'focus stays in the list, not lost to the document');
    assert.equal((await call('renderedIds'))[0], 'u0');
  });

  it('"show earlier" still brings back every message, in order, after the page moved on', async () => {
    await call('open', 0);
    await call('stream', 0, 150);
    assert.ok((await call('showAll')) >= 1);
    const ids = await call('renderedIds');
    assert.equal(ids.length, 300);
    assert.deepEqual(ids.slice(0, 4), ['u0', 'a0', 'u1', 'a1']);
    assert.match((await call('textOf', 'a0')) ?? '', /Answer 0\.[\s\S]*Done with 0\./);
    assert.equal(await call('showEarlierButtons'), 0);
  });

  it('a stale answer is ignored: superseded, of another conversation, after a trim, or unknown', async () => {
    const pageSize = await call('pageSize');
    await call('open', pageSize * 2);
    const shown = await call('renderedIds');
    // Two clicks: the second request supersedes the first.
    await call('clickShowEarlier');
    await call('clickShowEarlier');
    assert.deepEqual(
      (await call('requests')).map((r) => r.requestId),
      [1, 2],
    );
    assert.equal(await call('answer', 1), false, 'the superseded answer');
    assert.equal(await call('answer', 2, { requestId: 7 }), false, 'an answer to no request');
    assert.equal(await call('answer', 2, { conversationId: 'other' }), false, 'an answer about another conversation');
    assert.deepEqual(await call('renderedIds'), shown);
    assert.equal((await call('showEarlier'))?.busy, true);
    // Another conversation opened meanwhile: the answer to the request made before is stale.
    await call('reshow', 'c2');
    assert.equal(await call('answer', 2, { conversationId: 'c2' }), false, 'asked before the view changed');
    assert.equal((await call('showEarlier'))?.busy, false);
    // Trimmed meanwhile: the page asked for no longer ends where the view starts.
    await call('clickShowEarlier');
    await call('stream', pageSize, pageSize + 1);
    const trimmed = await call('renderedIds');
    assert.equal(trimmed.length, pageSize);
    assert.equal(await call('answer', 3), false, 'asked before the trim');
    assert.deepEqual(await call('renderedIds'), trimmed);
    assert.deepEqual(await call('showEarlier'), { label: `Show ${pageSize} earlier messages`, busy: false, first: true });
    // The next click asks from where the view now starts, and its answer is shown.
    await call('clickShowEarlier');
    assert.equal((await call('requests')).at(-1)?.beforeId, trimmed[0]);
    assert.ok(await call('answer', 4));
    assert.deepEqual((await call('renderedIds')).slice(pageSize), trimmed);
  });

  it('a message that arrives while the reader is scrolled up removes nothing; the next one, at the end, trims', async () => {
    const pageSize = await call('pageSize');
    const half = pageSize / 2;
    await call('open', 0);
    await call('boxed', 300);
    await call('stream', 0, half);
    await call('frame');
    await call('scrollTo', 0);
    await call('frame');
    await call('upsert', { id: `u${half}`, role: 'user', content: `Question ${half}` });
    const whileReading = await call('renderedIds');
    assert.equal(whileReading.length, pageSize + 1, 'nothing removed while scrolled up');
    assert.equal(whileReading[0], 'u0');
    await call('frame'); // a new message scrolls the view to its end
    await call('upsert', { id: `a${half}`, role: 'assistant', content: '', status: 'streaming' });
    const following = await call('renderedIds');
    assert.equal(following.length, pageSize, 'trimmed once the view followed the end again');
    assert.deepEqual([following[0], following.at(-1)], ['u1', `a${half}`]);
  });

  it('a message before the rendered page is not held: "show earlier" renders the extension\'s version of it', async () => {
    const pageSize = await call('pageSize');
    await call('open', pageSize); // 2 × pageSize messages: the first half is not sent to the view
    assert.equal((await call('renderedIds')).length, pageSize);
    await collectGarbage();
    assert.equal((await call('alive')).length, pageSize, 'the view was handed only the last page');
    await call('changeOnExtension', 'a0', 'Answer 0, edited.');
    await call('showAll');
    assert.equal((await call('textOf', 'a0'))?.trim(), 'Answer 0, edited.');
  });

  it('a finished streamed answer lets go of its highlighted code (rendered again, it is highlighted again)', async () => {
    const text = 'Intro.\n\n```ts\nconst a = 1;\n```\n\nMiddle.\n\n```py\nprint(2)\n```\n\nEnd.\n';
    assert.equal(await call('highlightCallsAfterFinish', text), 2);
  });
});
