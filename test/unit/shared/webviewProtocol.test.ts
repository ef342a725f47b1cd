import * as assert from 'node:assert/strict';
import {
  fitText,
  parseExtensionToWebviewMessage,
  parseWebviewToExtensionMessage,
  protocolLimits,
} from '../../../src/shared/webviewProtocol';

describe('webview protocol', () => {
  it('accepts the messages the webview sends', () => {
    assert.deepEqual(parseWebviewToExtensionMessage({ type: 'ready' }), { ok: true, message: { type: 'ready' } });
    const report = parseWebviewToExtensionMessage({ type: 'reportError', message: 'boom' });
    assert.equal(report.ok, true);
  });

  it('rejects an unknown message type and says so', () => {
    const result = parseWebviewToExtensionMessage({ type: 'runShell', command: 'rm -rf /' });
    assert.equal(result.ok, false);
    assert.match(result.ok ? '' : result.error, /type/);
  });

  it('names the field that is wrong', () => {
    const result = parseWebviewToExtensionMessage({ type: 'reportError', message: 42 });
    assert.equal(result.ok, false);
    assert.match(result.ok ? '' : result.error, /^message: /);
  });

  it('rejects non-objects and oversized error reports', () => {
    assert.equal(parseWebviewToExtensionMessage('ready').ok, false);
    assert.equal(parseWebviewToExtensionMessage(null).ok, false);
    assert.equal(parseWebviewToExtensionMessage({ type: 'reportError', message: 'x'.repeat(4001) }).ok, false);
  });

  it('validates what the extension sends to the webview', () => {
    const init = {
      type: 'init',
      version: '1.0.0',
      locale: 'ru',
      conversation: { id: 'c1', title: 'Новый чат', messages: [{ id: 'm1', role: 'user', content: 'привет' }] },
      draft: '',
      contexts: [],
      currentModel: 'openai/gpt-4o-mini',
      sendOnEnter: true,
      busy: false,
    };
    assert.equal(parseExtensionToWebviewMessage(init).ok, true);
    assert.equal(parseExtensionToWebviewMessage({ ...init, version: 1 }).ok, false);
    const badRole = parseExtensionToWebviewMessage({
      ...init,
      conversation: { ...init.conversation, messages: [{ id: 'm1', role: 'system', content: '' }] },
    });
    // One bad message costs itself, not the conversation (see below).
    assert.ok(badRole.ok);
    assert.deepEqual(badRole.repaired?.[0], 'conversation.messages.0.role');
    assert.equal(badRole.message.type === 'init' ? badRole.message.conversation.messages.length : -1, 0);
  });

  it('accepts the chat actions and rejects unknown code or error actions', () => {
    assert.equal(parseWebviewToExtensionMessage({ type: 'send', text: 'hello' }).ok, true);
    assert.equal(parseWebviewToExtensionMessage({ type: 'codeAction', action: 'insertAtCursor', code: 'x', language: 'ts' }).ok, true);
    assert.equal(parseWebviewToExtensionMessage({ type: 'codeAction', action: 'runInTerminal', code: 'rm -rf ~' }).ok, false);
    assert.equal(parseWebviewToExtensionMessage({ type: 'errorAction', action: 'setKey' }).ok, true);
    assert.equal(parseWebviewToExtensionMessage({ type: 'errorAction', action: 'deleteEverything' }).ok, false);
    assert.equal(parseWebviewToExtensionMessage({ type: 'openConversation', conversationId: '' }).ok, false);
  });

  describe('a field that does not fit costs only itself', () => {
    const message = (id: string, extra: Record<string, unknown> = {}) => ({
      id,
      role: 'assistant',
      content: `answer ${id}`,
      status: 'complete',
      ...extra,
    });
    const conversation = (messages: unknown[]) => ({ type: 'conversation', busy: false, conversation: { id: 'c1', title: 'T', messages } });

    it('cuts an over-long image prompt used as alt text instead of refusing the conversation', () => {
      const alt = 'a lighthouse at dusk, '.repeat(500); // 11,000 characters
      const parsed = parseExtensionToWebviewMessage(
        conversation([message('m1'), message('m2', { images: [{ src: 'vscode-resource:/a.png', alt, path: 'a.png' }] })]),
      );
      assert.ok(parsed.ok, parsed.ok ? '' : parsed.error);
      assert.deepEqual(parsed.repaired, ['conversation.messages.1.images.0.alt']);
      if (parsed.message.type !== 'conversation') assert.fail('not a conversation');
      const kept = parsed.message.conversation.messages;
      assert.equal(kept.length, 2);
      assert.equal(kept[1]?.images?.[0]?.alt.length, protocolLimits.shortText);
      assert.ok(kept[1]?.images?.[0]?.alt.endsWith('…'));
    });

    it('leaves out a bad optional field, and drops only the one message whose required field is bad', () => {
      const parsed = parseExtensionToWebviewMessage(
        conversation([
          message('m1', { usage: { inputTokens: 'many' } }),
          { role: 'assistant', content: 'no id', status: 'complete' },
          message('m3'),
        ]),
      );
      assert.ok(parsed.ok, parsed.ok ? '' : parsed.error);
      if (parsed.message.type !== 'conversation') assert.fail('not a conversation');
      assert.deepEqual(
        parsed.message.conversation.messages.map((m) => m.id),
        ['m1', 'm3'],
      );
      assert.equal(parsed.message.conversation.messages[0]?.usage?.inputTokens, undefined);
    });

    it('still refuses what is not a message at all, and never repairs what the webview sends', () => {
      assert.equal(parseExtensionToWebviewMessage({ type: 'conversation', busy: false }).ok, false);
      assert.equal(parseExtensionToWebviewMessage({ type: 'nonsense' }).ok, false);
      assert.equal(parseWebviewToExtensionMessage({ type: 'send', text: 'x'.repeat(protocolLimits.longText + 1) }).ok, false);
    });

    it('fitText cuts with an ellipsis only when it must', () => {
      assert.equal(fitText('short', 10), 'short');
      assert.equal(fitText('0123456789', 10), '0123456789');
      assert.equal(fitText('0123456789ab', 10), '012345678…');
      // An emoji (a surrogate pair) is never cut in half.
      assert.equal(fitText('01234567😀9', 10), '01234567…');
    });
  });
});
