// The embed call of each protocol against real local HTTP fakes (fakes/embeddingsFakes.ts names the documents):
// OpenAI-compatible `/embeddings`, Gemini's batchEmbedContents, Ollama's native `/api/embed`; the ugly answers — a bad
// model (400/404), a rate limit (429, not retried: the cache is only worth it when it is quick), a wrong key (401),
// vectors missing or of the wrong length — are ProviderErrors that name the provider and never the key.
import * as assert from 'node:assert/strict';
import { defaultEmbeddingModel } from '../../../src/core/embeddings/defaultEmbeddingModel';
import { embeddingProtocolOf, embedTexts } from '../../../src/core/embeddings/embedTexts';
import { resolveProviderEntry, type ResolvedProviderEntry } from '../../../src/core/providers/createChatProvider';
import type { ProviderEntry } from '../../../src/core/providers/providerEntry';
import { geminiEmbeddingsAnswer, ollamaEmbedAnswer, ollamaModelNotPulled, openAiEmbeddingsAnswer } from '../fakes/embeddingsFakes';
import { expectProviderFailure } from '../fakes/expectProviderFailure';
import { fakeServerPerTest } from '../fakes/fakeServerPerTest';
import { geminiError, geminiRateLimited } from '../fakes/geminiFake';
import { openAiError, openAiInvalidKey, openAiRateLimited } from '../fakes/openAiFake';

const key = 'sk-test-EMBEDDINGKEY000000000000';

describe('embeddings (embedTexts)', () => {
  const fake = fakeServerPerTest();
  const entry = (setting: ProviderEntry): ResolvedProviderEntry => resolveProviderEntry(setting);
  const openAi = (): ResolvedProviderEntry => entry({ id: 'openai', baseUrl: `${fake.server.origin}/v1` });
  const embed = (on: ResolvedProviderEntry, model: string, texts: string[]): Promise<number[][]> =>
    embedTexts(on, { apiKey: key }, fake.client(), model, texts);

  describe('OpenAI-compatible', () => {
    it('posts {model, input} to {base}/embeddings with the key and reads data[] in index order', async () => {
      fake.server.enqueue(
        openAiEmbeddingsAnswer(
          'text-embedding-3-small',
          [
            [1, 0, 0],
            [0, 1, 0],
          ],
          { reversed: true },
        ),
      );
      const vectors = await embed(openAi(), 'text-embedding-3-small', ['first', 'second']);
      assert.deepEqual(vectors, [
        [1, 0, 0],
        [0, 1, 0],
      ]);
      const request = fake.server.requests[0]!;
      assert.equal(request.method, 'POST');
      assert.equal(request.url, '/v1/embeddings');
      assert.equal(request.headers.authorization, `Bearer ${key}`);
      assert.deepEqual(JSON.parse(request.body), { model: 'text-embedding-3-small', input: ['first', 'second'] });
    });

    it('reports a bad model (400) as bad-request, quoting OpenAI', async () => {
      fake.server.enqueue(openAiError(400, { message: "Invalid model 'text-embedding-9'.", param: 'model', code: 'invalid_model' }));
      const error = await expectProviderFailure(embed(openAi(), 'text-embedding-9', ['q']), [key]);
      assert.equal(error.kind, 'bad-request');
      assert.equal(error.status, 400);
      assert.match(error.message, /text-embedding-9/);
    });

    it('reports a wrong key (401) as auth without the key', async () => {
      fake.server.enqueue(openAiInvalidKey(key));
      const error = await expectProviderFailure(embed(openAi(), 'text-embedding-3-small', ['q']), [key]);
      assert.equal(error.kind, 'auth');
    });

    it('reports a rate limit (429) at once, without retrying', async () => {
      fake.server.enqueue(openAiRateLimited({ model: 'text-embedding-3-small', retryAfterSeconds: 1 }));
      const error = await expectProviderFailure(embed(openAi(), 'text-embedding-3-small', ['q']));
      assert.equal(error.kind, 'rate-limit');
      assert.equal(fake.server.requests.length, 1);
    });

    it('refuses an answer with a vector of another length, or one vector too few', async () => {
      fake.server.enqueue(
        openAiEmbeddingsAnswer('m', [
          [1, 0, 0],
          [0, 1],
        ]),
      );
      const uneven = await expectProviderFailure(embed(openAi(), 'm', ['a', 'b']));
      assert.equal(uneven.kind, 'invalid-response');
      assert.equal(uneven.messageId, 'embeddings.wrongLength');
      fake.server.enqueue(openAiEmbeddingsAnswer('m', [[1, 0, 0]]));
      const short = await expectProviderFailure(embed(openAi(), 'm', ['a', 'b']));
      assert.equal(short.messageId, 'embeddings.wrongCount');
      assert.match(short.message, /1 vectors for 2 texts/);
    });

    it('refuses an answer without data, saying what was expected', async () => {
      fake.server.enqueue({ status: 200, headers: { 'content-type': 'application/json' }, chunks: ['{"object":"list"}'] });
      const error = await expectProviderFailure(embed(openAi(), 'm', ['a']));
      assert.equal(error.kind, 'invalid-response');
      assert.match(error.message, /data/);
    });

    it('asks for a key before sending anything when the entry needs one', async () => {
      const error = await expectProviderFailure(embedTexts(openAi(), {}, fake.client(), 'm', ['a']));
      assert.equal(error.kind, 'auth');
      assert.equal(fake.server.requests.length, 0);
    });
  });

  describe('Gemini', () => {
    const gemini = (): ResolvedProviderEntry => entry({ id: 'gemini', baseUrl: `${fake.server.origin}/v1beta` });

    it('posts every text in one batchEmbedContents request with x-goog-api-key', async () => {
      fake.server.enqueue(
        geminiEmbeddingsAnswer([
          [0.5, 0.5],
          [0.1, 0.9],
        ]),
      );
      const vectors = await embed(gemini(), 'gemini-embedding-001', ['one', 'two']);
      assert.deepEqual(vectors, [
        [0.5, 0.5],
        [0.1, 0.9],
      ]);
      const request = fake.server.requests[0]!;
      assert.equal(request.url, '/v1beta/models/gemini-embedding-001:batchEmbedContents');
      assert.equal(request.headers['x-goog-api-key'], key);
      assert.equal(request.headers.authorization, undefined);
      assert.deepEqual(JSON.parse(request.body), {
        requests: [
          { model: 'models/gemini-embedding-001', content: { parts: [{ text: 'one' }] } },
          { model: 'models/gemini-embedding-001', content: { parts: [{ text: 'two' }] } },
        ],
      });
    });

    it('reports a bad model (400 INVALID_ARGUMENT) and a rate limit (429)', async () => {
      fake.server.enqueue(geminiError(400, 'INVALID_ARGUMENT', 'models/embedding-9 is not found for API version v1beta.'));
      assert.equal((await expectProviderFailure(embed(gemini(), 'embedding-9', ['q']), [key])).kind, 'bad-request');
      fake.server.enqueue(geminiRateLimited({ model: 'gemini-embedding-001' }));
      assert.equal((await expectProviderFailure(embed(gemini(), 'gemini-embedding-001', ['q']))).kind, 'rate-limit');
    });

    it('refuses a batch answer with an empty vector', async () => {
      fake.server.enqueue(geminiEmbeddingsAnswer([[]]));
      assert.equal((await expectProviderFailure(embed(gemini(), 'gemini-embedding-001', ['q']))).messageId, 'embeddings.wrongLength');
    });
  });

  describe('Ollama', () => {
    const ollama = (): ResolvedProviderEntry => entry({ id: 'ollama', baseUrl: `${fake.server.origin}/v1`, headers: { 'x-team': 'blue' } });

    it('posts {model, input} to /api/embed beside the /v1 base URL, with the entry’s headers and no key', async () => {
      fake.server.enqueue(ollamaEmbedAnswer('nomic-embed-text', [[0.2, 0.3, 0.4]]));
      assert.deepEqual(await embed(ollama(), 'nomic-embed-text', ['why is the sky blue?']), [[0.2, 0.3, 0.4]]);
      const request = fake.server.requests[0]!;
      assert.equal(request.url, '/api/embed');
      assert.equal(request.headers['x-team'], 'blue');
      assert.equal(request.headers.authorization, undefined);
      assert.deepEqual(JSON.parse(request.body), { model: 'nomic-embed-text', input: ['why is the sky blue?'] });
    });

    it('reports a model that is not pulled as not-found, quoting Ollama', async () => {
      fake.server.enqueue(ollamaModelNotPulled('nomic-embed-text'));
      const error = await expectProviderFailure(embed(ollama(), 'nomic-embed-text', ['q']));
      assert.equal(error.kind, 'not-found');
      assert.match(error.message, /try pulling it first/);
    });
  });

  it('refuses a provider without embeddings before sending anything', async () => {
    const anthropic = entry({ id: 'anthropic', baseUrl: fake.server.origin });
    const error = await expectProviderFailure(embed(anthropic, 'claude', ['q']));
    assert.equal(error.kind, 'bad-request');
    assert.equal(error.messageId, 'embeddings.unsupported');
    assert.equal(fake.server.requests.length, 0);
  });

  it('knows each protocol and the default embedding model of the providers that have one', () => {
    const at = (setting: ProviderEntry): ResolvedProviderEntry => resolveProviderEntry(setting);
    assert.equal(embeddingProtocolOf(at({ id: 'ollama' })), 'ollama');
    assert.equal(embeddingProtocolOf(at({ id: 'groq' })), 'openai');
    assert.equal(embeddingProtocolOf(at({ id: 'sydney' })), undefined);
    assert.equal(defaultEmbeddingModel(at({ id: 'openai' })), 'text-embedding-3-small');
    assert.equal(defaultEmbeddingModel(at({ id: 'work', kind: 'openai', baseUrl: 'https://api.openai.com/v1' })), 'text-embedding-3-small');
    assert.equal(defaultEmbeddingModel(at({ id: 'gemini' })), 'gemini-embedding-001');
    assert.equal(defaultEmbeddingModel(at({ id: 'ollama' })), 'nomic-embed-text');
    assert.equal(defaultEmbeddingModel(at({ id: 'openrouter' })), undefined);
    assert.equal(defaultEmbeddingModel(at({ id: 'anthropic' })), undefined);
  });
});
