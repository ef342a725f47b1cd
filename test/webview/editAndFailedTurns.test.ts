// Nothing lost while editing (issue 13): the real chat view (src/webview/main.ts, its CSS, under the webview's CSP)
// in headless Chromium, driven with the extension's messages. Editing a sent message says in place how many later
// messages sending removes; Escape and Cancel put back the draft from before the edit and send nothing; a sent edit
// offers Undo; a turn whose answer failed before its first word is shown muted with a note, as it is not history.
import * as assert from 'node:assert/strict';
import type { Page } from 'playwright-core';
import type { ExtensionToWebviewMessage, MessageView } from '../../src/shared/webviewProtocol';
import { chatViewSession, initMessage } from './harness/chatViewSession';

/** `turns` finished turns; the answers of the turns in `failed` failed before their first word. */
function conversation(turns: number, failed: readonly number[] = []): MessageView[] {
  const messages: MessageView[] = [];
  for (let n = 0; n < turns; n++) {
    messages.push({ id: `u${n}`, role: 'user', content: `Question ${n}` });
    messages.push(
      failed.includes(n)
        ? {
            id: `a${n}`,
            role: 'assistant',
            content: '',
            status: 'error',
            error: { kind: 'network', message: 'fetch failed', actions: ['retry'] },
          }
        : { id: `a${n}`, role: 'assistant', content: `Answer ${n}.`, status: 'complete', provider: 'openai', model: 'gpt-4o-mini' },
    );
  }
  return messages;
}

function init(messages: MessageView[], draft = ''): ExtensionToWebviewMessage {
  return initMessage(messages, { draft });
}

describe('chat view: editing a sent message, and failed turns', function () {
  this.timeout(60_000);
  const chat = chatViewSession({ viewport: { width: 420, height: 800 } });
  const { call, posted } = chat;
  let page: Page;
  before(() => {
    page = chat.page;
  });

  const open = (messages: MessageView[], options: { draft?: string; lang?: string } = {}): Promise<void> =>
    chat.open(options.lang ?? 'en', init(messages, options.draft));

  /** The Edit button of a user message (shown on hover or focus, as a user finds it). */
  async function edit(id: string): Promise<void> {
    await page.locator(`article[data-id="${id}"]`).hover();
    await page.locator(`article[data-id="${id}"] .message-action`).click();
  }

  const note = (): Promise<string> => page.locator('#composer-editing-note').innerText();

  it('Edit says, in a live region tied to the input, how many later messages sending removes', async () => {
    await open(conversation(3), { draft: 'my unsent draft' });
    await edit('u1');
    assert.equal(await page.locator('#input').inputValue(), 'Question 1');
    assert.equal(await note(), 'Editing a sent message: sending replaces it and removes the 3 messages after it.');
    assert.equal(await page.locator('#composer-editing-note').getAttribute('role'), 'status');
    assert.match((await page.locator('#input').getAttribute('aria-describedby')) ?? '', /\bcomposer-editing-note\b/);
    assert.ok(await page.locator('#cancel-edit').isVisible(), 'Cancel is shown');
    await page.screenshot({ path: 'out/screenshots/webview-editing-note.png' });

    // The last question: only its answer goes.
    await edit('u2');
    assert.equal(await note(), 'Editing a sent message: sending replaces it and removes the message after it.');
  });

  it('Escape leaves editing with the draft from before it back, and sends nothing', async () => {
    await open(conversation(3), { draft: 'my unsent draft' });
    assert.equal(await page.locator('#input').inputValue(), 'my unsent draft');
    await edit('u0');
    await page.locator('#input').fill('Question 0, reworded');
    await page.locator('#input').press('Escape');
    assert.equal(await page.locator('#input').inputValue(), 'my unsent draft');
    assert.equal(await note(), '', 'the note is gone');
    assert.equal(await page.locator('#cancel-edit').isVisible(), false);
    assert.equal(await page.locator('footer.composer.editing').count(), 0);
    assert.deepEqual(await posted('editAndResend'), []);
    assert.deepEqual(await posted('send'), []);
    // The draft the extension keeps is still the user's, not the text of the message being edited.
    const drafts = (await posted('draftChanged')) as { text: string }[];
    assert.ok(
      drafts.every((message) => message.text === 'my unsent draft'),
      JSON.stringify(drafts),
    );

    // The Cancel button does the same.
    await edit('u1');
    await page.locator('#cancel-edit').click();
    assert.equal(await page.locator('#input').inputValue(), 'my unsent draft');
    assert.deepEqual(await posted('editAndResend'), []);
  });

  it('a sent edit goes with its id, the draft comes back, and Undo is offered until the conversation moves on', async () => {
    await open(conversation(3), { draft: 'my unsent draft' });
    await edit('u0');
    await page.locator('#input').fill('Question 0, reworded');
    await page.locator('#input').press('Enter');
    assert.deepEqual(await posted('editAndResend'), [{ type: 'editAndResend', messageId: 'u0', text: 'Question 0, reworded' }]);
    assert.equal(await page.locator('#input').inputValue(), 'my unsent draft');
    const offer = page.locator('.notice-undo');
    assert.equal(
      await offer.locator('.notice-text').innerText(),
      'Your message was edited and sent again; the 5 messages after it were removed.',
    );
    // Keyboard reachable: a real button.
    await page.locator('#undo-edit').focus();
    await page.keyboard.press('Enter');
    assert.deepEqual(await posted('undoEdit'), [{ type: 'undoEdit' }]);
    assert.equal(await offer.count(), 0, 'the offer is gone once used');

    // Sending something new ends the offer.
    await edit('u2');
    await page.locator('#input').press('Enter');
    assert.equal(await page.locator('#undo-edit').count(), 1);
    await page.locator('#input').fill('Something else');
    await page.locator('#input').press('Enter');
    assert.equal(await page.locator('#undo-edit').count(), 0);
  });

  it('the note counts an answer that arrives while editing, and says it in Russian', async () => {
    await open(conversation(2), { lang: 'ru' });
    await edit('u1');
    assert.equal(
      await note(),
      'Вы изменяете отправленное сообщение: при отправке оно будет заменено, а следующее за ним сообщение удалено.',
    );
    await call('deliver', { type: 'message', message: { id: 'u2', role: 'user', content: 'Question 2' } });
    await call('deliver', { type: 'message', message: { id: 'a2', role: 'assistant', content: '', status: 'streaming' } });
    assert.equal(
      await note(),
      'Вы изменяете отправленное сообщение: при отправке оно будет заменено, а сообщения после него удалены (их 3).',
    );
  });

  it('a turn that failed before its first word is muted with a note; the others are not', async () => {
    await open(conversation(3, [1]));
    for (const id of ['u1', 'a1']) {
      assert.equal(await page.locator(`article[data-id="${id}"].failed-turn`).count(), 1, `${id} is muted`);
      assert.equal(await page.locator(`article[data-id="${id}"] .failed-note`).innerText(), 'not sent as history');
    }
    for (const id of ['u0', 'a0', 'u2', 'a2'])
      assert.equal(await page.locator(`article[data-id="${id}"].failed-turn`).count(), 0, `${id} is not`);
    await page.screenshot({ path: 'out/screenshots/webview-failed-turn.png' });

    // A turn failing as it happens: the question gets the note when its answer ends in an error.
    await call('deliver', { type: 'message', message: { id: 'u3', role: 'user', content: 'Question 3' } });
    await call('deliver', { type: 'message', message: { id: 'a3', role: 'assistant', content: '', status: 'streaming' } });
    assert.equal(await page.locator('article[data-id="u3"].failed-turn').count(), 0);
    await call('deliver', {
      type: 'message',
      message: {
        id: 'a3',
        role: 'assistant',
        content: '',
        status: 'error',
        error: { kind: 'timeout', message: 'timed out', actions: ['retry'] },
      },
    });
    assert.equal(await page.locator('article[data-id="u3"].failed-turn').count(), 1);
    assert.equal(await page.locator('article[data-id="u3"] .failed-note').count(), 1);
  });

  it('a failed turn stays readable in light, dark and high-contrast themes: theme colours, no opacity', async () => {
    await open(conversation(2, [1]));
    const themes: [string, Record<string, string>][] = [
      ['vscode-light', { '--vscode-descriptionForeground': '#717171', '--vscode-foreground': '#3b3b3b' }],
      ['vscode-dark', { '--vscode-descriptionForeground': '#9d9d9d', '--vscode-foreground': '#cccccc' }],
      ['vscode-high-contrast', { '--vscode-descriptionForeground': '#ffffff', '--vscode-foreground': '#ffffff' }],
    ];
    for (const [kind, variables] of themes) {
      await call('setTheme', kind, variables);
      const expected = await page.evaluate((hex) => {
        const probe = document.createElement('span');
        document.body.append(probe);
        probe.style.color = hex;
        const color = getComputedStyle(probe).color;
        probe.remove();
        return color;
      }, variables['--vscode-descriptionForeground']!);
      assert.equal(
        await call('style', 'article[data-id="u1"] .message-text', 'color'),
        expected,
        `${kind}: the muted text is the theme's description colour`,
      );
      assert.equal(await call('style', 'article[data-id="a1"] .failed-note', 'color'), expected, `${kind}: the note too`);
      for (const id of ['u1', 'a1'])
        assert.equal(await call('style', `article[data-id="${id}"]`, 'opacity'), '1', `${kind}: ${id} is not faded`);
    }
  });
});
