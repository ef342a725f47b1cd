// One line of a month's spend file (docs/spend.md, "Ledger and files"): a SpendEntry as stored, or, for inline
// completions (many a day, each worth a fraction of a cent), one record per local day, provider and model that this
// ledger instance adds to, so a month of typing stays a few records instead of tens of thousands.
import type { SpendEntry, SpendKind } from './spendTypes';

export interface SpendRecord {
  /** Unique across windows: the writing ledger's random id, a dot, a counter. Merging two files unites by it. */
  id: string;
  /** The last request it counts, ms since the epoch. */
  at: number;
  kind: SpendKind;
  provider: string;
  model: string;
  /** Dollars of the requests with a known price. */
  usd: number;
  /** Requests counted. */
  count: number;
  /** Of them, how many had no known price. */
  unpriced: number;
  /** Of them, how many were priced from estimated tokens. */
  estimated: number;
  inputTokens?: number;
  outputTokens?: number;
  cachedInputTokens?: number;
  images?: number;
  conversationId?: string;
}

/** The record of one entry (its title is kept per conversation, not per record). */
export function recordOf(entry: SpendEntry, id: string): SpendRecord {
  const record: SpendRecord = {
    id,
    at: entry.at,
    kind: entry.kind,
    provider: entry.provider,
    model: entry.model,
    usd: entry.usd !== undefined && Number.isFinite(entry.usd) ? Math.max(0, entry.usd) : 0,
    count: 1,
    unpriced: entry.usd !== undefined && Number.isFinite(entry.usd) ? 0 : 1,
    estimated: entry.estimated ? 1 : 0,
  };
  addCounts(record, entry);
  if (entry.conversationId !== undefined && entry.conversationId !== '') record.conversationId = entry.conversationId;
  return record;
}

/** Adds `entry` to a completion record of the same day, provider and model. */
export function addToRecord(record: SpendRecord, entry: SpendEntry): void {
  const single = recordOf(entry, record.id);
  record.at = Math.max(record.at, single.at);
  record.usd += single.usd;
  record.count += 1;
  record.unpriced += single.unpriced;
  record.estimated += single.estimated;
  addCounts(record, entry);
}

function addCounts(record: SpendRecord, entry: SpendEntry): void {
  const add = (field: 'inputTokens' | 'outputTokens' | 'cachedInputTokens' | 'images', value: number | undefined): void => {
    if (value === undefined || !Number.isFinite(value) || value <= 0) return;
    record[field] = (record[field] ?? 0) + Math.round(value);
  };
  add('inputTokens', entry.inputTokens);
  add('outputTokens', entry.outputTokens);
  add('cachedInputTokens', entry.cachedInputTokens);
  add('images', entry.images);
}

/**
 * Two windows' versions of one record: only the window that created it adds to it, so the one counting more
 * requests is the newer.
 */
export function newerRecord(a: SpendRecord, b: SpendRecord): SpendRecord {
  return b.count > a.count ? b : a;
}
