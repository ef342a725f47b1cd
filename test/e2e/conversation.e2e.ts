// The chat panel in the real editor, against the fake OpenAI-compatible server the user settings point at
// (model `local-fake/fake-model-a`): streaming, stop, persistence across a reload, code block actions, and model
// output that tries to run code.
import * as assert from 'node:assert/strict';
import type { Frame } from 'playwright-core';
import { darkTheme, highContrastTheme, lightTheme, switchColorTheme } from './harness/colorThemes';
import { runFromCommandPalette } from './harness/commandPalette';
import { saveScreenshot } from './harness/failureArtifacts';
import { editor, fakeServers } from './harness/rootHooks';
import { findWebviewFrame } from './harness/webviewFrames';

async function chatFrame(): Promise<Frame> {
  await runFromCommandPalette(editor().page, 'Switchboard: Open Chat');
  return findWebviewFrame(editor().page, '#input');
}

async function ask(frame: Frame, text: string): Promise<void> {
  await frame.locator('#input').fill(text);
  await frame.locator('#input').press('Enter');
}

/** The last answer's article. */
function lastAnswer(frame: Frame) {
  return frame.locator('article.message.assistant').last();
}

describe('the chat panel in the real editor', () => {
  before(async () => {
    await runFromCommandPalette(editor().page, 'Switchboard: New Chat');
  });

  it('streams the answer into the view as it arrives', async () => {
    const { user } = fakeServers();
    const pieces = ['The first part arrives, ', 'then **more** of it', ' and the end.'];
    user.reply = () => ({ pieces, delayMs: 1500 });
    const frame = await chatFrame();
    const before = user.requestsTo('/chat/completions').length;
    await ask(frame, 'Tell me something in three parts');
    const answer = lastAnswer(frame);
    // The first piece is on screen while the server still holds the rest back.
    await answer.locator('.message-body', { hasText: 'The first part arrives' }).waitFor({ timeout: 15_000 });
    assert.doesNotMatch((await answer.locator('.message-body').textContent()) ?? '', /and the end/);
    await answer.locator('.message-body', { hasText: 'and the end.' }).waitFor({ timeout: 15_000 });
    await frame.locator('#send').waitFor({ state: 'visible', timeout: 10_000 });
    assert.equal(await answer.locator('.message-body strong').textContent(), 'more');
    assert.match((await answer.locator('.message-header').textContent()) ?? '', /local-fake\/fake-model-a/);
    assert.match((await answer.locator('.usage').textContent()) ?? '', /11/);
    const request = user.requestsTo('/chat/completions')[before];
    assert.ok(request);
    const body = JSON.parse(request.body) as { model: string; messages: { role: string; content: string }[] };
    assert.equal(body.model, 'fake-model-a');
    assert.equal(body.messages.at(-1)?.content, 'Tell me something in three parts');
    await saveScreenshot(editor(), 'chat streamed answer');
  });

  it('stops mid-answer: the request is closed and the partial answer is kept, marked stopped', async () => {
    const { user } = fakeServers();
    user.reply = () => ({
      pieces: ['Partial answer that keeps ', 'going ', 'and going ', 'and going ', 'for a long time.'],
      delayMs: 1500,
    });
    const frame = await chatFrame();
    const before = user.requestsTo('/chat/completions').length;
    await ask(frame, 'Write a very long story');
    const answer = lastAnswer(frame);
    await answer.locator('.message-body', { hasText: 'Partial answer' }).waitFor({ timeout: 15_000 });
    await frame.locator('#stop').click();
    const request = user.requestsTo('/chat/completions')[before];
    assert.ok(request, 'the chat request did not reach the server');
    await Promise.race([
      request.closed,
      new Promise((_, reject) => setTimeout(() => reject(new Error('the server never saw the connection close')), 10_000)),
    ]);
    await answer.locator('.badge-stopped').waitFor({ timeout: 10_000 });
    assert.match((await answer.locator('.message-body').textContent()) ?? '', /Partial answer/);
    assert.doesNotMatch((await answer.locator('.message-body').textContent()) ?? '', /long time/);
  });

  it('keeps the conversation and the draft across a window reload', async () => {
    const frame = await chatFrame();
    await frame.locator('#input').fill('a draft I have not sent yet');
    await editor().page.waitForTimeout(800); // the draft is saved 300 ms after the last keystroke
    await editor().reloadWindow();
    const again = await chatFrame();
    await again.locator('article.message.user', { hasText: 'Write a very long story' }).waitFor({ timeout: 20_000 });
    assert.equal(await again.locator('#input').inputValue(), 'a draft I have not sent yet');
    assert.ok((await again.locator('.badge-stopped').count()) >= 1, 'the stopped answer lost its mark');
    await again.locator('#input').fill('');
  });

  it('keeps an answer that finished just before the window reloaded', async () => {
    const { user } = fakeServers();
    const word = `reload-${Date.now().toString(36)}`;
    user.reply = () => ({ pieces: ['The answer ', `ends with ${word}.`] });
    const frame = await chatFrame();
    await ask(frame, 'Answer, then I reload at once');
    await lastAnswer(frame).locator('.message-body', { hasText: word }).waitFor({ timeout: 15_000 });
    // No pause: the reload comes right after the last word, as when a person reloads the moment it appears.
    await editor().reloadWindow();
    const again = await chatFrame();
    await again.locator('article.message.assistant .message-body', { hasText: word }).waitFor({ timeout: 20_000 });
    assert.equal(await again.locator('article.message.user', { hasText: 'Answer, then I reload at once' }).count(), 1);
  });

  it('inserts a code block at the cursor of the last active editor', async () => {
    const { user } = fakeServers();
    user.reply = () => ({ pieces: ['Here you go:\n\n```ts\nexport const inserted = 42;\n```\n'] });
    const { page, bridge } = editor();
    await bridge.cursorAtEnd('src/fibonacci.ts');
    await page.locator('.tab.active', { hasText: 'fibonacci.ts' }).waitFor({ timeout: 10_000 });
    const frame = await chatFrame();
    await ask(frame, 'Give me a constant');
    const answer = lastAnswer(frame);
    await answer.locator('button[data-action="insertAtCursor"]').click({ timeout: 15_000 });
    const deadline = Date.now() + 10_000;
    let text = '';
    while (Date.now() < deadline && !text.includes('export const inserted = 42;')) {
      text = (await bridge.documentText('src/fibonacci.ts')).text;
      await page.waitForTimeout(200);
    }
    assert.match(text, /return current;\n}\n+export const inserted = 42;/);
  });

  it('runs nothing from model output that tries to (XSS corpus)', async () => {
    const { user } = fakeServers();
    const payloads = [
      '<img src=x onerror="window.__xss=1">',
      '<script>window.__xss=2</script>',
      '[click me](javascript:window.__xss=3)',
      '<svg onload="window.__xss=4"><circle r="4"/></svg>',
      '<iframe srcdoc="<script>parent.__xss=5</script>"></iframe>',
      '<a href="javascript:window.__xss=6">anchor</a>',
      '![pic](x" onerror="window.__xss=7)',
      '<math><mtext><img src=x onerror="window.__xss=8"></mtext></math>',
      '[data link](data:text/html;base64,PHNjcmlwdD5wYXJlbnQuX194c3M9OTwvc2NyaXB0Pg==)',
      '<div style="background:url(javascript:window.__xss=10)" onmouseover="window.__xss=11">hover me</div>',
      '<style>* { background: red !important }</style>',
      '<form action="javascript:window.__xss=12"><button>submit</button></form>',
      '[vb](vbscript:msgbox(1))',
      '<object data="javascript:window.__xss=13"></object>',
      '```html\n<script>window.__xss=14</script>\n```',
      'Autolink <javascript:window.__xss=15>',
      '<details open ontoggle="window.__xss=16">x</details>',
    ];
    user.reply = () => ({ pieces: [payloads.join('\n\n')] });
    const frame = await chatFrame();
    await frame.evaluate(() => {
      const w = window as unknown as { __violations: string[] };
      w.__violations = [];
      document.addEventListener('securitypolicyviolation', (event) =>
        w.__violations.push(`${event.violatedDirective} ${event.blockedURI}`),
      );
    });
    await ask(frame, 'Show me some HTML');
    const answer = lastAnswer(frame);
    await answer.locator('.message-body', { hasText: 'hover me' }).waitFor({ timeout: 15_000 });
    await frame.locator('#send').waitFor({ state: 'visible', timeout: 10_000 });
    // Hover and click everything a person might.
    await answer.locator('.message-body', { hasText: 'hover me' }).hover();
    for (const link of await answer.locator('.message-body a').all()) await link.click({ timeout: 2000 }).catch(() => undefined);
    await editor().page.waitForTimeout(1000);

    const result = await frame.evaluate(() => {
      const body = document.querySelector('article.message.assistant:last-of-type .message-body');
      const all = [...(body?.querySelectorAll('*') ?? [])];
      return {
        marker: (window as unknown as { __xss?: unknown }).__xss,
        parentMarker: (() => {
          try {
            return (window.parent as unknown as { __xss?: unknown }).__xss;
          } catch {
            return 'cross-origin';
          }
        })(),
        dangerousElements: all
          .filter((el) =>
            ['SCRIPT', 'IFRAME', 'OBJECT', 'EMBED', 'FORM', 'STYLE', 'SVG', 'MATH', 'DETAILS'].includes(el.tagName.toUpperCase()),
          )
          .map((el) => el.tagName),
        eventAttributes: all.flatMap((el) =>
          [...el.attributes].filter((attribute) => attribute.name.startsWith('on')).map((attribute) => `${el.tagName}[${attribute.name}]`),
        ),
        styleAttributes: all.filter((el) => el.hasAttribute('style')).map((el) => el.tagName),
        hrefs: all.flatMap((el) =>
          ['href', 'src', 'data-href', 'action', 'data']
            .map((name) => el.getAttribute(name))
            .filter((value): value is string => value !== null),
        ),
        violations: (window as unknown as { __violations: string[] }).__violations,
        background: getComputedStyle(document.body).backgroundColor,
      };
    });
    assert.equal(result.marker, undefined, 'a payload ran in the webview');
    assert.ok(result.parentMarker === undefined || result.parentMarker === 'cross-origin', 'a payload ran in the parent frame');
    assert.deepEqual(result.dangerousElements, []);
    assert.deepEqual(result.eventAttributes, []);
    assert.deepEqual(result.styleAttributes, []);
    for (const href of result.hrefs) assert.match(href, /^(https?:|mailto:|#)/, `unsafe link target survived: ${href}`);
    assert.deepEqual(result.violations, [], 'payloads reached the DOM and were only stopped by the CSP');
    assert.notEqual(result.background, 'rgb(255, 0, 0)', 'an injected <style> applied');
    // The raw HTML shows as text, so the user still sees what the model wrote.
    assert.match((await answer.locator('.message-body').textContent()) ?? '', /<img src=x onerror/);
    assert.equal(await editor().page.evaluate(() => (window as unknown as { __xss?: unknown }).__xss), undefined);
    await saveScreenshot(editor(), 'chat xss corpus rendered as text');
  });

  it('looks right in the light, dark and high-contrast themes', async () => {
    const { user } = fakeServers();
    user.reply = () => ({
      pieces: [
        'A short answer with `inline code`, a [link](https://example.com) and code:\n\n```python\ndef greet(name):\n    return f"Hello, {name}!"\n```\n',
      ],
    });
    const frame = await chatFrame();
    await ask(frame, 'Greet me in Python');
    await lastAnswer(frame).locator('.message-body', { hasText: 'def greet' }).waitFor({ timeout: 15_000 });
    for (const theme of [lightTheme, highContrastTheme, darkTheme]) {
      // The picture is named after the theme, so it is taken only once the workbench and the webview are in it.
      await switchColorTheme(editor(), frame, theme);
      const colors = await frame.evaluate(() => ({
        text: getComputedStyle(document.body).color,
        background: getComputedStyle(document.body).backgroundColor,
      }));
      assert.notEqual(colors.text, colors.background, `${theme.name}: text and background have the same colour`);
      await saveScreenshot(editor(), `chat theme ${theme.name}`);
    }
  });
});
