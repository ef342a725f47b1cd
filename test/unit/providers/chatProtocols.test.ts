// The same ugly cases for every chat protocol, each against a real local HTTP server speaking that protocol:
// normal streams, cut streams, bytes split anywhere (fast-check), errors before and inside the stream, 429 with
// retry-after, 401 with the key echoed back, HTML 502 pages, silent servers, stalls, and cancellation.
import * as assert from 'node:assert/strict';
import * as fc from 'fast-check';
import type { ChatEvent, ChatProvider, ChatRequest } from '../../../src/core/chat/chatTypes';
import type { ProviderErrorKind } from '../../../src/core/errors/providerError';
import type { HttpClient, HttpClientOptions } from '../../../src/core/http/httpClient';
import { createChatProvider } from '../../../src/core/providers/createChatProvider';
import type { ProviderEntry } from '../../../src/core/providers/providerEntry';
import { anthropicError, anthropicEvent, anthropicSseHeaders, anthropicStream, anthropicStreamBody } from '../fakes/anthropicFake';
import { collect, finalError, lastEvent, normalize, recordingSleep, testHttpClient, textOf } from '../fakes/chatTestKit';
import { everyByte, FakeHttpServer, type ScriptedResponse, splitAt } from '../fakes/fakeHttpServer';
import { geminiError, geminiFrame, geminiSseHeaders, geminiStream, geminiStreamBody } from '../fakes/geminiFake';
import { openAiError, openAiFrame, openAiSseHeaders, openAiStream, openAiStreamBody } from '../fakes/openAiFake';
import { sydneyError, sydneyReply } from '../fakes/sydneyFake';

interface ProtocolFixture {
  name: string;
  key: string;
  model: string;
  entry(origin: string): ProviderEntry;
  chatPath: string;
  /** Where the key travels, read from the recorded request headers. */
  keyHeader(headers: Record<string, string | string[] | undefined>): unknown;
  streaming: boolean;
  /** The whole answer, as one response. */
  ok(pieces: readonly string[]): ScriptedResponse;
  /** The bytes of that answer (for re-splitting) and its headers. */
  okBytes(pieces: readonly string[]): { headers: Record<string, string>; bytes: Uint8Array };
  /** The answer up to some text, then a clean end of the response without the protocol's end marker. */
  cutClean?(pieces: readonly string[]): ScriptedResponse;
  /** Some text, then an error reported inside the stream. */
  inStreamError?(pieces: readonly string[]): { response: ScriptedResponse; kind: ProviderErrorKind };
  /** The first frame of a stream, and the rest (for stall/cancel tests). */
  firstFrame(text: string): string;
  error(status: number, message: string, headers?: Record<string, string>): ScriptedResponse;
}

const pieces = ['Привет', ', мир 👋', ' — 世界', '\r\n```ts\nconst x = "é";\n```', ' done.'];
const expectedText = pieces.join('');

const fixtures: ProtocolFixture[] = [
  {
    name: 'OpenAI-compatible',
    key: 'sk-test-FAKEOPENAIKEY0123456789abcdef',
    model: 'gpt-fake',
    entry: (origin) => ({ id: 'openai', baseUrl: `${origin}/v1` }),
    chatPath: '/v1/chat/completions',
    keyHeader: (h) => h.authorization,
    streaming: true,
    ok: (p) => openAiStream(p, { usage: { prompt_tokens: 11, completion_tokens: 5 } }),
    okBytes: (p) => ({ headers: openAiSseHeaders, bytes: Buffer.from(openAiStreamBody(p, { usage: { prompt_tokens: 11, completion_tokens: 5 }, eol: '\r\n', keepAlive: true })) }),
    cutClean: (p) => openAiStream(p, { cut: true }),
    inStreamError: (p) => ({
      response: {
        status: 200,
        headers: openAiSseHeaders,
        chunks: [openAiStreamBody(p, { cut: true }), openAiFrame({ error: { code: 502, message: 'Provider disconnected unexpectedly' } })],
      },
      kind: 'server',
    }),
    firstFrame: (text) => openAiFrame({ choices: [{ index: 0, delta: { content: text }, finish_reason: null }] }),
    error: (status, message, headers) => openAiError(status, { message, type: 'server_error' }, headers),
  },
  {
    name: 'Anthropic',
    key: 'sk-ant-api03-FAKEANTHROPICKEY0123456789',
    model: 'claude-fake',
    entry: (origin) => ({ id: 'anthropic', baseUrl: origin }),
    chatPath: '/v1/messages',
    keyHeader: (h) => h['x-api-key'],
    streaming: true,
    ok: (p) => anthropicStream(p),
    okBytes: (p) => ({ headers: anthropicSseHeaders, bytes: Buffer.from(anthropicStreamBody(p, { eol: '\r\n' })) }),
    cutClean: (p) => anthropicStream(p, { cut: true }),
    inStreamError: (p) => ({
      response: {
        status: 200,
        headers: anthropicSseHeaders,
        chunks: [anthropicStreamBody(p, { cut: true }), anthropicEvent('error', { type: 'error', error: { type: 'overloaded_error', message: 'Overloaded' } })],
      },
      kind: 'overloaded',
    }),
    firstFrame: (text) =>
      anthropicEvent('message_start', { type: 'message_start', message: { usage: { input_tokens: 1, output_tokens: 1 } } }) +
      anthropicEvent('content_block_delta', { type: 'content_block_delta', index: 0, delta: { type: 'text_delta', text } }),
    error: (status, message, headers) => anthropicError(status, status === 529 ? 'overloaded_error' : 'api_error', message, headers),
  },
  {
    name: 'Gemini',
    key: 'AIzaFAKEGEMINIKEY_0123456789abcdefghijk',
    model: 'gemini-fake',
    entry: (origin) => ({ id: 'gemini', baseUrl: `${origin}/v1beta` }),
    chatPath: '/v1beta/models/gemini-fake:streamGenerateContent?alt=sse',
    keyHeader: (h) => h['x-goog-api-key'],
    streaming: true,
    ok: (p) => geminiStream(p),
    okBytes: (p) => ({ headers: geminiSseHeaders, bytes: Buffer.from(geminiStreamBody(p)) }),
    cutClean: (p) => geminiStream(p, { cut: true }),
    inStreamError: (p) => ({
      response: {
        status: 200,
        headers: geminiSseHeaders,
        chunks: [geminiStreamBody(p, { cut: true }), geminiFrame({ error: { code: 503, message: 'The model is overloaded.', status: 'UNAVAILABLE' } })],
      },
      kind: 'overloaded',
    }),
    firstFrame: (text) => geminiFrame({ candidates: [{ content: { parts: [{ text }], role: 'model' } }] }),
    error: (status, message, headers) => geminiError(status, status === 429 ? 'RESOURCE_EXHAUSTED' : 'INTERNAL', message, [], headers),
  },
  {
    name: 'Sydney',
    key: 'sydney-test-FAKESYDNEYKEY0123456789',
    model: 'gpt-4',
    entry: (origin) => ({ id: 'sydney', baseUrl: origin }),
    chatPath: '/v1/chat',
    keyHeader: (h) => h.authorization,
    streaming: false,
    ok: (p) => sydneyReply(p.join('')),
    okBytes: (p) => ({ headers: { 'content-type': 'application/json' }, bytes: Buffer.from(JSON.stringify({ reply: p.join('') })) }),
    firstFrame: (text) => `{"reply": "${text}`,
    error: (status, message, headers) => sydneyError(status, message, headers),
  },
];

for (const fixture of fixtures) {
  describe(`${fixture.name} chat protocol`, function () {
    let server: FakeHttpServer;
    const clients: HttpClient[] = [];

    beforeEach(async () => {
      server = await FakeHttpServer.start();
    });
    afterEach(async () => {
      await Promise.all(clients.splice(0).map((c) => c.close()));
      await server.close();
    });

    function provider(options: HttpClientOptions = {}, key: string | null = fixture.key): ChatProvider {
      const http = testHttpClient(options);
      clients.push(http);
      return createChatProvider(fixture.entry(server.origin), key === null ? {} : { apiKey: key }, { http });
    }

    function request(extra: Partial<ChatRequest> = {}): ChatRequest {
      return { model: fixture.model, messages: [{ role: 'user', content: 'Say hello' }], ...extra };
    }

    it('streams a normal answer: model first, the text in order, done last', async () => {
      server.enqueue(fixture.ok(pieces));
      const events = await collect(provider().streamChat(request({ systemPrompt: 'Be brief.', temperature: 0.2, maxTokens: 50 })));
      assert.deepEqual(events[0], { type: 'model', provider: fixture.entry('').id, model: fixture.model });
      assert.equal(textOf(events), expectedText);
      assert.deepEqual(lastEvent(events), { type: 'done', finishReason: 'stop' });
      const sent = server.requests[0];
      assert.ok(sent);
      assert.equal(sent.method, 'POST');
      assert.equal(sent.url, fixture.chatPath);
      assert.ok(String(fixture.keyHeader(sent.headers)).includes(fixture.key), 'the key travels in its header');
      assert.ok(sent.body.includes('Be brief.'), 'the system prompt is sent');
    });

    it('gives the same events however the bytes are split, even inside UTF-8 characters and CRLF', async function () {
      this.timeout(20_000);
      const { headers, bytes } = fixture.okBytes(pieces);
      const streamWith = async (chunks: Uint8Array[]): Promise<unknown[]> => {
        server.enqueue({ status: 200, headers, chunks, gap: 'immediate' });
        return normalize(await collect(provider().streamChat(request())));
      };
      const baseline = await streamWith([bytes]);
      assert.equal(textOf(baseline as ChatEvent[]), expectedText);
      assert.deepEqual(await streamWith(everyByte(bytes)), baseline, 'one byte per write');
      await fc.assert(
        fc.asyncProperty(fc.uniqueArray(fc.integer({ min: 1, max: bytes.length - 1 }), { maxLength: 40 }), async (cuts) => {
          assert.deepEqual(await streamWith(splitAt(bytes, cuts)), baseline);
        }),
        { numRuns: 25 },
      );
    });

    if (fixture.cutClean) {
      const cutClean = fixture.cutClean;
      it('reports a stream that ends before its end marker as cut off, keeping the partial text', async () => {
        server.enqueue(cutClean(pieces.slice(0, 2)));
        const events = await collect(provider().streamChat(request()));
        assert.equal(textOf(events), pieces.slice(0, 2).join(''));
        const error = finalError(events);
        assert.equal(error.kind, 'network');
        assert.match(error.message, /closed before the answer finished/);
      });
    }

    it('reports a connection cut in the middle of the body as cut off, keeping the partial text', async () => {
      const partial = fixture.streaming ? fixture.firstFrame('Hello') : '{"reply": "Hel';
      server.enqueue({ status: 200, headers: fixture.okBytes([]).headers, chunks: [partial], after: 'destroy' });
      const events = await collect(provider({ maxRetries: 0 }).streamChat(request()));
      if (fixture.streaming) assert.equal(textOf(events), 'Hello');
      const error = finalError(events);
      assert.equal(error.kind, 'network');
      assert.match(error.message, /closed before the answer finished/);
    });

    if (fixture.inStreamError) {
      const inStream = fixture.inStreamError(pieces.slice(0, 1));
      it('turns an error inside the stream into a final error event after the partial text', async () => {
        server.enqueue(inStream.response);
        const events = await collect(provider().streamChat(request()));
        assert.equal(textOf(events), pieces[0]);
        const error = finalError(events);
        assert.equal(error.kind, inStream.kind);
        assert.equal(server.requests.length, 1, 'no retry once the body has started');
      });
    }

    it('turns an error status before the stream into an error event, after retrying a 500', async () => {
      server.enqueue(fixture.error(500, 'boom'), fixture.error(500, 'boom'), fixture.error(500, 'still boom'));
      const events = await collect(provider({ maxRetries: 2 }).streamChat(request()));
      const error = finalError(events);
      assert.equal(error.kind, 'server');
      assert.equal(error.status, 500);
      assert.match(error.message, /server error \(500\).*still boom/);
      assert.equal(events.filter((e) => e.type === 'retry').length, 2);
      assert.equal(server.requests.length, 3);
    });

    it('waits as long as a 429 retry-after says, reports the retry, then streams', async () => {
      const slept = recordingSleep();
      server.enqueue(fixture.error(429, 'Too many requests', { 'retry-after': '2' }), fixture.ok(['ok']));
      const events = await collect(provider({ sleep: slept.sleep }).streamChat(request()));
      assert.deepEqual(slept.waits, [2000]);
      const retry = events.find((e) => e.type === 'retry');
      assert.ok(retry?.type === 'retry');
      assert.equal(retry.attempt, 1);
      assert.equal(retry.delayMs, 2000);
      assert.equal(retry.error.kind, 'rate-limit');
      assert.equal(textOf(events), 'ok');
      assert.deepEqual(events[0]?.type, 'model');
    });

    it('does not retry a 401, says the key was rejected, and never shows the key', async () => {
      const echoed = `Incorrect API key provided: ${fixture.key.slice(0, 12)}****${fixture.key.slice(-4)} (full: ${fixture.key})`;
      server.enqueue(fixture.error(401, echoed));
      const events = await collect(provider().streamChat(request()));
      const error = finalError(events);
      assert.equal(error.kind, 'auth');
      assert.equal(error.retryable, false);
      assert.match(error.message, /API key was rejected \(401\)/);
      assert.match(error.message, /Switchboard: Set API Key/);
      assert.equal(server.requests.length, 1);
      const everything = JSON.stringify(events) + error.message;
      assert.ok(!everything.includes(fixture.key), 'the key is not in the events');
      assert.ok(!everything.includes(fixture.key.slice(0, 12)), 'no prefix of the key either');
    });

    it('explains an HTML 502 page from a proxy', async () => {
      server.enqueue({
        status: 502,
        headers: { 'content-type': 'text/html' },
        chunks: ['<html><head><title>502 Bad Gateway</title></head><body><center><h1>502 Bad Gateway</h1></center><hr><center>nginx</center></body></html>'],
      });
      const events = await collect(provider({ maxRetries: 0 }).streamChat(request()));
      const error = finalError(events);
      assert.equal(error.kind, 'server');
      assert.equal(error.status, 502);
      assert.match(error.message, /HTML page instead of JSON — a proxy or gateway error \(“502 Bad Gateway”\)/);
    });

    it('times out a server that never answers (first-byte timeout)', async () => {
      server.enqueue({ silent: true });
      const events = await collect(provider({ firstByteTimeoutMs: 150, maxRetries: 0 }).streamChat(request()));
      const error = finalError(events);
      assert.equal(error.kind, 'timeout');
      assert.match(error.message, /did not answer within 150 ms/);
    });

    it('times out a server that stalls in the middle of the body (idle timeout), keeping the partial text', async () => {
      server.enqueue({ status: 200, headers: fixture.okBytes([]).headers, chunks: [fixture.firstFrame('Hel')], after: 'hang' });
      const events = await collect(provider({ idleTimeoutMs: 150, maxRetries: 0 }).streamChat(request()));
      if (fixture.streaming) assert.equal(textOf(events), 'Hel');
      const error = finalError(events);
      assert.equal(error.kind, 'timeout');
      assert.match(error.message, /stopped sending for 150 ms/);
      const closed = await server.requests[0]?.closed;
      assert.equal(closed?.completed, false);
    });

    it('stops on cancel: done(cancelled), no error, and the server sees the connection close', async () => {
      server.enqueue({ status: 200, headers: fixture.okBytes([]).headers, chunks: [fixture.firstFrame('Hel')], after: 'hang' });
      const controller = new AbortController();
      const events: ChatEvent[] = [];
      const stream = provider().streamChat(request({ signal: controller.signal }));
      // Streaming: stop as soon as the first text arrives. Sydney sends nothing before its whole answer, so stop
      // once the server holds the request.
      const stopLater = fixture.streaming
        ? Promise.resolve()
        : (async () => {
            while (server.requests.length === 0) await new Promise((r) => setTimeout(r, 5));
            await new Promise((r) => setTimeout(r, 30));
            controller.abort();
          })();
      for await (const event of stream) {
        events.push(event);
        if (event.type === 'text-delta') controller.abort();
      }
      await stopLater;
      assert.deepEqual(lastEvent(events), { type: 'done', finishReason: 'cancelled' });
      assert.ok(!events.some((e) => e.type === 'error'));
      if (fixture.streaming) assert.equal(textOf(events), 'Hel');
      const closed = await server.requests[0]?.closed;
      assert.equal(closed?.completed, false, 'the server saw the client hang up');
    });

    if (fixture.streaming) {
      it('closes the connection when the consumer stops reading early (break)', async () => {
        server.enqueue({ status: 200, headers: fixture.okBytes([]).headers, chunks: [fixture.firstFrame('Hel')], after: 'hang' });
        const stream = provider().streamChat(request());
        for await (const event of stream) {
          if (event.type === 'text-delta') break;
        }
        const closed = await server.requests[0]?.closed;
        assert.equal(closed?.completed, false, 'the server saw the client hang up');
      });
    }

    it('asks for no key it does not have: a clear error before any request', async () => {
      const events = await collect(provider({}, null).streamChat(request()));
      const error = finalError(events);
      assert.equal(error.kind, 'auth');
      assert.match(error.message, /No API key is set/);
      assert.equal(server.requests.length, 0);
    });
  });
}
