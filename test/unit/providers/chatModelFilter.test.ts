// The model picker offers only models that can chat: an OpenAI-compatible `/models` list holds embeddings, speech,
// transcription, image, moderation and realtime models too, and picking one fails. Lists served over HTTP as the
// real services send them (fakes/modelListFakes names the sources).
import * as assert from 'node:assert/strict';
import { isChatModelId, isOpenAiApi } from '../../../src/core/providers/chatModelFilter';
import { createChatProvider } from '../../../src/core/providers/createChatProvider';
import type { ProviderEntry } from '../../../src/core/providers/providerEntry';
import { fakeServerPerTest } from '../fakes/fakeServerPerTest';
import {
  groqChatIds,
  groqOtherIds,
  ollamaChatIds,
  ollamaOtherIds,
  ollamaUnjudgedIds,
  openAiChatIds,
  openAiOtherIds,
  openRouterChatIds,
} from '../fakes/modelListFakes';
import { openAiModels } from '../fakes/openAiFake';
import { openRouterModels } from '../fakes/openRouterKeyFake';

describe('chat model filter', () => {
  const fake = fakeServerPerTest();

  async function listed(entry: ProviderEntry): Promise<string[]> {
    return (await createChatProvider(entry, { apiKey: 'sk-test-FAKE' }, { http: fake.client() }).listModels()).map((model) => model.id);
  }

  it('lists only OpenAI’s chat models, in the order the server gave', async () => {
    fake.server.enqueue(openAiModels([...openAiOtherIds, ...openAiChatIds].sort()));
    assert.deepEqual(await listed({ id: 'openai', baseUrl: `${fake.server.origin}/v1` }), [...openAiChatIds].sort());
  });

  it('drops Groq’s speech models', async () => {
    fake.server.enqueue(openAiModels([...groqChatIds, ...groqOtherIds]));
    assert.deepEqual(await listed({ id: 'groq', baseUrl: `${fake.server.origin}/openai/v1` }), [...groqChatIds]);
  });

  it('drops the embedding models pulled into Ollama whose names say so, and keeps what it cannot judge', async () => {
    fake.server.enqueue(openAiModels([...ollamaOtherIds, ...ollamaChatIds, ...ollamaUnjudgedIds]));
    assert.deepEqual(await listed({ id: 'ollama', baseUrl: `${fake.server.origin}/v1` }), [...ollamaChatIds, ...ollamaUnjudgedIds]);
  });

  it('keeps the models OpenRouter serves on its chat endpoint, though OpenAI’s API would not', async () => {
    fake.server.enqueue(openRouterModels(openRouterChatIds));
    assert.deepEqual(await listed({ id: 'openrouter', baseUrl: `${fake.server.origin}/api/v1` }), [...openRouterChatIds]);
  });

  it('applies OpenAI’s own rules by entry id or by host', () => {
    assert.equal(isOpenAiApi('openai', 'http://127.0.0.1:1/v1'), true);
    assert.equal(isOpenAiApi('work', 'https://api.openai.com/v1'), true);
    assert.equal(isOpenAiApi('vllm', 'http://localhost:8000/v1'), false);
    assert.equal(isChatModelId('gpt-4o-audio-preview', { openAi: true }), false);
    assert.equal(isChatModelId('gpt-4o-audio-preview', { openAi: false }), true);
    // A local model named like OpenAI's legacy completions model is somebody's chat model.
    assert.equal(isChatModelId('Meta-Llama-3.1-8B-Instruct', { openAi: false }), true);
    assert.equal(isChatModelId('text-embedding-3-small', { openAi: false }), false);
    assert.equal(isChatModelId('BAAI/bge-reranker-v2-m3', { openAi: false }), false);
  });
});
