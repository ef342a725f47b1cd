// Streamed tool calls of the OpenAI-compatible protocol (openAiToolCalls.ts, openAiStreamDecoder.ts) against local
// servers that stream them as OpenAI does (fakes/openAiToolFake) and as Ollama does (fakes/ollamaToolFake): argument
// pieces cut anywhere, calls taking turns by index, text before and after calls, calls without arguments, ids missing,
// and the answer-size cap counting arguments.
import * as assert from 'node:assert/strict';
import type { ChatEvent, ChatRequest } from '../../../src/core/chat/chatTypes';
import { createChatProvider } from '../../../src/core/providers/createChatProvider';
import { OpenAiCompatibleProvider } from '../../../src/core/providers/openAiCompatibleProvider';
import type { ProviderEntry } from '../../../src/core/providers/providerEntry';
import { collect, finalError, normalize } from '../fakes/chatTestKit';
import { fakeServerPerTest } from '../fakes/fakeServerPerTest';
import { ollamaToolStream } from '../fakes/ollamaToolFake';
import { openAiToolStream } from '../fakes/openAiToolFake';
import { tools } from '../fakes/toolMessages';

describe('OpenAI-compatible chat: streamed tool calls', () => {
  const fake = fakeServerPerTest();

  function chat(entry: Partial<ProviderEntry> = {}, request: Partial<ChatRequest> = {}): Promise<ChatEvent[]> {
    const provider = createChatProvider(
      { id: 'openai', baseUrl: `${fake.server.origin}/v1`, ...entry },
      { apiKey: 'sk-test-FAKE-0123456789' },
      { http: fake.client() },
    );
    return collect(
      provider.streamChat({ model: 'gpt-fake', messages: [{ role: 'user', parts: [{ type: 'text', text: 'Look' }] }], tools, ...request }),
    );
  }

  const start = (id: string, name: string): ChatEvent => ({ type: 'tool-call-start', id, name });
  const call = (id: string, name: string, args: string): ChatEvent => ({ type: 'tool-call', call: { id, name, arguments: args } });
  const model: ChatEvent = { type: 'model', provider: 'openai', model: 'gpt-fake' };
  const done: ChatEvent = { type: 'done', finishReason: 'tool-calls' };

  it('joins argument pieces cut anywhere, across network reads, into one call', async () => {
    const args = '{"path":"src/app.ts","startLine":12}';
    fake.server.enqueue(
      openAiToolStream(
        [
          { call: { index: 0, id: 'call_abc', name: 'read_file' } },
          ...['{"pa', 'th":"src/a', 'pp.ts","startLi', 'ne":1', '2}'].map((piece) => ({ call: { index: 0, arguments: piece } })),
        ],
        { usage: { prompt_tokens: 80, completion_tokens: 19 } },
      ),
    );
    const events = await chat();
    assert.deepEqual(normalize(events), [
      model,
      start('call_abc', 'read_file'),
      call('call_abc', 'read_file', args),
      { type: 'usage', usage: { inputTokens: 80, outputTokens: 19 } },
      done,
    ]);
  });

  it('keeps two calls apart whose pieces take turns by index, reported in the order they began', async () => {
    fake.server.enqueue(
      openAiToolStream([
        { call: { index: 0, id: 'call_a', name: 'read_file', arguments: '{"path":' } },
        { call: { index: 1, id: 'call_b', name: 'read_file', arguments: '{"pa' } },
        { call: { index: 1, arguments: 'th":"b.ts"}' } },
        { call: { index: 0, arguments: '"a.ts"}' } },
      ]),
    );
    assert.deepEqual(normalize(await chat()), [
      model,
      start('call_a', 'read_file'),
      start('call_b', 'read_file'),
      call('call_a', 'read_file', '{"path":"a.ts"}'),
      call('call_b', 'read_file', '{"path":"b.ts"}'),
      done,
    ]);
  });

  it('passes text through around calls: text then a call, and a call then text', async () => {
    fake.server.enqueue(
      openAiToolStream([
        { text: 'Let me ' },
        { text: 'look.' },
        { call: { index: 0, id: 'call_1', name: 'get_problems', arguments: '{}' } },
      ]),
      openAiToolStream([{ call: { index: 0, id: 'call_2', name: 'read_file', arguments: '{"path":"x"}' } }, { text: 'Reading it now.' }]),
    );
    assert.deepEqual(normalize(await chat()), [
      model,
      { type: 'text-delta', text: 'Let me look.' },
      start('call_1', 'get_problems'),
      call('call_1', 'get_problems', '{}'),
      done,
    ]);
    assert.deepEqual(normalize(await chat()), [
      model,
      start('call_2', 'read_file'),
      { type: 'text-delta', text: 'Reading it now.' },
      call('call_2', 'read_file', '{"path":"x"}'),
      done,
    ]);
  });

  it('gives a call without arguments `{}`', async () => {
    fake.server.enqueue(openAiToolStream([{ call: { index: 0, id: 'call_e', name: 'get_problems' } }]));
    assert.deepEqual(normalize(await chat()), [model, start('call_e', 'get_problems'), call('call_e', 'get_problems', '{}'), done]);
  });

  it('makes up an id for a call that has none, unique per call and per answer', async () => {
    fake.server.onRequest(() =>
      openAiToolStream([
        { call: { index: 0, name: 'read_file', arguments: '{"path":"a"}' } },
        { call: { index: 1, name: 'read_file', arguments: '{"path":"b"}' } },
      ]),
    );
    const ids = (events: ChatEvent[]): string[] => events.flatMap((event) => (event.type === 'tool-call' ? [event.call.id] : []));
    const first = ids(await chat());
    const second = ids(await chat());
    assert.equal(first.length, 2);
    for (const id of [...first, ...second]) assert.match(id, /^call_[0-9a-f]{24}$/);
    assert.equal(new Set([...first, ...second]).size, 4);
  });

  it('reads Ollama: whole calls in one chunk each, even all numbered index 0, finish_reason tool_calls', async () => {
    const calls = [
      { id: 'call_k3v9x1qz', name: 'read_file', arguments: '{"path":"a.ts"}' },
      { id: 'call_p0m2n8rt', name: 'read_file', arguments: '{"path":"b.ts"}' },
    ];
    for (const sameIndex of [false, true]) {
      fake.server.enqueue(ollamaToolStream(calls, { sameIndex }));
      const events = await chat({ id: 'ollama' }, { model: 'qwen3:8b' });
      assert.deepEqual(
        events.filter((event) => event.type === 'tool-call'),
        calls.map((c) => call(c.id, c.name, c.arguments)),
        `sameIndex ${sameIndex}`,
      );
      assert.deepEqual(events.at(-1), done);
    }
  });

  it('says tool-calls even when a compatible server ends an answer with calls as `stop`, and `length` when cut short', async () => {
    fake.server.enqueue(
      openAiToolStream([{ call: { index: 0, id: 'call_s', name: 'get_problems', arguments: '{}' } }], { finishReason: 'stop' }),
      openAiToolStream([{ call: { index: 0, id: 'call_l', name: 'read_file', arguments: '{"pa' } }], { finishReason: 'length' }),
      openAiToolStream([{ text: 'No calls after all.' }], { finishReason: 'tool_calls' }),
    );
    assert.deepEqual((await chat()).at(-1), done);
    const cut = await chat();
    assert.deepEqual(cut.slice(-2), [call('call_l', 'read_file', '{"pa'), { type: 'done', finishReason: 'length' }]);
    assert.deepEqual((await chat()).at(-1), { type: 'done', finishReason: 'other' });
  });

  it('counts arguments toward the answer-size cap', async () => {
    const piece = 'x'.repeat(1000);
    fake.server.enqueue(
      openAiToolStream([
        { call: { index: 0, id: 'call_big', name: 'read_file', arguments: '{"path":"' } },
        ...Array.from({ length: 20 }, () => ({ call: { index: 0, arguments: piece } })),
      ]),
    );
    const provider = new OpenAiCompatibleProvider({
      id: 'openai',
      baseUrl: `${fake.server.origin}/v1`,
      http: fake.client(),
      requiresKey: false,
      answerLimits: { maxAnswerChars: 5000, maxEventChars: 1 << 20 },
    });
    const events = await collect(
      provider.streamChat({ model: 'gpt-fake', messages: [{ role: 'user', parts: [{ type: 'text', text: 'x' }] }], tools }),
    );
    assert.equal(finalError(events).messageId, 'invalid.answerTooLarge');
    assert.ok(!events.some((event) => event.type === 'tool-call'), 'no call of a cut-off answer is reported complete');
  });

  it('ends with an error, not a call, when the stream is cut before the finish reason', async () => {
    const response = openAiToolStream([{ call: { index: 0, id: 'call_cut', name: 'read_file', arguments: '{"path":"a"}' } }]);
    // Only the frame with the call's piece: no finish reason, no [DONE].
    fake.server.enqueue({ ...response, chunks: response.chunks?.slice(0, 1) ?? [] });
    const events = await chat();
    assert.deepEqual(events.slice(1, 2), [start('call_cut', 'read_file')]);
    assert.equal(finalError(events).kind, 'network');
    assert.ok(!events.some((event) => event.type === 'tool-call'));
  });
});
