// Completions already cleaned, kept for the moments the same context comes back (docs/completions.md, "Fast and
// cheap"): backspacing to where a suggestion was shown, moving the cursor back, VS Code asking again for the same
// position. And the suggestion the user is typing: when the new prefix is an older one plus the first characters of
// its completion, the rest of that completion is the answer, without a request.
//
// Keys are hashes of the prefix's last 1,000 characters and the suffix's first 500 (with the language, the path and
// single line or block), never the 8 KB of context themselves. Keying on the prefix's end keeps the key the same when
// the prefix's window (6,000 characters, completionInput.ts) moves to a later line start as the user types; a prefix
// budget below 1,000 characters would lose that. Bounded by entries (200) and by bytes (256 KB, the
// UTF-16 size of what an entry keeps: its key, its text and the last 64 characters of its prefix, plus a fixed
// overhead); the least recently used go first.
import type { CompletionInput } from './completionTypes';

export interface CompletionCacheLimits {
  maxEntries: number;
  maxBytes: number;
  /** Characters at the end of the prefix and the start of the suffix that make the key. */
  prefixTailChars: number;
  suffixHeadChars: number;
}

export const defaultCompletionCacheLimits: Readonly<CompletionCacheLimits> = {
  maxEntries: 200,
  maxBytes: 256 * 1024,
  prefixTailChars: 1_000,
  suffixHeadChars: 500,
};

export interface CompletionCacheStats {
  entries: number;
  /** The estimated bytes the entries keep (always ≤ maxBytes). */
  bytes: number;
  hits: number;
  /** Hits where the user had typed the start of a cached completion. */
  typedAhead: number;
  misses: number;
}

interface Entry {
  key: string;
  text: string;
  /** The scope and the suffix's hash: a typed-ahead candidate must share both. */
  context: string;
  /** The hash of the prefix's tail, and the prefix's last characters (a quick check before hashing). */
  prefixHash: string;
  prefixEnd: string;
  bytes: number;
}

/** Characters at the end of an entry's prefix checked before the full hash. */
const prefixEndChars = 64;
/** The most recently stored entries are the typed-ahead candidates. */
const typedAheadCandidates = 16;
/** An entry's bookkeeping beyond its strings (the object, the map slot), in bytes. */
const entryOverhead = 96;

export class CompletionCache {
  private readonly limits: CompletionCacheLimits;
  /** Least recently used first. */
  private readonly entries = new Map<string, Entry>();
  /** Newest first. */
  private recent: Entry[] = [];
  private bytes = 0;
  private counts = { hits: 0, typedAhead: 0, misses: 0 };

  constructor(limits: Partial<CompletionCacheLimits> = {}) {
    this.limits = { ...defaultCompletionCacheLimits, ...limits };
  }

  /** The cached completion for this context, or the rest of one the user has been typing; undefined on a miss. */
  get(input: CompletionInput): string | undefined {
    const context = this.contextOf(input);
    const prefixHash = hashTail(input.prefix, input.prefix.length, this.limits.prefixTailChars);
    const entry = this.entries.get(`${context}|${prefixHash}`);
    if (entry !== undefined) {
      this.entries.delete(entry.key);
      this.entries.set(entry.key, entry);
      this.counts.hits++;
      return entry.text;
    }
    const rest = this.typedAhead(input.prefix, context);
    if (rest !== undefined) {
      this.counts.typedAhead++;
      return rest;
    }
    this.counts.misses++;
    return undefined;
  }

  set(input: CompletionInput, text: string): void {
    const context = this.contextOf(input);
    const prefixHash = hashTail(input.prefix, input.prefix.length, this.limits.prefixTailChars);
    const key = `${context}|${prefixHash}`;
    const prefixEnd = input.prefix.slice(-prefixEndChars);
    const bytes = 2 * (key.length + text.length + prefixEnd.length + context.length + prefixHash.length) + entryOverhead;
    this.remove(key);
    if (bytes > this.limits.maxBytes) return;
    const entry: Entry = { key, text, context, prefixHash, prefixEnd, bytes };
    this.entries.set(key, entry);
    this.bytes += bytes;
    this.recent = [entry, ...this.recent.slice(0, typedAheadCandidates - 1)];
    while (this.entries.size > this.limits.maxEntries || this.bytes > this.limits.maxBytes) {
      this.remove(this.entries.keys().next().value!);
    }
  }

  clear(): void {
    this.entries.clear();
    this.recent = [];
    this.bytes = 0;
  }

  stats(): CompletionCacheStats {
    return { entries: this.entries.size, bytes: this.bytes, ...this.counts };
  }

  private remove(key: string): void {
    const entry = this.entries.get(key);
    if (entry === undefined) return;
    this.entries.delete(key);
    this.bytes -= entry.bytes;
    if (this.recent.includes(entry)) this.recent = this.recent.filter((candidate) => candidate !== entry);
  }

  private contextOf(input: CompletionInput): string {
    const suffixHash = hashHead(input.suffix, this.limits.suffixHeadChars);
    return `${input.languageId}\u0000${input.path ?? ''}\u0000${input.multiline ? 'block' : 'line'}\u0000${suffixHash}`;
  }

  /**
   * The rest of a recent completion whose start the user has typed: the prefix ends with its first `typed`
   * characters, and what comes before them is that entry's prefix (its last characters, then its hash).
   */
  private typedAhead(prefix: string, context: string): string | undefined {
    const last = prefix.charCodeAt(prefix.length - 1);
    for (const entry of this.recent) {
      if (entry.context !== context) continue;
      const { text, prefixEnd } = entry;
      for (let typed = 1; typed < text.length && typed <= prefix.length; typed++) {
        if (text.charCodeAt(typed - 1) !== last) continue;
        // Cheapest first: the entry's last prefix characters (usually wrong at the first), then the typed ones.
        const before = prefix.length - typed;
        if (!endsWithAt(prefix, before, prefixEnd, prefixEnd.length)) continue;
        if (!endsWithAt(prefix, prefix.length, text, typed)) continue;
        if (hashTail(prefix, before, this.limits.prefixTailChars) !== entry.prefixHash) continue;
        const rest = text.slice(typed);
        if (rest.trim() !== '') return rest;
      }
    }
    return undefined;
  }
}

/** Whether `text[0..end)` ends with `part[0..length)`. */
function endsWithAt(text: string, end: number, part: string, length: number): boolean {
  if (length > end) return false;
  for (let i = 1; i <= length; i++) if (text.charCodeAt(end - i) !== part.charCodeAt(length - i)) return false;
  return true;
}

/** A 64-bit hash (two 32-bit FNV-1a variants) of text[max(0, end - chars)..end), with its length. */
function hashTail(text: string, end: number, chars: number): string {
  return hashRange(text, Math.max(0, end - chars), end);
}

function hashHead(text: string, chars: number): string {
  return hashRange(text, 0, Math.min(text.length, chars));
}

function hashRange(text: string, start: number, end: number): string {
  let a = 0x811c9dc5;
  let b = 0x9747b28c;
  for (let i = start; i < end; i++) {
    const code = text.charCodeAt(i);
    a = Math.imul(a ^ code, 0x01000193);
    b = Math.imul(b ^ code, 0x5bd1e995);
    b ^= b >>> 15;
  }
  return `${(a >>> 0).toString(36)}.${(b >>> 0).toString(36)}.${end - start}`;
}
