// What money was spent on, as the spend ledger keeps it (issue 19, docs/spend.md): one entry per billable request
// that reached a provider — a chat answer (all its fallback attempts and tool steps summed by whoever records it),
// a generated or edited image, an inline completion. The ledger (spendLedger.ts) keeps the entries in one small
// file per month in the extension's global storage; budgets, the status bar and the spend view read its totals.

/** What a request was for; the spend view stacks by it. */
export type SpendKind = 'chat' | 'image' | 'completion';

export interface SpendEntry {
  /** When the request ended, ms since the epoch (the ledger files it under the local day and month of this). */
  at: number;
  kind: SpendKind;
  /** The provider entry's id (the user's name for it, e.g. `openai`, `work-vllm`). */
  provider: string;
  /** The provider's model id. */
  model: string;
  /**
   * US dollars; undefined when a price is unknown (never a guessed zero). A free local server records 0 with
   * `estimated: false`.
   */
  usd: number | undefined;
  /** The cost was worked out from estimated tokens (the provider reported no usage). */
  estimated: boolean;
  inputTokens?: number;
  outputTokens?: number;
  cachedInputTokens?: number;
  /** How many images a request made. */
  images?: number;
  /** The chat conversation the answer belongs to, for the spend view's top conversations. */
  conversationId?: string;
  conversationTitle?: string;
}

/** Money over a span: the dollars known, and how many entries had no known price (shown as "+ unknown"). */
export interface SpendSum {
  usd: number;
  unpriced: number;
}

/** What budgets and the status bar need: today's and this month's spend, overall and per provider id. */
export interface SpendTotals {
  day: SpendSum & { byProvider: Record<string, SpendSum> };
  month: SpendSum & { byProvider: Record<string, SpendSum> };
}

/** The ledger as its users see it; src/core/spend/spendLedger.ts implements it. */
export interface SpendRecorder {
  /** Adds an entry; written atomically, never throws (a write failure is logged and reported by the ledger). */
  record(entry: SpendEntry): Promise<void>;
  /** Totals for the local day and month of `now`. */
  totals(now?: number): Promise<SpendTotals>;
}
