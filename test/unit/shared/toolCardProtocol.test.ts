// The tool cards of an answer as the protocol carries them (issue 17, src/shared/webviewProtocol.ts): a card must
// stand at a real place in the text (a whole, non-negative offset); the webview's repairing parse leaves out only a
// card that does not, and shows the answer with the others.
import * as assert from 'node:assert/strict';
import * as z from 'zod/mini';
import {
  parseExtensionToWebviewMessage,
  parseWebviewToExtensionMessage,
  toolCardSchema,
  type ToolCardView,
} from '../../../src/shared/webviewProtocol';

const card: ToolCardView = {
  callId: 'call_1',
  name: 'read_file',
  title: 'Read src/app.ts',
  arguments: '{"path":"src/app.ts"}',
  state: 'done',
  readOnly: true,
  resultSize: 2150,
  offset: 12,
};

describe('webview protocol: tool cards', () => {
  it('accepts a card, and refuses one with a negative or fractional offset', () => {
    assert.equal(z.safeParse(toolCardSchema, card).success, true);
    assert.equal(z.safeParse(toolCardSchema, { ...card, offset: -1 }).success, false);
    assert.equal(z.safeParse(toolCardSchema, { ...card, offset: 1.5 }).success, false);
    assert.equal(z.safeParse(toolCardSchema, { ...card, state: 'waiting' }).success, false);
  });

  it('an answer with a card at a negative offset is shown without that card', () => {
    const result = parseExtensionToWebviewMessage({
      type: 'message',
      message: {
        id: 'a1',
        role: 'assistant',
        content: 'Let me look. Done.',
        status: 'complete',
        tools: [
          { ...card, callId: 'bad', offset: -5 },
          { ...card, callId: 'good', offset: 12 },
        ],
      },
    });
    assert.equal(result.ok, true);
    const message = result.ok && result.message.type === 'message' ? result.message.message : undefined;
    assert.deepEqual(
      message?.tools?.map((tool) => tool.callId),
      ['good'],
    );
  });

  it('a decision names its answer, its call and one of the three answers', () => {
    const decision = { type: 'toolDecision', messageId: 'a1', callId: 'call_1', decision: 'allowAlways' };
    assert.deepEqual(parseWebviewToExtensionMessage(decision), { ok: true, message: decision });
    assert.equal(parseWebviewToExtensionMessage({ ...decision, decision: 'always' }).ok, false);
    assert.equal(parseWebviewToExtensionMessage({ ...decision, callId: '' }).ok, false);
    assert.deepEqual(parseWebviewToExtensionMessage({ type: 'revokeToolApprovals' }), {
      ok: true,
      message: { type: 'revokeToolApprovals' },
    });
  });
});
