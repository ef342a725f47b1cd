// The context window a model list says, read from each service's own field (served over HTTP as the services send
// them; each fake names its source): OpenRouter `context_length` (then `top_provider.context_length`), Groq
// `context_window`, vLLM `max_model_len`, Gemini `inputTokenLimit`, Anthropic `max_input_tokens`; OpenAI and Ollama
// lists say nothing, and a model without the field has no window rather than a made-up one.
import * as assert from 'node:assert/strict';
import type { ModelInfo } from '../../../src/core/chat/chatTypes';
import { createChatProvider } from '../../../src/core/providers/createChatProvider';
import type { ProviderEntry } from '../../../src/core/providers/providerEntry';
import { anthropicModels } from '../fakes/anthropicFake';
import { fakeServerPerTest } from '../fakes/fakeServerPerTest';
import { geminiModels } from '../fakes/geminiFake';
import { groqModelList, vllmModelList } from '../fakes/modelListFakes';
import { ollamaOpenAiModels } from '../fakes/ollamaFake';
import { openAiModels } from '../fakes/openAiFake';
import { openRouterModels } from '../fakes/openRouterKeyFake';

describe('context windows in model lists', () => {
  const fake = fakeServerPerTest();

  function listed(entry: ProviderEntry): Promise<ModelInfo[]> {
    return createChatProvider(entry, { apiKey: 'test-FAKE-key-0123456789' }, { http: fake.client() }).listModels();
  }

  const windows = (models: readonly ModelInfo[]): Record<string, number | undefined> =>
    Object.fromEntries(models.map((model) => [model.id, model.contextWindow]));

  it('OpenRouter: context_length, else the top provider’s, else none', async () => {
    fake.server.enqueue(
      openRouterModels([
        { id: 'google/gemini-2.5-pro', contextLength: 1_048_576, topProviderContextLength: 1_000_000 },
        { id: 'vendor/new-model', contextLength: null, topProviderContextLength: 65_536 },
        { id: 'vendor/unknown-size', contextLength: null, topProviderContextLength: null },
      ]),
    );
    const models = await listed({ id: 'openrouter', baseUrl: `${fake.server.origin}/api/v1` });
    assert.deepEqual(windows(models), {
      'google/gemini-2.5-pro': 1_048_576,
      'vendor/new-model': 65_536,
      'vendor/unknown-size': undefined,
    });
    assert.equal('contextWindow' in (models[2] ?? {}), false);
  });

  it('Groq: context_window', async () => {
    fake.server.enqueue(
      groqModelList([
        { id: 'llama-3.3-70b-versatile', contextWindow: 131_072 },
        { id: 'gemma2-9b-it', contextWindow: 8_192 },
      ]),
    );
    const models = await listed({ id: 'groq', baseUrl: `${fake.server.origin}/openai/v1` });
    assert.deepEqual(windows(models), { 'llama-3.3-70b-versatile': 131_072, 'gemma2-9b-it': 8_192 });
  });

  it('vLLM: the max_model_len it was started with', async () => {
    fake.server.enqueue(vllmModelList('Qwen/Qwen2.5-7B-Instruct', 16_384));
    const models = await listed({ id: 'vllm', baseUrl: `${fake.server.origin}/v1` });
    assert.deepEqual(windows(models), { 'Qwen/Qwen2.5-7B-Instruct': 16_384 });
  });

  it('OpenAI and Ollama lists say nothing', async () => {
    fake.server.enqueue(openAiModels(['gpt-4o', 'o3']), ollamaOpenAiModels(['llama3.2:latest']));
    assert.deepEqual(windows(await listed({ id: 'openai', baseUrl: `${fake.server.origin}/v1` })), { 'gpt-4o': undefined, o3: undefined });
    assert.deepEqual(windows(await listed({ id: 'ollama', baseUrl: `${fake.server.origin}/v1` })), { 'llama3.2:latest': undefined });
  });

  it('Gemini: inputTokenLimit, over every page', async () => {
    fake.server.enqueue(
      geminiModels([{ name: 'models/gemini-2.5-flash', methods: ['generateContent'], inputTokenLimit: 1_048_576 }], 'page-2'),
      geminiModels([{ name: 'models/gemini-x', methods: ['generateContent'], inputTokenLimit: null }]),
    );
    const models = await listed({ id: 'gemini', baseUrl: `${fake.server.origin}/v1beta` });
    assert.deepEqual(windows(models), { 'gemini-2.5-flash': 1_048_576, 'gemini-x': undefined });
    assert.equal(fake.server.requests[1]?.url, '/v1beta/models?pageSize=1000&pageToken=page-2');
  });

  it('Anthropic: max_input_tokens where the answer has it', async () => {
    fake.server.enqueue(
      anthropicModels(['claude-sonnet-4-5', 'claude-3-haiku-20240307'], {
        'claude-sonnet-4-5': { maxInputTokens: 200_000, maxTokens: 64_000 },
      }),
    );
    const models = await listed({ id: 'anthropic', baseUrl: fake.server.origin });
    assert.deepEqual(windows(models), { 'claude-sonnet-4-5': 200_000, 'claude-3-haiku-20240307': undefined });
  });

  it('takes no zero, fraction or negative number for a window', async () => {
    fake.server.enqueue(
      groqModelList([
        { id: 'zero', contextWindow: 0 },
        { id: 'fraction', contextWindow: 1.5 },
        { id: 'negative', contextWindow: -1 },
      ]),
    );
    const models = await listed({ id: 'groq', baseUrl: `${fake.server.origin}/openai/v1` });
    assert.deepEqual(windows(models), { zero: undefined, fraction: undefined, negative: undefined });
  });
});
