// The streaming renderer, once finished, produces exactly the DOM of a static render of the same text — for any
// way the text is cut into chunks — and while streaming it shows what a static render of the text so far shows.
import * as assert from 'node:assert/strict';
import * as fc from 'fast-check';
import { chunkSizeList, markdownDocument } from './fixtures/markdownArbitrary';
import { chunkSizes, generateLongAnswer } from './fixtures/longAnswer';
import { renderTestPage, type RenderTestPage } from './harness/renderTestPage';

describe('streaming renderer: same result as a static render', function () {
  this.timeout(180_000);
  let page: RenderTestPage;

  before(async () => {
    page = await renderTestPage();
    await page.reload();
  });

  afterEach(async () => {
    assert.deepEqual(await page.call('violations'), [], 'no CSP violation');
    assert.deepEqual(page.pageErrors, [], 'no page error');
  });

  it('finished stream equals the static render, for random documents and random chunkings', async () => {
    await fc.assert(
      fc.asyncProperty(markdownDocument, chunkSizeList, async (text, sizes) => {
        const expected = await page.call('staticHtml', text);
        const streamed = await page.call('streamedHtml', text, sizes);
        assert.equal(streamed, expected);
      }),
      { numRuns: 400, seed: Number(process.env['FC_SEED'] ?? Date.now() % 2 ** 31), verbose: 1 },
    );
  });

  it('while streaming, shows the text a static render of the text so far shows', async () => {
    // Without reference definitions: a link whose definition comes later resolves only at finish() (by design).
    const withoutDefinitions = markdownDocument.filter((text) => !/\]:/.test(text));
    await fc.assert(
      fc.asyncProperty(withoutDefinitions, chunkSizeList, async (text, sizes) => {
        assert.deepEqual(await page.call('streamedTextMismatches', text, sizes), []);
      }),
      { numRuns: 80, verbose: 1 },
    );
  });

  it('one character at a time, and the whole text at once, on a long realistic answer', async () => {
    const text = generateLongAnswer(40_000, 7);
    const expected = await page.call('staticHtml', text);
    assert.equal(await page.call('streamedHtml', text, [1]), expected, 'one character per chunk');
    assert.equal(await page.call('streamedHtml', text, [text.length]), expected, 'one chunk');
    assert.equal(await page.call('streamedHtml', text, chunkSizes(text.length, 3, 16, 40)), expected, '16–40 characters');
  });

  it('CRLF and lone CR line breaks, also split between chunks, and NUL characters', async () => {
    const text = '# Title\r\n\r\nSome text\r\nmore\r\rpara\0graph\r\n\r\n```ts\r\nconst a = 1;\r\n```\r\n\r\n- a\r\n- b\r';
    const expected = await page.call('staticHtml', text);
    for (const sizes of [[1], [2], [3, 1], [5, 7, 2], [text.length]]) {
      assert.equal(await page.call('streamedHtml', text, sizes), expected, `chunks of ${sizes.join(',')}`);
    }
  });

  it('reference-style links defined after their use resolve when the stream finishes', async () => {
    const text =
      'See [the docs][docs] and [API].\n\nMore text here.\n\n```ts\nx\n```\n\nAnd [docs] again.\n\n[docs]: https://example.com/docs\n[api]: https://example.com/api "API"\n';
    const expected = await page.call('staticHtml', text);
    assert.match(expected, /data-href="https:\/\/example.com\/docs"/);
    for (const sizes of [[1], [4], [16, 40], [text.length]]) {
      assert.equal(await page.call('streamedHtml', text, sizes), expected, `chunks of ${sizes.join(',')}`);
    }
  });

  it('getText() returns the text so far (line breaks normalized); reset(text) starts over with it', async () => {
    await page.call('mountStream', 'Hello **world**\r\n\r\n```js\nlet a', [3], false);
    assert.equal(await page.call('getText'), 'Hello **world**\n\n```js\nlet a');
    await page.call('reset', '# New\n\nanswer');
    assert.equal(await page.call('getText'), '# New\n\nanswer');
    await page.call('finish');
    assert.equal(await page.call('appHtml'), await page.call('staticHtml', '# New\n\nanswer'));
  });
});
