import * as assert from 'node:assert/strict';
import type { ChatProvider, ChatRequest } from '../../../src/core/chat/chatTypes';
import type { HttpClient } from '../../../src/core/http/httpClient';
import { createChatProvider } from '../../../src/core/providers/createChatProvider';
import type { ProviderEntry } from '../../../src/core/providers/providerEntry';
import { collect, finalError, testHttpClient } from '../fakes/chatTestKit';
import { FakeHttpServer } from '../fakes/fakeHttpServer';
import { sydneyError, sydneyForbidden, sydneyRateLimited, sydneyReply } from '../fakes/sydneyFake';

const key = 'sydney-fake-key-0123456789abcdef';

describe('Sydney gateway provider', () => {
  let server: FakeHttpServer;
  const clients: HttpClient[] = [];

  beforeEach(async () => {
    server = await FakeHttpServer.start();
  });
  afterEach(async () => {
    await Promise.all(clients.splice(0).map((c) => c.close()));
    await server.close();
  });

  function provider(entry: Partial<ProviderEntry> = {}): ChatProvider {
    const http = testHttpClient({ maxRetries: 0 });
    clients.push(http);
    return createChatProvider({ id: 'sydney', baseUrl: server.origin, ...entry }, { apiKey: key }, { http });
  }

  const ask: ChatRequest = { model: 'gpt-4', messages: [{ role: 'user', parts: [{ type: 'text', text: 'Привет' }] }] };

  it('posts {model, messages} to /v1/chat with the raw key, and emits model, one text-delta, done', async () => {
    server.enqueue(sydneyReply('Здравствуйте!'));
    const events = await collect(provider().streamChat({ ...ask, systemPrompt: 'Отвечай кратко.' }));
    assert.deepEqual(events, [
      { type: 'model', provider: 'sydney', model: 'gpt-4' },
      { type: 'text-delta', text: 'Здравствуйте!' },
      { type: 'done', finishReason: 'stop' },
    ]);
    const sent = server.requests[0];
    assert.equal(sent?.url, '/v1/chat');
    assert.equal(sent?.headers.authorization, key);
    assert.deepEqual(JSON.parse(sent?.body ?? '{}'), {
      model: 'gpt-4',
      messages: [
        { role: 'system', content: 'Отвечай кратко.' },
        { role: 'user', content: 'Привет' },
      ],
    });
  });

  it('uses /v1/prompt for a single message to a Claude model, in the Human/Assistant format', async () => {
    server.enqueue(sydneyReply('Bonjour'));
    await collect(
      provider().streamChat({ model: 'claude-2-100k', messages: [{ role: 'user', parts: [{ type: 'text', text: 'Translate hello' }] }] }),
    );
    assert.equal(server.requests[0]?.url, '/v1/prompt');
    assert.deepEqual(JSON.parse(server.requests[0]?.body ?? '{}'), {
      model: 'claude-2-100k',
      prompt: '\n\nHuman: Translate hello\n\nAssistant:',
    });
  });

  it('can be told never to use /v1/prompt', async () => {
    server.enqueue(sydneyReply('ok'));
    await collect(
      provider({ promptMode: 'never' }).streamChat({
        model: 'claude-2-100k',
        messages: [{ role: 'user', parts: [{ type: 'text', text: 'x' }] }],
      }),
    );
    assert.equal(server.requests[0]?.url, '/v1/chat');
  });

  it('maps {error} answers: 403 quoted, 429 rate limit, 200 with an error', async () => {
    // A 200 with {error} is not in the gateway's documentation; it is here because a gateway in front of other
    // models may pass such an answer on.
    server.enqueue(sydneyForbidden(), sydneyRateLimited(), sydneyError(200, 'model overloaded'));
    const forbidden = finalError(await collect(provider().streamChat(ask)));
    assert.equal(forbidden.kind, 'auth');
    assert.match(forbidden.message, /sydney refused access \(403\): “Вам сюда низя”/);
    assert.equal(finalError(await collect(provider().streamChat(ask))).kind, 'rate-limit');
    const inBody = finalError(await collect(provider().streamChat(ask)));
    assert.match(inBody.message, /model overloaded/);
  });

  it('says what was expected when the answer has neither reply nor error', async () => {
    server.enqueue({ status: 200, headers: { 'content-type': 'application/json' }, chunks: ['{"answer": "hi"}'] });
    const error = finalError(await collect(provider().streamChat(ask)));
    assert.equal(error.kind, 'invalid-response');
    assert.match(error.message, /expected reply to be a string/);
  });

  it('lists the documented chat models without a request', async () => {
    const models = await provider().listModels();
    assert.deepEqual(
      models.map((m) => m.id),
      ['gpt-3.5-turbo', 'gpt-4', 'claude-2-100k', 'claude-1.3-100k', 'claude-instant-1-100k'],
    );
    assert.equal(server.requests.length, 0);
    const keyless = createChatProvider({ id: 'sydney', baseUrl: server.origin }, {}, { http: testHttpClient() });
    assert.equal((await keyless.listModels()).length, 5);
  });
});
