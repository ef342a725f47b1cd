// The same ugly cases for every chat protocol, each against a real local HTTP server speaking that protocol:
// normal streams, cut streams, bytes split anywhere (fast-check), errors before and inside the stream, 429 with the
// wait each service announces (a header, or Gemini's RetryInfo), a rejected key echoed back, HTML 502 pages, silent
// servers, stalls, and cancellation. Each service's answers come from its builder in test/unit/fakes, which names
// the public document it follows.
import * as assert from 'node:assert/strict';
import * as fc from 'fast-check';
import type { ChatEvent, ChatProvider, ChatRequest } from '../../../src/core/chat/chatTypes';
import type { ProviderErrorKind } from '../../../src/core/errors/providerError';
import type { HttpClient, HttpClientOptions } from '../../../src/core/http/httpClient';
import { createChatProvider } from '../../../src/core/providers/createChatProvider';
import type { ProviderEntry } from '../../../src/core/providers/providerEntry';
import {
  anthropicError,
  anthropicEvent,
  anthropicRateLimited,
  anthropicSseHeaders,
  anthropicStream,
  anthropicStreamBody,
  anthropicStreamErrorEvent,
} from '../fakes/anthropicFake';
import { collect, finalError, lastEvent, normalize, recordingSleep, testHttpClient, textOf } from '../fakes/chatTestKit';
import { everyByte, FakeHttpServer, type ScriptedResponse, splitAt } from '../fakes/fakeHttpServer';
import {
  geminiError,
  geminiFrame,
  geminiRateLimited,
  geminiSseHeaders,
  geminiStream,
  geminiStreamBody,
  geminiStreamErrorFrame,
} from '../fakes/geminiFake';
import { geminiInvalidKey } from '../fakes/geminiKeyErrors';
import {
  openAiError,
  openAiFrame,
  openAiRateLimited,
  openAiSseHeaders,
  openAiStream,
  openAiStreamBody,
  openAiStreamErrorFrame,
} from '../fakes/openAiFake';
import { sydneyError, sydneyRateLimited, sydneyReply } from '../fakes/sydneyFake';

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
  /** The service's 500 answer, with `message` as its text. */
  serverError(message: string): ScriptedResponse;
  /** The service's 429, announcing a wait of `seconds` where it announces one at all. */
  rateLimited(seconds: number): ScriptedResponse;
  /** Whether that 429 says how long to wait (Sydney's documentation names no header for it). */
  announcesWait: boolean;
  /** How the service refuses `key`, with the key echoed back in the body (some servers do, and it must not show). */
  rejectKey(key: string): ScriptedResponse;
  /** The status of that refusal: Gemini answers an unknown key with 400 API_KEY_INVALID, not 401. */
  rejectKeyStatus: number;
  /**
   * The chat request bills an answer that arrives whole (Sydney): once it may have reached the server it is not
   * sent again, and it waits the generation limit for its first byte.
   */
  billable: boolean;
}

const echoedKey = (key: string): string => `Incorrect API key provided: ${key.slice(0, 12)}****${key.slice(-4)} (full: ${key})`;

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
    okBytes: (p) => ({
      headers: openAiSseHeaders,
      bytes: Buffer.from(openAiStreamBody(p, { usage: { prompt_tokens: 11, completion_tokens: 5 }, eol: '\r\n', keepAlive: true })),
    }),
    cutClean: (p) => openAiStream(p, { cut: true }),
    inStreamError: (p) => ({
      response: {
        status: 200,
        headers: openAiSseHeaders,
        chunks: [openAiStreamBody(p, { cut: true }), openAiStreamErrorFrame()],
      },
      kind: 'server',
    }),
    firstFrame: (text) => openAiFrame({ choices: [{ index: 0, delta: { content: text }, finish_reason: null }] }),
    serverError: (message) => openAiError(500, { message, type: 'server_error' }),
    rateLimited: (seconds) => openAiRateLimited({ retryAfterSeconds: seconds }),
    announcesWait: true,
    rejectKey: (key) => openAiError(401, { message: echoedKey(key), type: 'invalid_request_error', code: 'invalid_api_key' }),
    rejectKeyStatus: 401,
    billable: false,
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
        chunks: [anthropicStreamBody(p, { cut: true }), anthropicStreamErrorEvent('overloaded_error', 'Overloaded')],
      },
      kind: 'overloaded',
    }),
    firstFrame: (text) =>
      anthropicEvent('message_start', { type: 'message_start', message: { usage: { input_tokens: 1, output_tokens: 1 } } }) +
      anthropicEvent('content_block_delta', { type: 'content_block_delta', index: 0, delta: { type: 'text_delta', text } }),
    serverError: (message) => anthropicError(500, 'api_error', message),
    rateLimited: (seconds) => anthropicRateLimited({ retryAfterSeconds: seconds }),
    announcesWait: true,
    rejectKey: (key) => anthropicError(401, 'authentication_error', echoedKey(key)),
    rejectKeyStatus: 401,
    billable: false,
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
        chunks: [
          geminiStreamBody(p, { cut: true }),
          geminiStreamErrorFrame(503, 'UNAVAILABLE', 'The model is overloaded. Please try again later.'),
        ],
      },
      kind: 'overloaded',
    }),
    firstFrame: (text) => geminiFrame({ candidates: [{ content: { parts: [{ text }], role: 'model' } }] }),
    serverError: (message) => geminiError(500, 'INTERNAL', message),
    rateLimited: (seconds) => geminiRateLimited({ retryAfterSeconds: seconds }),
    announcesWait: true,
    // The DebugInfo detail of some of these answers repeats the key.
    rejectKey: (key) => geminiInvalidKey(key),
    rejectKeyStatus: 400,
    billable: false,
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
    serverError: (message) => sydneyError(500, message),
    rateLimited: () => sydneyRateLimited(),
    announcesWait: false,
    rejectKey: (key) => sydneyError(401, echoedKey(key)),
    rejectKeyStatus: 401,
    billable: true,
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
      return { model: fixture.model, messages: [{ role: 'user', parts: [{ type: 'text', text: 'Say hello' }] }], ...extra };
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

    if (fixture.billable) {
      it('turns an error status into an error event without sending the billable request again', async () => {
        server.enqueue(fixture.serverError('boom'), fixture.serverError('never asked for'));
        const events = await collect(provider({ maxRetries: 2 }).streamChat(request()));
        const error = finalError(events);
        assert.equal(error.kind, 'server');
        assert.equal(error.status, 500);
        assert.equal(error.retryable, false);
        assert.match(error.message, /server error \(500\).*boom.*may still charge for it/);
        assert.ok(!events.some((e) => e.type === 'retry'));
        assert.equal(server.requests.length, 1);
      });
    } else {
      it('turns an error status before the stream into an error event, after retrying a 500', async () => {
        server.enqueue(fixture.serverError('boom'), fixture.serverError('boom'), fixture.serverError('still boom'));
        const events = await collect(provider({ maxRetries: 2 }).streamChat(request()));
        const error = finalError(events);
        assert.equal(error.kind, 'server');
        assert.equal(error.status, 500);
        assert.match(error.message, /server error \(500\).*still boom/);
        assert.equal(events.filter((e) => e.type === 'retry').length, 2);
        assert.equal(server.requests.length, 3);
      });
    }

    it(
      fixture.announcesWait
        ? 'waits as long as a 429 says, reports the retry, then streams'
        : 'retries a 429 after a backoff, reports the retry, then answers',
      async () => {
        const slept = recordingSleep();
        server.enqueue(fixture.rateLimited(2), fixture.ok(['ok']));
        const events = await collect(provider({ sleep: slept.sleep }).streamChat(request()));
        assert.equal(slept.waits.length, 1);
        if (fixture.announcesWait) assert.deepEqual(slept.waits, [2000]);
        else assert.ok((slept.waits[0] ?? 0) > 0, 'a backoff, not an immediate retry');
        const retry = events.find((e) => e.type === 'retry');
        assert.ok(retry?.type === 'retry');
        assert.equal(retry.attempt, 1);
        assert.equal(retry.delayMs, slept.waits[0]);
        assert.equal(retry.error.kind, 'rate-limit');
        assert.equal(textOf(events), 'ok');
        assert.deepEqual(events[0]?.type, 'model');
      },
    );

    it('does not retry a rejected key, says the key was rejected, and never shows the key', async () => {
      server.enqueue(fixture.rejectKey(fixture.key));
      const events = await collect(provider().streamChat(request()));
      const error = finalError(events);
      assert.equal(error.kind, 'auth');
      assert.equal(error.retryable, false);
      assert.equal(error.status, fixture.rejectKeyStatus);
      assert.match(error.message, new RegExp(`API key was rejected \\(${fixture.rejectKeyStatus}\\)`));
      assert.match(error.message, /Switchboard: Set API Key/);
      assert.equal(server.requests.length, 1);
      const everything = JSON.stringify(events) + error.message;
      assert.ok(!everything.includes(fixture.key), 'the key is not in the events');
      assert.ok(!everything.includes(fixture.key.slice(0, 12)), 'no prefix of the key either');
    });

    it('explains an HTML 502 page from a proxy (the default error page of nginx)', async () => {
      server.enqueue({
        status: 502,
        headers: { 'content-type': 'text/html' },
        chunks: [
          '<html><head><title>502 Bad Gateway</title></head><body><center><h1>502 Bad Gateway</h1></center><hr><center>nginx</center></body></html>',
        ],
      });
      const events = await collect(provider({ maxRetries: 0 }).streamChat(request()));
      const error = finalError(events);
      assert.equal(error.kind, 'server');
      assert.equal(error.status, 502);
      assert.match(error.message, /HTML page instead of JSON — a proxy or gateway error \(“502 Bad Gateway”\)/);
    });

    it('times out a server that never answers (first-byte timeout)', async () => {
      server.enqueue({ silent: true });
      // A billable answer waits the generation limit instead of the first-byte one.
      const limits = fixture.billable ? { generationTimeoutMs: 150 } : { firstByteTimeoutMs: 150 };
      const events = await collect(provider({ ...limits, maxRetries: 0 }).streamChat(request()));
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
