// Issue 12: an answer cannot run forever or grow without bound. OpenRouter keeps a slow request alive with
// `: OPENROUTER PROCESSING` SSE comments (OpenRouter docs, "API Streaming": comments may be sent to prevent
// timeouts), which reset the idle timer, so only the overall deadline ends a stream made of nothing else.
import * as assert from 'node:assert/strict';
import type { ChatRequest } from '../../../src/core/chat/chatTypes';
import type { HttpClientOptions } from '../../../src/core/http/httpClient';
import type { AnswerLimits } from '../../../src/core/providers/answerLimits';
import { OpenAiCompatibleProvider } from '../../../src/core/providers/openAiCompatibleProvider';
import { collect, finalError, textOf } from '../fakes/chatTestKit';
import type { ScriptStep } from '../fakes/fakeHttpServer';
import { fakeServerPerTest } from '../fakes/fakeServerPerTest';
import { openAiFrame } from '../fakes/openAiFake';

const sse = { 'content-type': 'text/event-stream; charset=utf-8', 'cache-control': 'no-cache' };
const ask: ChatRequest = { model: 'openai/gpt-oss-120b', messages: [{ role: 'user', parts: [{ type: 'text', text: 'Think hard' }] }] };

function delta(text: string): string {
  return openAiFrame({
    id: 'gen-1',
    object: 'chat.completion.chunk',
    created: 1,
    model: 'openai/gpt-oss-120b',
    choices: [{ index: 0, delta: { content: text }, finish_reason: null }],
  });
}

/** `count` copies of `steps`, in order. */
function repeat(count: number, steps: readonly ScriptStep[]): ScriptStep[] {
  return Array.from({ length: count }, () => steps).flat();
}

describe('limits on one answer', () => {
  const fake = fakeServerPerTest();

  function provider(options: HttpClientOptions = {}, answerLimits?: AnswerLimits): OpenAiCompatibleProvider {
    const http = fake.client(options);
    const server = fake.server;
    return new OpenAiCompatibleProvider({
      id: 'openrouter',
      baseUrl: `${server.origin}/api/v1`,
      http,
      requiresKey: false,
      ...(answerLimits ? { answerLimits } : {}),
    });
  }

  it('ends a stream of nothing but keep-alive comments at the deadline, keeping what was said, and closes it', async () => {
    fake.server.enqueue({
      status: 200,
      headers: sse,
      chunks: [delta('Let me think.'), ...repeat(400, [': OPENROUTER PROCESSING\n\n', { delayMs: 25 }])],
      after: 'hang',
    });
    // The idle limit alone would never fire: a comment arrives every 25 ms.
    const events = await collect(provider({ idleTimeoutMs: 200, deadlineMs: 500 }).streamChat(ask));
    const error = finalError(events);
    assert.equal(error.kind, 'timeout');
    assert.equal(error.retryable, false);
    assert.match(error.message, /switchboard\.requests\.deadlineSeconds/);
    assert.equal(textOf(events), 'Let me think.');
    assert.deepEqual(await fake.server.requests[0]?.closed, { completed: false });
    assert.equal(fake.server.requests.length, 1);
  });

  it('counts the deadline across retries: a server that never answers is not asked again beyond it', async () => {
    fake.server.onRequest(() => ({ silent: true }));
    // Six attempts of 150 ms would take 900 ms; the deadline ends the third one.
    const events = await collect(
      provider({ firstByteTimeoutMs: 150, deadlineMs: 400, maxRetries: 5, initialBackoffMs: 1, maxBackoffMs: 1 }).streamChat(ask),
    );
    // The last attempt is cut off by the deadline, or not started because it could only be cut off.
    assert.equal(finalError(events).kind, 'timeout');
    // At most three attempts fit in 400 ms (a loaded machine may fit only two); never the six allowed.
    const attempts = fake.server.requests.length;
    assert.ok(attempts >= 2 && attempts <= 3, `${attempts} attempts`);
    assert.equal(events.filter((event) => event.type === 'retry').length, attempts - 1, 'a retry announced is a retry sent');
  });

  it('stops an answer that grows beyond the size cap, keeps the part received, and closes the connection', async () => {
    const piece = 'word '.repeat(20); // 100 characters
    fake.server.enqueue({ status: 200, headers: sse, chunks: repeat(10_000, [delta(piece)]), gap: 'immediate' });
    const events = await collect(provider({}, { maxAnswerChars: 5_000, maxEventChars: 1_000_000 }).streamChat(ask));
    const error = finalError(events);
    assert.equal(error.kind, 'invalid-response');
    assert.equal(error.code, 'answer-too-large');
    assert.match(error.message, /5,000 characters/);
    const text = textOf(events);
    assert.ok(text.length > 5_000, `kept ${text.length} characters`);
    assert.ok(text.startsWith(piece.repeat(50)));
    assert.deepEqual(await fake.server.requests[0]?.closed, { completed: false });
  });

  it('stops at one event that never ends, keeping the text before it', async () => {
    const endless = `data: {"choices":[{"index":0,"delta":{"content":"${'x'.repeat(4_000)}`;
    fake.server.enqueue({
      status: 200,
      headers: sse,
      chunks: [delta('Before.'), ...repeat(50, [endless])],
      gap: 'immediate',
      after: 'hang',
    });
    const events = await collect(provider({}, { maxAnswerChars: 1_000_000, maxEventChars: 64_000 }).streamChat(ask));
    const error = finalError(events);
    assert.equal(error.code, 'event-too-large');
    assert.match(error.message, /64,000 characters/);
    assert.equal(textOf(events), 'Before.');
    assert.deepEqual(await fake.server.requests[0]?.closed, { completed: false });
  });

  it('lets a normal answer through the same caps untouched', async () => {
    fake.server.enqueue({
      status: 200,
      headers: sse,
      chunks: [
        delta('Hello'),
        delta(' world'),
        openAiFrame({ choices: [{ index: 0, delta: {}, finish_reason: 'stop' }] }),
        'data: [DONE]\n\n',
      ],
    });
    const events = await collect(provider({ deadlineMs: 5_000 }, { maxAnswerChars: 11, maxEventChars: 1_000 }).streamChat(ask));
    assert.equal(textOf(events), 'Hello world');
    assert.deepEqual(events.at(-1), { type: 'done', finishReason: 'stop' });
  });
});
