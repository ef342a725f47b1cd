// What the providers say about image input, read from their answers served over HTTP (each fake names its source):
// OpenRouter's model list (`architecture.input_modalities`) and Ollama's `/api/show` (`capabilities`); and
// ProviderEngine.vision putting it together — the entry's setting without a request, one list and one `/api/show`
// per session shared with the context window, the table when the provider cannot say, never a throw.
import * as assert from 'node:assert/strict';
import type { ModelInfo } from '../../../src/core/chat/chatTypes';
import type { ProviderSetting } from '../../../src/core/config/switchboardSettings';
import { ProviderEngine } from '../../../src/core/providerEngine';
import { createChatProvider, resolveProviderEntry } from '../../../src/core/providers/createChatProvider';
import { ollamaShow, ollamaVisionFromShow } from '../../../src/core/providers/ollamaContextWindow';
import { fakeServerPerTest } from '../fakes/fakeServerPerTest';
import { groqModelList } from '../fakes/modelListFakes';
import { ollamaHandler } from '../fakes/ollamaFake';
import { openAiModels } from '../fakes/openAiFake';
import { openRouterModels } from '../fakes/openRouterKeyFake';

const key = 'test-FAKE-key-0123456789abcdef';

describe('image input in model lists', () => {
  const fake = fakeServerPerTest();
  const logged: string[] = [];

  beforeEach(() => {
    logged.length = 0;
  });

  function engine(providers: ProviderSetting[]): ProviderEngine {
    const made = new ProviderEngine({ credentials: () => Promise.resolve({ apiKey: key }), log: (line) => logged.push(line) });
    made.configure({ providers, responseCache: false, http: { maxRetries: 0, firstByteTimeoutMs: 5_000, idleTimeoutMs: 5_000 } });
    return made;
  }

  const asked = (path: string): number => fake.server.requests.filter((request) => request.url.split('?')[0] === path).length;

  const openRouterList = (): ReturnType<typeof openRouterModels> =>
    openRouterModels([
      { id: 'openai/gpt-4o', contextLength: 128_000, inputModalities: ['text', 'image', 'file'] },
      { id: 'meta-llama/llama-3.1-8b-instruct', contextLength: 131_072, inputModalities: ['text'] },
      // A model the table would call seeing, listed as text-only: the list wins.
      { id: 'google/gemini-2.5-flash-lite-preview', contextLength: 1_048_576, inputModalities: ['text'] },
    ]);

  it('OpenRouter: input_modalities containing "image"; other lists say nothing', async () => {
    fake.server.enqueue(openRouterList());
    const listed = await createChatProvider(
      { id: 'openrouter', baseUrl: `${fake.server.origin}/api/v1` },
      { apiKey: key },
      { http: fake.client() },
    ).listModels();
    const vision = (models: readonly ModelInfo[]): Record<string, boolean | undefined> =>
      Object.fromEntries(models.map((model) => [model.id, model.vision]));
    assert.deepEqual(vision(listed), {
      'openai/gpt-4o': true,
      'meta-llama/llama-3.1-8b-instruct': false,
      'google/gemini-2.5-flash-lite-preview': false,
    });
    fake.server.enqueue(openAiModels(['gpt-4o']), groqModelList([{ id: 'llama-3.3-70b-versatile', contextWindow: 131_072 }]));
    const openai = await createChatProvider(
      { id: 'openai', baseUrl: `${fake.server.origin}/v1` },
      { apiKey: key },
      { http: fake.client() },
    ).listModels();
    const groq = await createChatProvider(
      { id: 'groq', baseUrl: `${fake.server.origin}/openai/v1` },
      { apiKey: key },
      { http: fake.client() },
    ).listModels();
    assert.ok([...openai, ...groq].every((model) => !('vision' in model)));
  });

  it('Ollama: capabilities containing "vision", nothing when an older server leaves the field out', async () => {
    fake.server.onRequest(
      ollamaHandler({
        'llava:13b': { architecture: 'llama', contextLength: 4_096, capabilities: ['completion', 'vision'] },
        'llama3.2:latest': { architecture: 'llama', contextLength: 131_072, capabilities: ['completion', 'tools'] },
        'old:latest': { architecture: 'llama', capabilities: null },
      }),
    );
    const ollama = resolveProviderEntry({ id: 'ollama', baseUrl: `${fake.server.origin}/v1` });
    const seen = async (model: string): Promise<boolean | undefined> => {
      const show = await ollamaShow(ollama, model, fake.client(), new AbortController().signal);
      return show === undefined ? undefined : ollamaVisionFromShow(show);
    };
    assert.equal(await seen('llava:13b'), true);
    assert.equal(await seen('llama3.2'), false);
    assert.equal(await seen('old'), undefined);
  });

  it('engine: the setting answers without asking anyone', async () => {
    fake.server.onRequest(() => openRouterList());
    const chat = engine([{ id: 'openrouter', baseUrl: `${fake.server.origin}/api/v1`, vision: false }]);
    assert.deepEqual(await chat.vision('openrouter/openai/gpt-4o'), { vision: false, source: 'setting' });
    assert.equal(fake.server.requests.length, 0);
  });

  it('engine: OpenRouter’s list over the table, listed once and shared with the context window', async () => {
    fake.server.onRequest(() => openRouterList());
    const chat = engine([{ id: 'openrouter', baseUrl: `${fake.server.origin}/api/v1` }]);
    const [seeing, window, blind] = await Promise.all([
      chat.vision('openrouter/openai/gpt-4o'),
      chat.contextWindow('openrouter/openai/gpt-4o'),
      chat.vision('openrouter/meta-llama/llama-3.1-8b-instruct'),
    ]);
    assert.deepEqual(seeing, { vision: true, source: 'provider' });
    assert.deepEqual(window, { tokens: 128_000, source: 'provider' });
    assert.deepEqual(blind, { vision: false, source: 'provider' });
    assert.deepEqual(await chat.vision('openrouter/google/gemini-2.5-flash-lite-preview'), { vision: false, source: 'provider' });
    // Not in the list: the table.
    assert.deepEqual(await chat.vision('openrouter/anthropic/claude-sonnet-4'), { vision: true, source: 'table' });
    assert.equal(asked('/api/v1/models'), 1);
  });

  it('engine: a list the picker fetched is reused', async () => {
    fake.server.enqueue(openRouterList());
    const chat = engine([{ id: 'openrouter', baseUrl: `${fake.server.origin}/api/v1` }]);
    await chat.listModels('openrouter');
    assert.deepEqual(await chat.vision('openrouter/openai/gpt-4o'), { vision: true, source: 'provider' });
    assert.deepEqual(await chat.contextWindow('openrouter/openai/gpt-4o'), { tokens: 128_000, source: 'provider' });
    assert.equal(fake.server.requests.length, 1);
  });

  it('engine: Ollama’s /api/show once per model, shared with the context window', async () => {
    fake.server.onRequest(
      ollamaHandler({
        'llava:13b': { architecture: 'llama', contextLength: 4_096, capabilities: ['completion', 'vision'] },
        // Its name says nothing; its capabilities do.
        'my-vlm:latest': { architecture: 'qwen25vl', contextLength: 32_768, numCtx: 8_192, capabilities: ['completion', 'vision'] },
        // Its name would say yes; its capabilities say no (Ollama's gemma3:1b is text-only).
        'gemma3:1b': { architecture: 'gemma3', contextLength: 32_768, capabilities: ['completion'] },
      }),
    );
    const chat = engine([{ id: 'ollama', baseUrl: `${fake.server.origin}/v1` }]);
    const [vlm, window] = await Promise.all([chat.vision('ollama/my-vlm:latest'), chat.contextWindow('ollama/my-vlm:latest')]);
    assert.deepEqual(vlm, { vision: true, source: 'provider' });
    assert.deepEqual(window, { tokens: 8_192, source: 'provider' });
    assert.deepEqual(await chat.vision('ollama/llava:13b'), { vision: true, source: 'provider' });
    assert.deepEqual(await chat.vision('ollama/gemma3:1b'), { vision: false, source: 'provider' });
    assert.deepEqual(await chat.vision('ollama/my-vlm:latest'), { vision: true, source: 'provider' });
    assert.equal(asked('/api/show'), 3);
    assert.equal(asked('/v1/models'), 0);
  });

  it('engine: the table when the provider cannot say, never a throw', async () => {
    fake.server.onRequest((request) =>
      request.url === '/api/show'
        ? ollamaHandler({})(request)
        : { status: 502, headers: { 'content-type': 'text/html' }, chunks: ['<html>Bad gateway</html>'] },
    );
    const chat = engine([
      { id: 'ollama', baseUrl: `${fake.server.origin}/v1` },
      { id: 'openrouter', baseUrl: `${fake.server.origin}/api/v1` },
    ]);
    assert.deepEqual(await chat.vision('ollama/llava:7b'), { vision: true, source: 'table' });
    assert.deepEqual(await chat.vision('ollama/unknown-model'), { vision: undefined, source: 'table' });
    assert.ok(logged.some((line) => line.includes('ollama/llava:7b')));
    assert.deepEqual(await chat.vision('openrouter/openai/gpt-4o'), { vision: true, source: 'table' });
    assert.deepEqual(await chat.vision('openrouter/openai/gpt-3.5-turbo'), { vision: false, source: 'table' });
    assert.equal(asked('/api/v1/models'), 1);
    // OpenAI, Anthropic and Gemini lists never say it: not listed at all.
    const direct = engine([
      { id: 'openai', baseUrl: `${fake.server.origin}/v1` },
      { id: 'anthropic', baseUrl: fake.server.origin },
      { id: 'gemini', baseUrl: `${fake.server.origin}/v1beta` },
    ]);
    const before = fake.server.requests.length;
    assert.deepEqual(await direct.vision('openai/gpt-4o'), { vision: true, source: 'table' });
    assert.deepEqual(await direct.vision('anthropic/claude-3-5-haiku-latest'), { vision: true, source: 'table' });
    assert.deepEqual(await direct.vision('gemini/gemma-3-27b-it'), { vision: false, source: 'table' });
    assert.equal(fake.server.requests.length, before);
    // No provider configured, or no provider in the reference.
    assert.deepEqual(await direct.vision('nowhere/gpt-4o-mini'), { vision: true, source: 'table' });
    assert.deepEqual(await direct.vision('gpt-4o'), { vision: undefined, source: 'table' });
  });

  it('engine: the table at once when the caller gives up; the question goes on for the next caller', async () => {
    const handler = ollamaHandler({ 'my-vlm:latest': { architecture: 'qwen25vl', capabilities: ['completion', 'vision'] } });
    fake.server.onRequest((request) => ({ ...handler(request), headersAfterMs: 500 }));
    const chat = engine([{ id: 'ollama', baseUrl: `${fake.server.origin}/v1` }]);
    const controller = new AbortController();
    const abandoned = chat.vision('ollama/my-vlm:latest', controller.signal);
    while (asked('/api/show') === 0) await new Promise((resolve) => setTimeout(resolve, 5));
    controller.abort();
    assert.deepEqual(await abandoned, { vision: undefined, source: 'table' });
    assert.deepEqual(await chat.vision('ollama/my-vlm:latest'), { vision: true, source: 'provider' });
    assert.equal(asked('/api/show'), 1);
  });
});
