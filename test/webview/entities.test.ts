// Named character references in answers are decoded by the browser's own table (src/webview/render/decodeEntities.ts
// stands in for markdown-it's `entities` package): the same text as markdown-it's table gives, streamed or not, and
// unknown names, references inside code and numeric ones behave as before.
import * as assert from 'node:assert/strict';
import { renderTestPage, type RenderTestPage } from './harness/renderTestPage';

const text = [
  'Wait&hellip; &copy; 2026 &amp; &laquo;quotes&raquo; &nbsp;x &Auml;&szlig; &#x41;&#66; &nosuch; &amp',
  '',
  '`&hellip; stays in code`',
  '',
  '[a link](https://example.com/?a=1&amp;b=2)',
  '',
].join('\n');

describe('named character references', function () {
  this.timeout(60_000);
  let page: RenderTestPage;

  before(async () => {
    page = await renderTestPage();
  });

  beforeEach(async () => {
    await page.reload();
  });

  for (const mode of ['static', 'streamed'] as const) {
    it(`${mode}: are decoded by the browser's table, unknown ones kept as written`, async () => {
      if (mode === 'static') await page.call('mountStatic', text);
      else await page.call('mountStream', text, [4, 9, 2]);
      const paragraph = await page.page.locator('#app p').first().textContent();
      assert.equal(paragraph, 'Wait… © 2026 & «quotes» \u00a0x Äß AB &nosuch; &amp');
      assert.equal(await page.page.locator('#app code').first().textContent(), '&hellip; stays in code');
      assert.equal(await page.page.locator('#app a.sb-link').first().getAttribute('title'), 'https://example.com/?a=1&b=2');
    });
  }
});
