import * as assert from 'node:assert/strict';
import type { ChatMessage } from '../../../src/core/chat/chatTypes';
import { estimateTokens } from '../../../src/core/context/estimateTokens';
import { answerReserve, fitRequestToWindow } from '../../../src/core/context/fitRequestToWindow';
import { contextsOf, textOf } from '../../../src/core/conversations/messagePart';

const user = (text: string): ChatMessage => ({ role: 'user', parts: [{ type: 'text', text }] });
const assistant = (text: string): ChatMessage => ({ role: 'assistant', parts: [{ type: 'text', text }] });
/** ~`tokens` tokens of ASCII text. */
const words = (tokens: number): string => 'abcd'.repeat(tokens);

describe('fitRequestToWindow', () => {
  it('leaves a request that fits as it is', () => {
    const request = { messages: [user('hi'), assistant('hello'), user('how are you?')] };
    const result = fitRequestToWindow(request, 8_000);
    assert.equal(result.request, request);
    assert.deepEqual([result.droppedMessages, result.cutContexts, result.fits], [0, 0, true]);
  });

  it('leaves out the oldest turns first, whole (a user message and its answer), and keeps the question', () => {
    const messages = [user(words(300)), assistant(words(300)), user(words(300)), assistant(words(300)), user('and now?')];
    // Room: 1,300 - 100 reserved = 1,200 tokens; everything is ~1,203, so the first turn (600) must go.
    const result = fitRequestToWindow({ messages, maxTokens: 100 }, 1_300);
    assert.equal(result.droppedMessages, 2);
    assert.equal(result.fits, true);
    assert.deepEqual(
      result.request.messages.map((message) => message.role),
      ['user', 'assistant', 'user'],
    );
    assert.equal(textOf(result.request.messages.at(-1)?.parts ?? []), 'and now?');
  });

  it('then cuts the largest attached context, marked as truncated, before a small one', () => {
    const question: ChatMessage = {
      role: 'user',
      parts: [
        { type: 'context', context: { kind: 'folder', label: 'src', path: 'src', text: words(5_000) } },
        { type: 'context', context: { kind: 'file', label: 'a.ts', path: 'a.ts', text: words(100) } },
        { type: 'text', text: 'explain' },
      ],
    };
    const result = fitRequestToWindow({ messages: [question], maxTokens: 500 }, 2_000);
    const [folder, file] = contextsOf(result.request.messages[0]?.parts ?? []);
    assert.equal(result.cutContexts, 1);
    assert.equal(folder?.truncated, true);
    assert.ok(estimateTokens(folder?.text ?? '') < 1_400, 'the folder was cut to what fits');
    assert.equal(file?.text, words(100), 'the small file is untouched');
    assert.equal(result.fits, true);
    // The original request is not changed.
    assert.equal(contextsOf(question.parts)[0]?.text.length, words(5_000).length);
  });

  it('says when even that cannot make it fit: the question alone is larger than the window', () => {
    const result = fitRequestToWindow({ messages: [user(words(3_000))] }, 1_000);
    assert.equal(result.fits, false);
    assert.equal(textOf(result.request.messages[0]?.parts ?? []), words(3_000), 'the question itself is never cut');
  });

  it('counts the system prompt as kept text', () => {
    const messages = [user(words(400)), assistant(words(10)), user('q')];
    assert.equal(fitRequestToWindow({ messages, systemPrompt: '' }, 1_000).droppedMessages, 0);
    assert.equal(fitRequestToWindow({ messages, systemPrompt: words(600) }, 1_000).droppedMessages, 2);
  });

  it('keeps an eighth of the window for the answer (at most 4,096 tokens) unless the request sets its own limit', () => {
    assert.equal(answerReserve({ messages: [] }, 8_000), 1_000);
    assert.equal(answerReserve({ messages: [] }, 1_000_000), 4_096);
    assert.equal(answerReserve({ messages: [], maxTokens: 300 }, 1_000_000), 300);
  });
});
