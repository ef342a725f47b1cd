// A month's spend file, `<yyyy-mm>.json` (docs/spend.md, "Ledger and files"): the records with short keys, and the
// conversations' titles once each. Reading is strict: anything not of this shape makes the file damaged (the
// ledger moves it aside and starts the month afresh), so a hand-edited or half-synced file never feeds the budgets
// wrong numbers quietly.
import type { SpendKind } from './spendTypes';
import type { SpendRecord } from './spendRecord';

export const spendFileVersion = 1;

export interface SpendFileContent {
  month: string;
  records: SpendRecord[];
  /** Conversation id → its title when last recorded. */
  titles: Record<string, string>;
}

export type ParsedSpendFile =
  | { kind: 'ok'; content: SpendFileContent }
  /** Written by a newer Switchboard: neither counted nor overwritten. */
  | { kind: 'newer'; version: number }
  | { kind: 'damaged'; reason: string };

/** Stored keys: one or two letters, as a heavy month holds thousands of records. */
interface StoredRecord {
  i: string;
  t: number;
  k: SpendKind;
  p: string;
  m: string;
  u?: number;
  n?: number;
  x?: number;
  e?: number;
  in?: number;
  out?: number;
  ca?: number;
  im?: number;
  c?: string;
}

const kinds: readonly SpendKind[] = ['chat', 'image', 'completion'];

export function serializeSpendFile(content: SpendFileContent): string {
  const records = content.records
    .slice()
    .sort((a, b) => a.at - b.at || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))
    .map((record) => {
      const stored: StoredRecord = { i: record.id, t: record.at, k: record.kind, p: record.provider, m: record.model };
      // Dollars to a millionth of a cent: enough for per-token prices, without float noise in the file.
      if (record.usd > 0) stored.u = Math.round(record.usd * 1e8) / 1e8;
      if (record.count !== 1) stored.n = record.count;
      if (record.unpriced > 0) stored.x = record.unpriced;
      if (record.estimated > 0) stored.e = record.estimated;
      if (record.inputTokens !== undefined) stored.in = record.inputTokens;
      if (record.outputTokens !== undefined) stored.out = record.outputTokens;
      if (record.cachedInputTokens !== undefined) stored.ca = record.cachedInputTokens;
      if (record.images !== undefined) stored.im = record.images;
      if (record.conversationId !== undefined) stored.c = record.conversationId;
      return JSON.stringify(stored);
    });
  // One record a line: readable, and diff-friendly for anyone looking at the file.
  const body = records.length === 0 ? '[]' : `[\n${records.join(',\n')}\n]`;
  return `{"v":${spendFileVersion},"month":${JSON.stringify(content.month)},"titles":${JSON.stringify(content.titles)},"entries":${body}}\n`;
}

export function parseSpendFile(text: string, month: string): ParsedSpendFile {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (error) {
    return { kind: 'damaged', reason: `not JSON (${error instanceof Error ? error.message : String(error)})` };
  }
  if (!isObject(parsed)) return { kind: 'damaged', reason: 'not a JSON object' };
  const version = parsed['v'];
  if (typeof version === 'number' && Number.isInteger(version) && version > spendFileVersion) return { kind: 'newer', version };
  if (version !== spendFileVersion) return { kind: 'damaged', reason: `unknown version ${JSON.stringify(version)}` };
  if (parsed['month'] !== month) return { kind: 'damaged', reason: `it is for the month ${JSON.stringify(parsed['month'])}` };
  const titles = parsed['titles'];
  if (!isObject(titles) || !Object.values(titles).every((title) => typeof title === 'string'))
    return { kind: 'damaged', reason: '"titles" is not an object of strings' };
  const entries = parsed['entries'];
  if (!Array.isArray(entries)) return { kind: 'damaged', reason: '"entries" is not a list' };
  const records: SpendRecord[] = [];
  for (const [index, stored] of entries.entries()) {
    const record = readRecord(stored);
    if (record === undefined) return { kind: 'damaged', reason: `entry ${index} is not a spend record` };
    records.push(record);
  }
  return { kind: 'ok', content: { month, records, titles: titles as Record<string, string> } };
}

function readRecord(value: unknown): SpendRecord | undefined {
  if (!isObject(value)) return undefined;
  const { i, t, k, p, m } = value;
  if (typeof i !== 'string' || i === '' || !isCount(t) || !kinds.includes(k as SpendKind) || typeof p !== 'string' || typeof m !== 'string')
    return undefined;
  const usd = value['u'] ?? 0;
  const count = value['n'] ?? 1;
  const unpriced = value['x'] ?? 0;
  const estimated = value['e'] ?? 0;
  if (typeof usd !== 'number' || !Number.isFinite(usd) || usd < 0) return undefined;
  if (!isCount(count) || count < 1 || !isCount(unpriced) || unpriced > count || !isCount(estimated) || estimated > count) return undefined;
  const record: SpendRecord = { id: i, at: t, kind: k as SpendKind, provider: p, model: m, usd, count, unpriced, estimated };
  for (const [key, field] of [
    ['in', 'inputTokens'],
    ['out', 'outputTokens'],
    ['ca', 'cachedInputTokens'],
    ['im', 'images'],
  ] as const) {
    const number = value[key];
    if (number === undefined) continue;
    if (!isCount(number)) return undefined;
    record[field] = number;
  }
  const conversation = value['c'];
  if (conversation !== undefined) {
    if (typeof conversation !== 'string') return undefined;
    record.conversationId = conversation;
  }
  return record;
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function isCount(value: unknown): value is number {
  return typeof value === 'number' && Number.isSafeInteger(value) && value >= 0;
}
