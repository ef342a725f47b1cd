import * as assert from 'node:assert/strict';
import type { ChatProvider, ChatRequest } from '../../../src/core/chat/chatTypes';
import type { HttpClient, HttpClientOptions } from '../../../src/core/http/httpClient';
import { createChatProvider } from '../../../src/core/providers/createChatProvider';
import type { ProviderEntry } from '../../../src/core/providers/providerEntry';
import {
  anthropicError,
  anthropicEvent,
  anthropicModels,
  anthropicOverloaded,
  anthropicSseHeaders,
  anthropicStream,
} from '../fakes/anthropicFake';
import { collect, finalError, lastEvent, recordingSleep, testHttpClient, textOf } from '../fakes/chatTestKit';
import { FakeHttpServer } from '../fakes/fakeHttpServer';

const key = 'sk-ant-api03-FAKEKEY0123456789abcdefghij';

describe('Anthropic provider', () => {
  let server: FakeHttpServer;
  const clients: HttpClient[] = [];

  beforeEach(async () => {
    server = await FakeHttpServer.start();
  });
  afterEach(async () => {
    await Promise.all(clients.splice(0).map((c) => c.close()));
    await server.close();
  });

  function provider(entry: Partial<ProviderEntry> = {}, options: HttpClientOptions = {}): ChatProvider {
    const http = testHttpClient(options);
    clients.push(http);
    return createChatProvider({ id: 'anthropic', baseUrl: server.origin, ...entry }, { apiKey: key }, { http });
  }

  const ask: ChatRequest = { model: 'claude-fake', messages: [{ role: 'user', parts: [{ type: 'text', text: 'Hi' }] }] };

  it('sends x-api-key, anthropic-version, a separate system, max_tokens 4096 and alternating turns', async () => {
    server.enqueue(anthropicStream(['ok']));
    await collect(
      provider().streamChat({
        model: 'claude-fake',
        systemPrompt: 'Be brief.',
        messages: [
          { role: 'assistant', parts: [{ type: 'text', text: 'Earlier answer' }] },
          { role: 'system', parts: [{ type: 'text', text: 'Use British spelling.' }] },
          { role: 'user', parts: [{ type: 'text', text: 'One' }] },
          { role: 'user', parts: [{ type: 'text', text: 'Two' }] },
          { role: 'assistant', parts: [{ type: 'text', text: '' }] },
          { role: 'tool', parts: [{ type: 'text', text: 'tool output' }] },
        ],
      }),
    );
    const sent = server.requests[0];
    assert.ok(sent);
    assert.equal(sent.url, '/v1/messages');
    assert.equal(sent.headers['x-api-key'], key);
    assert.equal(sent.headers['anthropic-version'], '2023-06-01');
    assert.equal(sent.headers.authorization, undefined);
    assert.deepEqual(JSON.parse(sent.body), {
      model: 'claude-fake',
      max_tokens: 4096,
      system: 'Be brief.\n\nUse British spelling.',
      messages: [
        { role: 'user', content: '(The conversation continues.)' },
        { role: 'assistant', content: 'Earlier answer' },
        { role: 'user', content: 'One\n\nTwo\n\ntool output' },
      ],
      stream: true,
    });
  });

  it('reports usage from message_start and the cumulative message_delta, and maps stop reasons', async () => {
    server.enqueue(anthropicStream(['a', 'b'], { inputTokens: 21, outputTokens: 9, stopReason: 'max_tokens' }));
    const events = await collect(provider().streamChat({ ...ask, maxTokens: 5 }));
    assert.equal(JSON.parse(server.requests[0]?.body ?? '{}').max_tokens, 5);
    assert.deepEqual(events.slice(-2), [
      { type: 'usage', usage: { inputTokens: 21, outputTokens: 9 } },
      { type: 'done', finishReason: 'length' },
    ]);
  });

  it('reads text deltas in any JSON form the same way, and skips thinking deltas', async () => {
    // The canonical form takes the fast path (anthropicTextDelta.ts); these do not, and must read the same.
    const delta = (data: string): string => `event: content_block_delta\ndata: ${data}\n\n`;
    const body = [
      anthropicEvent('message_start', { type: 'message_start', message: { usage: { input_tokens: 3 } } }),
      delta('{"type":"content_block_delta","index":0,"delta":{"type":"text_delta","text":"canonical "}}'),
      delta('{ "type": "content_block_delta", "index": 0, "delta": { "type": "text_delta", "text": "spaced " } }'),
      delta('{"index":0,"delta":{"text":"reordered ","type":"text_delta"},"type":"content_block_delta"}'),
      delta('{"type":"content_block_delta","index":0,"delta":{"type":"thinking_delta","thinking":"hidden"}}'),
      delta('{"type":"content_block_delta","index":0,"delta":{"type":"text_delta","text":"\\u00e9t\\u00e9 \\"q\\""}}'),
      anthropicEvent('message_stop', { type: 'message_stop' }),
    ].join('');
    server.enqueue({ status: 200, headers: anthropicSseHeaders, chunks: [body] });
    const events = await collect(provider().streamChat(ask));
    assert.equal(textOf(events), 'canonical spaced reordered été "q"');
    assert.deepEqual(lastEvent(events), { type: 'done', finishReason: 'stop' });
  });

  it('reports a text delta with an escape JSON does not allow as unreadable, after the text before it', async () => {
    const body = [
      anthropicEvent('content_block_delta', { type: 'content_block_delta', index: 0, delta: { type: 'text_delta', text: 'kept' } }),
      'event: content_block_delta\ndata: {"type":"content_block_delta","index":0,"delta":{"type":"text_delta","text":"bad \\q"}}\n\n',
      anthropicEvent('message_stop', { type: 'message_stop' }),
    ].join('');
    server.enqueue({ status: 200, headers: anthropicSseHeaders, chunks: [body] });
    const events = await collect(provider().streamChat(ask));
    assert.equal(textOf(events), 'kept');
    const error = finalError(events);
    assert.equal(error.kind, 'invalid-response');
    assert.match(error.message, /A stream event is not JSON/);
  });

  it('retries a 529 overloaded answer, then streams', async () => {
    const slept = recordingSleep();
    server.enqueue(anthropicOverloaded(), anthropicStream(['fine']));
    const events = await collect(provider({}, { sleep: slept.sleep }).streamChat(ask));
    const retry = events.find((e) => e.type === 'retry');
    assert.ok(retry?.type === 'retry');
    assert.equal(retry.error.kind, 'overloaded');
    assert.equal(retry.error.status, 529);
    assert.equal(slept.waits.length, 1);
    assert.equal(textOf(events), 'fine');
  });

  it('does not retry 413 and says the request is too large', async () => {
    server.enqueue(anthropicError(413, 'request_too_large', 'Request exceeds the maximum allowed number of bytes.'));
    const error = finalError(await collect(provider().streamChat(ask)));
    assert.equal(error.kind, 'bad-request');
    assert.match(error.message, /too large for anthropic/);
    assert.equal(server.requests.length, 1);
  });

  it('accepts a base URL that already ends in /v1', async () => {
    server.enqueue(anthropicStream(['ok']));
    const events = await collect(provider({ baseUrl: `${server.origin}/v1` }).streamChat(ask));
    assert.equal(server.requests[0]?.url, '/v1/messages');
    assert.deepEqual(lastEvent(events), { type: 'done', finishReason: 'stop' });
  });

  it('lists models from GET /v1/models with display names', async () => {
    server.enqueue(anthropicModels(['claude-a', 'claude-b']));
    const models = await provider().listModels();
    assert.deepEqual(models, [
      { id: 'claude-a', name: 'CLAUDE-A' },
      { id: 'claude-b', name: 'CLAUDE-B' },
    ]);
    assert.equal(server.requests[0]?.url, '/v1/models?limit=1000');
    assert.equal(server.requests[0]?.headers['x-api-key'], key);
  });
});
