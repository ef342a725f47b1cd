import * as assert from 'node:assert/strict';
import { parseExtensionToWebviewMessage, parseWebviewToExtensionMessage } from '../../../src/shared/webviewProtocol';

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
    const badRole = parseExtensionToWebviewMessage({ ...init, conversation: { ...init.conversation, messages: [{ id: 'm1', role: 'system', content: '' }] } });
    assert.equal(badRole.ok, false);
    assert.match(badRole.ok ? '' : badRole.error, /conversation\.messages\.0\.role/);
  });

  it('accepts the chat actions and rejects unknown code or error actions', () => {
    assert.equal(parseWebviewToExtensionMessage({ type: 'send', text: 'hello' }).ok, true);
    assert.equal(parseWebviewToExtensionMessage({ type: 'codeAction', action: 'insertAtCursor', code: 'x', language: 'ts' }).ok, true);
    assert.equal(parseWebviewToExtensionMessage({ type: 'codeAction', action: 'runInTerminal', code: 'rm -rf ~' }).ok, false);
    assert.equal(parseWebviewToExtensionMessage({ type: 'errorAction', action: 'setKey' }).ok, true);
    assert.equal(parseWebviewToExtensionMessage({ type: 'errorAction', action: 'deleteEverything' }).ok, false);
    assert.equal(parseWebviewToExtensionMessage({ type: 'openConversation', conversationId: '' }).ok, false);
  });
});
