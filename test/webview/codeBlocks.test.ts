// Code blocks: plain while their fence is open, highlighted once when it closes; a toolbar whose buttons hand the
// exact code to the caller; localized labels; keyboard use; theme colors from VS Code's variables only.
import * as assert from 'node:assert/strict';
import { renderTestPage, type RenderTestPage } from './harness/renderTestPage';

const ruStrings = {
  codeBlock: 'Блок кода: {language}',
  codeActions: 'Действия с кодом',
  plainText: 'текст',
  copy: 'Копировать',
  insertAtCursor: 'Вставить в позицию курсора',
  applyAsDiff: 'Применить как diff',
  saveAsNewFile: 'Сохранить как новый файл',
  image: 'Изображение: {alt}',
};

describe('code blocks', function () {
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

  it('streams an open fence as plain text, highlights it once when the fence closes, never again', async () => {
    await page.call('mountStream', 'Intro text.\n\n```ts\nconst a = 1;\n', [5], false);
    assert.equal(await block().getAttribute('data-state'), 'streaming');
    assert.equal(await block().locator('.hljs-keyword').count(), 0, 'not highlighted while open');
    assert.equal(await block().locator('button:disabled').count(), 4, 'toolbar disabled while open');
    assert.equal(await block().locator('code').textContent(), 'const a = 1;\n');

    for (const piece of ["let b = 'x';", '\n', 'function f() {}\n', '``']) await page.call('append', piece);
    assert.equal((await page.call('stats'))!.highlightCalls, 0, 'no highlighting while the fence is open');
    assert.equal(
      await block().locator('code').textContent(),
      "const a = 1;\nlet b = 'x';\nfunction f() {}\n",
      'a possible closing fence is held back',
    );

    await page.call('append', '`\n\nAfter the');
    assert.equal(await block().getAttribute('data-state'), null);
    assert.ok((await block().locator('.hljs-keyword').count()) >= 3, 'highlighted after the fence closed');
    assert.equal(await block().locator('button:disabled').count(), 0);
    assert.equal((await page.call('stats'))!.highlightCalls, 1);

    for (const piece of [' block.', '\n\nMore ', 'text.\n']) await page.call('append', piece);
    await page.call('finish');
    assert.equal((await page.call('stats'))!.highlightCalls, 1, 'a closed block is never highlighted again');
  });

  it('an unclosed fence at the end is highlighted by finish()', async () => {
    await page.call('mountStream', 'Text\n\n```python\ndef f():\n    return 1', [4], false);
    assert.equal(await block().getAttribute('data-state'), 'streaming');
    await page.call('finish');
    assert.equal(await block().getAttribute('data-state'), null);
    assert.ok((await block().locator('.hljs-keyword').count()) >= 2);
    assert.equal(await block().locator('code').textContent(), 'def f():\n    return 1');
  });

  it('the toolbar buttons hand the exact code, language, info string and index to onCodeAction', async () => {
    const first = "const html = '<script>alert(1)</script> &amp; \\u0000';\n\tif (a < b && c > d) {}  \n";
    const second = 'SELECT 1;';
    const text = `Two blocks:\n\n\`\`\`ts\n${first}\`\`\`\n\n- in a list:\n\n  \`\`\`sql\n  ${second}\n  \`\`\`\n`;
    for (const mode of ['stream', 'static'] as const) {
      if (mode === 'stream') await page.call('mountStream', text, [7, 3, 11]);
      else await page.call('mountStatic', text);
      await page.call('clearRecorded');
      for (const action of ['copy', 'insertAtCursor', 'applyAsDiff', 'saveAsNewFile']) {
        await block(0).locator(`button[data-action="${action}"]`).click();
        await block(1).locator(`button[data-action="${action}"]`).click();
      }
      const { actions } = await page.call('recorded');
      assert.equal(actions.length, 8, mode);
      for (const [i, action] of ['copy', 'insertAtCursor', 'applyAsDiff', 'saveAsNewFile'].entries()) {
        assert.deepEqual(
          actions[2 * i],
          { action, block: { code: first.slice(0, -1), language: 'ts', info: 'ts', index: 0 } },
          `${mode} ${action}`,
        );
        assert.deepEqual(
          actions[2 * i + 1],
          { action, block: { code: second, language: 'sql', info: 'sql', index: 1 } },
          `${mode} ${action}`,
        );
      }
    }
  });

  it('buttons are icons with aria-labels and tooltips in the strings the caller passes (English by default)', async () => {
    await page.call('mountStatic', '```ts\nx\n```\n\n```\nplain\n```\n');
    const labels = await block(0)
      .locator('button')
      .evaluateAll((buttons) =>
        buttons.map((b) => [b.getAttribute('aria-label'), b.getAttribute('title'), b.querySelector('.codicon')?.className]),
      );
    assert.deepEqual(labels, [
      ['Copy', 'Copy', 'codicon codicon-copy'],
      ['Insert at cursor', 'Insert at cursor', 'codicon codicon-insert'],
      ['Apply as diff', 'Apply as diff', 'codicon codicon-diff'],
      ['Save as new file', 'Save as new file', 'codicon codicon-new-file'],
    ]);
    assert.equal(await block(0).getAttribute('aria-label'), 'Code block: ts');
    assert.equal(await block(0).locator('[role="toolbar"]').getAttribute('aria-label'), 'Code actions');
    assert.equal(await block(1).locator('.sb-code-language').textContent(), 'text');

    await page.call('mountStatic', '```ts\nx\n```\n\n```\nplain\n```\n', ruStrings);
    const ru = await block(0)
      .locator('button')
      .evaluateAll((buttons) => buttons.map((b) => b.getAttribute('aria-label')));
    assert.deepEqual(ru, ['Копировать', 'Вставить в позицию курсора', 'Применить как diff', 'Сохранить как новый файл']);
    assert.equal(await block(0).getAttribute('aria-label'), 'Блок кода: ts');
    assert.equal(await block(1).locator('.sb-code-language').textContent(), 'текст');
  });

  it('the toolbar is one tab stop; arrow keys, Home and End move between buttons; Enter activates', async () => {
    await page.call('mountStatic', 'Before\n\n```go\npackage main\n```\n');
    await page.call('clearRecorded');
    await page.page.keyboard.press('Tab');
    const focused = () => page.page.evaluate(() => (document.activeElement as HTMLElement | null)?.dataset['action']);
    assert.equal(await focused(), 'copy');
    await page.page.keyboard.press('ArrowRight');
    assert.equal(await focused(), 'insertAtCursor');
    await page.page.keyboard.press('End');
    assert.equal(await focused(), 'saveAsNewFile');
    await page.page.keyboard.press('ArrowRight');
    assert.equal(await focused(), 'copy', 'wraps around');
    await page.page.keyboard.press('ArrowLeft');
    await page.page.keyboard.press('Enter');
    const { actions } = await page.call('recorded');
    assert.deepEqual(actions, [{ action: 'saveAsNewFile', block: { code: 'package main', language: 'go', info: 'go', index: 0 } }]);
    assert.equal(await page.page.locator('#app button[tabindex="0"]').count(), 1, 'one tab stop per toolbar');
  });

  it('languages: aliases resolve to a grammar, unknown ones stay plain text, indented code gets the toolbar too', async () => {
    await page.call('mountStatic', '```js\nlet a\n```\n\n```c\nint x;\n```\n\n```brainfuck\n+++\n```\n\n    indented code\n');
    assert.equal(await block(0).locator('code').getAttribute('class'), 'hljs language-typescript');
    assert.equal(await block(1).locator('code').getAttribute('class'), 'hljs language-cpp');
    assert.equal(await block(2).locator('code').getAttribute('class'), null);
    assert.equal(await block(2).locator('.sb-code-language').textContent(), 'brainfuck');
    assert.equal(await block(3).locator('code').textContent(), 'indented code');
    assert.equal(await block(3).locator('button').count(), 4);
  });

  it('colors come from VS Code theme variables in dark, light and high-contrast themes', async () => {
    const themes = {
      'vscode-dark': {
        '--vscode-editor-foreground': '#cccccc',
        '--vscode-debugTokenExpression-boolean': '#4e94ce',
        '--vscode-debugTokenExpression-string': '#ce9178',
        '--vscode-textCodeBlock-background': '#0a0a0a66',
        '--vscode-contrastBorder': 'transparent',
      },
      'vscode-light': {
        '--vscode-editor-foreground': '#3b3b3b',
        '--vscode-debugTokenExpression-boolean': '#0000ff',
        '--vscode-debugTokenExpression-string': '#a31515',
        '--vscode-textCodeBlock-background': '#dcdcdc66',
        '--vscode-contrastBorder': 'transparent',
      },
      'vscode-high-contrast': {
        '--vscode-editor-foreground': '#ffffff',
        '--vscode-debugTokenExpression-boolean': '#75bdfe',
        '--vscode-debugTokenExpression-string': '#f48771',
        '--vscode-textCodeBlock-background': '#000000',
        '--vscode-contrastBorder': '#6fc3df',
      },
    };
    // Token colours are mixed a quarter toward the code's text colour, for contrast on the block (markdown.css).
    const tokenColor = (token: string, variables: { '--vscode-editor-foreground': string }): string =>
      `color-mix(in srgb, ${token} 75%, ${variables['--vscode-editor-foreground']})`;
    await page.call('mountStatic', '```ts\nconst s = "x";\n```\n');
    for (const [kind, variables] of Object.entries(themes)) {
      await page.call('setTheme', kind, variables);
      assert.equal(
        await page.call('computedColor', '.hljs-keyword'),
        await page.call('resolveColor', tokenColor(variables['--vscode-debugTokenExpression-boolean'], variables)),
        kind,
      );
      assert.equal(
        await page.call('computedColor', '.hljs-string'),
        await page.call('resolveColor', tokenColor(variables['--vscode-debugTokenExpression-string'], variables)),
        kind,
      );
      assert.equal(
        await page.call('computedColor', '.sb-code', 'background-color'),
        await page.call('resolveColor', variables['--vscode-textCodeBlock-background']),
        kind,
      );
      if (kind === 'vscode-high-contrast') {
        assert.equal(
          await page.call('computedColor', '.sb-code', 'border-top-color'),
          await page.call('resolveColor', variables['--vscode-contrastBorder']),
          kind,
        );
      }
    }
  });
});
