// Links never navigate by themselves: the renderer makes them inert and hands the URL to onLinkClick (the
// extension opens http(s) after VS Code's confirmation). Mouse, middle-click and keyboard.
import * as assert from 'node:assert/strict';
import { renderTestPage, type RenderTestPage } from './harness/renderTestPage';

const text =
  'Read [the docs](https://example.com/docs?a=1&b=2 "Docs"), <https://example.com/auto>, write to me@example.org, see [below](#notes) or http://example.net/plain.\n\n- [in a list](https://example.com/list)\n';
const expected = [
  'https://example.com/docs?a=1&b=2',
  'https://example.com/auto',
  'mailto:me@example.org',
  '#notes',
  'http://example.net/plain',
  'https://example.com/list',
];

describe('links', function () {
  this.timeout(60_000);
  let page: RenderTestPage;

  before(async () => {
    page = await renderTestPage();
  });

  beforeEach(async () => {
    await page.reload();
  });

  afterEach(async () => {
    assert.deepEqual(page.navigations, [], 'the page never navigated');
    assert.equal(page.page.context().pages().length, 1, 'no window opened');
    assert.deepEqual(await page.call('violations'), []);
  });

  for (const mode of ['static', 'streamed'] as const) {
    it(`${mode}: a click calls onLinkClick with the URL and does not navigate`, async () => {
      if (mode === 'static') await page.call('mountStatic', text);
      else await page.call('mountStream', text, [3, 17, 5]);
      const url = page.page.url();
      const links = page.page.locator('#app a.sb-link');
      assert.equal(await links.count(), expected.length);
      for (let i = 0; i < expected.length; i++) await links.nth(i).click();
      await links.nth(0).click({ modifiers: ['Control'] });
      await links.nth(1).click({ button: 'middle' });
      assert.deepEqual((await page.call('recorded')).links, [...expected, expected[0]]);
      assert.equal(page.page.url(), url);
    });
  }

  it('links have no href; they are focusable, announced as links, titled with their URL, and open with Enter', async () => {
    await page.call('mountStatic', text);
    const attributes = await page.page.locator('#app a.sb-link').evaluateAll((links) =>
      links.map((a) => ({
        href: a.getAttribute('href'),
        role: a.getAttribute('role'),
        tabindex: a.getAttribute('tabindex'),
        title: a.getAttribute('title'),
      })),
    );
    assert.deepEqual(attributes[0], { href: null, role: 'link', tabindex: '0', title: 'Docs' });
    assert.deepEqual(attributes[1], { href: null, role: 'link', tabindex: '0', title: 'https://example.com/auto' });
    await page.call('clearRecorded');
    await page.page.keyboard.press('Tab');
    await page.page.keyboard.press('Enter');
    await page.page.keyboard.press('Tab');
    await page.page.keyboard.press('Enter');
    assert.deepEqual((await page.call('recorded')).links, expected.slice(0, 2));
  });

  it('images are never loaded: they become links to the image', async () => {
    await page.call(
      'mountStatic',
      '![a diagram](https://example.com/d.png) and [![badge](https://example.com/b.svg)](https://example.com/project)',
    );
    assert.equal(await page.page.locator('#app img').count(), 0);
    const anchors = await page.page.locator('#app a').evaluateAll((list) => list.map((a) => [a.textContent, a.getAttribute('data-href')]));
    assert.deepEqual(anchors, [
      ['Image: a diagram', 'https://example.com/d.png'],
      ['Image: badge', 'https://example.com/project'],
    ]);
  });
});
