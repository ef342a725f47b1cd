// The semantic cache's store: similarity at the threshold, entries kept apart by chat model, embedding model and
// system prompt, least recently used dropped first, and the file in global storage (written atomically, read back by
// the next session; a damaged one reported and replaced).
import * as assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { cosineSimilarity } from '../../../src/core/semanticCache/cosineSimilarity';
import { SemanticCache, semanticScope } from '../../../src/core/semanticCache/semanticCache';
import { semanticCacheOptions } from '../../../src/core/semanticCache/semanticCacheSetting';

const key = { model: 'openai/gpt-4o-mini', embeddingModel: 'openai/text-embedding-3-small', scope: semanticScope(undefined) };

describe('semantic cache store', () => {
  let dir: string;
  let now = 1_000;
  const clock = { now: (): number => now };
  beforeEach(() => {
    dir = mkdtempSync(path.join(tmpdir(), 'semantic-cache-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('measures cosine similarity, and never matches vectors of different lengths', () => {
    assert.equal(cosineSimilarity([1, 0], [1, 0]), 1);
    assert.equal(cosineSimilarity([1, 0], [0, 1]), 0);
    assert.ok(Math.abs(cosineSimilarity([1, 1], [1, 0]) - Math.SQRT1_2) < 1e-12);
    assert.equal(cosineSimilarity([1, 0, 0], [1, 0]), -1);
    assert.equal(cosineSimilarity([0, 0], [0, 0]), -1);
  });

  it('finds a similar question at or above the threshold, and not below it', async () => {
    const cache = new SemanticCache({ clock });
    await cache.put({ ...key, question: 'How do I reverse a list in Python?', answer: 'Use reversed().', embedding: [1, 0, 0] });
    const near = await cache.find(key, [0.95, 0.312, 0], 0.92);
    assert.equal(near?.entry.answer, 'Use reversed().');
    assert.equal(near?.entry.question, 'How do I reverse a list in Python?');
    assert.equal(await cache.find(key, [0.9, 0.436, 0], 0.92), undefined);
    assert.equal(await cache.find(key, [1, 0], 0.5), undefined, 'another embedding length is never a match');
  });

  it('keeps models, embedding models and system prompts apart', async () => {
    const cache = new SemanticCache({ clock });
    await cache.put({ ...key, question: 'q', answer: 'a', embedding: [1, 0] });
    assert.ok(await cache.find(key, [1, 0], 0.99));
    assert.equal(await cache.find({ ...key, model: 'openai/gpt-4o' }, [1, 0], 0.5), undefined);
    assert.equal(await cache.find({ ...key, embeddingModel: 'ollama/nomic-embed-text' }, [1, 0], 0.5), undefined);
    assert.equal(await cache.find({ ...key, scope: semanticScope('Answer in French.') }, [1, 0], 0.5), undefined);
  });

  it('drops the least recently used entry first when full', async () => {
    const cache = new SemanticCache({ clock, maxEntries: 2 });
    now = 1;
    await cache.put({ ...key, question: 'first', answer: '1', embedding: [1, 0, 0] });
    now = 2;
    await cache.put({ ...key, question: 'second', answer: '2', embedding: [0, 1, 0] });
    now = 3;
    assert.equal((await cache.find(key, [1, 0, 0], 0.99))?.entry.question, 'first'); // used: now the newest
    now = 4;
    await cache.put({ ...key, question: 'third', answer: '3', embedding: [0, 0, 1] });
    assert.equal(await cache.size(), 2);
    assert.equal(await cache.find(key, [0, 1, 0], 0.99), undefined, 'second was the least recently used');
    assert.ok(await cache.find(key, [1, 0, 0], 0.99));
  });

  it('writes its file atomically and the next session reads it back', async () => {
    const file = path.join(dir, 'semantic-cache.json');
    const first = new SemanticCache({ file, clock });
    await first.put({ ...key, question: 'What is a closure?', answer: 'A function with its scope.', embedding: [0.25, -0.5, 0.75] });
    await first.flush();
    const stored = JSON.parse(readFileSync(file, 'utf8')) as { version: number; entries: { question: string; embedding: string }[] };
    assert.equal(stored.version, 1);
    assert.equal(stored.entries[0]?.question, 'What is a closure?');
    assert.equal(typeof stored.entries[0]?.embedding, 'string');
    const second = new SemanticCache({ file, clock });
    const hit = await second.find(key, [0.25, -0.5, 0.75], 0.999);
    assert.equal(hit?.entry.answer, 'A function with its scope.');
    assert.deepEqual([...hit!.entry.embedding], [0.25, -0.5, 0.75]);
  });

  it('reports a damaged file and starts empty, then replaces it', async () => {
    const file = path.join(dir, 'semantic-cache.json');
    writeFileSync(file, '{"version": 1, "entries": [ {"truncated');
    const problems: unknown[] = [];
    const cache = new SemanticCache({ file, clock, onError: (error) => problems.push(error) });
    assert.equal(await cache.size(), 0);
    assert.equal(problems.length, 1);
    await cache.put({ ...key, question: 'q', answer: 'a', embedding: [1] });
    await cache.flush();
    assert.equal((JSON.parse(readFileSync(file, 'utf8')) as { entries: unknown[] }).entries.length, 1);
  });

  it('reads the setting: off by default, true with the defaults, an object with its own values', () => {
    assert.deepEqual(semanticCacheOptions(undefined), { enabled: false, threshold: 0.92, maxEntries: 200 });
    assert.deepEqual(semanticCacheOptions(true), { enabled: true, threshold: 0.92, maxEntries: 200 });
    assert.deepEqual(semanticCacheOptions({ embeddingModel: ' ollama/nomic-embed-text ', threshold: 0.95, maxEntries: 50 }), {
      enabled: true,
      embeddingModel: 'ollama/nomic-embed-text',
      threshold: 0.95,
      maxEntries: 50,
    });
    assert.equal(semanticCacheOptions({ enabled: false }).enabled, false);
  });
});
