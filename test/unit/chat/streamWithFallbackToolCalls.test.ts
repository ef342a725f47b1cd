// The fallback chain and tool calls (streamWithFallback.ts): a tool call that has begun is part of the answer, like
// its first text — the card is on screen and the call may already be running — so a failure after it is shown, never
// replaced by another model's answer or tried again.
import * as assert from 'node:assert/strict';
import type { ChatEvent } from '../../../src/core/chat/chatTypes';
import { streamWithFallback } from '../../../src/core/chat/streamWithFallback';
import { collect, failure, fakeProvider, providerError, types } from './fakeProvider';

const request = { messages: [{ role: 'user' as const, parts: [{ type: 'text' as const, text: 'Read app.ts' }] }] };
const start: ChatEvent = { type: 'tool-call-start', id: 'call_1', name: 'read_file' };
const call: ChatEvent = { type: 'tool-call', call: { id: 'call_1', name: 'read_file', arguments: '{"path":"app.ts"}' } };

describe('streamWithFallback: tool calls', () => {
  it('passes calls through and ends with tool-calls', async () => {
    const a = fakeProvider('openai', [
      [{ type: 'model', provider: 'openai', model: 'gpt-4o' }, start, call, { type: 'done', finishReason: 'tool-calls' }],
    ]);
    const events = await collect(streamWithFallback([{ provider: a, model: 'gpt-4o' }], request));
    assert.deepEqual(events.slice(1), [start, call, { type: 'done', finishReason: 'tool-calls' }]);
  });

  it('does not fall back after a call began, even on an error that would move on before it', async () => {
    for (const before of [[start], [start, call]]) {
      const a = fakeProvider('openai', [
        [
          { type: 'model', provider: 'openai', model: 'gpt-4o' },
          ...before,
          { type: 'error', error: providerError('server', 'openai', { status: 503 }) },
        ],
      ]);
      const b = fakeProvider('anthropic', [
        [
          { type: 'model', provider: 'anthropic', model: 'claude-x' },
          { type: 'done', finishReason: 'stop' },
        ],
      ]);
      const events = await collect(
        streamWithFallback(
          [
            { provider: a, model: 'gpt-4o' },
            { provider: b, model: 'claude-x' },
          ],
          request,
        ),
      );
      assert.deepEqual(types(events), ['model', ...before.map((event) => event.type), 'error']);
      assert.equal(b.requests.length, 0, 'the next model was never asked');
    }
  });

  it('still falls back when the failure came before any call (the control)', async () => {
    const a = fakeProvider('openai', [failure('server', 'openai', 'gpt-4o', { status: 503 })]);
    const b = fakeProvider('anthropic', [
      [{ type: 'model', provider: 'anthropic', model: 'claude-x' }, start, call, { type: 'done', finishReason: 'tool-calls' }],
    ]);
    const events = await collect(
      streamWithFallback(
        [
          { provider: a, model: 'gpt-4o' },
          { provider: b, model: 'claude-x' },
        ],
        request,
      ),
    );
    assert.deepEqual(types(events), ['model', 'fallback', 'model', 'tool-call-start', 'tool-call', 'done']);
  });

  it('names the model before a call from a provider that left its model event out', async () => {
    const a = fakeProvider('openai', [[start, call, { type: 'done', finishReason: 'tool-calls' }]]);
    const events = await collect(streamWithFallback([{ provider: a, model: 'gpt-4o' }], request));
    assert.deepEqual(events[0], { type: 'model', provider: 'openai', model: 'gpt-4o' });
    assert.deepEqual(types(events), ['model', 'tool-call-start', 'tool-call', 'done']);
  });
});
