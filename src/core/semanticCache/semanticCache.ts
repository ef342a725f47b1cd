// The semantic cache's store (docs/moderation-and-caching.md): earlier questions with their answers and embeddings,
// per chat model, found again by a similar question rather than the same bytes.
//
// - An entry belongs to one chat model (`providerId/modelId`), one embedding model (vectors of different models are
//   never compared) and one scope (a hash of the system prompt: the same question under other instructions is another
//   question). Only entries of the same three are compared.
// - Bounded: at most `maxEntries` over all models, the least recently used (found or stored) dropped first.
// - Persisted in one JSON file in the extension's global storage, written atomically (atomicWriteFile.ts) after each
//   change, writes serialized and coalesced; read on first use. A file that is missing starts empty; one that cannot
//   be read is reported through `onError`, and the cache starts empty (it is only a cache: the next write replaces it).
//   Without a file the cache lives in memory for the session.
// - Vectors are kept as base64 of 32-bit floats: a 1,536-dimension embedding is 8 KB instead of ~30 KB of JSON digits.
import { createHash } from 'node:crypto';
import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import * as z from 'zod/mini';
import type { Clock } from '../chat/clock';
import { atomicWriteFile } from '../conversations/atomicWriteFile';
import { cosineSimilarity } from './cosineSimilarity';

export interface SemanticEntryKey {
  /** `providerId/modelId` of the chat model that answered. */
  model: string;
  /** `providerId/modelId` of the embedding model. */
  embeddingModel: string;
  /** semanticScope(systemPrompt). */
  scope: string;
}

export interface SemanticEntry extends SemanticEntryKey {
  question: string;
  answer: string;
  embedding: Float32Array;
  createdAt: number;
  usedAt: number;
}

export interface SemanticHit {
  entry: SemanticEntry;
  similarity: number;
}

export interface SemanticCacheStoreOptions {
  /** The JSON file; absent: memory only. */
  file?: string;
  maxEntries?: number;
  clock?: Pick<Clock, 'now'>;
  /** Told when the file cannot be read or written (the cache keeps working in memory). */
  onError?: (error: unknown) => void;
}

const fileSchema = z.object({
  version: z.literal(1),
  entries: z.array(
    z.object({
      model: z.string(),
      embeddingModel: z.string(),
      scope: z.string(),
      question: z.string(),
      answer: z.string(),
      embedding: z.string(),
      createdAt: z.number(),
      usedAt: z.number(),
    }),
  ),
});

/** The scope of a question: its system prompt, hashed (the prompt itself is not stored twice). */
export function semanticScope(systemPrompt: string | undefined): string {
  return createHash('sha256')
    .update(systemPrompt ?? '')
    .digest('hex')
    .slice(0, 16);
}

export class SemanticCache {
  private entries: SemanticEntry[] | undefined;
  private loading: Promise<void> | undefined;
  private writing: Promise<void> = Promise.resolve();
  private writeQueued = false;
  private limit: number;

  constructor(private readonly options: SemanticCacheStoreOptions = {}) {
    this.limit = options.maxEntries ?? 200;
  }

  set maxEntries(value: number) {
    this.limit = value;
    if (this.entries !== undefined && this.trim()) this.save();
  }

  /** How many entries are kept (after the file was read). */
  async size(): Promise<number> {
    return (await this.all()).length;
  }

  /** The most similar entry of the same key at or above `threshold`; marks it used. */
  async find(key: SemanticEntryKey, embedding: ArrayLike<number>, threshold: number): Promise<SemanticHit | undefined> {
    let best: SemanticHit | undefined;
    for (const entry of await this.all()) {
      if (entry.model !== key.model || entry.embeddingModel !== key.embeddingModel || entry.scope !== key.scope) continue;
      const similarity = cosineSimilarity(entry.embedding, embedding);
      if (similarity >= threshold && (best === undefined || similarity > best.similarity)) best = { entry, similarity };
    }
    if (best !== undefined) {
      best.entry.usedAt = this.now();
      this.save();
    }
    return best;
  }

  /** Stores an answer (replacing one to the same question of the same key), then drops the least recently used. */
  async put(entry: SemanticEntryKey & { question: string; answer: string; embedding: ArrayLike<number> }): Promise<void> {
    const entries = await this.all();
    const now = this.now();
    const kept = entries.filter(
      (other) =>
        !(
          other.model === entry.model &&
          other.embeddingModel === entry.embeddingModel &&
          other.scope === entry.scope &&
          other.question === entry.question
        ),
    );
    kept.push({ ...entry, embedding: Float32Array.from(entry.embedding), createdAt: now, usedAt: now });
    this.entries = kept;
    this.trim();
    this.save();
  }

  /** Resolves when every change so far is on disk (or failed and was reported). */
  async flush(): Promise<void> {
    await this.loading;
    await this.writing;
  }

  private now(): number {
    return this.options.clock?.now() ?? Date.now();
  }

  private trim(): boolean {
    const entries = this.entries ?? [];
    if (entries.length <= this.limit) return false;
    entries.sort((a, b) => b.usedAt - a.usedAt);
    entries.length = this.limit;
    return true;
  }

  private async all(): Promise<SemanticEntry[]> {
    if (this.entries === undefined) {
      this.loading ??= this.load();
      await this.loading;
    }
    return this.entries ?? [];
  }

  private async load(): Promise<void> {
    const file = this.options.file;
    if (file === undefined) {
      this.entries ??= [];
      return;
    }
    let loaded: SemanticEntry[] = [];
    try {
      const parsed = fileSchema.safeParse(JSON.parse(await fs.readFile(file, 'utf8')));
      if (!parsed.success) throw new Error(`${file} is not a semantic cache file of version 1`);
      loaded = parsed.data.entries.map((entry) => ({ ...entry, embedding: decodeVector(entry.embedding) }));
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT') this.options.onError?.(error);
    }
    // Entries put while the file was being read are newer than it.
    this.entries = [...loaded, ...(this.entries ?? [])];
    this.trim();
  }

  /** Writes the entries after the write in progress, once however many changes came meanwhile. */
  private save(): void {
    const file = this.options.file;
    if (file === undefined || this.writeQueued) return;
    this.writeQueued = true;
    this.writing = this.writing.then(async () => {
      this.writeQueued = false;
      const body = JSON.stringify({
        version: 1,
        entries: (this.entries ?? []).map((entry) => ({ ...entry, embedding: encodeVector(entry.embedding) })),
      });
      try {
        await fs.mkdir(path.dirname(file), { recursive: true });
        await atomicWriteFile(file, body);
      } catch (error) {
        this.options.onError?.(error);
      }
    });
  }
}

function encodeVector(vector: Float32Array): string {
  return Buffer.from(vector.buffer, vector.byteOffset, vector.byteLength).toString('base64');
}

function decodeVector(text: string): Float32Array {
  const bytes = Buffer.from(text, 'base64');
  const copy = new Uint8Array(bytes.length - (bytes.length % 4));
  copy.set(bytes.subarray(0, copy.length));
  return new Float32Array(copy.buffer);
}
