import * as assert from 'node:assert/strict';
import type { ChatEvent, ChatRequest } from '../../../src/core/chat/chatTypes';
import { ResponseCache, responseCacheKey, type ResponseCacheStorage } from '../../../src/core/chat/responseCache';
import { withResponseCache } from '../../../src/core/chat/withResponseCache';
import { FakeClock } from './fakeClock';
import { answer, collect, fakeProvider, providerError, textOf, types } from './fakeProvider';

class MemoryStorage implements ResponseCacheStorage {
  readonly values = new Map<string, string>();
  writes = 0;
  get(key: string): Promise<string | undefined> {
    return Promise.resolve(this.values.get(key));
  }
  update(key: string, value: string): Promise<void> {
    this.writes += 1;
    this.values.set(key, value);
    return Promise.resolve();
  }
}

const request: ChatRequest = {
  model: 'gpt-4o',
  messages: [{ role: 'user', parts: [{ type: 'text', text: 'What is 2+2?' }] }],
  systemPrompt: 'Be brief.',
  temperature: 0,
  maxTokens: 50,
};
const keyA = responseCacheKey('openai', request);
const answerA = { provider: 'openai', model: 'gpt-4o', text: '4', usage: { inputTokens: 12, outputTokens: 1 } };

describe('responseCacheKey', () => {
  it('is a sha256 of provider, model, messages, system prompt, temperature and maxTokens — nothing else', () => {
    assert.match(keyA, /^[0-9a-f]{64}$/);
    const withSignal: ChatRequest = { ...request, signal: new AbortController().signal };
    assert.equal(responseCacheKey('openai', withSignal), keyA);
    for (const changed of [
      responseCacheKey('groq', request),
      responseCacheKey('openai', { ...request, model: 'gpt-4o-mini' }),
      responseCacheKey('openai', { ...request, messages: [{ role: 'user', parts: [{ type: 'text', text: 'What is 2+3?' }] }] }),
      responseCacheKey('openai', { ...request, messages: [{ role: 'assistant', parts: [{ type: 'text', text: 'What is 2+2?' }] }] }),
      responseCacheKey('openai', withoutSystemPrompt(request)),
      responseCacheKey('openai', { ...request, temperature: 0.7 }),
      responseCacheKey('openai', { ...request, maxTokens: 51 }),
    ]) {
      assert.notEqual(changed, keyA);
    }
  });
});

describe('ResponseCache', () => {
  it('is off unless enabled', () => {
    assert.equal(new ResponseCache().enabled, false);
    assert.equal(new ResponseCache({ enabled: true }).enabled, true);
  });

  it('misses, then hits after put', async () => {
    const cache = new ResponseCache({ enabled: true, clock: new FakeClock() });
    assert.equal(await cache.get(keyA), undefined);
    await cache.put(keyA, answerA);
    assert.deepEqual(await cache.get(keyA), answerA);
  });

  it('expires entries after the TTL', async () => {
    const clock = new FakeClock();
    const cache = new ResponseCache({ enabled: true, clock, ttlMs: 60_000 });
    await cache.put(keyA, answerA);
    clock.time += 59_999;
    assert.ok(await cache.get(keyA));
    clock.time += 1;
    assert.equal(await cache.get(keyA), undefined);
    assert.equal(cache.size, 0);
  });

  it('evicts the least recently used entry beyond maxEntries', async () => {
    const cache = new ResponseCache({ enabled: true, clock: new FakeClock(), maxEntries: 2 });
    const keys = ['a', 'b', 'c'].map((content) =>
      responseCacheKey('p', { model: 'm', messages: [{ role: 'user', parts: [{ type: 'text', text: content }] }] }),
    );
    const [a = '', b = '', c = ''] = keys;
    await cache.put(a, { ...answerA, text: 'A' });
    await cache.put(b, { ...answerA, text: 'B' });
    assert.ok(await cache.get(a), 'a becomes the most recently used');
    await cache.put(c, { ...answerA, text: 'C' });
    assert.equal(await cache.get(b), undefined, 'b was the least recently used');
    assert.equal((await cache.get(a))?.text, 'A');
    assert.equal((await cache.get(c))?.text, 'C');
  });

  it('keeps within maxBytes, and does not store an answer bigger than the whole budget', async () => {
    const cache = new ResponseCache({ enabled: true, clock: new FakeClock(), maxBytes: 1_000 });
    const key = (n: number): string =>
      responseCacheKey('p', { model: 'm', messages: [{ role: 'user', parts: [{ type: 'text', text: String(n) }] }] });
    for (let i = 0; i < 5; i += 1) await cache.put(key(i), { ...answerA, text: 'x'.repeat(300) });
    assert.ok(cache.size < 5 && cache.size > 0);
    assert.ok(await cache.get(key(4)), 'the newest stays');
    assert.equal(await cache.get(key(0)), undefined, 'the oldest went');
    await cache.put(key(9), { ...answerA, text: 'y'.repeat(2_000) });
    assert.equal(await cache.get(key(9)), undefined);
  });

  it('persists through the storage interface and reloads lazily, without the prompt or any key', async () => {
    const clock = new FakeClock();
    const storage = new MemoryStorage();
    const first = new ResponseCache({ enabled: true, clock, storage });
    await first.put(keyA, answerA);
    await first.flush();
    assert.equal(storage.writes, 1);
    const stored = storage.values.get('switchboard.responseCache') ?? '';
    assert.ok(!stored.includes('What is 2+2?'), 'only the hash of the prompt is stored');
    assert.ok(!stored.includes('Be brief.'));

    let reads = 0;
    const counting: ResponseCacheStorage = {
      get: (key) => {
        reads += 1;
        return storage.get(key);
      },
      update: (key, value) => storage.update(key, value),
    };
    const second = new ResponseCache({ enabled: true, clock, storage: counting });
    assert.equal(reads, 0, 'nothing is read before first use');
    assert.deepEqual(await second.get(keyA), answerA);
    await second.get(keyA);
    assert.equal(reads, 1);
  });

  it('drops expired entries when reloading', async () => {
    const clock = new FakeClock();
    const storage = new MemoryStorage();
    const first = new ResponseCache({ enabled: true, clock, storage, ttlMs: 1_000 });
    await first.put(keyA, answerA);
    await first.flush();
    clock.time += 1_000;
    assert.equal(await new ResponseCache({ enabled: true, clock, storage, ttlMs: 1_000 }).get(keyA), undefined);
  });

  it('tolerates a corrupt stored value: starts empty, reports it, and overwrites it on the next put', async () => {
    for (const corrupt of [
      '{not json',
      '"a string"',
      '{"version":2,"entries":[]}',
      JSON.stringify({ version: 1, entries: [{ key: 'short' }, 42] }),
    ]) {
      const storage = new MemoryStorage();
      storage.values.set('switchboard.responseCache', corrupt);
      const errors: unknown[] = [];
      const clock = new FakeClock();
      const cache = new ResponseCache({ enabled: true, clock, storage, onError: (error) => void errors.push(error) });
      assert.equal(await cache.get(keyA), undefined);
      assert.equal(cache.size, 0);
      await cache.put(keyA, answerA);
      await cache.flush();
      assert.deepEqual(await new ResponseCache({ enabled: true, clock, storage }).get(keyA), answerA, corrupt);
      if (!corrupt.startsWith('{"version":1')) assert.equal(errors.length, 1, `reported: ${corrupt}`);
    }
  });

  it('keeps the valid entries of a partly damaged value', async () => {
    const storage = new MemoryStorage();
    const clock = new FakeClock();
    const good = { key: keyA, ...answerA, storedAt: clock.now() };
    storage.values.set('switchboard.responseCache', JSON.stringify({ version: 1, entries: [{ key: 'junk' }, good] }));
    assert.deepEqual(await new ResponseCache({ enabled: true, clock, storage }).get(keyA), answerA);
  });

  it('keeps working in memory when the storage fails', async () => {
    const errors: unknown[] = [];
    const broken: ResponseCacheStorage = {
      get: () => Promise.reject(new Error('read failed')),
      update: () => Promise.reject(new Error('write failed')),
    };
    const cache = new ResponseCache({ enabled: true, storage: broken, onError: (error) => void errors.push(error) });
    await cache.put(keyA, answerA);
    await cache.flush();
    assert.deepEqual(await cache.get(keyA), answerA);
    assert.deepEqual(
      errors.map((error) => (error as Error).message),
      ['read failed', 'write failed'],
    );
  });

  it('clear() empties memory and storage', async () => {
    const storage = new MemoryStorage();
    const clock = new FakeClock();
    const cache = new ResponseCache({ enabled: true, clock, storage });
    await cache.put(keyA, answerA);
    await cache.clear();
    assert.equal(await cache.get(keyA), undefined);
    assert.equal(await new ResponseCache({ enabled: true, clock, storage }).get(keyA), undefined);
  });
});

describe('withResponseCache', () => {
  it('passes everything through when the cache is off', async () => {
    const inner = fakeProvider('openai', [answer('openai', 'gpt-4o', '4')]);
    const provider = withResponseCache(inner, new ResponseCache());
    await collect(provider.streamChat(request));
    await collect(provider.streamChat(request));
    assert.equal(inner.requests.length, 2);
  });

  it('replays a completed answer as model (cached), one text-delta, usage and done', async () => {
    const inner = fakeProvider('openai', [
      [
        { type: 'model', provider: 'openai', model: 'gpt-4o-2024-08-06' },
        { type: 'text-delta', text: 'Two plus two ' },
        { type: 'text-delta', text: 'is 4.' },
        { type: 'usage', usage: { inputTokens: 12 } },
        { type: 'usage', usage: { outputTokens: 6 } },
        { type: 'done', finishReason: 'stop' },
      ],
    ]);
    const cache = new ResponseCache({ enabled: true });
    const provider = withResponseCache(inner, cache);
    const first = await collect(provider.streamChat(request));
    assert.equal(textOf(first), 'Two plus two is 4.');
    const second = await collect(provider.streamChat(request));
    assert.equal(inner.requests.length, 1);
    assert.deepEqual(second, [
      { type: 'model', provider: 'openai', model: 'gpt-4o-2024-08-06', cached: true },
      { type: 'text-delta', text: 'Two plus two is 4.' },
      { type: 'usage', usage: { inputTokens: 12, outputTokens: 6 } },
      { type: 'done', finishReason: 'stop' },
    ]);
    await collect(provider.streamChat({ ...request, temperature: 1 }));
    assert.equal(inner.requests.length, 2, 'a different request is a miss');
  });

  it('never stores partial, failed, truncated, filtered or stopped answers', async () => {
    const scripts: ChatEvent[][] = [
      [
        { type: 'model', provider: 'openai', model: 'gpt-4o' },
        { type: 'text-delta', text: 'Half' },
        { type: 'error', error: providerError('network', 'openai') },
      ],
      [
        { type: 'model', provider: 'openai', model: 'gpt-4o' },
        { type: 'text-delta', text: 'Cut off' },
        { type: 'done', finishReason: 'length' },
      ],
      [
        { type: 'text-delta', text: 'Stopped' },
        { type: 'done', finishReason: 'cancelled' },
      ],
      [{ type: 'done', finishReason: 'content-filter' }],
      [
        { type: 'model', provider: 'openai', model: 'gpt-4o' },
        { type: 'done', finishReason: 'stop' },
      ],
    ];
    for (const script of scripts) {
      const cache = new ResponseCache({ enabled: true });
      const provider = withResponseCache(fakeProvider('openai', [script]), cache);
      assert.deepEqual(types(await collect(provider.streamChat(request))), types(script));
      assert.equal(cache.size, 0, JSON.stringify(types(script)));
    }
  });

  it('does not store an answer whose request was aborted, and a stopped request does not read the cache', async () => {
    const controller = new AbortController();
    const cache = new ResponseCache({ enabled: true });
    const inner = fakeProvider('openai', [
      async function* () {
        yield* answer('openai', 'gpt-4o', '4').slice(0, 2);
        controller.abort();
        yield { type: 'done', finishReason: 'stop' } as const;
      },
    ]);
    const provider = withResponseCache(inner, cache);
    await collect(provider.streamChat({ ...request, signal: controller.signal }));
    assert.equal(cache.size, 0);
    await cache.put(keyA, answerA);
    assert.deepEqual(await collect(provider.streamChat({ ...request, signal: AbortSignal.abort() })), [
      { type: 'done', finishReason: 'cancelled' },
    ]);
  });
});

/** The request without its system prompt (as a request that never had one). */
function withoutSystemPrompt<T extends { systemPrompt?: string }>(request: T): Omit<T, 'systemPrompt'> {
  const { systemPrompt: _dropped, ...rest } = request;
  return rest;
}
