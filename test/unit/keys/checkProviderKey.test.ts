// "Set API Key" checks a key against the provider at once. Against fakes that answer as the live services do:
// Gemini rejects a key with HTTP 400 API_KEY_INVALID (not 401), and OpenRouter's model list is public, so only its
// `/key` endpoint tells a good key from a bad one.
import * as assert from 'node:assert/strict';
import { isOpenRouter } from '../../../src/core/keys/checkOpenRouterKey';
import { checkProviderKey, type KeyCheck } from '../../../src/core/keys/checkProviderKey';
import { resolveProviderEntry } from '../../../src/core/providers/createChatProvider';
import type { ProviderEntry } from '../../../src/core/providers/providerEntry';
import { fakeServerPerTest } from '../fakes/fakeServerPerTest';
import { geminiModels } from '../fakes/geminiFake';
import { geminiExpiredKey, geminiInvalidKey, geminiReferrerBlocked } from '../fakes/geminiKeyErrors';
import { openAiModels } from '../fakes/openAiFake';
import { openRouterHandler } from '../fakes/openRouterKeyFake';

// Made up for these tests; they only ever reach the local fakes.
const goodKey = 'sk-or-v1-GOODFAKEKEY0123456789abcdef0123456789abcdef';
const badKey = 'sk-or-v1-BADFAKEKEY99999999999999999999999999999999';
const geminiKey = 'AIzaFAKEFAKEFAKEFAKEFAKEFAKEFAKEFAKE123';

describe('checkProviderKey', () => {
  const fake = fakeServerPerTest();

  const check = (entry: ProviderEntry, apiKey?: string): Promise<KeyCheck> =>
    checkProviderKey(resolveProviderEntry(entry), apiKey === undefined ? {} : { apiKey }, fake.client());

  function rejected(result: KeyCheck): Extract<KeyCheck, { result: 'rejected' }> {
    assert.equal(result.result, 'rejected', JSON.stringify(result));
    return result as Extract<KeyCheck, { result: 'rejected' }>;
  }

  describe('Gemini', () => {
    const gemini: ProviderEntry = { id: 'gemini', baseUrl: '' };
    const entry = (): ProviderEntry => ({ ...gemini, baseUrl: `${fake.server.origin}/v1beta` });

    it('reports a key answered with 400 API_KEY_INVALID as rejected, without the key the server echoed', async () => {
      fake.server.enqueue(geminiInvalidKey(geminiKey));
      const result = rejected(await check(entry(), geminiKey));
      assert.equal(result.error.kind, 'auth');
      assert.equal(result.error.status, 400);
      assert.equal(result.error.code, 'API_KEY_INVALID');
      assert.equal(result.error.message, 'The gemini API key was rejected (400). Set a new key with “Switchboard: Set API Key”.');
      assert.ok(!JSON.stringify(result.error.toJSON()).includes(geminiKey));
      assert.equal(fake.server.requests[0]?.headers['x-goog-api-key'], geminiKey);
      assert.equal(fake.server.requests.length, 1, 'a rejected key is not asked again');
    });

    it('says so when the key has expired', async () => {
      fake.server.enqueue(geminiExpiredKey());
      const result = rejected(await check(entry(), geminiKey));
      assert.match(result.error.message, /^The gemini API key has expired \(400\)\. Set a new key/);
    });

    it('reports a key restricted to some websites as rejected, saying what to change', async () => {
      fake.server.enqueue(geminiReferrerBlocked());
      const result = rejected(await check(entry(), geminiKey));
      assert.equal(result.error.kind, 'auth');
      assert.match(result.error.message, /only works from certain websites \(HTTP referrers\) \(403\).*application restrictions to None/);
    });

    it('counts the chat models of a good key', async () => {
      fake.server.enqueue(
        geminiModels([
          { name: 'models/gemini-2.5-flash', methods: ['generateContent', 'countTokens'] },
          { name: 'models/text-embedding-004', methods: ['embedContent'] },
        ]),
      );
      assert.deepEqual(await check(entry(), geminiKey), { result: 'works', models: 1 });
    });
  });

  describe('OpenRouter', () => {
    const entry = (over: Partial<ProviderEntry> = {}): ProviderEntry => ({
      id: 'openrouter',
      baseUrl: `${fake.server.origin}/api/v1`,
      ...over,
    });

    it('rejects a bad key with GET /key (401), though the public model list would have answered', async () => {
      fake.server.onRequest(openRouterHandler({ goodKey, key: { limit: 5, usage: 0.1 } }));
      const result = rejected(await check(entry(), badKey));
      assert.equal(result.error.kind, 'auth');
      assert.equal(result.error.status, 401);
      assert.match(result.error.message, /^The openrouter API key was rejected \(401\)\./);
      assert.ok(!result.error.message.includes(badKey));
      assert.deepEqual(
        fake.server.requests.map((r) => `${r.method} ${r.url}`),
        ['GET /api/v1/key'],
      );
      assert.equal(fake.server.requests[0]?.headers.authorization, `Bearer ${badKey}`);
      // The preset's attribution headers go along, as on every OpenRouter request.
      assert.equal(fake.server.requests[0]?.headers['x-title'], 'Switchboard');
    });

    it('reports what a good key with a limit may still spend', async () => {
      fake.server.onRequest(openRouterHandler({ goodKey, key: { limit: 5, usage: 0.1015644762 } }));
      const result = await check(entry(), goodKey);
      assert.equal(result.result, 'works');
      assert.ok(result.result === 'works');
      assert.equal(result.creditUnit, 'usd');
      assert.equal(result.creditLimit, 5);
      assert.ok(Math.abs((result.credits ?? Number.NaN) - 4.8984355238) < 1e-9, String(result.credits));
      assert.equal(result.creditsUsed, 0.1015644762);
    });

    it('reports a key without a limit as unlimited, with what it has spent', async () => {
      fake.server.onRequest(openRouterHandler({ goodKey, key: { limit: null, usage: 12.5 } }));
      assert.deepEqual(await check(entry(), goodKey), { result: 'works', creditUnit: 'usd', creditLimit: null, creditsUsed: 12.5 });
    });

    it('checks an entry of any id whose base URL is on openrouter.ai the same way', () => {
      const resolved = (over: Partial<ProviderEntry>) =>
        resolveProviderEntry({ id: 'x', kind: 'openai', baseUrl: 'https://example.com/v1', ...over });
      assert.equal(isOpenRouter(resolved({ id: 'my-router', baseUrl: 'https://openrouter.ai/api/v1' })), true);
      assert.equal(isOpenRouter(resolved({ id: 'eu-router', baseUrl: 'https://eu.openrouter.ai/api/v1' })), true);
      assert.equal(isOpenRouter(resolved({ id: 'openrouter', baseUrl: 'http://127.0.0.1:9/api/v1' })), true);
      assert.equal(isOpenRouter(resolved({ id: 'groq', baseUrl: 'https://api.groq.com/openai/v1' })), false);
      assert.equal(isOpenRouter(resolved({ id: 'lookalike', baseUrl: 'https://openrouter.ai.example.com/v1' })), false);
    });

    it('falls back to the model list when an `openrouter` entry points at a gateway without /key', async () => {
      fake.server.onRequest((request) =>
        request.url.startsWith('/api/v1/models')
          ? openAiModels(['meta-llama/llama-3.1-8b-instruct'])
          : { status: 404, headers: { 'content-type': 'application/json' }, chunks: ['{"detail":"Not Found"}'] },
      );
      assert.deepEqual(await check(entry(), goodKey), { result: 'works', models: 1 });
      assert.deepEqual(
        fake.server.requests.map((r) => r.url.split('?')[0]),
        ['/api/v1/key', '/api/v1/models'],
      );
    });

    it('reports a gateway error on /key as unreachable, not as a rejected key', async () => {
      fake.server.onRequest(() => ({
        status: 502,
        headers: { 'content-type': 'text/html' },
        chunks: ['<html><head><title>502 Bad Gateway</title></head></html>'],
      }));
      const result = await checkProviderKey(resolveProviderEntry(entry()), { apiKey: goodKey }, fake.client({ maxRetries: 0 }));
      assert.equal(result.result, 'unreachable', JSON.stringify(result));
    });
  });
});
