// What the spend view shows (docs/spend.md, "Spend view"), worked out from the ledger's records: per local day of the
// last 30, the dollars per provider and per kind; the totals with how many requests had no known price; the
// conversations and models that cost the most. Plain data: it travels to the webview as it is
// (src/shared/spendView.ts describes the same shape for the webview's side; the panel hands one to the other, so the compiler checks they agree).
import { lastLocalDays, localDay, type TimezoneOffset } from './localDay';
import type { SpendRecord } from './spendRecord';
import type { SpendKind } from './spendTypes';

export interface SpendReportDay {
  /** `YYYY-MM-DD`, local. */
  day: string;
  usd: number;
  unpriced: number;
  byProvider: Record<string, number>;
  byKind: Record<SpendKind, number>;
}

export interface SpendReport {
  /** Oldest first, ending today. */
  days: SpendReportDay[];
  /** Providers with any request in the span, the most spent first. */
  providers: string[];
  total: { usd: number; unpriced: number; estimated: number; requests: number };
  byKind: Record<SpendKind, { usd: number; unpriced: number; requests: number }>;
  /** At most `top`, the most spent first (then the most answers). */
  topConversations: Array<{ id: string; title: string; usd: number; answers: number; unpriced: number }>;
  topModels: Array<{ provider: string; model: string; usd: number; answers: number; unpriced: number }>;
}

export interface SpendReportOptions {
  now: number;
  days: number;
  top: number;
  offset: TimezoneOffset;
  titles: ReadonlyMap<string, string>;
}

const emptyKinds = (): Record<SpendKind, number> => ({ chat: 0, image: 0, completion: 0 });

export function buildSpendReport(records: Iterable<SpendRecord>, options: SpendReportOptions): SpendReport {
  const days = lastLocalDays(options.now, options.days, options.offset).map((day): SpendReportDay => ({
    day,
    usd: 0,
    unpriced: 0,
    byProvider: {},
    byKind: emptyKinds(),
  }));
  const byDay = new Map(days.map((day) => [day.day, day]));
  const providerTotals = new Map<string, number>();
  const kindTotals: SpendReport['byKind'] = {
    chat: { usd: 0, unpriced: 0, requests: 0 },
    image: { usd: 0, unpriced: 0, requests: 0 },
    completion: { usd: 0, unpriced: 0, requests: 0 },
  };
  const total = { usd: 0, unpriced: 0, estimated: 0, requests: 0 };
  const conversations = new Map<string, { usd: number; answers: number; unpriced: number }>();
  const models = new Map<string, { provider: string; model: string; usd: number; answers: number; unpriced: number }>();
  for (const record of records) {
    const day = byDay.get(localDay(record.at, options.offset));
    if (day === undefined) continue;
    day.usd += record.usd;
    day.unpriced += record.unpriced;
    day.byProvider[record.provider] = (day.byProvider[record.provider] ?? 0) + record.usd;
    day.byKind[record.kind] += record.usd;
    providerTotals.set(record.provider, (providerTotals.get(record.provider) ?? 0) + record.usd);
    const kind = kindTotals[record.kind];
    kind.usd += record.usd;
    kind.unpriced += record.unpriced;
    kind.requests += record.count;
    total.usd += record.usd;
    total.unpriced += record.unpriced;
    total.estimated += record.estimated;
    total.requests += record.count;
    if (record.conversationId !== undefined) {
      const conversation = conversations.get(record.conversationId) ?? { usd: 0, answers: 0, unpriced: 0 };
      conversation.usd += record.usd;
      conversation.answers += record.count;
      conversation.unpriced += record.unpriced;
      conversations.set(record.conversationId, conversation);
    }
    const modelKey = JSON.stringify([record.provider, record.model]);
    const model = models.get(modelKey) ?? { provider: record.provider, model: record.model, usd: 0, answers: 0, unpriced: 0 };
    model.usd += record.usd;
    model.answers += record.count;
    model.unpriced += record.unpriced;
    models.set(modelKey, model);
  }
  const byCost = <T extends { usd: number; answers: number }>(a: T, b: T): number => b.usd - a.usd || b.answers - a.answers;
  return {
    days,
    providers: [...providerTotals].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1)).map(([provider]) => provider),
    total,
    byKind: kindTotals,
    topConversations: [...conversations]
      .map(([id, sum]) => ({ id, title: options.titles.get(id) ?? '', ...sum }))
      .sort(byCost)
      .slice(0, options.top),
    topModels: [...models.values()].sort(byCost).slice(0, options.top),
  };
}
