import * as assert from 'node:assert/strict';
import { runFromCommandPalette } from './harness/commandPalette';
import { saveScreenshot } from './harness/failureArtifacts';
import { protocolLimits } from '../../src/shared/webviewProtocol';
import { editor, fakeServers } from './harness/rootHooks';
import { findWebviewFrame } from './harness/webviewFrames';

describe('the chat view in the real editor', () => {
  it('opens from the Command Palette and renders its empty state', async () => {
    const { page } = editor();
    await runFromCommandPalette(page, 'Switchboard: Open Chat');
    // Whatever other suites left open, a new chat starts empty.
    await runFromCommandPalette(page, 'Switchboard: New Chat');
    const frame = await findWebviewFrame(page, '#empty-state');
    const title = frame.locator('#empty-state h2');
    await title.waitFor({ state: 'visible', timeout: 10_000 });
    assert.equal(await title.textContent(), 'Ask Switchboard');
    assert.match((await frame.locator('#empty-state').textContent()) ?? '', /secret storage/);
    // The view sits in the Switchboard container of the side bar, titled "Chat".
    const sideBarTitle = page.locator('.part.sidebar .composite.title');
    await sideBarTitle.waitFor({ state: 'visible', timeout: 10_000 });
    assert.match((await sideBarTitle.textContent()) ?? '', /Switchboard: Chat/i);
    // Theme variables reach the webview: the text colour is the theme's foreground, not the browser default.
    const color = await title.evaluate((el) => getComputedStyle(el).color);
    assert.notEqual(color, 'rgb(0, 0, 0)');
    await saveScreenshot(editor(), 'chat view empty state');
  });

  it('runs under the strict Content-Security-Policy', async () => {
    const frame = await findWebviewFrame(editor().page, '#empty-state');
    const csp = await frame.locator('meta[http-equiv="Content-Security-Policy"]').getAttribute('content');
    assert.ok(csp, 'no CSP meta tag');
    const directives = new Map(
      csp.split(';').map((part) => {
        const [name = '', ...values] = part.trim().split(/\s+/);
        return [name, values] as const;
      }),
    );
    assert.deepEqual(directives.get('default-src'), ["'none'"]);
    const scriptSrc = directives.get('script-src') ?? [];
    assert.equal(scriptSrc.length, 1, `script-src should be only the nonce, was ${scriptSrc.join(' ')}`);
    assert.match(scriptSrc[0] ?? '', /^'nonce-[A-Za-z0-9+/=]{20,}'$/);
    assert.ok(!csp.includes('unsafe-inline') && !csp.includes('unsafe-eval'), csp);
    // The only origin allowed anywhere is the webview's own resource origin.
    const origins = [...directives.values()].flat().filter((value) => !value.startsWith("'") && value !== 'data:');
    assert.ok(origins.length > 0);
    assert.equal(new Set(origins).size, 1, `more than one origin allowed: ${[...new Set(origins)].join(' ')}`);
    // The one script file is the bundle, carrying the CSP's nonce. The only inline script is the one VS Code
    // itself puts before our CSP tag to define acquireVsCodeApi; the document Switchboard writes has none.
    const scripts = await frame.locator('script').evaluateAll((nodes) =>
      nodes.map((node) => ({
        src: (node as HTMLScriptElement).src,
        text: node.textContent ?? '',
        nonce: (node as HTMLScriptElement).nonce,
      })),
    );
    const bundles = scripts.filter((script) => script.src !== '');
    assert.equal(bundles.length, 1);
    assert.match(bundles[0]?.src ?? '', /switchboard\.switchboard-[\d.]+\/dist\/webview\.js$/);
    assert.equal(`'nonce-${bundles[0]?.nonce}'`, scriptSrc[0]);
    for (const inline of scripts.filter((script) => script.src === '')) {
      assert.match(inline.text, /acquireVsCodeApi/, `unexpected inline script: ${inline.text.slice(0, 200)}`);
    }
  });

  it('refuses a message over the protocol limit with a visible reason, and keeps the draft', async () => {
    const { page } = editor();
    const { user } = fakeServers();
    await runFromCommandPalette(page, 'Switchboard: Open Chat');
    await runFromCommandPalette(page, 'Switchboard: New Chat');
    const frame = await findWebviewFrame(page, '#input');
    const chatsBefore = user.requestsTo('/chat/completions').length;
    const text = 'x'.repeat(protocolLimits.longText + 1);
    await frame.locator('#input').fill(text);
    await frame.locator('#input').press('Enter');
    const problem = frame.locator('#composer-problem');
    await problem.waitFor({ state: 'visible', timeout: 10_000 });
    assert.match(
      (await problem.textContent()) ?? '',
      /2,000,001 characters long; the most one message can carry is 2,000,000\. Nothing was sent/,
    );
    assert.equal(await problem.getAttribute('role'), 'alert');
    assert.equal((await frame.locator('#input').inputValue()).length, text.length, 'the draft is kept');
    assert.equal(await frame.locator('article.message.user').count(), 0, 'no message was added');
    assert.equal(user.requestsTo('/chat/completions').length, chatsBefore);
    await saveScreenshot(editor(), 'over-long message refused');
    // Editing the draft clears the reason; an empty input leaves the chat as it was.
    await frame.locator('#input').fill('');
    await problem.waitFor({ state: 'hidden', timeout: 10_000 });
  });

  it('shows its log from the Command Palette', async () => {
    const { page } = editor();
    await runFromCommandPalette(page, 'Switchboard: Show Log');
    const output = page.locator('.part.panel .output-view, .part.panel [id="workbench.panel.output"]').first();
    await output.waitFor({ state: 'visible', timeout: 15_000 });
    // The activation line is the log's first: go to the top, as later lines may have scrolled it out of view.
    await page.locator('.part.panel .view-line').last().click();
    await page.keyboard.press('Control+Home');
    // Monaco renders spaces as no-break spaces, hence \s.
    await page
      .locator('.part.panel .view-line', { hasText: /Switchboard\s[\d.]+\sactivated\sin\s[\d.]+\sms/ })
      .first()
      .waitFor({ state: 'visible', timeout: 15_000 });
  });
});
