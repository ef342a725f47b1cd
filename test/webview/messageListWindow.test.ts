// A chat view left open keeps a bounded DOM (issue 13's soak: 1,000 answers into one view, heap after the last
// within 1.5× of after the 100th). The real MessageList in headless Chromium under the webview's CSP: answers
// streamed as the extension posts them; only the last page stays rendered while the reader follows the end, what
// they scrolled up to read stays, "show earlier" brings everything back, and a finished answer lets go of its
// highlighted code.
import * as assert from 'node:assert/strict';
import type { Browser, Page } from 'playwright-core';
import { launchChromium } from '../../scripts/editor/chromium';
import { startPageServer, type PageServer } from './harness/pageServer';
import type { MessageListPageApi } from './page/messageListPage';

describe('message list: a view left open stays the same size', function () {
  this.timeout(60_000);
  let server: PageServer;
  let browser: Browser;
  let page: Page;
  const pageErrors: string[] = [];

  const call = <K extends keyof MessageListPageApi>(name: K, ...args: Parameters<MessageListPageApi[K]>): Promise<Awaited<ReturnType<MessageListPageApi[K]>>> =>
    page.evaluate(
      ([n, a]) => (window as unknown as { sbList: Record<string, (...x: unknown[]) => unknown> }).sbList[n]!(...a),
      [name, args] as [string, unknown[]],
    ) as never;

  before(async () => {
    server = await startPageServer({ entry: 'test/webview/page/messageListPage.ts', styles: ['src/webview/render/markdown.css'] });
    browser = await launchChromium();
    page = await browser.newPage({ viewport: { width: 400, height: 900 } });
    page.on('pageerror', (error) => pageErrors.push(error.message));
  });

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

  it('an update of a message before the rendered page does not add it to the end', async () => {
    const pageSize = await call('pageSize');
    await call('open', pageSize); // 2 × pageSize messages: the first half is not rendered
    const before = await call('renderedIds');
    assert.equal(before.length, pageSize);
    await call('upsert', { id: 'a0', role: 'assistant', content: 'Answer 0, edited.', status: 'complete' });
    assert.deepEqual(await call('renderedIds'), before);
    await call('showAll');
    assert.equal((await call('textOf', 'a0'))?.trim(), 'Answer 0, edited.');
  });

  it('a finished streamed answer lets go of its highlighted code (rendered again, it is highlighted again)', async () => {
    const text = 'Intro.\n\n```ts\nconst a = 1;\n```\n\nMiddle.\n\n```py\nprint(2)\n```\n\nEnd.\n';
    assert.equal(await call('highlightCallsAfterFinish', text), 2);
  });
});
