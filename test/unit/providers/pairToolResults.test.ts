// A history every protocol accepts (pairToolResults.ts): each call answered right after its assistant message, each
// result answering a call; a history that already is one goes through untouched.
import * as assert from 'node:assert/strict';
import type { ChatMessage } from '../../../src/core/chat/chatTypes';
import { notRunResult, orphanResultText, pairToolResults } from '../../../src/core/providers/pairToolResults';
import { toolConversation } from '../fakes/toolMessages';

const user = (text: string): ChatMessage => ({ role: 'user', parts: [{ type: 'text', text }] });
const calls = (...ids: string[]): ChatMessage => ({
  role: 'assistant',
  parts: ids.map((id) => ({ type: 'tool-call', id, name: 'read_file', arguments: '{}' })),
});
const results = (...ids: string[]): ChatMessage => ({
  role: 'tool',
  parts: ids.map((id) => ({ type: 'tool-result', callId: id, content: `out ${id}`, isError: false })),
});
const notRun = (...ids: string[]): ChatMessage => ({
  role: 'tool',
  parts: ids.map((id) => ({ type: 'tool-result', callId: id, content: notRunResult, isError: true })),
});

describe('pairToolResults', () => {
  it('leaves a well-formed history as it is, the very same messages', () => {
    const plain = [user('a'), { role: 'assistant' as const, parts: [{ type: 'text' as const, text: 'b' }] }];
    assert.equal(pairToolResults(plain), plain);
    const history = toolConversation();
    const paired = pairToolResults(history);
    assert.deepEqual(paired, history);
    paired.forEach((message, i) => assert.equal(message, history[i]));
  });

  it('answers calls left without a result, right after the results they did get, before the next message', () => {
    assert.deepEqual(pairToolResults([user('a'), calls('c1', 'c2', 'c3'), results('c2'), user('b')]), [
      user('a'),
      calls('c1', 'c2', 'c3'),
      results('c2'),
      notRun('c1', 'c3'),
      user('b'),
    ]);
    assert.deepEqual(pairToolResults([user('a'), calls('c1')]), [user('a'), calls('c1'), notRun('c1')], 'at the end too');
    assert.deepEqual(pairToolResults([user('a'), calls('c1'), calls('c2'), results('c2')]), [
      user('a'),
      calls('c1'),
      notRun('c1'),
      calls('c2'),
      results('c2'),
    ]);
  });

  it('turns a result whose call is not right before it into text, keeping the message', () => {
    const input = [user('a'), results('gone'), calls('c1'), results('c1', 'c1')];
    const before = JSON.stringify(input);
    assert.deepEqual(pairToolResults(input), [
      user('a'),
      { role: 'tool', parts: [{ type: 'text', text: orphanResultText('gone', 'out gone') }] },
      calls('c1'),
      {
        role: 'tool',
        parts: [
          { type: 'tool-result', callId: 'c1', content: 'out c1', isError: false },
          { type: 'text', text: orphanResultText('c1', 'out c1') },
        ],
      },
    ]);
    assert.equal(JSON.stringify(input), before, 'the input is not changed');
  });
});
