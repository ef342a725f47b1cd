// Model output is untrusted (docs/chat.md, docs/security.md): nothing in it may run, load, or navigate — neutralized by the
// renderer itself (raw HTML off, sanitizer, inert links), not merely stopped by the CSP: the page records every
// CSP violation, and there must be none. Each payload would set window.__xss (or open a dialog) if it ran.
import * as assert from 'node:assert/strict';
import { renderTestPage, type RenderTestPage } from './harness/renderTestPage';

const payloads: readonly string[] = [
  '<img src=x onerror="window.__xss=1">',
  '<script>window.__xss=1</script>',
  '<svg onload="window.__xss=1"></svg>',
  '<svg><script>window.__xss=1</script></svg>',
  '<svg><a xlink:href="javascript:window.__xss=1"><text x="20" y="20">x</text></a></svg>',
  '<iframe srcdoc="<script>parent.__xss=1</script>"></iframe>',
  '<iframe src="javascript:parent.__xss=1"></iframe>',
  '<math><mtext><table><mglyph><style><img src=x onerror="window.__xss=1">',
  '<math href="javascript:window.__xss=1">m</math>',
  '<style>@import "http://evil.example/x.css"; body { background: url("javascript:window.__xss=1") }</style>',
  '<div style="background:url(javascript:window.__xss=1)">styled</div>',
  '<link rel="stylesheet" href="http://evil.example/x.css">',
  '<a href="javascript:window.__xss=1">click</a>',
  '[x](javascript:window.__xss=1)',
  '[x](JaVaScRiPt:window.__xss=1)',
  '[x](javascript&#58;window.__xss=1)',
  '[x](&#106;avascript:window.__xss=1)',
  '[x](java\tscript:window.__xss=1)',
  '[x](<javascript:window.__xss=1>)',
  '[x]( javascript:window.__xss=1 )',
  '[x](%6Aavascript:window.__xss=1)',
  '[x](vbscript:msgbox(1))',
  '[x](data:text/html;base64,PHNjcmlwdD5wYXJlbnQuX194c3M9MTwvc2NyaXB0Pg==)',
  '[x](data:text/html,<script>parent.__xss=1</script>)',
  '[x](file:///etc/passwd)',
  '[x](//evil.example/path)',
  '[x](command:workbench.action.terminal.new)',
  '[x](vscode://file/etc/passwd)',
  '<javascript:window.__xss=1>',
  '<vbscript:msgbox(1)>',
  '<data:text/html,<script>parent.__xss=1</script>>',
  '[x][r]\n\n[r]: javascript:window.__xss=1',
  '![x](javascript:window.__xss=1)',
  '![x" onerror="window.__xss=1](https://example.com/a.png)',
  '![x](https://example.com/a.png" onerror="window.__xss=1)',
  '![x](x onerror=window.__xss=1)',
  '![tracker](https://evil.example/pixel.gif)',
  '![inline](data:image/svg+xml;base64,PHN2ZyBvbmxvYWQ9InBhcmVudC5fX3hzcz0xIi8+)',
  '[![img](https://example.com/i.png)](javascript:window.__xss=1)',
  '[x](https://example.com "title\\" onmouseover=\\"window.__xss=1")',
  '&lt;script&gt;window.__xss=1&lt;/script&gt;',
  '&#60;img src=x onerror=window.__xss=1&#62;',
  '```html\n<script>window.__xss=1</script>\n<img src=x onerror="window.__xss=1">\n```',
  '```"><img src=x onerror="window.__xss=1">\ncode\n```',
  '~~~ onclick=window.__xss=1 class="x"\ncode\n~~~',
  '`<img src=x onerror="window.__xss=1">`',
  '<form action="javascript:window.__xss=1"><button>go</button></form>',
  '<input autofocus onfocus="window.__xss=1">',
  '<object data="javascript:window.__xss=1"></object><embed src="javascript:window.__xss=1">',
  '<base href="javascript:window.__xss=1//">\n\n[relative](foo)',
  '<meta http-equiv="refresh" content="0;url=javascript:window.__xss=1">',
  '<details open ontoggle="window.__xss=1">',
  '<a id="sbTest" name="sbTest">clobber</a><form name="getElementById"></form>',
  'www.example.com/<script>window.__xss=1</script>',
  'https://example.com/"onmouseover="window.__xss=1',
  'https://example.com/<img src=x onerror=window.__xss=1>',
  '| a |\n|---|\n| <img src=x onerror="window.__xss=1"> |',
  '> <script>window.__xss=1</script>',
  '- <svg onload=window.__xss=1>',
  '<!-- --><script>window.__xss=1</script>',
  '<textarea><script>window.__xss=1</script></textarea>',
  '[<img src=x onerror=window.__xss=1>](https://example.com)',
  '<x-foo onclick="window.__xss=1">custom</x-foo>',
  '<template><script>window.__xss=1</script></template>',
  '<noscript><p title="</noscript><img src=x onerror=window.__xss=1>">',
  '<script nonce="guess">window.__xss=1</script>',
  '\u0000<script>window.__xss=1</script>',
  '<scr<script>ipt>window.__xss=1</script>',
];

describe('untrusted model output', function () {
  this.timeout(120_000);
  let page: RenderTestPage;

  before(async () => {
    page = await renderTestPage();
    await page.reload();
  });

  const assertNothingRan = async (what: string): Promise<void> => {
    assert.deepEqual(await page.call('auditDom'), [], `${what}: DOM`);
    await page.call('clickEverything');
    await page.page.waitForTimeout(30);
    assert.equal(await page.call('xssMarker'), undefined, `${what}: a payload ran`);
    assert.deepEqual(await page.call('violations'), [], `${what}: the CSP had to step in`);
    assert.deepEqual(page.dialogs, [], `${what}: a dialog opened`);
    assert.deepEqual(page.navigations, [], `${what}: the page navigated`);
    assert.deepEqual(page.pageErrors, [], `${what}: page error`);
    const { links } = await page.call('recorded');
    for (const href of links) assert.match(href, /^(?:https?:|mailto:|#)/i, `${what}: link callback got ${href}`);
  };

  for (const [index, payload] of payloads.entries()) {
    it(`payload ${index + 1}: ${JSON.stringify(payload).slice(0, 70)}`, async () => {
      const text = `Before.\n\n${payload}\n\nAfter.`;
      await page.call('mountStatic', text);
      await assertNothingRan('static');
      await page.call('mountStream', text, [1, 2, 3, 5, 8]);
      await assertNothingRan('streamed');
    });
  }

  it('all payloads in one answer, streamed in chunks of 16–40 characters, and still open (not finished)', async () => {
    const text = payloads.join('\n\n');
    await page.call('mountStream', text, [16, 23, 40, 31]);
    await assertNothingRan('finished');
    await page.call('mountStream', `${text}\n\n\`\`\`html\n<script>window.__xss=1</script>`, [17, 29], false);
    await assertNothingRan('open');
  });

  it('raw HTML is shown as text, not dropped', async () => {
    await page.call('mountStatic', 'Use <script>alert(1)</script> and <b>bold</b> & &lt;ok&gt;');
    assert.equal((await page.call('appText')).trim(), 'Use <script>alert(1)</script> and <b>bold</b> & <ok>');
  });

  it('a link whose scheme is not allowed stays as text: no URL anywhere in the DOM', async () => {
    await page.call(
      'mountStatic',
      '[a](javascript:alert(1)) [b](data:text/html,x) [c](file:///x) [d](relative/path) [e](https://ok.example/)',
    );
    const anchors = await page.page
      .locator('#app a')
      .evaluateAll((list) => list.map((a) => [a.textContent, a.getAttribute('data-href'), a.getAttribute('href')]));
    assert.deepEqual(anchors, [
      ['d', null, null],
      ['e', 'https://ok.example/', null],
    ]);
    assert.match(await page.call('appText'), /\[a\]\(javascript:alert\(1\)\)/);
  });
});
