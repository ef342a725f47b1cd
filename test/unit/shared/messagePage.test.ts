// The chat view's paging (issue 13's soak: the view holds only what it renders and fetches earlier pages): the
// extension's page slicing, and the protocol's `loadEarlier` / `earlierMessages` pair.
import * as assert from 'node:assert/strict';
import * as fc from 'fast-check';
import { lastPage, pageBefore, pageSize } from '../../../src/shared/messagePage';
import { parseExtensionToWebviewMessage, parseWebviewToExtensionMessage } from '../../../src/shared/webviewProtocol';

const conversation = (count: number): { id: string }[] => Array.from({ length: count }, (_, i) => ({ id: `m${i}` }));
const ids = (list: readonly { id: string }[]): string[] => list.map((m) => m.id);

describe('message pages', () => {
  it('the last page: the last pageSize messages and the count before them', () => {
    const page = lastPage(conversation(2_000));
    assert.equal(page.messages.length, pageSize);
    assert.equal(page.messages[0]?.id, `m${2_000 - pageSize}`);
    assert.equal(page.messages.at(-1)?.id, 'm1999');
    assert.equal(page.earlier, 2_000 - pageSize);
    assert.deepEqual(lastPage(conversation(3)), { messages: conversation(3), earlier: 0 });
    assert.deepEqual(lastPage([]), { messages: [], earlier: 0 });
  });

  it('the page before a message ends just before it; the first page is short', () => {
    const messages = conversation(150);
    assert.deepEqual(pageBefore(messages, 'm90'), { messages: messages.slice(30, 90), earlier: 30 });
    assert.deepEqual(pageBefore(messages, 'm30'), { messages: messages.slice(0, 30), earlier: 0 });
    assert.deepEqual(pageBefore(messages, 'm0'), { messages: [], earlier: 0 });
    assert.equal(pageBefore(messages, 'gone'), undefined);
  });

  it('property: paging back from the last page yields every message once, in order', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 500 }), fc.integer({ min: 1, max: 80 }), (count, size) => {
        const messages = conversation(count);
        const first = lastPage(messages, size);
        let shown = ids(first.messages);
        let earlier = first.earlier;
        let requests = 0;
        while (earlier > 0) {
          const page = pageBefore(messages, shown[0]!, size);
          assert.ok(page, 'the oldest message shown is found');
          assert.ok(page.messages.length > 0 && page.messages.length <= size);
          shown = [...ids(page.messages), ...shown];
          earlier = page.earlier;
          assert.equal(earlier, count - shown.length, 'the count before the page');
          requests++;
        }
        assert.deepEqual(shown, ids(messages));
        assert.equal(requests, Math.max(0, Math.ceil((count - size) / size)));
      }),
    );
  });
});

describe('webview protocol: show earlier', () => {
  const message = { id: 'm1', role: 'user', content: 'Question' };

  it('accepts a loadEarlier request and its earlierMessages answer', () => {
    const request = { type: 'loadEarlier', requestId: 3, conversationId: 'c1', beforeId: 'm61' };
    assert.deepEqual(parseWebviewToExtensionMessage(request), { ok: true, message: request });
    const answer = { type: 'earlierMessages', requestId: 3, conversationId: 'c1', messages: [message], earlier: 0 };
    assert.deepEqual(parseExtensionToWebviewMessage(answer), { ok: true, message: answer });
  });

  it('refuses a request without ids or with a request id that is not a count', () => {
    assert.equal(parseWebviewToExtensionMessage({ type: 'loadEarlier', requestId: 1, conversationId: 'c1' }).ok, false);
    assert.equal(parseWebviewToExtensionMessage({ type: 'loadEarlier', requestId: 1, conversationId: 'c1', beforeId: '' }).ok, false);
    assert.equal(parseWebviewToExtensionMessage({ type: 'loadEarlier', requestId: -1, conversationId: 'c1', beforeId: 'm1' }).ok, false);
    assert.equal(parseWebviewToExtensionMessage({ type: 'loadEarlier', requestId: 1.5, conversationId: 'c1', beforeId: 'm1' }).ok, false);
  });

  it('refuses an answer without its request id or count, and cuts only a bad message out of it', () => {
    assert.equal(parseExtensionToWebviewMessage({ type: 'earlierMessages', conversationId: 'c1', messages: [], earlier: 0 }).ok, false);
    assert.equal(
      parseExtensionToWebviewMessage({ type: 'earlierMessages', requestId: 1, conversationId: 'c1', messages: [], earlier: -2 }).ok,
      false,
    );
    const repaired = parseExtensionToWebviewMessage({
      type: 'earlierMessages',
      requestId: 1,
      conversationId: 'c1',
      messages: [
        { ...message, role: 'system' },
        { ...message, id: 'm2' },
      ],
      earlier: 0,
    });
    assert.ok(repaired.ok);
    assert.deepEqual(repaired.message.type === 'earlierMessages' ? ids(repaired.message.messages) : [], ['m2']);
  });

  it('a conversation carries the count of messages before its page; a bad count costs only itself', () => {
    const conversation = (earlier: unknown): unknown => ({
      type: 'conversation',
      busy: false,
      conversation: { id: 'c1', title: 'T', messages: [message], earlier },
    });
    const ok = parseExtensionToWebviewMessage(conversation(1_940));
    assert.ok(ok.ok);
    assert.equal(ok.repaired, undefined);
    assert.equal(ok.message.type === 'conversation' ? ok.message.conversation.earlier : -1, 1_940);
    const repaired = parseExtensionToWebviewMessage(conversation('many'));
    assert.ok(repaired.ok);
    assert.deepEqual(repaired.repaired, ['conversation.earlier']);
    assert.equal(repaired.message.type === 'conversation' ? repaired.message.conversation.earlier : -1, undefined);
    assert.equal(repaired.message.type === 'conversation' ? repaired.message.conversation.messages.length : -1, 1);
  });
});
