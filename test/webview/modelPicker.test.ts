// The chat panel at home in VS Code (issue 22): the real chat view (src/webview/main.ts, its CSS, under the webview's
// CSP) in headless Chromium, driven with the extension's messages as src/vscode/chat/modelPickerFeed.ts sends them.
// The model picker in the composer's footer is searchable (type, ↑/↓, Home/End, Enter, Escape, the mouse), grouped by
// provider, names the model with its provider when closed, keeps its lists when a model is typed by hand, and a
// provider's long error stays one short line. Escape stops a streamed answer unless a popup used it; Tab reaches
// every action on a message.
import * as assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import * as path from 'node:path';
import type { Page } from 'playwright-core';
import type { ExtensionToWebviewMessage, MessageView, ModelGroup } from '../../src/shared/webviewProtocol';
import { darkHighContrast, darkModern, lightModern, type VsCodeTheme } from './fixtures/vscodeThemes';
import { chatViewSession, initMessage } from './harness/chatViewSession';

const screenshots = path.resolve(__dirname, '../../test-results/screenshots');

/** A provider's error as a failed listing says it: long enough to stretch a native select across the editor. */
const longError =
  'The Local fake server answered 502 Bad Gateway: upstream connect error or disconnect/reset before headers. reset reason: connection failure, transport failure reason: delayed connect error: 111';

const groups: ModelGroup[] = [
  { provider: 'openai', label: 'OpenAI', models: ['gpt-4o', 'gpt-4o-mini', 'o3-mini'] },
  { provider: 'openrouter', label: 'OpenRouter', models: ['gpt-4o', 'anthropic/claude-sonnet-4'] },
  { provider: 'local-fake', label: 'Local fake', models: [], error: longError },
  { provider: 'anthropic', label: 'Anthropic', models: [], error: 'set key…' },
  { provider: 'groq', label: 'Groq', models: ['llama-3.3-70b'], error: 'key refused', errorDetail: 'Groq refused the API key (401).' },
];

function init(options: { messages?: MessageView[]; currentModel?: string; busy?: boolean } = {}): ExtensionToWebviewMessage {
  return initMessage(options.messages, { currentModel: options.currentModel ?? 'openai/gpt-4o-mini', busy: options.busy ?? false });
}

const conversation: MessageView[] = [
  { id: 'u0', role: 'user', content: 'Greet me in Python' },
  {
    id: 'a0',
    role: 'assistant',
    content: 'Here you are:\n\n```python\ndef greet(name):\n    return f"Hello, {name}!"\n```\n',
    status: 'complete',
    provider: 'openai',
    model: 'gpt-4o-mini',
    usage: { inputTokens: 12, outputTokens: 20 },
  },
];

describe('chat view: the model picker, Escape to stop, and message actions by keyboard', function () {
  this.timeout(60_000);
  const chat = chatViewSession({ viewport: { width: 300, height: 640 } });
  const { call, posted } = chat;
  let page: Page;
  before(() => {
    page = chat.page;
  });

  const open = (options: Parameters<typeof init>[0] = {}): Promise<void> => chat.open('en', init(options));

  /** The extension's answer to `requestModels`, as modelPickerFeed.ts sends it: first "loading", then the lists. */
  async function answerModels(current = 'openai/gpt-4o-mini', lists: ModelGroup[] = groups): Promise<void> {
    await call('deliver', { type: 'models', groups: [], current, loading: true });
    await call('deliver', { type: 'models', groups: lists, current, loading: false });
  }

  const button = (): ReturnType<Page['locator']> => page.locator('#model-picker');
  const filter = (): ReturnType<Page['locator']> => page.locator('#model-filter');
  const options = (): Promise<string[]> =>
    page.locator('#model-listbox [role="option"]').evaluateAll((items) => items.map((item) => item.textContent ?? ''));
  const activeOption = (): Promise<string | null> => page.locator('#model-listbox [aria-selected="true"]').textContent();
  /** The groups' headings, in order. */
  const headings = (): Promise<string[]> =>
    page.locator('#model-listbox [role="group"] .input-group-label').evaluateAll((items) => items.map((item) => item.textContent ?? ''));
  const focusedId = (): Promise<string> => page.evaluate(() => document.activeElement?.id ?? '');

  async function openPicker(): Promise<void> {
    await button().click();
    await answerModels();
  }

  before(() => {
    mkdirSync(screenshots, { recursive: true });
  });

  afterEach(async () => {
    await page.setViewportSize({ width: 300, height: 640 });
  });

  it('the closed picker names the model with its provider; opening asks for the lists and shows them grouped, "Provider · model"', async () => {
    await open();
    // Before any list the provider's label is unknown: its id stands in.
    assert.equal(await button().innerText(), 'openai · gpt-4o-mini');
    assert.equal(await button().getAttribute('aria-expanded'), 'false');
    assert.deepEqual(await posted('requestModels'), [], 'nothing is fetched before the picker is opened');

    await button().click();
    assert.deepEqual(await posted('requestModels'), [{ type: 'requestModels', refresh: true }], 'each opening lists again');
    assert.equal(await focusedId(), 'model-filter', 'the filter has the focus');
    assert.equal(await button().getAttribute('aria-expanded'), 'true');
    assert.equal(await filter().getAttribute('role'), 'combobox');
    assert.equal(await filter().getAttribute('aria-expanded'), 'true');
    assert.equal(await filter().getAttribute('aria-controls'), 'model-listbox');
    await call('deliver', { type: 'models', groups: [], current: 'openai/gpt-4o-mini', loading: true });
    assert.equal(await page.locator('.model-popup .input-listbox-status').innerText(), 'Loading models…');
    await call('deliver', { type: 'models', groups, current: 'openai/gpt-4o-mini', loading: false });
    assert.equal(await page.locator('.model-popup .input-listbox-status').isVisible(), false);

    assert.deepEqual(await headings(), ['OpenAI', 'OpenRouter', 'Local fake', 'Anthropic', 'Groq']);
    assert.deepEqual(await options(), [
      'OpenAI · gpt-4o',
      'OpenAI · gpt-4o-mini',
      'OpenAI · o3-mini',
      'OpenRouter · gpt-4o',
      'OpenRouter · anthropic/claude-sonnet-4',
      'Groq · llama-3.3-70b',
    ]);
    // The chosen model is checked and active; the active option is the combobox's active descendant.
    const checked = page.locator('#model-listbox [aria-checked="true"]');
    assert.equal(await checked.textContent(), 'OpenAI · gpt-4o-mini');
    assert.equal(await activeOption(), 'OpenAI · gpt-4o-mini');
    assert.equal(await filter().getAttribute('aria-activedescendant'), await checked.getAttribute('id'));
    // Each group is named by its heading (and its note).
    const group = page.locator('#model-listbox [role="group"]').nth(2);
    const labelledBy = ((await group.getAttribute('aria-labelledby')) ?? '').split(' ');
    const names = await Promise.all(labelledBy.map((id) => page.locator(`[id="${id}"]`).textContent()));
    assert.deepEqual(names, ['Local fake', longError]);

    // The button names the provider by its label now, and the same id under two providers is told apart.
    assert.equal(await button().innerText(), 'OpenAI · gpt-4o-mini');
    await page.keyboard.type('router gpt');
    await page.keyboard.press('Enter');
    assert.deepEqual((await posted('selectModel')).at(-1), { type: 'selectModel', model: 'openrouter/gpt-4o' });
    assert.equal(await button().innerText(), 'OpenRouter · gpt-4o');
    assert.equal(await button().getAttribute('aria-label'), 'Model: OpenRouter · gpt-4o');
    // A listing begun before the pick was saved still names the old model: the button keeps the pick, until the
    // extension says what is chosen (here: the pick saved).
    await call('deliver', { type: 'models', groups, current: 'openai/gpt-4o-mini', loading: false });
    assert.equal(await button().innerText(), 'OpenRouter · gpt-4o');
    await call('deliver', { type: 'models', groups: [], current: 'openrouter/gpt-4o', loading: false });
    await call('deliver', { type: 'models', groups, current: 'openrouter/gpt-4o', loading: false });
    assert.equal(await button().innerText(), 'OpenRouter · gpt-4o');
    // Chosen elsewhere afterwards (the status bar): the button follows.
    await call('deliver', { type: 'models', groups: [], current: 'openai/o3-mini', loading: false });
    assert.equal(await button().innerText(), 'OpenAI · o3-mini');
    assert.equal(await focusedId(), 'input', 'after a pick the focus goes on to the message input');
    assert.equal(await page.locator('#model-popup').isVisible(), false);
  });

  it('type to filter (a piece, words, or letters in order), ↓ ↑ Home End move, Enter posts selectModel', async () => {
    await open();
    await openPicker();
    await page.keyboard.type('4o');
    assert.deepEqual(await options(), ['OpenAI · gpt-4o', 'OpenAI · gpt-4o-mini', 'OpenRouter · gpt-4o']);
    assert.deepEqual(await headings(), ['OpenAI', 'OpenRouter'], 'groups without a match, and notes, are left out');
    // The matched characters are marked.
    assert.deepEqual(await page.locator('#model-listbox [role="option"]').first().locator('.match').allTextContents(), ['4o']);

    await filter().fill('');
    await page.keyboard.type('GPT4OMINI');
    assert.deepEqual(await options(), ['OpenAI · gpt-4o-mini'], 'case-insensitive, letters in order');

    await filter().fill('');
    await page.keyboard.type('o');
    const all = await options();
    assert.ok(all.length >= 4, all.join(', '));
    await page.keyboard.press('End');
    assert.equal(await activeOption(), all.at(-1));
    await page.keyboard.press('Home');
    assert.equal(await activeOption(), all[0]);
    await page.keyboard.press('ArrowDown');
    assert.equal(await activeOption(), all[1]);
    await page.keyboard.press('ArrowUp');
    await page.keyboard.press('ArrowUp');
    assert.equal(await activeOption(), all.at(-1), '↑ on the first wraps to the last');
    assert.equal(await filter().inputValue(), 'o', 'the keys moved the list, not the text');
    await page.keyboard.press('Enter');
    const last = all.at(-1)!;
    const [label, model] = last.split(' · ') as [string, string];
    const provider = groups.find((group) => group.label === label)!.provider;
    assert.deepEqual((await posted('selectModel')).at(-1), { type: 'selectModel', model: `${provider}/${model}` });

    // Nothing matches: said in the list's live status.
    await button().click();
    await answerModels();
    await page.keyboard.type('zzzz');
    assert.deepEqual(await options(), []);
    assert.equal(await page.locator('.model-popup .input-listbox-status').innerText(), 'No matching models');
  });

  it('Escape closes the picker and gives the focus back to its button (and does not stop an answer); the mouse picks too', async () => {
    await open({ messages: conversation, busy: true });
    await openPicker();
    await page.keyboard.type('mini');
    await page.keyboard.press('Escape');
    assert.equal(await page.locator('#model-popup').isVisible(), false);
    assert.equal(await focusedId(), 'model-picker');
    assert.equal(await button().getAttribute('aria-expanded'), 'false');
    assert.deepEqual(await posted('stop'), [], 'the Escape was the picker’s');
    assert.deepEqual(await posted('selectModel'), []);

    // ↓ on the button opens it again, with the filter cleared.
    await page.keyboard.press('ArrowDown');
    assert.equal(await focusedId(), 'model-filter');
    assert.equal(await filter().inputValue(), '');
    // Refresh lists again.
    await page.locator('#refresh-models').click();
    assert.deepEqual((await posted('requestModels')).at(-1), { type: 'requestModels', refresh: true });
    assert.equal(await focusedId(), 'model-filter', 'the focus stays in the picker');
    await answerModels();
    await page.locator('#model-listbox [role="option"]', { hasText: 'o3-mini' }).click();
    assert.deepEqual((await posted('selectModel')).at(-1), { type: 'selectModel', model: 'openai/o3-mini' });
    assert.equal(await page.locator('#model-popup').isVisible(), false);

    // A click outside closes it.
    await openPicker();
    await page.locator('#messages').click({ position: { x: 5, y: 5 } });
    assert.equal(await page.locator('#model-popup').isVisible(), false);
  });

  it('a provider’s long error is one short line with the whole text on hover; nothing gets wider than the view', async () => {
    await open();
    await openPicker();
    const note = page.locator('#model-listbox .input-group-note').first();
    assert.equal(await note.getAttribute('title'), `Local fake: ${longError}`);
    const sizes = await page.evaluate(() => {
      const popup = document.getElementById('model-popup')!;
      const text = document.querySelector('#model-listbox .input-group-note-text')!;
      return {
        popupRight: popup.getBoundingClientRect().right,
        viewport: document.documentElement.clientWidth,
        pageScrolls: document.documentElement.scrollWidth > document.documentElement.clientWidth,
        textCut: text.scrollWidth > text.clientWidth,
        noteHeight: text.getBoundingClientRect().height,
        rowHeight: document.querySelector('#model-listbox [role="option"]')!.getBoundingClientRect().height,
        ellipsis: getComputedStyle(text).textOverflow,
      };
    });
    assert.ok(sizes.popupRight <= sizes.viewport, JSON.stringify(sizes));
    assert.equal(sizes.pageScrolls, false, 'the view does not scroll sideways');
    assert.equal(sizes.textCut, true, 'the note is cut');
    assert.equal(sizes.ellipsis, 'ellipsis');
    assert.ok(sizes.noteHeight <= sizes.rowHeight, `one line: ${JSON.stringify(sizes)}`);
    // A short reason with its whole text beside it: the whole text on hover.
    assert.equal(
      await page.locator('#model-listbox .input-group-note').nth(2).getAttribute('title'),
      'Groq: Groq refused the API key (401).',
    );
    // The note shows while the provider's name is what is typed.
    await page.keyboard.type('local');
    assert.deepEqual(await headings(), ['Local fake']);
  });

  it('a model typed by hand (in the palette) shows on the button, and the lists do not shrink to it', async () => {
    await open();
    await openPicker();
    const before = await options();
    await page.keyboard.press('Escape');
    // "Select Chat Model" with a model id typed by hand: the extension says only the new choice.
    await call('deliver', { type: 'models', groups: [], current: 'openai/my-fine-tune', loading: false });
    assert.equal(await button().innerText(), 'OpenAI · my-fine-tune');
    await button().click();
    await call('deliver', { type: 'models', groups: [], current: 'openai/my-fine-tune', loading: true });
    const after = await options();
    assert.deepEqual(after, ['OpenAI · my-fine-tune', ...before], 'every model is still listed, the typed one under its provider');
    assert.equal(await page.locator('#model-listbox [aria-checked="true"]').textContent(), 'OpenAI · my-fine-tune');
    // A model of a provider no list has: a group of its own.
    await page.keyboard.press('Escape');
    await call('deliver', { type: 'models', groups: [], current: 'ollama/llama3.2', loading: false });
    assert.equal(await button().innerText(), 'ollama · llama3.2');
    await button().click();
    assert.equal((await headings())[0], 'ollama');
    assert.equal((await options()).length, before.length + 1);
  });

  it('the providers’ labels are remembered across a reload of the view (the button names the provider before opening)', async () => {
    await open();
    await openPicker();
    await page.keyboard.press('Escape');
    const state = await page.evaluate(() => {
      // The stand-in VS Code API keeps the state only for the page's life: what the view saved is read back here.
      const api = (window as unknown as { acquireVsCodeApi: () => { getState(): unknown } }).acquireVsCodeApi();
      return api.getState() as { providerLabels?: Record<string, string> };
    });
    assert.equal(state.providerLabels?.['openrouter'], 'OpenRouter');
    assert.equal(state.providerLabels?.['openai'], 'OpenAI');
  });

  it('Escape stops a streamed answer: from the input or anywhere in the view, only while busy, never when a popup used it', async () => {
    await open({ messages: conversation, busy: true });
    await page.locator('#input').focus();
    await page.keyboard.press('Escape');
    assert.deepEqual(await posted('stop'), [{ type: 'stop' }], 'from the input');
    await page.locator('#messages').focus();
    await page.keyboard.press('Escape');
    assert.equal((await posted('stop')).length, 2, 'from the message list');

    // The @ list open: its Escape closes it, and only that.
    await page.locator('#input').focus();
    await page.keyboard.type('@');
    assert.equal(await page.locator('.input-popup').isVisible(), true);
    await page.keyboard.press('Escape');
    assert.equal(await page.locator('.input-popup').isVisible(), false);
    assert.equal((await posted('stop')).length, 2, 'the list took the Escape');

    // Not busy: Escape does nothing.
    await call('deliver', { type: 'busy', busy: false });
    await page.locator('#input').fill('');
    await page.keyboard.press('Escape');
    assert.equal((await posted('stop')).length, 2);
    assert.equal(await page.locator('#stop').getAttribute('aria-keyshortcuts'), 'Escape');
  });

  it('Tab reaches every action on a message, each with a name: Edit (shown when focused), the code block, Regenerate', async () => {
    await open({ messages: conversation });
    await page.locator('#messages').focus();
    const seen: { label: string; opacity: string }[] = [];
    for (let step = 0; step < 12; step++) {
      await page.keyboard.press('Tab');
      const now = await page.evaluate(() => {
        const element = document.activeElement as HTMLElement | null;
        return {
          label: element?.getAttribute('aria-label') ?? element?.id ?? '',
          opacity: element ? getComputedStyle(element).opacity : '',
          inMessages: element?.closest('#messages') !== null,
        };
      });
      if (!now.inMessages) break;
      seen.push({ label: now.label, opacity: now.opacity });
    }
    const labels = seen.map((step) => step.label);
    assert.ok(labels.includes('Edit and resend'), labels.join(' → '));
    assert.equal(seen.find((step) => step.label === 'Edit and resend')?.opacity, '1', 'Edit is shown while it has the focus');
    assert.ok(labels.includes('Copy'), labels.join(' → '));
    assert.ok(labels.includes('Regenerate'), labels.join(' → '));
    // Enter on Edit puts the question into the input.
    await page.locator('article[data-id="u0"] .message-action').focus();
    await page.keyboard.press('Enter');
    assert.equal(await page.locator('#input').inputValue(), 'Greet me in Python');
  });

  it('focusInput from the extension focuses the input, also right after the view loads', async () => {
    await chat.load('en');
    await call('deliver', { type: 'focusInput' });
    assert.equal(await focusedId(), 'input');
    await call('deliver', init());
    await page.locator('#messages').focus();
    await call('deliver', { type: 'focusInput' });
    assert.equal(await focusedId(), 'input');
  });

  it('user turns are turns, not fields: no input border, a background of their own; in every theme', async () => {
    const themes: [string, VsCodeTheme][] = [
      ['dark', darkModern],
      ['light', lightModern],
      ['hc', darkHighContrast],
    ];
    for (const [name, theme] of themes) {
      for (const width of [300, 720]) {
        await page.setViewportSize({ width, height: 640 });
        await open({ messages: conversation });
        await call('setTheme', theme.kind, theme.variables);
        const turn = 'article.message.user';
        const input = '#input';
        assert.notEqual(await call('style', input, 'border-top-width'), '0px', `${name}: the input has a border`);
        assert.equal(await call('style', turn, 'border-top-width'), '0px', `${name}: the turn has none on top`);
        if (theme.kind === 'vscode-high-contrast') {
          // No background in high contrast: a bar in the contrast border colour down its side.
          assert.equal(await call('style', turn, 'border-left-color'), 'rgb(111, 195, 223)', name);
          assert.equal(await call('style', turn, 'border-left-width'), '3px', name);
          assert.equal(await call('style', turn, 'background-color'), 'rgba(0, 0, 0, 0)', `${name}: the theme's own background`);
        } else {
          const background = await call('style', turn, 'background-color');
          assert.notEqual(background, 'rgba(0, 0, 0, 0)', `${name}: a background of its own`);
          assert.notEqual(background, await call('style', input, 'background-color'), `${name}: not the input's`);
        }
        await page.screenshot({ path: path.join(screenshots, `chat-turns-${name}-${width}.png`) });
        await openPicker();
        await page.keyboard.type('gpt');
        await page.screenshot({ path: path.join(screenshots, `chat-model-picker-${name}-${width}.png`) });
        await page.keyboard.press('Escape');
      }
    }
  });
});
