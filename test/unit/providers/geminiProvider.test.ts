import * as assert from 'node:assert/strict';
import type { ChatProvider, ChatRequest } from '../../../src/core/chat/chatTypes';
import type { HttpClient, HttpClientOptions } from '../../../src/core/http/httpClient';
import { createChatProvider } from '../../../src/core/providers/createChatProvider';
import { collect, finalError, lastEvent, recordingSleep, testHttpClient, textOf } from '../fakes/chatTestKit';
import { FakeHttpServer } from '../fakes/fakeHttpServer';
import { geminiFrame, geminiModels, geminiRateLimited, geminiSseHeaders, geminiStream } from '../fakes/geminiFake';

const key = 'AIzaFAKEKEY_0123456789abcdefghijklmnopq';

describe('Gemini provider', () => {
  let server: FakeHttpServer;
  const clients: HttpClient[] = [];

  beforeEach(async () => {
    server = await FakeHttpServer.start();
  });
  afterEach(async () => {
    await Promise.all(clients.splice(0).map((c) => c.close()));
    await server.close();
  });

  function provider(options: HttpClientOptions = {}): ChatProvider {
    const http = testHttpClient(options);
    clients.push(http);
    return createChatProvider({ id: 'gemini', baseUrl: `${server.origin}/v1beta` }, { apiKey: key }, { http });
  }

  const ask: ChatRequest = { model: 'gemini-fake', messages: [{ role: 'user', parts: [{ type: 'text', text: 'Hi' }] }] };

  it('sends contents with user/model roles, systemInstruction and generationConfig, key in x-goog-api-key', async () => {
    server.enqueue(geminiStream(['ok']));
    await collect(
      provider().streamChat({
        model: 'models/gemini-fake',
        systemPrompt: 'Be brief.',
        temperature: 0.1,
        maxTokens: 64,
        messages: [
          { role: 'user', parts: [{ type: 'text', text: 'Q' }] },
          { role: 'assistant', parts: [{ type: 'text', text: 'A' }] },
          { role: 'user', parts: [{ type: 'text', text: 'Q2' }] },
        ],
      }),
    );
    const sent = server.requests[0];
    assert.ok(sent);
    assert.equal(sent.url, '/v1beta/models/gemini-fake:streamGenerateContent?alt=sse');
    assert.equal(sent.headers['x-goog-api-key'], key);
    assert.ok(!sent.url.includes(key), 'the key is not in the URL');
    assert.deepEqual(JSON.parse(sent.body), {
      contents: [
        { role: 'user', parts: [{ text: 'Q' }] },
        { role: 'model', parts: [{ text: 'A' }] },
        { role: 'user', parts: [{ text: 'Q2' }] },
      ],
      systemInstruction: { parts: [{ text: 'Be brief.' }] },
      generationConfig: { temperature: 0.1, maxOutputTokens: 64 },
    });
  });

  it('reads LF-separated frames too, and reports the last usage once before done', async () => {
    server.enqueue(geminiStream(['a', 'b', 'c'], { eol: '\n' }));
    const events = await collect(provider().streamChat(ask));
    assert.equal(textOf(events), 'abc');
    assert.deepEqual(events.slice(-2), [
      { type: 'usage', usage: { inputTokens: 9, outputTokens: 3 } },
      { type: 'done', finishReason: 'stop' },
    ]);
    assert.equal(events.filter((e) => e.type === 'usage').length, 1);
  });

  it('does not retry a per-day quota 429 and says the daily quota is used up', async () => {
    server.enqueue(geminiRateLimited({ perDay: true, retryAfterSeconds: 51 }));
    const events = await collect(provider().streamChat(ask));
    const error = finalError(events);
    assert.equal(error.kind, 'quota');
    assert.equal(error.retryable, false);
    assert.match(error.message, /daily gemini quota for “gemini-fake” is used up/);
    assert.match(error.message, /GenerateRequestsPerDayPerProjectPerModel-FreeTier/);
    assert.equal(server.requests.length, 1);
  });

  it('retries a per-minute 429 after the RetryInfo delay', async () => {
    const slept = recordingSleep();
    server.enqueue(geminiRateLimited({ retryAfterSeconds: 3 }), geminiStream(['ok']));
    const events = await collect(provider({ sleep: slept.sleep }).streamChat(ask));
    assert.deepEqual(slept.waits, [3000]);
    assert.equal(textOf(events), 'ok');
  });

  it('reports a blocked prompt and a SAFETY stop before any text as content-filtered', async () => {
    server.enqueue(
      {
        status: 200,
        headers: geminiSseHeaders,
        chunks: [geminiFrame({ promptFeedback: { blockReason: 'SAFETY' }, usageMetadata: { promptTokenCount: 3 } })],
      },
      { status: 200, headers: geminiSseHeaders, chunks: [geminiFrame({ candidates: [{ finishReason: 'SAFETY', safetyRatings: [] }] })] },
    );
    const blocked = finalError(await collect(provider().streamChat(ask)));
    assert.equal(blocked.kind, 'content-filtered');
    assert.match(blocked.message, /content filter \(SAFETY\)/);
    assert.equal(finalError(await collect(provider().streamChat(ask))).kind, 'content-filtered');
  });

  it('keeps partial text when SAFETY stops the answer half way (done with content-filter)', async () => {
    server.enqueue(geminiStream(['part'], { finishReason: 'SAFETY' }));
    const events = await collect(provider().streamChat(ask));
    assert.equal(textOf(events), 'part');
    assert.deepEqual(lastEvent(events), { type: 'done', finishReason: 'content-filter' });
  });

  it('lists only the models that can generate content, without the models/ prefix', async () => {
    server.enqueue(
      geminiModels([
        { name: 'models/gemini-a', methods: ['generateContent', 'countTokens'] },
        { name: 'models/text-embedding-004', methods: ['embedContent'] },
      ]),
    );
    const models = await provider().listModels();
    assert.deepEqual(models, [{ id: 'gemini-a', name: 'MODELS/GEMINI-A', contextWindow: 1000 }]);
    assert.equal(server.requests[0]?.url, '/v1beta/models?pageSize=1000');
    assert.equal(server.requests[0]?.headers['x-goog-api-key'], key);
  });
});
