import * as assert from 'node:assert/strict';
import type { ChatProvider, ChatRequest } from '../../../src/core/chat/chatTypes';
import type { HttpClient, HttpClientOptions } from '../../../src/core/http/httpClient';
import { createChatProvider } from '../../../src/core/providers/createChatProvider';
import type { ProviderEntry } from '../../../src/core/providers/providerEntry';
import { collect, finalError, lastEvent, recordingSleep, testHttpClient, textOf } from '../fakes/chatTestKit';
import { FakeHttpServer } from '../fakes/fakeHttpServer';
import {
  openAiError,
  openAiFrame,
  openAiInsufficientQuota,
  openAiInvalidKey,
  openAiModelNotFound,
  openAiModels,
  openAiOverloaded,
  openAiServerError,
  openAiSseHeaders,
  openAiStream,
  openAiStreamBody,
  vllmExtraForbidden,
} from '../fakes/openAiFake';
import { openRouterKeepAlive } from '../fakes/openRouterStreamFake';

const key = 'sk-test-OPENAIFAKE0123456789abcdefghij';

describe('OpenAI-compatible provider', () => {
  let server: FakeHttpServer;
  const clients: HttpClient[] = [];

  beforeEach(async () => {
    server = await FakeHttpServer.start();
  });
  afterEach(async () => {
    await Promise.all(clients.splice(0).map((c) => c.close()));
    await server.close();
  });

  function provider(entry: Partial<ProviderEntry> = {}, options: HttpClientOptions = {}, apiKey: string | null = key): ChatProvider {
    const http = testHttpClient(options);
    clients.push(http);
    return createChatProvider({ id: 'openai', baseUrl: `${server.origin}/v1`, ...entry }, apiKey === null ? {} : { apiKey }, { http });
  }

  const ask: ChatRequest = { model: 'gpt-fake', messages: [{ role: 'user', parts: [{ type: 'text', text: 'Hi' }] }] };

  function sentBody(index = 0): Record<string, unknown> {
    const request = server.requests[index];
    assert.ok(request, `request ${index} was sent`);
    return JSON.parse(request.body) as Record<string, unknown>;
  }

  it('sends the OpenAI body: system first, max_completion_tokens, stream_options, bearer key', async () => {
    server.enqueue(openAiStream(['ok']));
    await collect(
      provider().streamChat({
        model: 'gpt-fake',
        systemPrompt: 'Be brief.',
        temperature: 0.3,
        maxTokens: 99,
        messages: [
          { role: 'user', parts: [{ type: 'text', text: 'Q' }] },
          { role: 'assistant', parts: [{ type: 'text', text: 'A' }] },
          { role: 'tool', parts: [{ type: 'text', text: 'T' }] },
        ],
      }),
    );
    assert.deepEqual(sentBody(), {
      model: 'gpt-fake',
      messages: [
        { role: 'system', content: 'Be brief.' },
        { role: 'user', content: 'Q' },
        { role: 'assistant', content: 'A' },
        { role: 'user', content: 'T' },
      ],
      stream: true,
      stream_options: { include_usage: true },
      temperature: 0.3,
      max_completion_tokens: 99,
    });
    assert.equal(server.requests[0]?.headers.authorization, `Bearer ${key}`);
    assert.equal(server.requests[0]?.headers['content-type'], 'application/json');
  });

  it('uses max_tokens for other compatible servers, and sends no key to a local one', async () => {
    server.enqueue(openAiStream(['ok']));
    await collect(provider({ id: 'ollama' }, {}, null).streamChat({ ...ask, maxTokens: 10 }));
    assert.equal(sentBody().max_tokens, 10);
    assert.equal(sentBody().max_completion_tokens, undefined);
    assert.equal(server.requests[0]?.headers.authorization, undefined);
  });

  it('reports usage from the final chunk with choices: [] before done', async () => {
    server.enqueue(openAiStream(['a', 'b'], { usage: { prompt_tokens: 11, completion_tokens: 2 } }));
    const events = await collect(provider().streamChat(ask));
    assert.deepEqual(events.slice(-2), [
      { type: 'usage', usage: { inputTokens: 11, outputTokens: 2 } },
      { type: 'done', finishReason: 'stop' },
    ]);
  });

  it('retries once without stream_options when the server refuses it, and remembers that', async () => {
    server.enqueue(vllmExtraForbidden('stream_options', "{'include_usage': True}"), openAiStream(['fine']), openAiStream(['again']));
    const p = provider({ id: 'vllm' }, {}, null);
    const events = await collect(p.streamChat(ask));
    assert.equal(textOf(events), 'fine');
    assert.ok(!events.some((e) => e.type === 'retry' || e.type === 'error'));
    assert.deepEqual(sentBody(0).stream_options, { include_usage: true });
    assert.equal(sentBody(1).stream_options, undefined);
    await collect(p.streamChat(ask));
    assert.equal(sentBody(2).stream_options, undefined);
  });

  it('does not loop on a 400 that is about something else', async () => {
    server.enqueue(openAiError(400, { message: "[] is too short - 'messages'", param: 'messages' }));
    const error = finalError(await collect(provider().streamChat(ask)));
    assert.equal(error.kind, 'bad-request');
    assert.match(error.message, /rejected the request \(400\): “\[\] is too short - 'messages'”/);
    assert.equal(server.requests.length, 1);
  });

  it('sends OpenRouter attribution headers and ignores its keep-alive comments', async () => {
    server.enqueue({
      status: 200,
      headers: openAiSseHeaders,
      chunks: [openRouterKeepAlive, { delayMs: 5 }, openRouterKeepAlive, openAiStreamBody(['hi'], { keepAlive: true })],
    });
    const events = await collect(provider({ id: 'openrouter' }).streamChat({ ...ask, model: 'meta-llama/llama-3.1-8b-instruct' }));
    assert.equal(textOf(events), 'hi');
    assert.deepEqual(lastEvent(events), { type: 'done', finishReason: 'stop' });
    const headers = server.requests[0]?.headers;
    assert.equal(headers?.['http-referer'], 'https://github.com/switchboard-vscode/switchboard');
    assert.equal(headers?.['x-title'], 'Switchboard');
    assert.equal(sentBody().model, 'meta-llama/llama-3.1-8b-instruct');
  });

  it('sends custom headers of the entry', async () => {
    server.enqueue(openAiStream(['ok']));
    await collect(provider({ id: 'work', kind: 'openai', headers: { 'X-Team': 'blue' } }).streamChat(ask));
    assert.equal(server.requests[0]?.headers['x-team'], 'blue');
    assert.equal(server.requests[0]?.headers.authorization, `Bearer ${key}`);
  });

  it('does not retry insufficient_quota: a billing problem, not a rate limit', async () => {
    server.enqueue(openAiInsufficientQuota());
    const events = await collect(provider().streamChat(ask));
    const error = finalError(events);
    assert.equal(error.kind, 'quota');
    assert.equal(error.retryable, false);
    assert.equal(error.code, 'insufficient_quota');
    assert.match(error.message, /run out of credits/);
    assert.equal(server.requests.length, 1);
    assert.ok(!events.some((e) => e.type === 'retry'));
  });

  it('honours x-should-retry: false on a 503 and x-should-retry: true on a 501', async () => {
    server.enqueue(openAiOverloaded({ 'x-should-retry': 'false' }));
    assert.equal(finalError(await collect(provider().streamChat(ask))).kind, 'overloaded');
    assert.equal(server.requests.length, 1);

    server.enqueue(openAiError(501, { message: 'Not implemented.' }, { 'x-should-retry': 'true' }), openAiStream(['ok']));
    const events = await collect(provider().streamChat(ask));
    assert.equal(textOf(events), 'ok');
    assert.equal(server.requests.length, 3);
  });

  it('names the model that was not found', async () => {
    server.enqueue(openAiModelNotFound('gpt-nope'));
    const error = finalError(await collect(provider().streamChat({ ...ask, model: 'gpt-nope' })));
    assert.equal(error.kind, 'not-found');
    assert.match(error.message, /The model “gpt-nope” was not found at openai \(404\)/);
    assert.match(error.message, /Switchboard: Select Model/);
  });

  it('maps finish reasons: length, and a content filter before any text', async () => {
    server.enqueue(openAiStream(['cut'], { finishReason: 'length' }), openAiStream([], { finishReason: 'content_filter' }));
    assert.deepEqual(lastEvent(await collect(provider().streamChat(ask))), { type: 'done', finishReason: 'length' });
    const error = finalError(await collect(provider().streamChat(ask)));
    assert.equal(error.kind, 'content-filtered');
  });

  it('accepts a stream that had its finish_reason but closed without [DONE]', async () => {
    const body = openAiStreamBody(['all'], {}).replace('data: [DONE]\n\n', '');
    server.enqueue({ status: 200, headers: openAiSseHeaders, chunks: [body] });
    const events = await collect(provider().streamChat(ask));
    assert.equal(textOf(events), 'all');
    assert.deepEqual(lastEvent(events), { type: 'done', finishReason: 'stop' });
  });

  it('says what was expected when a chunk does not fit', async () => {
    server.enqueue({ status: 200, headers: openAiSseHeaders, chunks: [openAiFrame({ choices: [{ delta: { content: 42 } }] })] });
    const error = finalError(await collect(provider().streamChat(ask)));
    assert.equal(error.kind, 'invalid-response');
    assert.match(error.message, /expected choices\[0\]\.delta\.content to be a string/);
  });

  it('reports a frame that is not JSON as invalid, not as a crash', async () => {
    server.enqueue({ status: 200, headers: openAiSseHeaders, chunks: ['data: {"choices": [\n\n'] });
    const error = finalError(await collect(provider().streamChat(ask)));
    assert.equal(error.kind, 'invalid-response');
    assert.match(error.message, /A stream chunk is not JSON/);
  });

  it('reads a JSON error sent with 200 instead of a stream', async () => {
    // OpenRouter's "Errors" page: once the model has started, an error comes with status 200, in the body.
    server.enqueue({
      status: 200,
      headers: { 'content-type': 'application/json' },
      chunks: [JSON.stringify({ error: { code: 503, message: 'No instances available for this model right now.' } })],
    });
    const error = finalError(await collect(provider({ id: 'openrouter' }).streamChat(ask)));
    assert.equal(error.kind, 'overloaded');
    assert.match(error.message, /No instances available/);
  });

  it('lists models from GET {base}/models with the key', async () => {
    server.enqueue(openAiModels(['gpt-a', 'gpt-b']));
    const models = await provider().listModels();
    assert.deepEqual(models, [{ id: 'gpt-a' }, { id: 'gpt-b' }]);
    assert.equal(server.requests[0]?.method, 'GET');
    assert.equal(server.requests[0]?.url, '/v1/models');
    assert.equal(server.requests[0]?.headers.authorization, `Bearer ${key}`);
  });

  it('lists OpenRouter models with their names and context windows', async () => {
    server.enqueue({
      status: 200,
      headers: { 'content-type': 'application/json' },
      chunks: [
        JSON.stringify({ data: [{ id: 'meta-llama/llama-3.1-8b-instruct', name: 'Llama 3.1 8B', context_length: 131072, pricing: {} }] }),
      ],
    });
    assert.deepEqual(await provider({ id: 'openrouter' }).listModels(), [
      { id: 'meta-llama/llama-3.1-8b-instruct', name: 'Llama 3.1 8B', contextWindow: 131072 },
    ]);
  });

  it('throws a ProviderError from listModels: 401, and a list that does not fit', async () => {
    server.enqueue(openAiInvalidKey(key));
    await assert.rejects(provider().listModels(), (error: Error & { kind?: string }) => {
      assert.equal(error.kind, 'auth');
      assert.ok(!error.message.includes(key));
      return true;
    });
    server.enqueue({ status: 200, headers: { 'content-type': 'application/json' }, chunks: ['{"data": [{"name": "x"}]}'] });
    await assert.rejects(provider().listModels(), /expected data\[0\]\.id to be a string/);
  });

  it('retries a model list on 500 and reports the retries to the log', async () => {
    const lines: string[] = [];
    const slept = recordingSleep();
    server.enqueue(openAiServerError(), openAiModels(['m']));
    const models = await provider({}, { sleep: slept.sleep, log: (line) => lines.push(line), random: () => 0.5 }).listModels();
    assert.deepEqual(models, [{ id: 'm' }]);
    assert.equal(slept.waits.length, 1);
    assert.match(lines.join('\n'), /openai: server 500 server_error; retry 1 of 2 in \d+ ms/);
  });
});
