// Tool calls as cards in an answer (issue 17, docs/chat.md "Tools"): the real chat view (src/webview/main.ts, its CSS,
// under the webview's CSP) in headless Chromium, driven with the extension's messages as the protocol
// (src/shared/webviewProtocol.ts) defines them. The answer's text is split at the cards' offsets; streamed text after
// a card goes after it; a card is updated in place; a pending call is announced and answered with Allow / Always /
// Deny; an automatically allowed one offers to ask again; notes show under the answer.
import * as assert from 'node:assert/strict';
import type { Page } from 'playwright-core';
import type { ExtensionToWebviewMessage, MessageView, ToolCardView } from '../../src/shared/webviewProtocol';
import { darkHighContrast, darkModern, lightModern } from './fixtures/vscodeThemes';
import { chatViewSession, initMessage } from './harness/chatViewSession';

const question: MessageView = { id: 'u1', role: 'user', content: 'What does app.ts do?' };

function card(callId: string, offset: number, change: Partial<ToolCardView> = {}): ToolCardView {
  return {
    callId,
    name: 'read_file',
    title: `Read src/${callId}.ts`,
    arguments: `{\n  "path": "src/${callId}.ts"\n}`,
    state: 'done',
    readOnly: true,
    offset,
    ...change,
  };
}

function answer(content: string, change: Partial<MessageView> = {}): MessageView {
  return { id: 'a1', role: 'assistant', content, status: 'complete', provider: 'openai', model: 'gpt-4o-mini', ...change };
}

function init(messages: MessageView[]): ExtensionToWebviewMessage {
  return initMessage(messages);
}

const first = 'Let me look at **both** files.\n\n';
const second = 'The first one exports `main`.\n\n';
const third = 'Both are small.\n';

describe('chat view: tool calls as cards in the answer', function () {
  this.timeout(60_000);
  const chat = chatViewSession({ viewport: { width: 420, height: 800 } });
  const { call, posted } = chat;
  let page: Page;
  before(() => {
    page = chat.page;
  });

  const open = (messages: MessageView[], lang = 'en'): Promise<void> => chat.open(lang, init(messages));

  const deliver = (message: MessageView): Promise<void> => call('deliver', { type: 'message', message });
  const delta = (text: string): Promise<void> => call('deliver', { type: 'delta', messageId: 'a1', text });

  /** The answer body's children: `text:<its text>` for a piece of Markdown, `card:<callId>` for a card. */
  const bodyParts = (): Promise<string[]> =>
    page.evaluate(() =>
      Array.from(document.querySelectorAll<HTMLElement>('article[data-id="a1"] .message-body > *'), (element) =>
        element.classList.contains('tool-card') ? `card:${element.dataset['callId']}` : `text:${(element.textContent ?? '').trim()}`,
      ),
    );

  const bodyHtml = (): Promise<string> => page.locator('article[data-id="a1"] .message-body').evaluate((element) => element.innerHTML);
  const cardLocator = (callId: string) => page.locator(`article[data-id="a1"] .tool-card[data-call-id="${callId}"]`);

  it('a finished answer shows its text split at the cards: text, card, text, card, text', async () => {
    const content = first + second + third;
    await open([
      question,
      answer(content, { tools: [card('one', first.length), card('two', (first + second).length, { resultSize: 300 })] }),
    ]);
    assert.deepEqual(await bodyParts(), [
      'text:Let me look at both files.',
      'card:one',
      'text:The first one exports main.',
      'card:two',
      'text:Both are small.',
    ]);
    // Each piece is Markdown on its own.
    assert.equal(await page.locator('article[data-id="a1"] .message-body > .sb-markdown strong').innerText(), 'both');
    const one = cardLocator('one');
    assert.equal(await one.getAttribute('role'), 'group');
    assert.equal(await one.getAttribute('aria-label'), 'Tool call: Read src/one.ts');
    assert.equal(await one.locator('.tool-card-state').innerText(), 'Done');
    assert.equal(await cardLocator('two').locator('.tool-card-size').innerText(), '300 B');
    // The arguments are behind a disclosure.
    assert.equal(await one.locator('.tool-card-arguments').isVisible(), false);
    await one.locator('summary').click();
    assert.equal(await one.locator('.tool-card-arguments').innerText(), '{\n  "path": "src/one.ts"\n}');
  });

  it('streamed text after a card goes after it, and the finished answer is the DOM of a fresh render', async () => {
    await open([question]);
    await deliver(answer('', { status: 'streaming' }));
    await delta('Let me look at **bo');
    await delta('th** files.\n\n');
    await deliver(answer(first, { status: 'streaming', tools: [card('one', first.length, { state: 'running' })] }));
    assert.deepEqual(await bodyParts(), ['text:Let me look at both files.', 'card:one', 'text:']);
    await delta('The first one ');
    await delta('exports `main`.\n\n');
    assert.deepEqual(await bodyParts(), ['text:Let me look at both files.', 'card:one', 'text:The first one exports main.']);
    // The card finishes and another one starts where the text now ends.
    await deliver(
      answer(first + second, {
        status: 'streaming',
        tools: [card('one', first.length, { resultSize: 2150 }), card('two', (first + second).length, { state: 'running' })],
      }),
    );
    await delta('Both are ');
    await delta('small.\n');
    const finished = answer(first + second + third, {
      tools: [card('one', first.length, { resultSize: 2150 }), card('two', (first + second).length, { resultSize: 12 })],
      notes: ['Stopped after 15 steps'],
    });
    await deliver(finished);
    assert.deepEqual(await bodyParts(), [
      'text:Let me look at both files.',
      'card:one',
      'text:The first one exports main.',
      'card:two',
      'text:Both are small.',
    ]);
    const streamed = await bodyHtml();
    await open([question, finished]);
    assert.equal(streamed, await bodyHtml(), 'the same DOM as the finished answer rendered at once');
  });

  it('the end of the stream renders the last piece again when deltas were missed', async () => {
    await open([question]);
    await deliver(answer('', { status: 'streaming' }));
    await delta(first);
    await deliver(answer(first, { status: 'streaming', tools: [card('one', first.length, { state: 'running' })] }));
    await delta('The first');
    // The rest of the text never came as deltas (the view was hidden); the final message has it.
    await deliver(answer(first + second, { tools: [card('one', first.length)] }));
    assert.deepEqual(await bodyParts(), ['text:Let me look at both files.', 'card:one', 'text:The first one exports main.']);
  });

  it('a card updated from running to done keeps its element and shows the result size', async () => {
    await open([question]);
    await deliver(answer(first, { status: 'streaming', tools: [card('one', first.length, { state: 'running' })] }));
    const element = await cardLocator('one').elementHandle();
    assert.equal(await cardLocator('one').locator('.tool-card-state').innerText(), 'Running…');
    assert.equal(await cardLocator('one').locator('.codicon-loading.codicon-modifier-spin').count(), 1);
    assert.equal(await cardLocator('one').locator('.tool-card-size').isVisible(), false, 'no size before a result');
    await deliver(
      answer(first, { status: 'streaming', tools: [card('one', first.length, { resultSize: 2150, note: 'Cut at 100 matches' })] }),
    );
    assert.equal(await page.evaluate((node) => node?.isConnected === true && node.matches('.tool-card'), element), true, 'the same node');
    assert.equal(await cardLocator('one').locator('.tool-card-state').innerText(), 'Done');
    assert.equal(await cardLocator('one').locator('.tool-card-size').innerText(), '2.1 KB');
    assert.equal(await cardLocator('one').locator('.tool-card-note').innerText(), 'Cut at 100 matches');
    assert.equal(await cardLocator('one').locator('.codicon-check').count(), 1);
  });

  it('a pending call is announced, and Allow, Always allow and Deny post the decision; Always only for read-only tools', async () => {
    await open([question]);
    await page.locator('#input').focus();
    await deliver(
      answer(first, {
        status: 'streaming',
        tools: [card('one', first.length, { state: 'pending' }), card('two', first.length, { state: 'pending', readOnly: false })],
      }),
    );
    assert.equal(await page.evaluate(() => document.activeElement?.id), 'input', 'the focus stays where it was');
    assert.equal(await page.locator('#announcer').textContent(), 'Switchboard wants to run read_file: Read src/two.ts. Allow or Deny.');
    assert.equal(await cardLocator('one').locator('.tool-card-state').innerText(), 'Waiting for your answer');
    const labels = (callId: string) => cardLocator(callId).locator('.tool-card-actions button').allInnerTexts();
    assert.deepEqual(await labels('one'), ['Allow', 'Always allow read-only tools here', 'Deny']);
    assert.deepEqual(await labels('two'), ['Allow', 'Deny'], 'a tool that changes things is never always allowed');

    // Reached with Tab, pressed with the keyboard; then off (a second press sends nothing) with the focus kept.
    await cardLocator('one').locator('summary').focus();
    await page.keyboard.press('Tab');
    assert.equal(await page.evaluate(() => document.activeElement?.textContent), 'Allow');
    await page.keyboard.press('Enter');
    await page.keyboard.press('Enter');
    assert.deepEqual(await posted('toolDecision'), [{ type: 'toolDecision', messageId: 'a1', callId: 'one', decision: 'allow' }]);
    assert.deepEqual(
      await cardLocator('one')
        .locator('.tool-card-actions button')
        .evaluateAll((buttons) => buttons.map((b) => b.getAttribute('aria-disabled'))),
      ['true', 'true', 'true'],
    );
    assert.equal(await page.evaluate(() => document.activeElement?.textContent), 'Allow');

    // Another card's update leaves them off; the call's own state change takes the question away.
    await deliver(
      answer(first, {
        status: 'streaming',
        tools: [card('one', first.length, { state: 'pending' }), card('two', first.length, { state: 'pending', readOnly: false })],
      }),
    );
    assert.equal(await cardLocator('one').locator('.tool-card-actions button[aria-disabled="true"]').count(), 3);
    await deliver(
      answer(first, {
        status: 'streaming',
        tools: [card('one', first.length, { state: 'running' }), card('two', first.length, { state: 'pending', readOnly: false })],
      }),
    );
    assert.equal(await cardLocator('one').locator('.tool-card-actions button').count(), 0);
    assert.equal(
      await page.evaluate(() => document.activeElement?.getAttribute('data-call-id')),
      'one',
      'the focus rests on the card, not the document',
    );

    await cardLocator('two').getByRole('button', { name: 'Deny' }).click();
    await page.screenshot({ path: 'out/screenshots/webview-tool-cards-pending.png' });
    await deliver(
      answer(first, {
        status: 'streaming',
        tools: [card('one', first.length, { state: 'running' }), card('two', first.length, { state: 'pending' })],
      }),
    );
    await cardLocator('two').getByRole('button', { name: 'Always allow read-only tools here' }).click();
    assert.deepEqual((await posted('toolDecision')).slice(1), [
      { type: 'toolDecision', messageId: 'a1', callId: 'two', decision: 'deny' },
      { type: 'toolDecision', messageId: 'a1', callId: 'two', decision: 'allowAlways' },
    ]);
  });

  it('an automatically allowed call offers "Ask again", which revokes the approval', async () => {
    await open([question, answer(first, { tools: [card('one', first.length, { autoAllowed: true })] })]);
    const auto = cardLocator('one').locator('.tool-card-auto');
    assert.match(await auto.innerText(), /^Allowed automatically: read-only tools are always allowed in this workspace/);
    await auto.getByRole('button', { name: 'Ask again' }).click();
    assert.deepEqual(await posted('revokeToolApprovals'), [{ type: 'revokeToolApprovals' }]);
    await open([question, answer(first, { tools: [card('one', first.length)] })]);
    assert.equal(await cardLocator('one').locator('.tool-card-auto').isVisible(), false, 'not on a call that was asked');
  });

  it('notes show under the answer, each with its text', async () => {
    await open([question, answer(first, { notes: ['Stopped after 15 steps', 'A repeated call was not run'] })]);
    const notes = await page.locator('article[data-id="a1"] .message-notes .message-note').allInnerTexts();
    assert.deepEqual(
      notes.map((text) => text.trim()),
      ['Stopped after 15 steps', 'A repeated call was not run'],
    );
    assert.equal(await page.locator('article[data-id="a1"] .message-notes .codicon-info').count(), 2);
  });

  it('"Apply all" counts the code blocks of every piece of the text', async () => {
    const before = 'First:\n\n```ts src/a.ts\nexport const a = 1;\n```\n\n';
    const after = 'Then:\n\n```ts src/b.ts\nexport const b = 2;\n```\n';
    await open([question, answer(before + after, { tools: [card('one', before.length)] })]);
    assert.equal(await page.locator('article[data-id="a1"] .apply-all').innerText(), 'Apply all (2 files)');
  });

  it('says it in Russian', async () => {
    await open([question, answer(first, { status: 'streaming', tools: [card('one', first.length, { state: 'pending' })] })], 'ru');
    assert.deepEqual(await cardLocator('one').locator('.tool-card-actions button').allInnerTexts(), [
      'Разрешить',
      'Всегда разрешать здесь инструменты только для чтения',
      'Запретить',
    ]);
    assert.equal(await cardLocator('one').getAttribute('aria-label'), 'Вызов инструмента: Read src/one.ts');
  });

  it('takes its colours from the theme: light, dark and high contrast', async () => {
    await open([
      question,
      answer(first, { status: 'streaming', tools: [card('one', first.length, { state: 'pending' }), card('two', first.length)] }),
    ]);
    for (const theme of [lightModern, darkModern, darkHighContrast]) {
      await call('setTheme', theme.kind, theme.variables);
      const colour = (value: string | undefined): Promise<string> =>
        page.evaluate((v) => {
          const probe = document.createElement('span');
          document.body.append(probe);
          probe.style.color = v ?? '';
          const computed = getComputedStyle(probe).color;
          probe.remove();
          return computed;
        }, value);
      assert.equal(
        await call('style', '.tool-card[data-call-id="one"] .primary-button', 'background-color'),
        await colour(theme.variables['--vscode-button-background']),
        `${theme.kind}: Allow is a primary button`,
      );
      assert.equal(
        await call('style', '.tool-card[data-call-id="two"]', 'border-top-color'),
        await colour(theme.variables['--vscode-contrastBorder'] ?? theme.variables['--vscode-widget-border']),
        `${theme.kind}: the card's border`,
      );
      await page.screenshot({ path: `out/screenshots/webview-tool-cards-${theme.kind}.png` });
    }
  });
});
