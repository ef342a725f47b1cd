// An opt-in exact response cache (docs/requests.md, "Response cache"): the same provider, model, messages, system prompt,
// temperature and token limit get the stored answer instead of a new request. Off unless enabled.
//
// - Key: SHA-256 of those fields (nothing else of the request, and never a key or header). The prompt itself is
//   not stored, only its hash and the answer.
// - Bounded: at most `maxEntries` answers and `maxBytes` bytes, least recently used evicted first; each answer
//   lives `ttlMs` at most. An answer larger than `maxBytes` on its own is not stored.
// - Persisted through a small storage interface (the extension backs it with `globalState`): read lazily on first
//   use, written after every change (writes are serialized and coalesced). A stored value that is missing,
//   unreadable or corrupt means "start empty"; a failing write is reported through `onError`, never thrown.
// - Only complete answers go in: withResponseCache stores an answer only after `done` with finishReason `stop`.
import { createHash } from 'node:crypto';
import * as z from 'zod/mini';
import type { ChatRequest, TokenUsage } from './chatTypes';
import type { Clock } from './clock';

/** Where the cache keeps its entries between sessions (VS Code's `globalState`, or anything like it). */
export interface ResponseCacheStorage {
  get(key: string): Promise<string | undefined>;
  update(key: string, value: string): Promise<void>;
}

export interface CachedAnswer {
  /** The provider entry and the model that produced it (as the `model` event said). */
  provider: string;
  model: string;
  text: string;
  usage?: TokenUsage;
}

export interface ResponseCacheOptions {
  /** Off by default: the user opts in. */
  enabled?: boolean;
  storage?: ResponseCacheStorage;
  /** The storage key; default `switchboard.responseCache`. */
  storageKey?: string;
  /** Default 200. */
  maxEntries?: number;
  /** Default 2 MB (the whole cache is one `globalState` value). */
  maxBytes?: number;
  /** Default 24 h. */
  ttlMs?: number;
  clock?: Pick<Clock, 'now'>;
  /** Told about storage failures (the cache keeps working in memory). */
  onError?: (error: unknown) => void;
}

/** The hashed identity of a request to one provider entry. */
export function responseCacheKey(
  providerId: string,
  request: Pick<ChatRequest, 'model' | 'messages' | 'systemPrompt' | 'temperature' | 'maxTokens'>,
): string {
  const identity = [
    // v2: messages are parts (issue 13); v1 keys, from `content` strings, simply miss.
    'v2',
    providerId,
    request.model,
    request.systemPrompt ?? null,
    request.temperature ?? null,
    request.maxTokens ?? null,
    request.messages.map((message) => [message.role, message.parts]),
  ];
  return createHash('sha256').update(JSON.stringify(identity)).digest('hex');
}

const storedEntrySchema = z.object({
  key: z.string().check(z.regex(/^[0-9a-f]{64}$/)),
  provider: z.string(),
  model: z.string(),
  text: z.string(),
  usage: z.optional(
    z.object({
      inputTokens: z.optional(z.number().check(z.nonnegative())),
      outputTokens: z.optional(z.number().check(z.nonnegative())),
    }),
  ),
  storedAt: z.number(),
});
type StoredEntry = z.infer<typeof storedEntrySchema>;

const storedCacheSchema = z.object({ version: z.literal(1), entries: z.array(z.unknown()) });

interface Entry extends StoredEntry {
  bytes: number;
}

export class ResponseCache {
  enabled: boolean;
  private readonly entries = new Map<string, Entry>();
  private bytes = 0;
  private readonly storageKey: string;
  private readonly maxEntries: number;
  private readonly maxBytes: number;
  private readonly ttlMs: number;
  private readonly now: () => number;
  private loading: Promise<void> | undefined;
  private writing: Promise<void> = Promise.resolve();
  private writeQueued = false;

  constructor(private readonly options: ResponseCacheOptions = {}) {
    this.enabled = options.enabled ?? false;
    this.storageKey = options.storageKey ?? 'switchboard.responseCache';
    this.maxEntries = Math.max(1, options.maxEntries ?? 200);
    this.maxBytes = Math.max(1, options.maxBytes ?? 2_000_000);
    this.ttlMs = options.ttlMs ?? 24 * 60 * 60 * 1000;
    const clock = options.clock;
    this.now = clock ? () => clock.now() : () => Date.now();
  }

  /** Entries currently held (after loading). */
  get size(): number {
    return this.entries.size;
  }

  /** The stored answer for `key`, if any and still fresh; a hit becomes the most recently used. */
  async get(key: string): Promise<CachedAnswer | undefined> {
    await this.load();
    const entry = this.entries.get(key);
    if (entry === undefined) return undefined;
    if (this.isExpired(entry)) {
      this.remove(key);
      return undefined;
    }
    this.entries.delete(key);
    this.entries.set(key, entry);
    const answer: CachedAnswer = { provider: entry.provider, model: entry.model, text: entry.text };
    if (entry.usage !== undefined) answer.usage = { ...entry.usage };
    return answer;
  }

  /** Stores a complete answer. Resolves once it is in memory; `flush()` waits for the storage write. */
  async put(key: string, answer: CachedAnswer): Promise<void> {
    await this.load();
    const stored: StoredEntry = { key, provider: answer.provider, model: answer.model, text: answer.text, storedAt: this.now() };
    if (answer.usage !== undefined) stored.usage = { ...answer.usage };
    this.remove(key);
    if (!this.insert(stored)) return;
    this.evict();
    void this.scheduleWrite();
  }

  /** Forgets everything, in memory and in storage. */
  async clear(): Promise<void> {
    await this.load();
    this.entries.clear();
    this.bytes = 0;
    await this.scheduleWrite();
  }

  /** Waits until every change so far has been written to storage. */
  async flush(): Promise<void> {
    await this.load();
    await this.writing;
  }

  private load(): Promise<void> {
    this.loading ??= this.readStorage();
    return this.loading;
  }

  private async readStorage(): Promise<void> {
    const storage = this.options.storage;
    if (storage === undefined) return;
    let raw: string | undefined;
    try {
      raw = await storage.get(this.storageKey);
    } catch (error) {
      this.options.onError?.(error);
      return;
    }
    if (raw === undefined) return;
    let parsed: unknown;
    try {
      parsed = JSON.parse(raw);
    } catch (error) {
      this.options.onError?.(error);
      return;
    }
    const cache = z.safeParse(storedCacheSchema, parsed);
    if (!cache.success) {
      this.options.onError?.(new Error('The stored response cache has an unexpected shape; starting empty.'));
      return;
    }
    // Oldest first, as written; entries that do not fit the schema are dropped one by one.
    for (const item of cache.data.entries) {
      const entry = z.safeParse(storedEntrySchema, item);
      if (!entry.success || this.isExpired(entry.data)) continue;
      this.entries.delete(entry.data.key);
      this.insert(entry.data);
    }
    this.evict();
  }

  private insert(stored: StoredEntry): boolean {
    const bytes = Buffer.byteLength(JSON.stringify(stored), 'utf8');
    if (bytes > this.maxBytes) return false;
    this.entries.set(stored.key, { ...stored, bytes });
    this.bytes += bytes;
    return true;
  }

  private remove(key: string): void {
    const entry = this.entries.get(key);
    if (entry === undefined) return;
    this.entries.delete(key);
    this.bytes -= entry.bytes;
  }

  /** Drops the least recently used entries until both bounds hold. */
  private evict(): void {
    for (const [key] of this.entries) {
      if (this.entries.size <= this.maxEntries && this.bytes <= this.maxBytes) break;
      this.remove(key);
    }
  }

  private isExpired(entry: StoredEntry): boolean {
    return this.now() - entry.storedAt >= this.ttlMs;
  }

  private scheduleWrite(): Promise<void> {
    const storage = this.options.storage;
    if (storage === undefined) return Promise.resolve();
    if (this.writeQueued) return this.writing;
    this.writeQueued = true;
    this.writing = this.writing.then(async () => {
      this.writeQueued = false;
      const entries: StoredEntry[] = [];
      for (const entry of this.entries.values()) {
        if (this.isExpired(entry)) continue;
        const { bytes: _bytes, ...stored } = entry;
        entries.push(stored);
      }
      try {
        await storage.update(this.storageKey, JSON.stringify({ version: 1, entries }));
      } catch (error) {
        this.options.onError?.(error);
      }
    });
    return this.writing;
  }
}
