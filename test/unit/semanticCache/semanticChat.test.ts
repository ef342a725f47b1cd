// The semantic cache in front of a turn's chat (ProviderEngine.semanticChat), against one real local OpenAI-compatible
// server that answers `/embeddings` and `/chat/completions` (fakes: embeddingsFakes.ts, openAiFake.ts): a paraphrase
// is answered from the cache with the original question and no chat request; an unrelated question, a follow-up and
// Ask fresh go to the model; an embedding that fails sends the question to the model and says why.
import * as assert from 'node:assert/strict';
import type { ChatEvent } from '../../../src/core/chat/chatTypes';
import { textPart } from '../../../src/core/conversations/messagePart';
import type { ProviderError } from '../../../src/core/errors/providerError';
import { ProviderEngine } from '../../../src/core/providerEngine';
import type { ChatEngine } from '../../../src/core/turns/turnTypes';
import { collect, textOf } from '../fakes/chatTestKit';
import { openAiEmbeddingsAnswer } from '../fakes/embeddingsFakes';
import type { RecordedRequest } from '../fakes/fakeHttpServer';
import { fakeServerPerTest } from '../fakes/fakeServerPerTest';
import { openAiRateLimited, openAiStream } from '../fakes/openAiFake';

/** What the fake embedding model makes of each question: paraphrases point the same way, other questions elsewhere. */
const vectors: Record<string, number[]> = {
  'How do I reverse a list in Python?': [1, 0, 0],
  'python: how to reverse a list': [0.97, 0.243, 0],
  'What is the capital of France?': [0, 0, 1],
};

describe('semantic cache in front of the chat', () => {
  const fake = fakeServerPerTest();
  let answers = 0;
  let embeddingsFail = false;
  const chatRequests = (): RecordedRequest[] => fake.server.requests.filter((request) => request.url.endsWith('/chat/completions'));
  const embedRequests = (): RecordedRequest[] => fake.server.requests.filter((request) => request.url.endsWith('/embeddings'));

  function engine(): ProviderEngine {
    fake.server.onRequest((request) => {
      if (request.url.endsWith('/embeddings')) {
        if (embeddingsFail) return openAiRateLimited({ model: 'text-embedding-3-small' });
        const input = (JSON.parse(request.body) as { input: string[] }).input;
        return openAiEmbeddingsAnswer(
          'text-embedding-3-small',
          input.map((text) => vectors[text] ?? [0, 1, 0]),
        );
      }
      answers++;
      return openAiStream([`Answer ${answers}`], { usage: { prompt_tokens: 12, completion_tokens: 3 } });
    });
    const created = new ProviderEngine({ credentials: () => Promise.resolve({}) });
    created.configure({
      providers: [{ id: 'local', kind: 'openai', baseUrl: `${fake.server.origin}/v1`, requiresKey: false }],
      responseCache: false,
      http: { maxRetries: 0 },
      semanticCache: { enabled: true, embeddingModel: 'local/text-embedding-3-small', threshold: 0.92, maxEntries: 10 },
    });
    return created;
  }

  beforeEach(() => {
    answers = 0;
    embeddingsFail = false;
  });

  const ask = (chat: ChatEngine, ...turns: string[]): Promise<ChatEvent[]> =>
    collect(
      chat(['local/chat-model'], {
        messages: turns.map((text, index) => ({ role: index % 2 === 0 ? 'user' : 'assistant', parts: [textPart(text)] })),
      }),
    );

  it('answers a paraphrase from the cache, naming the original question, with no chat request', async () => {
    const service = engine();
    const chat = service.semanticChat((models, request) => service.chat(models, request), 'local/chat-model');
    assert.equal(textOf(await ask(chat, 'How do I reverse a list in Python?')), 'Answer 1');
    const hit = await ask(chat, 'python: how to reverse a list');
    assert.deepEqual(hit, [
      { type: 'model', provider: 'local', model: 'chat-model', cached: true, cachedQuestion: 'How do I reverse a list in Python?' },
      { type: 'text-delta', text: 'Answer 1' },
      { type: 'done', finishReason: 'stop' },
    ]);
    assert.equal(chatRequests().length, 1);
    assert.equal(embedRequests().length, 2);
    assert.deepEqual(JSON.parse(embedRequests()[1]!.body), { model: 'text-embedding-3-small', input: ['python: how to reverse a list'] });

    // An unrelated question goes to the model.
    assert.equal(textOf(await ask(chat, 'What is the capital of France?')), 'Answer 2');
    assert.equal(chatRequests().length, 2);
  });

  it('sends Ask fresh to the model, and a follow-up (history) without embedding it', async () => {
    const service = engine();
    const inner: ChatEngine = (models, request) => service.chat(models, request);
    const chat = service.semanticChat(inner, 'local/chat-model');
    await ask(chat, 'How do I reverse a list in Python?');
    const fresh = service.semanticChat(inner, 'local/chat-model', { fresh: true });
    assert.equal(textOf(await ask(fresh, 'python: how to reverse a list')), 'Answer 2');
    assert.equal(chatRequests().length, 2);
    // The fresh answer is stored for its own question: asking it again is a hit with it.
    assert.equal(textOf(await ask(chat, 'python: how to reverse a list')), 'Answer 2');
    const before = embedRequests().length;
    assert.equal(textOf(await ask(chat, 'How do I reverse a list in Python?', 'Answer 1', 'And in Go?')), 'Answer 3');
    assert.equal(embedRequests().length, before, 'a follow-up is not embedded');
  });

  it('sends the question to the model and reports the problem when embedding fails (429)', async () => {
    const service = engine();
    embeddingsFail = true;
    const problems: ProviderError[] = [];
    const chat = service.semanticChat((models, request) => service.chat(models, request), 'local/chat-model', {
      onProblem: (error) => problems.push(error),
    });
    assert.equal(textOf(await ask(chat, 'How do I reverse a list in Python?')), 'Answer 1');
    assert.equal(problems[0]?.kind, 'rate-limit');
    assert.equal(chatRequests().length, 1);
  });

  it('is the chat itself when off, or when the chat model’s provider has no embedding model', () => {
    const service = engine();
    const inner: ChatEngine = (models, request) => service.chat(models, request);
    assert.deepEqual(service.semanticCacheStatus('local/chat-model'), { state: 'on', embeddingModel: 'local/text-embedding-3-small' });
    service.configure({
      providers: [{ id: 'local', kind: 'openai', baseUrl: `${fake.server.origin}/v1`, requiresKey: false }],
      responseCache: false,
      http: {},
      semanticCache: { enabled: true, threshold: 0.92, maxEntries: 10 },
    });
    assert.deepEqual(service.semanticCacheStatus('local/chat-model'), { state: 'no-embedding-model', provider: 'local' });
    assert.equal(service.semanticChat(inner, 'local/chat-model'), inner);
    assert.deepEqual(service.semanticCacheStatus('ollama/llama3.2'), { state: 'on', embeddingModel: 'ollama/nomic-embed-text' });
    service.configure({ providers: [], responseCache: false, http: {} });
    assert.deepEqual(service.semanticCacheStatus('ollama/llama3.2'), { state: 'off' });
  });
});
