// Budgets (docs/spend.md "Budgets"): `switchboard.budget.daily` and `switchboard.budget.monthly`, each a total and
// per-provider limits in USD. A request goes only if its worst case fits in what is left of every budget that
// covers it; at 80 % of a budget the user hears of it once a day. Pure: the extension gives the ledger's totals.
import type { SpendSum, SpendTotals } from '../spend/spendTypes';

/** One budget setting, normalized: a total and limits per provider entry id (each optional). */
export interface BudgetLimit {
  total?: number;
  providers?: Readonly<Record<string, number>>;
}

export interface Budgets {
  daily?: BudgetLimit | undefined;
  monthly?: BudgetLimit | undefined;
}

export type BudgetPeriod = 'daily' | 'monthly';

/** A budget a request would break, or one that has reached its warning level. */
export interface BudgetState {
  period: BudgetPeriod;
  /** The provider entry whose own limit this is; absent for the total. */
  provider?: string;
  limit: number;
  /** Spent so far in the period (the ledger's total plus what the current answer has cost). */
  spent: number;
  /** What is left: limit − spent (negative when already over). */
  left: number;
}

/** What a request needs checked: its provider, its worst-case cost (undefined when unknown), and unrecorded spend. */
export interface BudgetRequest {
  provider: string;
  worstUsd: number | undefined;
  /** What the running answer has cost so far, not yet in the ledger (all providers, and this request's provider). */
  pendingUsd?: number;
  pendingProviderUsd?: number;
}

/** The share of a budget at which the user is told. */
export const budgetWarningShare = 0.8;

/**
 * The first budget `request` would break (daily before monthly, the total before the provider's), or undefined when
 * it fits them all. A request fits when spent + worst case ≤ limit, exactly at the limit included. A request whose
 * price is unknown is held only by a budget already used up: nothing else can be said of it.
 */
export function checkBudget(budgets: Budgets, totals: SpendTotals, request: BudgetRequest): BudgetState | undefined {
  for (const state of budgetStates(budgets, totals, request)) {
    const over = request.worstUsd === undefined ? state.left <= 0 : request.worstUsd > state.left + epsilon;
    if (over) return state;
  }
  return undefined;
}

/** The budgets at or over 80 % of their limit (a limit of 0 never warns: it only holds). */
export function budgetWarnings(budgets: Budgets, totals: SpendTotals): BudgetState[] {
  const states: BudgetState[] = [];
  for (const period of ['daily', 'monthly'] as const) {
    const limit = budgets[period];
    if (limit === undefined) continue;
    const sums = period === 'daily' ? totals.day : totals.month;
    if (limit.total !== undefined && limit.total > 0 && sums.usd >= limit.total * budgetWarningShare) {
      states.push(stateOf(period, undefined, limit.total, sums.usd));
    }
    for (const [provider, providerLimit] of Object.entries(limit.providers ?? {})) {
      const spent = sums.byProvider[provider]?.usd ?? 0;
      if (providerLimit > 0 && spent >= providerLimit * budgetWarningShare) states.push(stateOf(period, provider, providerLimit, spent));
    }
  }
  return states;
}

/** Half a hundredth of a cent: sums of float dollars are not exact, and "exactly at the limit" must fit. */
const epsilon = 5e-5;

function budgetStates(budgets: Budgets, totals: SpendTotals, request: BudgetRequest): BudgetState[] {
  const states: BudgetState[] = [];
  for (const period of ['daily', 'monthly'] as const) {
    const limit = budgets[period];
    if (limit === undefined) continue;
    const sums = period === 'daily' ? totals.day : totals.month;
    if (limit.total !== undefined) states.push(stateOf(period, undefined, limit.total, sums.usd + (request.pendingUsd ?? 0)));
    const providerLimit = limit.providers?.[request.provider];
    if (providerLimit !== undefined) {
      const spent = usdOf(sums.byProvider[request.provider]) + (request.pendingProviderUsd ?? 0);
      states.push(stateOf(period, request.provider, providerLimit, spent));
    }
  }
  return states;
}

function stateOf(period: BudgetPeriod, provider: string | undefined, limit: number, spent: number): BudgetState {
  return { period, ...(provider !== undefined ? { provider } : {}), limit, spent, left: limit - spent };
}

function usdOf(sum: SpendSum | undefined): number {
  return sum?.usd ?? 0;
}
