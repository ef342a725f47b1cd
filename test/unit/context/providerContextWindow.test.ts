// ProviderEngine.contextWindow, the chat meter's source, against real local servers: the provider's list where it
// says the window, Ollama's /api/show for Ollama entries, the dated table otherwise; each provider listed at most
// once and each Ollama model asked at most once per session, a failure only meaning "unknown".
import * as assert from 'node:assert/strict';
import type { ProviderSetting } from '../../../src/core/config/switchboardSettings';
import { ContextWindowCache } from '../../../src/core/context/contextWindowCache';
import { ProviderEngine } from '../../../src/core/providerEngine';
import { resolveProviderEntry } from '../../../src/core/providers/createChatProvider';
import { ollamaContextWindow } from '../../../src/core/providers/ollamaContextWindow';
import { fakeServerPerTest } from '../fakes/fakeServerPerTest';
import { groqModelList } from '../fakes/modelListFakes';
import { ollamaHandler } from '../fakes/ollamaFake';
import { openAiInvalidKey, openAiModels } from '../fakes/openAiFake';
import { openRouterModels } from '../fakes/openRouterKeyFake';

const key = 'test-FAKE-key-0123456789abcdef';

describe('provider engine: context windows', () => {
  const fake = fakeServerPerTest();
  const logged: string[] = [];

  function engine(providers: ProviderSetting[]): ProviderEngine {
    const made = new ProviderEngine({ credentials: () => Promise.resolve({ apiKey: key }), log: (line) => logged.push(line) });
    made.configure({ providers, responseCache: false, http: { maxRetries: 0, firstByteTimeoutMs: 5_000, idleTimeoutMs: 5_000 } });
    return made;
  }

  const asked = (path: string): number => fake.server.requests.filter((request) => request.url.split('?')[0] === path).length;

  beforeEach(() => {
    logged.length = 0;
  });

  it('takes the window from the provider’s list, listing it once for every lookup', async () => {
    fake.server.onRequest(() =>
      openRouterModels([
        { id: 'meta-llama/llama-3.1-8b-instruct', contextLength: 131_072 },
        { id: 'vendor/unsized', contextLength: null, topProviderContextLength: null },
      ]),
    );
    const chat = engine([{ id: 'openrouter', baseUrl: `${fake.server.origin}/api/v1` }]);
    const [first, second] = await Promise.all([
      chat.contextWindow('openrouter/meta-llama/llama-3.1-8b-instruct'),
      chat.contextWindow('openrouter/meta-llama/llama-3.1-8b-instruct'),
    ]);
    assert.deepEqual(first, { tokens: 131_072, source: 'provider' });
    assert.deepEqual(second, first);
    // Listed without a window, or not listed at all: the table, which knows one of them.
    assert.equal(await chat.contextWindow('openrouter/vendor/unsized'), undefined);
    assert.deepEqual(await chat.contextWindow('openrouter/openai/gpt-4o-2024-08-06'), { tokens: 128_000, source: 'table' });
    assert.equal(asked('/api/v1/models'), 1);
  });

  it('reuses a list the picker fetched', async () => {
    fake.server.enqueue(groqModelList([{ id: 'llama-3.3-70b-versatile', contextWindow: 131_072 }]));
    const chat = engine([{ id: 'groq', baseUrl: `${fake.server.origin}/openai/v1` }]);
    await chat.listModels('groq');
    assert.deepEqual(await chat.contextWindow('groq/llama-3.3-70b-versatile'), { tokens: 131_072, source: 'provider' });
    assert.equal(fake.server.requests.length, 1);
  });

  it('falls back to the table when the listing fails, and does not list again', async () => {
    fake.server.onRequest(() => openAiInvalidKey(key));
    const chat = engine([{ id: 'groq', baseUrl: `${fake.server.origin}/openai/v1` }]);
    assert.deepEqual(await chat.contextWindow('groq/llama-3.1-8b-instant'), { tokens: 131_072, source: 'table' });
    assert.equal(await chat.contextWindow('groq/some-new-model'), undefined);
    assert.equal(fake.server.requests.length, 1);
  });

  it('does not list OpenAI, whose list never says a window: the table answers', async () => {
    fake.server.onRequest(() => openAiModels(['gpt-4o']));
    const chat = engine([{ id: 'openai', baseUrl: `${fake.server.origin}/v1` }]);
    assert.deepEqual(await chat.contextWindow('openai/gpt-4o-2024-08-06'), { tokens: 128_000, source: 'table' });
    assert.deepEqual(await chat.contextWindow('openai/o3'), { tokens: 200_000, source: 'table' });
    assert.equal(fake.server.requests.length, 0);
  });

  it('asks Ollama’s /api/show once per model, and never lists its /v1/models', async () => {
    fake.server.onRequest(
      ollamaHandler({
        'qwen2.5-coder:7b': { architecture: 'qwen2', contextLength: 32_768, numCtx: 16_384 },
        'llama3.1:8b': { architecture: 'llama', contextLength: 131_072 },
      }),
    );
    const chat = engine([{ id: 'ollama', baseUrl: `${fake.server.origin}/v1` }]);
    const answers = await Promise.all([
      chat.contextWindow('ollama/qwen2.5-coder:7b'),
      chat.contextWindow('ollama/qwen2.5-coder:7b'),
      chat.contextWindow('ollama/llama3.1:8b'),
    ]);
    assert.deepEqual(answers, [
      { tokens: 16_384, source: 'provider' },
      { tokens: 16_384, source: 'provider' },
      { tokens: 4_096, source: 'provider' },
    ]);
    assert.deepEqual(await chat.contextWindow('ollama/qwen2.5-coder:7b'), { tokens: 16_384, source: 'provider' });
    const shown = fake.server.requests.filter((request) => request.url === '/api/show').map((request) => JSON.parse(request.body).model);
    assert.deepEqual(shown.sort(), ['llama3.1:8b', 'qwen2.5-coder:7b']);
    assert.equal(asked('/v1/models'), 0);
  });

  it('takes the table for an Ollama model the server does not have, asking only once', async () => {
    fake.server.onRequest(ollamaHandler({}));
    const chat = engine([{ id: 'ollama', baseUrl: `${fake.server.origin}/v1` }]);
    assert.deepEqual(await chat.contextWindow('ollama/llama3.2:3b'), { tokens: 131_072, source: 'table' });
    assert.deepEqual(await chat.contextWindow('ollama/llama3.2:3b'), { tokens: 131_072, source: 'table' });
    assert.equal(await chat.contextWindow('ollama/my-own-model'), undefined);
    assert.equal(asked('/api/show'), 2);
    assert.ok(logged.some((line) => line.includes('ollama/llama3.2:3b')));
  });

  it('answers nothing once the caller aborts, while the question goes on for the next caller', async () => {
    const handler = ollamaHandler({ 'llama3.1:8b': { architecture: 'llama', contextLength: 131_072, numCtx: 8_192 } });
    // Ollama answers a second after being asked; the caller gives up as soon as the question has reached it.
    fake.server.onRequest((request) => ({ ...handler(request), headersAfterMs: 1_000 }));
    const chat = engine([{ id: 'ollama', baseUrl: `${fake.server.origin}/v1` }]);
    const controller = new AbortController();
    const abandoned = chat.contextWindow('ollama/llama3.1:8b', controller.signal);
    while (asked('/api/show') === 0) await new Promise((resolve) => setTimeout(resolve, 5));
    controller.abort();
    assert.equal(await abandoned, undefined);
    assert.deepEqual(await chat.contextWindow('ollama/llama3.1:8b'), { tokens: 8_192, source: 'provider' });
    assert.equal(asked('/api/show'), 1);
  });

  it('asks again after the settings change, since a base URL may have', async () => {
    fake.server.onRequest(() => groqModelList([{ id: 'llama-3.3-70b-versatile', contextWindow: 131_072 }]));
    const providers = [{ id: 'groq', baseUrl: `${fake.server.origin}/openai/v1` }];
    const chat = engine(providers);
    await chat.contextWindow('groq/llama-3.3-70b-versatile');
    chat.configure({ providers, responseCache: false, http: { maxRetries: 0 } });
    assert.deepEqual(await chat.contextWindow('groq/llama-3.3-70b-versatile'), { tokens: 131_072, source: 'provider' });
    assert.equal(fake.server.requests.length, 2);
  });

  it('takes the table when Ollama does not answer within the short time limit, and does not ask it again', async () => {
    fake.server.onRequest(() => ({ silent: true }));
    const ollama = resolveProviderEntry({ id: 'ollama', baseUrl: `${fake.server.origin}/v1` });
    const cache = new ContextWindowCache({
      list: () => Promise.reject(new Error('an Ollama entry is never listed for its window')),
      probeOllama: (entry, model, signal) => ollamaContextWindow(entry, model, fake.client(), signal),
      probeTimeoutMs: 50,
    });
    assert.deepEqual(await cache.lookup(ollama, 'llama3.1:8b'), { tokens: 131_072, source: 'table' });
    assert.deepEqual(await cache.lookup(ollama, 'llama3.1:8b'), { tokens: 131_072, source: 'table' });
    assert.equal(asked('/api/show'), 1);
  });

  it('uses the table for a provider that is not configured, and nothing for a reference without a provider', async () => {
    const chat = engine([]);
    assert.deepEqual(await chat.contextWindow('nowhere/claude-sonnet-4-20250514'), { tokens: 200_000, source: 'table' });
    assert.equal(await chat.contextWindow('gpt-4o'), undefined);
  });
});
