// `switchboard.budget.daily` and `switchboard.budget.monthly` (docs/spend.md "Budgets"): USD, either a number (the
// total) or `{ "total": 5, "providers": { "openai": 2 } }` (both parts optional). Application-scoped: only the user's
// own value is read, so a workspace cannot loosen them.
import type { BudgetLimit } from '../pricing/budgetCheck';

export type BudgetSetting = number | { total?: number; providers?: Record<string, number> };

const isUsd = (value: unknown): value is number => typeof value === 'number' && Number.isFinite(value) && value >= 0;

/** Whether `value` is a budget: every amount a number of at least 0, no other keys. */
export function isBudgetSetting(value: unknown): value is BudgetSetting {
  if (isUsd(value)) return true;
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
  const { total, providers, ...rest } = value as Record<string, unknown>;
  if (Object.keys(rest).length > 0 || (total !== undefined && !isUsd(total))) return false;
  return providers === undefined || (typeof providers === 'object' && providers !== null && Object.values(providers).every(isUsd));
}

export const budgetSettingMessage = 'must be USD of at least 0: a number, or { "total": …, "providers": { "<id>": … } }';

/** The setting as the budget check takes it. */
export function budgetLimitOf(setting: BudgetSetting | undefined): BudgetLimit | undefined {
  if (setting === undefined) return undefined;
  if (typeof setting === 'number') return { total: setting };
  return {
    ...(setting.total !== undefined ? { total: setting.total } : {}),
    ...(setting.providers ? { providers: setting.providers } : {}),
  };
}
