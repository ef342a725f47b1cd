// Workspace context in the chat view (issue 14): the real chat view (src/webview/main.ts, its CSS, under the
// webview's CSP) in headless Chromium, driven with the extension's messages as the extension would send them. The
// `@` picker asks the extension for files without ever holding up typing and drops stale answers; the `/` menu;
// chips that are suggested, openable or carry a note; the meter and its warning before an over-long send; drops of
// files from the explorer.
import * as assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import * as path from 'node:path';
import type { Page } from 'playwright-core';
import type {
  ContextBudget,
  ContextChip,
  ContextSuggestion,
  ExtensionToWebviewMessage,
  MessageView,
} from '../../src/shared/webviewProtocol';
import { darkHighContrast, darkModern, lightModern, type VsCodeTheme } from './fixtures/vscodeThemes';
import { chatViewSession, initMessage } from './harness/chatViewSession';

const screenshots = path.resolve(__dirname, '../../test-results/screenshots');

function init(options: { messages?: MessageView[]; contexts?: ContextChip[]; budget?: ContextBudget } = {}): ExtensionToWebviewMessage {
  return initMessage(options.messages, { contexts: options.contexts ?? [], ...(options.budget ? { budget: options.budget } : {}) });
}

function file(label: string, description: string, matches?: number[]): ContextSuggestion {
  return { uri: `file:///projects/${description}/${label}`, kind: 'file', label, description, ...(matches ? { matches } : {}) };
}

function folder(label: string, description: string, matches?: number[]): ContextSuggestion {
  return { uri: `file:///projects/${description}/${label}`, kind: 'folder', label, description, ...(matches ? { matches } : {}) };
}

const englishFixed = [
  'Selection',
  'Current file',
  'Problems: all',
  'Problems in the current file',
  'Terminal: last command’s output',
  'Changes: working tree vs HEAD',
];

describe('chat view: workspace context (the @ picker, the / menu, chips, the meter, drops)', function () {
  this.timeout(60_000);
  const chat = chatViewSession({ viewport: { width: 420, height: 640 } });
  const { call, posted } = chat;
  let page: Page;
  before(() => {
    page = chat.page;
  });

  const open = (options: Parameters<typeof init>[0] & { lang?: string } = {}): Promise<void> =>
    chat.open(options.lang ?? 'en', init(options));

  const answer = (requestId: number, items: ContextSuggestion[], indexing = false): Promise<void> =>
    call('deliver', { type: 'contextSuggestions', requestId, items, indexing });

  const input = (): ReturnType<Page['locator']> => page.locator('#input');
  /** The options' text: label, then description. */
  const options = (): Promise<string[]> =>
    page.locator('#input-listbox [role="option"]').evaluateAll((items) => items.map((item) => item.textContent ?? ''));
  const popupShown = (): Promise<boolean> => page.locator('.input-popup').isVisible();

  async function type(text: string): Promise<void> {
    await input().focus();
    await page.keyboard.type(text);
  }

  before(() => {
    mkdirSync(screenshots, { recursive: true });
  });

  it('typing @ap asks the extension (one query in flight, then the latest), shows its files, and ↓ ↑ Enter attach one', async () => {
    await open();
    await type('Explain @ap');
    assert.equal(await input().inputValue(), 'Explain @ap', 'typing went on while the extension had not answered');
    assert.deepEqual(await posted('queryContext'), [{ type: 'queryContext', requestId: 1, query: '' }], 'one query in flight');
    await answer(1, []);
    assert.deepEqual(await posted('queryContext'), [
      { type: 'queryContext', requestId: 1, query: '' },
      { type: 'queryContext', requestId: 2, query: 'ap' },
    ]);
    await answer(2, [file('app.ts', 'src', [0, 1]), folder('api', 'src/server', [0, 1])]);
    // None of the editor's own sources has "ap" in its name: only the workspace's answer.
    assert.deepEqual(await options(), ['app.tssrc', 'apisrc/server']);
    assert.deepEqual(await page.locator('#input-listbox [role="option"] .match').allInnerTexts(), ['ap', 'ap']);
    assert.equal(await page.locator('#input-listbox').getAttribute('role'), 'listbox');
    assert.equal(await input().getAttribute('aria-expanded'), null, 'a textbox may not carry aria-expanded (WAI-ARIA 1.2)');
    assert.equal(await input().getAttribute('aria-controls'), 'input-listbox');
    const first = await page.locator('#input-listbox [role="option"]').first().getAttribute('id');
    assert.equal(await input().getAttribute('aria-activedescendant'), first);
    assert.equal(await page.locator('#input-listbox [role="option"]').first().getAttribute('aria-selected'), 'true');
    // The icon names the kind for screen readers.
    assert.deepEqual(
      await page
        .locator('#input-listbox [role="option"] [role="img"]')
        .evaluateAll((icons) => icons.map((icon) => icon.getAttribute('aria-label'))),
      ['File', 'Folder'],
    );

    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('ArrowUp');
    assert.equal(await page.locator('#input-listbox [aria-selected="true"]').textContent(), 'apisrc/server');
    await page.keyboard.press('Enter');
    assert.deepEqual(await posted('addContextUris'), [{ type: 'addContextUris', uris: ['file:///projects/src/server/api'] }]);
    assert.equal(await input().inputValue(), 'Explain ', 'the @query is taken out of the input');
    assert.equal(await popupShown(), false);
    assert.equal(await input().getAttribute('aria-controls'), null, 'the closed list is no longer pointed at');
    assert.equal(await input().getAttribute('aria-activedescendant'), null);
    assert.deepEqual(await posted('send'), [], 'Enter picked; it did not send');
  });

  it('the "@" button puts an @ at the caret and opens the picker; a click on an option picks it', async () => {
    await open();
    await type('Look at');
    await page.locator('#add-context').click();
    assert.equal(await input().inputValue(), 'Look at @');
    assert.equal(await page.evaluate(() => document.activeElement?.id), 'input');
    assert.deepEqual(await posted('queryContext'), [{ type: 'queryContext', requestId: 1, query: '' }]);
    await answer(1, [file('README.md', 'docs')]);
    assert.deepEqual(await options(), [...englishFixed, 'README.mddocs']);
    await page.locator('#input-listbox [role="option"]', { hasText: 'README.md' }).click();
    assert.deepEqual(await posted('addContextUris'), [{ type: 'addContextUris', uris: ['file:///projects/docs/README.md'] }]);
    assert.equal(await input().inputValue(), 'Look at ');
    assert.equal(await page.evaluate(() => document.activeElement?.id), 'input', 'the click left the focus in the input');
  });

  it('Escape closes the picker and keeps the draft, without ending an edit; the same @ stays closed, a new one opens', async () => {
    await open({ messages: [{ id: 'u0', role: 'user', content: 'Question 0' }] });
    await page.locator('article[data-id="u0"]').hover();
    await page.locator('article[data-id="u0"] .message-action').click();
    assert.equal(await page.locator('footer.composer.editing').count(), 1);
    await type(' @fo');
    assert.equal(await popupShown(), true);
    await page.keyboard.press('Escape');
    assert.equal(await popupShown(), false);
    assert.equal(await input().inputValue(), 'Question 0 @fo', 'the draft is kept');
    assert.equal(await page.locator('footer.composer.editing').count(), 1, 'the edit goes on');
    await page.keyboard.type('o');
    assert.equal(await popupShown(), false, 'typing on in the dismissed word does not reopen it');
    await page.keyboard.type(' @');
    assert.equal(await popupShown(), true, 'a new @ opens the picker');
    // A second Escape closes the picker again; only a third ends the edit.
    await page.keyboard.press('Escape');
    assert.equal(await page.locator('footer.composer.editing').count(), 1);
    await page.keyboard.press('Escape');
    assert.equal(await page.locator('footer.composer.editing').count(), 0);
    assert.deepEqual(await posted('editAndResend'), []);
  });

  it('answers older than the latest query are dropped, and an answer after closing does not reopen the picker', async () => {
    await open();
    await type('@');
    await page.keyboard.type('x');
    await answer(1, [file('old.ts', 'src')]);
    assert.deepEqual(await options(), ['old.tssrc'], 'the answer shown while the next query goes out');
    assert.deepEqual((await posted('queryContext')).at(-1), { type: 'queryContext', requestId: 2, query: 'x' });
    await answer(2, [file('x.ts', 'src', [0])]);
    assert.deepEqual(await options(), ['x.tssrc']);
    // A late answer to the first query (the extension was slow with it) is stale.
    await answer(1, [file('stale.ts', 'src')]);
    assert.deepEqual(await options(), ['x.tssrc']);

    await page.keyboard.press('Escape');
    await page.keyboard.type('y');
    await answer(2, [file('late.ts', 'src')]);
    assert.equal(await popupShown(), false);
  });

  it('the editor’s own sources filter by name or keyword, show indexing, and attach with Enter, Tab or a click', async () => {
    await open();
    await type('@');
    assert.deepEqual(await options(), englishFixed);
    await answer(1, [], true);
    assert.equal(await page.locator('.input-popup .input-listbox-status').innerText(), 'Indexing the workspace…');
    await page.keyboard.type('prob');
    assert.deepEqual(await options(), ['Problems: all', 'Problems in the current file']);
    assert.deepEqual(await page.locator('#input-listbox .match').allInnerTexts(), ['Prob', 'Prob']);
    await page.locator('#input-listbox [role="option"]', { hasText: 'current file' }).click();
    await type('@term');
    assert.deepEqual(await options(), ['Terminal: last command’s output']);
    await page.keyboard.press('Enter');
    await type('@diff');
    assert.deepEqual(await options(), ['Changes: working tree vs HEAD'], 'found by its keyword');
    await page.keyboard.press('Tab');
    await type('@sel');
    await page.keyboard.press('Enter');
    assert.deepEqual(await posted('addContext'), [
      { type: 'addContext', kind: 'problems', activeFile: true },
      { type: 'addContext', kind: 'terminal' },
      { type: 'addContext', kind: 'diff' },
      { type: 'addContext', kind: 'selection' },
    ]);
    assert.equal(await input().inputValue(), '', 'each @query was taken out');
    // No workspace file matches: said so once the extension has answered.
    await type('@zzz');
    const last = (await posted('queryContext')).at(-1)!;
    await answer(last.requestId, []);
    if (last.query !== 'zzz') await answer(last.requestId + 1, []);
    assert.deepEqual(await options(), []);
    assert.equal(await page.locator('.input-popup .input-listbox-status').innerText(), 'No matching files');
    assert.equal(await popupShown(), true, 'the picker stays open to say so');
  });

  it('in Russian the sources are named in Russian and still found by their English keyword', async () => {
    await open({ lang: 'ru' });
    await type('@term');
    assert.deepEqual(await options(), ['Терминал: вывод последней команды']);
    assert.equal(await page.locator('#input-listbox').getAttribute('aria-label'), 'Добавить контекст');
  });

  it('the / menu lists the commands; a command is posted and its text cleared, /image is typed into the input', async () => {
    await open();
    await type('/');
    assert.deepEqual(await options(), [
      '/imageDraw a picture from a prompt',
      '/explainExplain the selected code',
      '/refactorRefactor the selected code',
      '/fixFix the selected code',
      '/documentDocument the selected code',
      '/testsWrite tests for the selected code',
    ]);
    await page.keyboard.type('ex');
    assert.deepEqual(await options(), ['/explainExplain the selected code']);
    await page.keyboard.press('Enter');
    assert.deepEqual(await posted('slashCommand'), [{ type: 'slashCommand', command: 'explain' }]);
    assert.equal(await input().inputValue(), '');
    assert.deepEqual(await posted('send'), []);

    await page.keyboard.type('/');
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('ArrowUp');
    await page.keyboard.press('Enter');
    assert.equal(await input().inputValue(), '/image ');
    assert.equal(await page.evaluate(() => document.activeElement?.id), 'input', 'the focus stays in the input');
    await page.keyboard.type('a red fox');
    assert.equal(await input().inputValue(), '/image a red fox');
    assert.equal(await popupShown(), false);
    assert.deepEqual(await posted('slashCommand'), [{ type: 'slashCommand', command: 'explain' }], '/image posts no command');

    // `/` inside a sentence, or a word no command starts with, opens nothing.
    await input().fill('');
    await type('see /ex');
    assert.equal(await popupShown(), false);
    await input().fill('');
    await type('/usr');
    assert.equal(await popupShown(), false);
  });

  it('a suggested chip is dashed, named for screen readers, and turned on with Enter or Space; the focus stays on it', async () => {
    const suggested: ContextChip = { id: 's1', kind: 'file', label: 'app.ts', chars: 4800, tokens: 1234, suggested: true, openable: true };
    const other: ContextChip = { id: 's2', kind: 'selection', label: 'util.ts:3-9', chars: 200, tokens: 50, suggested: true };
    await open({ contexts: [suggested, other] });
    const chip = page.locator('.composer-chips .chip[data-id="s1"]');
    assert.equal(await chip.getAttribute('class'), 'chip chip-suggested');
    const body = chip.locator('button.chip-body');
    assert.equal(await body.getAttribute('aria-label'), 'Suggested: app.ts — press to attach, ~1.2K tokens');
    assert.equal(await call('style', '.chip[data-id="s1"]', 'border-top-style'), 'dashed');
    // Keyboard: from the input back to the chips (each chip: its body, then its remove button).
    await input().focus();
    await page.keyboard.press('Shift+Tab');
    await page.keyboard.press('Shift+Tab');
    await page.keyboard.press('Shift+Tab');
    await page.keyboard.press('Shift+Tab');
    assert.equal(await page.evaluate(() => document.activeElement?.closest('.chip')?.getAttribute('data-id')), 's1');
    await page.keyboard.press('Enter');
    assert.deepEqual(await posted('acceptContext'), [{ type: 'acceptContext', contextId: 's1' }]);
    await call('deliver', { type: 'contexts', contexts: [{ ...suggested, suggested: false }, other] });
    assert.equal(await chip.getAttribute('class'), 'chip');
    assert.equal(
      await page.evaluate(() => document.activeElement?.matches('.chip[data-id="s1"] button.chip-body')),
      true,
      'the focus stayed on the chip',
    );
    await page.keyboard.press('Tab');
    await page.keyboard.press('Tab');
    assert.equal(await page.evaluate(() => document.activeElement?.closest('.chip')?.getAttribute('data-id')), 's2');
    await page.keyboard.press('Space');
    assert.deepEqual(await posted('acceptContext'), [
      { type: 'acceptContext', contextId: 's1' },
      { type: 'acceptContext', contextId: 's2' },
    ]);
    // Only suggested chips: the message has nothing attached, so an empty send sends nothing.
    await call('deliver', { type: 'contexts', contexts: [other] });
    await input().focus();
    await page.keyboard.press('Enter');
    assert.deepEqual(await posted('send'), []);
  });

  it('chips show kind, tokens and notes; an openable chip opens (with its message id when sent); remove removes', async () => {
    const chips: ContextChip[] = [
      {
        id: 'f1',
        kind: 'folder',
        label: 'src/server',
        chars: 52_000,
        tokens: 13_000,
        truncated: true,
        openable: true,
        note: '12 files listed by name only',
      },
      { id: 'e1', kind: 'file', label: '.env', chars: 0, tokens: 0, note: 'matches switchboard.context.exclude: not read' },
      { id: 'p1', kind: 'problems', label: 'Problems', chars: 900, tokens: 230 },
    ];
    await open({
      contexts: chips,
      messages: [
        {
          id: 'u0',
          role: 'user',
          content: 'What does it do?',
          contexts: [{ id: 'm1', kind: 'file', label: 'app.ts', chars: 400, tokens: 100, openable: true }],
        },
      ],
    });
    const folderChip = page.locator('.composer-chips .chip[data-id="f1"]');
    assert.equal(await folderChip.locator('[role="img"]').first().getAttribute('aria-label'), 'Folder');
    assert.equal(await folderChip.locator('.chip-size').innerText(), '~13K tokens');
    assert.equal(
      await folderChip.locator('button.chip-body').getAttribute('aria-label'),
      'Open src/server. Folder: src/server, ~13K tokens, 12 files listed by name only — cut to the context budget',
    );
    assert.equal(
      await folderChip.locator('.codicon-warning').getAttribute('title'),
      '12 files listed by name only — cut to the context budget',
    );
    assert.equal(await folderChip.locator('.visually-hidden').textContent(), '12 files listed by name only — cut to the context budget');
    await folderChip.locator('button.chip-body').click();
    assert.deepEqual(await posted('openContext'), [{ type: 'openContext', contextId: 'f1' }]);

    // Not openable: no button to press, the note still read out.
    const envChip = page.locator('.composer-chips .chip[data-id="e1"]');
    assert.equal(await envChip.locator('button.chip-body').count(), 0);
    assert.match((await envChip.textContent()) ?? '', /matches switchboard\.context\.exclude: not read/);
    await envChip.locator('.chip-remove').click();
    assert.deepEqual(await posted('removeContext'), [{ type: 'removeContext', contextId: 'e1' }]);
    assert.equal(await envChip.locator('.chip-remove').getAttribute('aria-label'), 'Remove .env');

    // A sent message's chip: no remove button; opening it names the message.
    const sent = page.locator('article[data-id="u0"] .chip');
    assert.equal(await sent.locator('.chip-remove').count(), 0);
    assert.match((await sent.textContent()) ?? '', /app\.ts/);
    await sent.locator('button.chip-body').click();
    assert.deepEqual((await posted('openContext')).at(-1), { type: 'openContext', contextId: 'm1', messageId: 'u0' });
  });

  it('the meter adds the draft as it is typed, warns before a send that does not fit, and says what will be cut', async () => {
    const budget: ContextBudget = {
      historyTokens: 1000,
      contextTokens: 1200,
      window: 4000,
      windowSource: 'table',
      model: 'openai/gpt-4o-mini',
    };
    const chip: ContextChip = { id: 'f1', kind: 'file', label: 'app.ts', chars: 4800, tokens: 1200, openable: true };
    await open({ contexts: [chip], budget });
    const meter = page.locator('.context-meter');
    const bar = meter.locator('[role="meter"]');
    const warning = page.locator('#context-meter-warning');
    assert.equal(await meter.locator('.context-meter-text').innerText(), '~2.2K / 4K tokens');
    assert.equal(await bar.getAttribute('aria-valuenow'), '2200');
    assert.equal(await bar.getAttribute('aria-valuemax'), '4000');
    assert.equal(await bar.getAttribute('aria-label'), 'Context window use');
    assert.equal(await warning.isVisible(), false);
    assert.match((await input().getAttribute('aria-describedby')) ?? '', /\bcontext-meter-warning\b/);

    // The chips are not rendered again while typing: the same element stays.
    await page.locator('.chip[data-id="f1"]').evaluate((element) => element.setAttribute('data-marked', 'yes'));
    await input().fill('x'.repeat(7200)); // 1,800 tokens: 4,000 in all, which still fits
    assert.equal(await warning.isVisible(), false);
    assert.equal(await bar.getAttribute('aria-valuenow'), '4000');
    await input().focus();
    await page.keyboard.type('x'.repeat(40)); // 10 more
    assert.equal(await meter.locator('.context-meter-text').innerText(), '~4K / 4K tokens');
    assert.equal(await warning.isVisible(), true);
    assert.equal(
      await warning.innerText(),
      'About 10 tokens more than openai/gpt-4o-mini’s 4K-token context window: sending leaves out the oldest messages first, then cuts the largest attachments.',
    );
    await input().fill('x'.repeat(8040)); // 200 more: 4,210 in all
    assert.equal(await meter.locator('.context-meter-text').innerText(), '~4.2K / 4K tokens');
    assert.match(await warning.innerText(), /^About 210 tokens more than/);
    assert.match((await meter.getAttribute('class')) ?? '', /\bover\b/);
    assert.equal(await bar.getAttribute('aria-valuenow'), '4000', 'the meter’s value stays within its range');
    assert.equal(await page.locator('.chip[data-marked="yes"]').count(), 1, 'the chip element was kept');

    await input().fill('');
    assert.equal(await warning.isVisible(), false);
    assert.doesNotMatch((await meter.getAttribute('class')) ?? '', /\bover\b/);

    // The window unknown: the total only. No budget: no meter.
    await call('deliver', {
      type: 'contexts',
      contexts: [chip],
      budget: { historyTokens: 1000, contextTokens: 1200, model: 'ollama/llama3' },
    });
    assert.equal(await meter.locator('.context-meter-text').innerText(), '~2.2K tokens');
    assert.equal(await bar.isVisible(), false);
    await call('deliver', { type: 'contexts', contexts: [chip] });
    assert.equal(await meter.isVisible(), false);
  });

  it('the meter and its warning in Russian', async () => {
    await open({
      lang: 'ru',
      budget: { historyTokens: 3000, contextTokens: 2000, window: 4000, windowSource: 'provider', model: 'openrouter/x' },
    });
    // ICU puts a no-break space before "тыс.".
    assert.match(await page.locator('.context-meter-text').innerText(), /^токенов: ~5\sтыс\. из 4\sтыс\.$/);
    assert.match(
      await page.locator('#context-meter-warning').innerText(),
      /^Примерно на 1\sтыс\. токенов больше, чем вмещает контекстное окно openrouter\/x \(4\sтыс\. токенов\): при отправке/,
    );
  });

  it('files dropped from the explorer are attached; the view is highlighted meanwhile; a drop without URIs is left alone', async () => {
    await open();
    await call('setTheme', darkModern.kind, darkModern.variables);
    const drag = (type: string, data: Record<string, string>, target = '#input'): Promise<boolean> =>
      page.evaluate(
        ([eventType, entries, selector]) => {
          const transfer = new DataTransfer();
          for (const [format, value] of Object.entries(entries)) transfer.setData(format, value);
          const event = new DragEvent(eventType, { bubbles: true, cancelable: true, dataTransfer: transfer });
          document.querySelector(selector)!.dispatchEvent(event);
          return event.defaultPrevented;
        },
        [type, data, target] as const,
      );
    const uriList = { 'application/vnd.code.uri-list': 'file:///projects/src/app.ts\r\n# a comment\r\nfile:///projects/src/server\r\n' };
    assert.equal(await drag('dragenter', uriList), true, 'the view accepts the drag');
    assert.match((await page.locator('#app').getAttribute('class')) ?? '', /\bdrop-target\b/);
    assert.equal(await drag('dragover', uriList), true);
    await page.screenshot({ path: path.join(screenshots, 'chat-drop-target.png') });
    assert.equal(await drag('dragleave', uriList), false);
    assert.doesNotMatch((await page.locator('#app').getAttribute('class')) ?? '', /\bdrop-target\b/);

    await drag('dragenter', uriList);
    assert.equal(await drag('drop', uriList), true, 'the drop is the view’s: the input does not get the URIs as text');
    assert.deepEqual(await posted('addContextUris'), [
      { type: 'addContextUris', uris: ['file:///projects/src/app.ts', 'file:///projects/src/server'] },
    ]);
    assert.equal(await input().inputValue(), '');
    assert.doesNotMatch((await page.locator('#app').getAttribute('class')) ?? '', /\bdrop-target\b/);

    // The standard type alone (another host), and no more than one message carries.
    const many = Array.from({ length: 150 }, (_, index) => `file:///projects/f${index}.ts`).join('\n');
    await drag('drop', { 'text/uri-list': many }, '.messages');
    const last = (await posted('addContextUris')).at(-1)!;
    assert.equal(last.uris.length, 100);
    assert.equal(last.uris[0], 'file:///projects/f0.ts');

    // Plain text is not a file: the view leaves it to the input.
    assert.equal(await drag('dragover', { 'text/plain': 'hello' }), false);
    assert.equal(await drag('drop', { 'text/plain': 'hello' }), false);
    assert.equal((await posted('addContextUris')).length, 2);
  });

  it('screenshots: the open picker, the / menu, and chips with the meter, in dark, light and high-contrast themes', async () => {
    const chips: ContextChip[] = [
      { id: 's1', kind: 'file', label: 'chatController.ts', chars: 18_000, tokens: 4_500, suggested: true, openable: true },
      {
        id: 'f1',
        kind: 'folder',
        label: 'src/server',
        chars: 52_000,
        tokens: 13_000,
        truncated: true,
        openable: true,
        note: '12 files listed by name only',
      },
      { id: 'p1', kind: 'problems', label: 'Problems (3)', chars: 900, tokens: 230, openable: true },
      { id: 'd1', kind: 'diff', label: 'Changes', chars: 6_000, tokens: 1_500, openable: true },
      { id: 'i1', kind: 'instructions', label: 'AGENTS.md', chars: 2_400, tokens: 600, openable: true },
    ];
    const budget: ContextBudget = {
      historyTokens: 112_000,
      contextTokens: 15_330,
      window: 128_000,
      windowSource: 'table',
      model: 'openai/gpt-4o',
    };
    const messages: MessageView[] = [
      {
        id: 'u0',
        role: 'user',
        content: 'Why does the server drop connections?',
        contexts: [{ id: 'm1', kind: 'terminal', label: 'npm test', chars: 3000, tokens: 750, openable: true }],
      },
      {
        id: 'a0',
        role: 'assistant',
        content: 'The keep-alive timer is shorter than the proxy’s.',
        status: 'complete',
        provider: 'openai',
        model: 'gpt-4o',
      },
    ];
    const files = [
      folder('server', 'src', [0, 1]),
      file('server.ts', 'src/server', [0, 1]),
      file('serverOptions.ts', 'src/server', [0, 1]),
      file('useSession.ts', 'src/client/hooks', [3, 4]),
    ];
    const themes: [string, VsCodeTheme][] = [
      ['dark', darkModern],
      ['light', lightModern],
      ['hc', darkHighContrast],
    ];
    for (const [name, theme] of themes) {
      await open({ contexts: chips, budget, messages });
      await call('setTheme', theme.kind, theme.variables);
      await page.locator('.messages').click();
      await page.screenshot({ path: path.join(screenshots, `chat-context-chips-meter-${name}.png`) });
      await input().fill('Here is the whole log: ' + 'x'.repeat(6000));
      assert.equal(await page.locator('#context-meter-warning').isVisible(), true, `${name}: over the window`);
      await page.screenshot({ path: path.join(screenshots, `chat-context-meter-over-${name}.png`) });
      await input().fill('');
      await type('Why does it drop @se');
      await answer(1, files);
      await answer(2, files);
      await page.keyboard.press('ArrowDown');
      await page.screenshot({ path: path.join(screenshots, `chat-context-picker-${name}.png`) });
      // The active option is drawn with the theme's selection colours (and, in high contrast, its dashed border).
      const active = '#input-listbox [aria-selected="true"]';
      assert.equal(await page.locator(active).textContent(), 'serversrc');
      const background = theme.variables['--vscode-editorSuggestWidget-selectedBackground'];
      if (background !== undefined)
        assert.equal(await call('style', active, 'background-color'), await resolveColor(background), `${name}: selection background`);
      else assert.equal(await call('style', active, 'outline-style'), 'dashed', `${name}: the active option's border`);
      await input().fill('');
      await type('/');
      await page.screenshot({ path: path.join(screenshots, `chat-slash-menu-${name}.png`) });
      await page.keyboard.press('Escape');
    }
  });

  async function resolveColor(value: string): Promise<string> {
    return page.evaluate((color) => {
      const probe = document.createElement('span');
      document.body.append(probe);
      probe.style.color = color;
      const resolved = getComputedStyle(probe).color;
      probe.remove();
      return resolved;
    }, value);
  }
});
