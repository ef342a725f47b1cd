// Applying code from an answer (issue 15), the view's side: a code block that names its file (in the fence's info
// string or a first-line comment, src/shared/codeBlockTarget.ts) shows the file before its buttons and says where its
// Apply goes; every code button posts the fence's info string and the answer's id; a finished answer whose blocks name
// two or more different files offers "Apply all (N files)", posting `applyAll`. The renderer is tested on its test
// page, the rest in the real chat view (src/webview/main.ts, its CSS, under the webview's CSP) in headless Chromium.
import * as assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import * as path from 'node:path';
import type { Page } from 'playwright-core';
import {
  parseWebviewToExtensionMessage,
  type ExtensionToWebviewMessage,
  type MessageView,
  type WebviewToExtensionMessage,
} from '../../src/shared/webviewProtocol';
import { darkModern, lightModern, type VsCodeTheme } from './fixtures/vscodeThemes';
import { chatViewSession, initMessage } from './harness/chatViewSession';
import { renderTestPage, type RenderTestPage } from './harness/renderTestPage';

const screenshots = path.resolve(__dirname, '../../test-results/screenshots');

const fence = (info: string, code: string): string => `\`\`\`${info}\n${code}\n\`\`\`\n`;

/** An answer that changes two files (one of them named in a first-line comment) and shows a command without a file. */
const twoFileAnswer = [
  'Move the formatting into a helper:\n\n',
  fence('ts src/util/date.ts', 'export function formatDate(date: Date): string {\n  return date.toISOString().slice(0, 10);\n}'),
  '\nand use it where the date is shown:\n\n',
  fence(
    'tsx',
    '// src/components/Header.tsx\nimport { formatDate } from "../util/date";\n\nexport const Header = () => <h1>{formatDate(new Date())}</h1>;',
  ),
  '\nThen run:\n\n',
  fence('sh', 'npm test'),
].join('');

describe('applying code: the file a code block names, in its toolbar (renderer)', function () {
  this.timeout(60_000);
  let page: RenderTestPage;

  before(async () => {
    page = await renderTestPage();
  });

  beforeEach(async () => {
    await page.reload();
  });

  afterEach(async () => {
    assert.deepEqual(await page.call('violations'), [], 'no CSP violation');
    assert.deepEqual(page.pageErrors, [], 'no page error');
  });

  const block = (index = 0) => page.page.locator('#app .sb-code').nth(index);
  const apply = (index = 0) => block(index).locator('button[data-action="applyAsDiff"]');

  it('a fence tagged with a path shows it before the buttons, and its Apply says where it applies and hands over the info string', async () => {
    const text = `Here:\n\n${fence('ts src/a.ts', 'export const a = 1;')}`;
    for (const mode of ['static', 'stream'] as const) {
      if (mode === 'static') await page.call('mountStatic', text);
      else await page.call('mountStream', text, [3, 7, 2]);
      await page.call('clearRecorded');
      const header = await block()
        .locator('.sb-code-header > *')
        .evaluateAll((children) => children.map((child) => child.className));
      assert.deepEqual(
        header,
        ['sb-code-language', 'sb-code-path', 'sb-code-toolbar'],
        `${mode}: the path sits between language and buttons`,
      );
      assert.equal(await block().locator('.sb-code-path').textContent(), 'src/a.ts', mode);
      assert.equal(await block().locator('.sb-code-path').getAttribute('title'), 'src/a.ts', `${mode}: the whole path as tooltip`);
      assert.equal(await block().getAttribute('aria-label'), 'Code block: ts, src/a.ts', mode);
      assert.equal(await apply().getAttribute('aria-label'), 'Apply to src/a.ts', mode);
      assert.equal(await apply().getAttribute('title'), 'Apply to src/a.ts', mode);
      await apply().click();
      assert.deepEqual(
        (await page.call('recorded')).actions,
        [{ action: 'applyAsDiff', block: { code: 'export const a = 1;', language: 'ts', info: 'ts src/a.ts', index: 0 } }],
        mode,
      );
    }
  });

  it('a path in a first-line comment shows too; the code handed over is still exactly what the model wrote', async () => {
    await page.call('mountStatic', fence('python', '# file: app/main.py\nprint("hi")'));
    await page.call('clearRecorded');
    assert.equal(await block().locator('.sb-code-path').textContent(), 'app/main.py');
    assert.equal(await apply().getAttribute('aria-label'), 'Apply to app/main.py');
    await block().locator('button[data-action="copy"]').click();
    assert.deepEqual((await page.call('recorded')).actions, [
      { action: 'copy', block: { code: '# file: app/main.py\nprint("hi")', language: 'python', info: 'python', index: 0 } },
    ]);
  });

  it('a block that names no file has no path label and the usual Apply', async () => {
    await page.call('mountStatic', `${fence('ts', 'const x = 1;')}\n    indented code\n`);
    await page.call('clearRecorded');
    for (const index of [0, 1]) {
      assert.equal(await block(index).locator('.sb-code-path').count(), 0, `block ${index}`);
      assert.equal(await block(index).getAttribute('data-path'), null, `block ${index}`);
      assert.equal(await apply(index).getAttribute('aria-label'), 'Apply as diff', `block ${index}`);
    }
    assert.equal(await block().getAttribute('aria-label'), 'Code block: ts');
    await apply(0).click();
    await apply(1).click();
    assert.deepEqual((await page.call('recorded')).actions, [
      { action: 'applyAsDiff', block: { code: 'const x = 1;', language: 'ts', info: 'ts', index: 0 } },
      { action: 'applyAsDiff', block: { code: 'indented code', language: '', info: '', index: 1 } },
    ]);
  });

  it('while a block streams, a path in its info string shows at once; one in its first line shows when the block closes', async () => {
    await page.call('mountStream', 'Two files:\n\n```ts:src/a.ts\nexport const a', [5], false);
    assert.equal(await block(0).getAttribute('data-state'), 'streaming');
    assert.equal(await block(0).locator('.sb-code-path').textContent(), 'src/a.ts', 'named by the opener line');
    await page.call('append', ' = 1;\n```\n\n```go\n// cmd/main.go\npackage ma');
    assert.equal(await block(1).getAttribute('data-state'), 'streaming');
    assert.equal(await block(1).locator('.sb-code-path').count(), 0, 'the first line is not trusted before the block closes');
    await page.call('append', 'in\n```\n');
    assert.equal(await block(1).getAttribute('data-state'), null);
    assert.equal(await block(1).locator('.sb-code-path').textContent(), 'cmd/main.go');
    assert.equal(await block(1).locator('button[data-action="applyAsDiff"]').getAttribute('aria-label'), 'Apply to cmd/main.go');
  });

  it('a finished stream has the same blocks, paths and labels as a static render of the same text', async () => {
    const text = `${twoFileAnswer}\n- a list:\n\n  \`\`\`css title="web/site.css"\n  a { color: red; }\n  \`\`\`\n`;
    for (const sizes of [[1], [4, 9, 2], [17]]) {
      assert.equal(await page.call('streamedHtml', text, sizes), await page.call('staticHtml', text), `chunks of ${sizes.join(',')}`);
    }
    await page.call('mountStatic', text);
    const paths = await page.page.locator('#app .sb-code').evaluateAll((blocks) => blocks.map((b) => b.getAttribute('data-path')));
    assert.deepEqual(paths, ['src/util/date.ts', 'src/components/Header.tsx', null, 'web/site.css']);
  });

  it('the path label is text only, never markup, and is hidden from screen readers (the names carry it)', async () => {
    await page.call('mountStatic', fence('html <img src=x onerror="window.__xss=1">', '<!-- path: site/index.html -->\n<p>hi</p>'));
    assert.equal(await block().locator('.sb-code-path').getAttribute('aria-hidden'), 'true');
    assert.equal(await block().locator('.sb-code-path').textContent(), 'site/index.html');
    assert.deepEqual(await page.call('auditDom'), []);
    assert.equal(await page.call('xssMarker'), undefined);
  });

  it('keyboard: the toolbar is still one tab stop with arrow keys, Home and End; the path label is not a stop', async () => {
    await page.call('mountStatic', `Before\n\n${fence('ts src/a.ts', 'x')}`);
    await page.call('clearRecorded');
    const focused = () => page.page.evaluate(() => (document.activeElement as HTMLElement | null)?.dataset['action']);
    await page.page.keyboard.press('Tab');
    assert.equal(await focused(), 'copy');
    await page.page.keyboard.press('ArrowRight');
    await page.page.keyboard.press('ArrowRight');
    assert.equal(await focused(), 'applyAsDiff');
    await page.page.keyboard.press('End');
    assert.equal(await focused(), 'saveAsNewFile');
    await page.page.keyboard.press('Home');
    assert.equal(await focused(), 'copy');
    await page.page.keyboard.press('ArrowLeft');
    assert.equal(await focused(), 'saveAsNewFile', 'wraps around');
    await page.page.keyboard.press('ArrowLeft');
    await page.page.keyboard.press('Enter');
    assert.deepEqual((await page.call('recorded')).actions, [
      { action: 'applyAsDiff', block: { code: 'x', language: 'ts', info: 'ts src/a.ts', index: 0 } },
    ]);
    assert.equal(await page.page.locator('#app [tabindex="0"]').count(), 1, 'one tab stop per toolbar');
  });
});

function init(messages: MessageView[]): ExtensionToWebviewMessage {
  return initMessage(messages);
}

const question: MessageView = { id: 'u0', role: 'user', content: 'Show the date as YYYY-MM-DD in the header.' };

function answer(id: string, content: string, status: MessageView['status'] = 'complete'): MessageView {
  return { id, role: 'assistant', content, status, provider: 'openai', model: 'gpt-4o-mini' };
}

describe('applying code: the chat view posts the answer and offers "Apply all"', function () {
  this.timeout(60_000);
  const chat = chatViewSession({ viewport: { width: 420, height: 720 } });
  const { call } = chat;
  let page: Page;
  before(() => {
    page = chat.page;
  });

  const open = (messages: MessageView[], lang = 'en'): Promise<void> => chat.open(lang, init(messages));

  /** What the view posted of `type`, each checked against the protocol as the extension checks it. */
  async function posted<T extends WebviewToExtensionMessage['type']>(type: T): Promise<Extract<WebviewToExtensionMessage, { type: T }>[]> {
    const all = await call('posted');
    for (const message of all) assert.equal(parseWebviewToExtensionMessage(message).ok, true, JSON.stringify(message));
    return all.filter((message): message is Extract<WebviewToExtensionMessage, { type: T }> => message.type === type);
  }

  const applyAll = (id: string) => page.locator(`article[data-id="${id}"] .message-footer .apply-all`);

  before(() => {
    mkdirSync(screenshots, { recursive: true });
  });

  it('a code button posts the block with its info string and the id of its answer', async () => {
    await open([question, answer('a0', twoFileAnswer)]);
    const blocks = page.locator('article[data-id="a0"] .sb-code');
    await blocks.nth(0).locator('button[data-action="applyAsDiff"]').click();
    await blocks.nth(1).locator('button[data-action="insertAtCursor"]').click();
    await blocks.nth(2).locator('button[data-action="applyAsDiff"]').click();
    assert.deepEqual(await posted('codeAction'), [
      {
        type: 'codeAction',
        action: 'applyAsDiff',
        code: 'export function formatDate(date: Date): string {\n  return date.toISOString().slice(0, 10);\n}',
        language: 'ts',
        info: 'ts src/util/date.ts',
        messageId: 'a0',
      },
      {
        type: 'codeAction',
        action: 'insertAtCursor',
        code: '// src/components/Header.tsx\nimport { formatDate } from "../util/date";\n\nexport const Header = () => <h1>{formatDate(new Date())}</h1>;',
        language: 'tsx',
        info: 'tsx',
        messageId: 'a0',
      },
      { type: 'codeAction', action: 'applyAsDiff', code: 'npm test', language: 'sh', info: 'sh', messageId: 'a0' },
    ]);
    assert.equal(await blocks.nth(2).locator('.sb-code-path').count(), 0, 'the command names no file');
  });

  it('an answer whose blocks name two files offers "Apply all (2 files)", which posts applyAll with its id', async () => {
    await open([question, answer('a0', twoFileAnswer)]);
    const button = applyAll('a0');
    assert.equal(await button.count(), 1);
    assert.equal(await button.evaluate((b) => b.tagName), 'BUTTON');
    assert.equal((await button.textContent())?.trim(), 'Apply all (2 files)');
    assert.equal(await button.getAttribute('aria-label'), 'Apply all changes: 2 files');
    assert.equal(await button.getAttribute('title'), 'Apply all changes: 2 files\nsrc/util/date.ts\nsrc/components/Header.tsx');
    await button.click();
    assert.deepEqual(await posted('applyAll'), [{ type: 'applyAll', messageId: 'a0' }]);
  });

  it('one file named twice, or one file and blocks without a file, gets no "Apply all"; three files count three', async () => {
    const sameFileTwice = `${fence('ts src/a.ts', 'export const a = 1;')}\n${fence('ts ./src/a.ts', 'export const b = 2;')}\n${fence('sh', 'npm test')}`;
    const threeFiles = `${fence('ts src/a.ts', 'a')}\n${fence('ts src/b.ts', 'b')}\n${fence('json package.json', '{}')}\n${fence('ts src/a.ts', 'a2')}`;
    await open([question, answer('a0', sameFileTwice), { ...question, id: 'u1' }, answer('a1', threeFiles)]);
    assert.equal(await page.locator('article[data-id="a0"] .sb-code-path').count(), 2, 'both blocks show their file');
    assert.equal(await applyAll('a0').count(), 0);
    assert.equal((await applyAll('a1').textContent())?.trim(), 'Apply all (3 files)');
    assert.equal(await applyAll('a1').getAttribute('aria-label'), 'Apply all changes: 3 files');
  });

  it('a streaming answer offers "Apply all" only once it is complete', async () => {
    await open([question]);
    await call('deliver', { type: 'busy', busy: true });
    await call('deliver', { type: 'message', message: answer('a1', '', 'streaming') });
    for (let at = 0; at < twoFileAnswer.length; at += 11) {
      await call('deliver', { type: 'delta', messageId: 'a1', text: twoFileAnswer.slice(at, at + 11) });
    }
    assert.equal(await page.locator('article[data-id="a1"] .sb-code-path').count(), 2, 'both blocks closed and show their files');
    assert.equal(await applyAll('a1').count(), 0, 'not while the answer streams');
    await call('deliver', { type: 'message', message: answer('a1', twoFileAnswer, 'complete') });
    await call('deliver', { type: 'busy', busy: false });
    assert.equal((await applyAll('a1').textContent())?.trim(), 'Apply all (2 files)');
    await applyAll('a1').click();
    await page.locator('article[data-id="a1"] .sb-code').first().locator('button[data-action="copy"]').click();
    assert.deepEqual(await posted('applyAll'), [{ type: 'applyAll', messageId: 'a1' }]);
    assert.deepEqual(
      (await posted('codeAction')).map((message) => [message.info, message.messageId]),
      [['ts src/util/date.ts', 'a1']],
    );
  });

  it('a stopped answer keeps its "Apply all"', async () => {
    await open([question, answer('a0', twoFileAnswer, 'stopped')]);
    assert.equal(await applyAll('a0').count(), 1);
  });

  it('keyboard: Tab goes from the last code toolbar to "Apply all", Enter posts it; the toolbars keep their arrow keys', async () => {
    await open([question, answer('a0', twoFileAnswer)]);
    const blocks = page.locator('article[data-id="a0"] .sb-code');
    await blocks.nth(2).locator('button[tabindex="0"]').focus();
    await page.keyboard.press('Tab');
    assert.equal(await page.evaluate(() => document.activeElement?.classList.contains('apply-all')), true, 'Tab reaches Apply all');
    await page.keyboard.press('Enter');
    assert.deepEqual(await posted('applyAll'), [{ type: 'applyAll', messageId: 'a0' }]);
    await page.keyboard.press('Shift+Tab');
    assert.equal(await page.evaluate(() => (document.activeElement as HTMLElement | null)?.dataset['action']), 'copy');

    // The first block's toolbar: one tab stop, arrows move to the Apply button named after the file.
    await blocks.nth(0).locator('button[tabindex="0"]').focus();
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('ArrowRight');
    assert.equal(await page.evaluate(() => document.activeElement?.getAttribute('aria-label')), 'Apply to src/util/date.ts');
    await page.keyboard.press('Enter');
    assert.deepEqual(
      (await posted('codeAction')).map((message) => [message.action, message.info, message.messageId]),
      [['applyAsDiff', 'ts src/util/date.ts', 'a0']],
    );
  });

  it('in Russian', async () => {
    await open([question, answer('a0', twoFileAnswer)], 'ru');
    assert.equal((await applyAll('a0').textContent())?.trim(), 'Применить всё (файлов: 2)');
    assert.equal(await applyAll('a0').getAttribute('aria-label'), 'Применить все изменения (файлов: 2)');
    const first = page.locator('article[data-id="a0"] .sb-code').first();
    assert.equal(await first.locator('button[data-action="applyAsDiff"]').getAttribute('aria-label'), 'Применить к файлу src/util/date.ts');
    assert.equal(await first.getAttribute('aria-label'), 'Блок кода: ts, src/util/date.ts');
    assert.equal(
      await page.locator('article[data-id="a0"] .sb-code').nth(2).locator('button[data-action="applyAsDiff"]').getAttribute('aria-label'),
      'Применить через diff',
    );
  });

  it('screenshots: an answer with two file blocks and "Apply all", in dark and light themes', async () => {
    const longPath = fence('ts packages/server/src/handlers/authentication/sessionRefresh.ts', 'export const refresh = () => undefined;');
    const themes: [string, VsCodeTheme][] = [
      ['dark', darkModern],
      ['light', lightModern],
    ];
    await page.setViewportSize({ width: 420, height: 1000 });
    for (const [name, theme] of themes) {
      await open([question, answer('a0', `${twoFileAnswer}\nAnd a long path:\n\n${longPath}`)]);
      await call('setTheme', theme.kind, theme.variables);
      await page.locator('.messages').evaluate((list) => (list.scrollTop = list.scrollHeight));
      await page.screenshot({ path: path.join(screenshots, `chat-apply-all-${name}.png`) });
      // The long path is cut at its start: its end (the file name) is what shows.
      const label = page.locator('article[data-id="a0"] .sb-code-path').nth(2);
      const cut = await label.evaluate((element) => element.scrollWidth > element.clientWidth);
      assert.equal(cut, true, `${name}: the long path overflows its label`);
      const box = await label.boundingBox();
      const text = await label.locator('.sb-code-path-text').boundingBox();
      assert.ok(box && text, 'both laid out');
      assert.ok(Math.round(text.x + text.width) <= Math.round(box.x + box.width), `${name}: the end of the path is inside the label`);
      assert.ok(text.x < box.x, `${name}: its start is cut off`);
    }
  });
});
