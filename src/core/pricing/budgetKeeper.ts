// Keeps the budgets for the extension (docs/spend.md "Budgets"): checks a request against what is left of the day's
// and the month's budgets, lets one request through when the user chose "Send once anyway", and tells the user once
// a day per budget when 80 % of it is spent. The extension gives it the settings, the ledger's totals, somewhere to
// remember the days (its global state) and a way to show a notice; the words are error templates, so they are in
// the UI's language wherever they are shown.
import { errorText, type ErrorText } from '../errors/errorText';
import { ProviderError } from '../errors/providerError';
import { localDay } from '../spend/localDay';
import { type BudgetSetting, budgetLimitOf } from '../config/budgetSetting';
import type { SpendEntry, SpendTotals } from '../spend/spendTypes';
import type { AnswerCostPart, TurnPricing } from '../turns/answerCost';
import { type BudgetRequest, type Budgets, type BudgetState, budgetWarnings, checkBudget } from './budgetCheck';
import type { ModelPrices } from './modelPrices';
import { formatUsd } from './formatUsd';

/** The code of the ProviderError a held request ends with (the chat offers "Raise budget" and "Send once anyway"). */
export const budgetErrorCode = 'budget';

export interface BudgetKeeperDeps {
  /** `switchboard.budget.daily` and `.monthly` as read from the user's settings. */
  budgets(): { daily?: BudgetSetting | undefined; monthly?: BudgetSetting | undefined };
  /** The ledger's totals; undefined while there is no ledger (nothing is held then). */
  totals(now: number): Promise<SpendTotals> | undefined;
  /** What was remembered under `key` (the day a budget's notice was shown). */
  recall(key: string): string | undefined;
  remember(key: string, value: string): Promise<void>;
  /** Shows the 80 % notice. */
  warn(text: ErrorText, state: BudgetState): void;
  /** Told when the budgets could not be checked (the ledger could not be read): the request then goes. */
  onError?: (error: unknown) => void;
  now?: () => number;
}

export class BudgetKeeper {
  private sendOnce = false;

  constructor(private readonly deps: BudgetKeeperDeps) {}

  /** The budgets as the check takes them. */
  private budgets(): Budgets {
    const { daily, monthly } = this.deps.budgets();
    return { daily: budgetLimitOf(daily), monthly: budgetLimitOf(monthly) };
  }

  /** Whether any budget is set (nothing needs checking otherwise). */
  get active(): boolean {
    const budgets = this.deps.budgets();
    return budgets.daily !== undefined || budgets.monthly !== undefined;
  }

  /**
   * A chat turn's pricing: `prices`, and while a budget is set the check of each request with the answer's own
   * spend so far. A ledger that cannot be read does not stop the chat: the request goes, and onError hears why.
   */
  turnPricing(prices: (provider: string, model: string) => Promise<ModelPrices | undefined>): TurnPricing {
    if (!this.active) return { prices };
    return {
      prices,
      check: ({ provider, model, worstUsd, spent }) =>
        this.check({ provider, model, worstUsd, pendingUsd: spent.usd, pendingProviderUsd: spent.byProvider[provider] ?? 0 }).catch(
          (error: unknown) => {
            this.deps.onError?.(error);
            return undefined;
          },
        ),
    };
  }

  /** "Send once anyway": the next request checked goes whatever the budgets say; the one after is checked again. */
  allowOnce(): void {
    this.sendOnce = true;
  }

  /** The budget `request` would break, or undefined when it may go (the allowance of allowOnce is used up by it). */
  async hold(request: BudgetRequest): Promise<BudgetState | undefined> {
    if (!this.active) return undefined;
    if (this.sendOnce) {
      this.sendOnce = false;
      return undefined;
    }
    const totals = await this.deps.totals(this.now());
    return totals === undefined ? undefined : checkBudget(this.budgets(), totals, request);
  }

  /** hold, as the error a held chat request ends with (kind `quota`: the fallback chain may try another provider). */
  async check(request: BudgetRequest & { model?: string }): Promise<ProviderError | undefined> {
    const state = await this.hold(request);
    if (state === undefined) return undefined;
    return new ProviderError({
      kind: 'quota',
      provider: request.provider,
      ...(request.model !== undefined ? { model: request.model } : {}),
      code: budgetErrorCode,
      text: budgetHeldText(state, request.worstUsd),
    });
  }

  /** After spending: a notice for each budget at 80 % or more that has not had one today. */
  async warnIfNear(): Promise<void> {
    if (!this.active) return;
    const now = this.now();
    const totals = await this.deps.totals(now);
    if (totals === undefined) return;
    const today = localDay(now);
    for (const state of budgetWarnings(this.budgets(), totals)) {
      const key = `switchboard.budget.warned.${state.period}${state.provider !== undefined ? `.${state.provider}` : ''}`;
      if (this.deps.recall(key) === today) continue;
      await this.deps.remember(key, today);
      const percent = Math.floor((state.spent / state.limit) * 100);
      this.deps.warn(errorText('budget.warning', { percent, budget: budgetName(state), ...amounts(state) }), state);
    }
  }

  private now(): number {
    return (this.deps.now ?? Date.now)();
  }
}

/** An answer's cost as ledger entries: one per model it used, with its conversation (docs/spend.md "Cost"). */
export function chatSpendEntries(parts: readonly AnswerCostPart[], conversation: { id: string; title: string }, at: number): SpendEntry[] {
  return parts.map((part) => ({
    at,
    kind: 'chat',
    provider: part.provider,
    model: part.model,
    usd: part.cost.unknown === true ? undefined : part.cost.usd,
    estimated: part.cost.estimated === true,
    ...(part.usage.inputTokens !== undefined ? { inputTokens: part.usage.inputTokens } : {}),
    ...(part.usage.outputTokens !== undefined ? { outputTokens: part.usage.outputTokens } : {}),
    ...(part.usage.cachedInputTokens !== undefined ? { cachedInputTokens: part.usage.cachedInputTokens } : {}),
    conversationId: conversation.id,
    conversationTitle: conversation.title,
  }));
}

/** Why a request was held, in words: its worst case against what is left, or the budget used up. */
export function budgetHeldText(state: BudgetState, worstUsd: number | undefined): ErrorText {
  if (worstUsd === undefined || state.left <= 0) return errorText('budget.usedUp', { budget: budgetName(state), ...amounts(state) });
  return errorText('budget.held', { worst: formatUsd(worstUsd), budget: budgetName(state), ...amounts(state) });
}

function budgetName(state: BudgetState): ErrorText {
  if (state.provider === undefined) return errorText(state.period === 'daily' ? 'budget.name.day' : 'budget.name.month');
  return errorText(state.period === 'daily' ? 'budget.name.dayProvider' : 'budget.name.monthProvider', { provider: state.provider });
}

function amounts(state: BudgetState): { left: string; limit: string; spent: string } {
  return { left: formatUsd(Math.max(0, state.left)), limit: formatUsd(state.limit), spent: formatUsd(state.spent) };
}
