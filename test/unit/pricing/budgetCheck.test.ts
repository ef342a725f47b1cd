// Budgets at their boundaries (src/core/pricing/budgetCheck.ts, budgetKeeper.ts; docs/spend.md "Budgets"): exactly at
// the limit goes, a cent over is held; a provider's own limit and the total; the month as well as the day; the 80 %
// notice once a day per budget; "Send once anyway" lets exactly one request through.
import * as assert from 'node:assert/strict';
import { budgetLimitOf, isBudgetSetting } from '../../../src/core/config/budgetSetting';
import { readSwitchboardSettings } from '../../../src/core/config/switchboardSettings';
import { budgetWarnings, checkBudget, type Budgets } from '../../../src/core/pricing/budgetCheck';
import { BudgetKeeper } from '../../../src/core/pricing/budgetKeeper';
import { englishErrorText, type ErrorText } from '../../../src/core/errors/errorText';
import type { SpendTotals } from '../../../src/core/spend/spendTypes';

function totals(day: number, month: number, byProvider: Record<string, [day: number, month: number]> = {}): SpendTotals {
  const pick = (index: 0 | 1) =>
    Object.fromEntries(Object.entries(byProvider).map(([provider, sums]) => [provider, { usd: sums[index], unpriced: 0 }]));
  return { day: { usd: day, unpriced: 0, byProvider: pick(0) }, month: { usd: month, unpriced: 0, byProvider: pick(1) } };
}

describe('budgets', () => {
  const daily: Budgets = { daily: { total: 1 } };

  it('lets a request go when it ends exactly at the limit, and holds one a cent over', () => {
    assert.equal(checkBudget(daily, totals(0.75, 0.75), { provider: 'openai', worstUsd: 0.25 }), undefined);
    const held = checkBudget(daily, totals(0.75, 0.75), { provider: 'openai', worstUsd: 0.26 });
    assert.deepEqual(held, { period: 'daily', limit: 1, spent: 0.75, left: 0.25 });
  });

  it('counts the running answer’s own spend, not yet in the ledger', () => {
    assert.equal(checkBudget(daily, totals(0.5, 0.5), { provider: 'openai', worstUsd: 0.25, pendingUsd: 0.25 }), undefined);
    assert.equal(checkBudget(daily, totals(0.5, 0.5), { provider: 'openai', worstUsd: 0.26, pendingUsd: 0.25 })?.period, 'daily');
  });

  it('holds by a provider’s own limit while the total has room, and only that provider', () => {
    const budgets: Budgets = { daily: { total: 10, providers: { openai: 2 } } };
    const spent = totals(1.99, 1.99, { openai: [1.99, 1.99] });
    assert.deepEqual(checkBudget(budgets, spent, { provider: 'openai', worstUsd: 0.02 }), {
      period: 'daily',
      provider: 'openai',
      limit: 2,
      spent: 1.99,
      left: 2 - 1.99,
    });
    assert.equal(checkBudget(budgets, spent, { provider: 'anthropic', worstUsd: 0.02 }), undefined);
    assert.equal(checkBudget(budgets, spent, { provider: 'openai', worstUsd: 0.01 }), undefined);
  });

  it('holds by the month when the day has room', () => {
    const budgets: Budgets = { daily: { total: 5 }, monthly: { total: 20 } };
    assert.equal(checkBudget(budgets, totals(0, 19.5), { provider: 'openai', worstUsd: 0.5 }), undefined);
    assert.equal(checkBudget(budgets, totals(0, 19.5), { provider: 'openai', worstUsd: 0.51 })?.period, 'monthly');
  });

  it('lets an unknown-priced request go until the budget is used up', () => {
    assert.equal(checkBudget(daily, totals(0.99, 0.99), { provider: 'sydney', worstUsd: undefined }), undefined);
    assert.equal(checkBudget(daily, totals(1, 1), { provider: 'sydney', worstUsd: undefined })?.left, 0);
    assert.equal(checkBudget(daily, totals(1, 1), { provider: 'ollama', worstUsd: 0 }), undefined);
  });

  it('warns at 80 % of each budget', () => {
    const budgets: Budgets = { daily: { total: 1, providers: { openai: 0.5 } }, monthly: { total: 10 } };
    assert.deepEqual(
      budgetWarnings(budgets, totals(0.8, 7.99, { openai: [0.39, 0.39] })).map((state) => [state.period, state.provider]),
      [['daily', undefined]],
    );
    assert.equal(budgetWarnings(budgets, totals(0.79, 8, { openai: [0.4, 0.4] })).length, 2);
  });

  it('reads the settings: a number or { total, providers }; a negative amount is a problem naming the setting', () => {
    assert.deepEqual(budgetLimitOf(5), { total: 5 });
    assert.deepEqual(budgetLimitOf({ providers: { openai: 2 } }), { providers: { openai: 2 } });
    assert.equal(isBudgetSetting({ total: 1, other: 2 }), false);
    const values: Record<string, unknown> = { 'budget.daily': -1, 'budget.monthly': { total: 50, providers: { openai: -2 } } };
    const { settings, problems } = readSwitchboardSettings((key) => values[key]);
    assert.deepEqual(
      problems.map((problem) => problem.setting),
      ['switchboard.budget.daily', 'switchboard.budget.monthly'],
    );
    assert.match(problems[0]?.message ?? '', /at least 0/);
    assert.equal(settings.budgetDaily, undefined);
    const good = readSwitchboardSettings((key) => ({ 'budget.daily': { total: 5, providers: { openai: 2 } } })[key as string]);
    assert.deepEqual(good.settings.budgetDaily, { total: 5, providers: { openai: 2 } });
    assert.deepEqual(good.problems, []);
  });

  it('a provider entry’s negative price is a problem naming the field', () => {
    const { problems } = readSwitchboardSettings((key) =>
      key === 'providers' ? [{ id: 'sydney', prices: { 'gpt-4o': { input: -1, output: 2 } } }] : undefined,
    );
    assert.equal(problems[0]?.setting, 'switchboard.providers[0] (“sydney”)');
    assert.match(problems[0]?.message ?? '', /prices\.gpt-4o\.input: must be a price in USD of at least 0/);
  });
});

describe('BudgetKeeper', () => {
  function keeper(spent: SpendTotals, budgets: Budgets = { daily: { total: 1 } }) {
    const remembered = new Map<string, string>();
    const warned: string[] = [];
    let now = Date.UTC(2026, 10, 27, 12);
    const keep = new BudgetKeeper({
      budgets: () => budgets,
      totals: () => Promise.resolve(spent),
      recall: (key) => remembered.get(key),
      remember: (key, value) => {
        remembered.set(key, value);
        return Promise.resolve();
      },
      warn: (text: ErrorText) => warned.push(englishErrorText(text)),
      now: () => now,
    });
    return { keep, warned, nextDay: () => (now += 24 * 3600_000) };
  }

  it('holds a chat request with a quota error that says which budget and what is left', async () => {
    const { keep } = keeper(totals(0.9, 0.9));
    const error = await keep.check({ provider: 'openai', model: 'gpt-4o', worstUsd: 0.2 });
    assert.equal(error?.kind, 'quota');
    assert.equal(error?.code, 'budget');
    assert.equal(
      error?.message,
      'This request could cost up to $0.20, more than is left of the daily budget: $0.10 of $1.00. It was not sent.',
    );
  });

  it('"Send once anyway" lets exactly one request through', async () => {
    const { keep } = keeper(totals(1, 1));
    keep.allowOnce();
    assert.equal(await keep.check({ provider: 'openai', worstUsd: 0.2 }), undefined);
    assert.equal(
      (await keep.check({ provider: 'openai', worstUsd: 0.2 }))?.message,
      'Nothing is left of the daily budget: $1.00 of $1.00 spent. The request was not sent.',
    );
  });

  it('tells of 80 % once a day per budget', async () => {
    const { keep, warned, nextDay } = keeper(totals(0.85, 0.85));
    await keep.warnIfNear();
    await keep.warnIfNear();
    assert.deepEqual(warned, ['85% of the daily budget is spent: $0.85 of $1.00.']);
    nextDay();
    await keep.warnIfNear();
    assert.equal(warned.length, 2);
  });

  it('checks nothing without budgets', async () => {
    const { keep } = keeper(totals(100, 100), {});
    assert.equal(keep.active, false);
    assert.equal(await keep.check({ provider: 'openai', worstUsd: 50 }), undefined);
  });
});
