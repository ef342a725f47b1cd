// The spend view in the real editor (docs/spend.md, "Spend view"): spend files seeded in the extension's global
// storage as the ledger writes them (src/core/spend/spendFile.ts), then "Switchboard: Show Spend" from the command
// palette draws a bar for each seeded day and lists the seeded conversation and models; the status bar shows today's
// spend. Screenshots in the dark, light and high-contrast themes (test-results/screenshots/spend-view-*.png).
import * as assert from 'node:assert/strict';
import { mkdirSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import type { Frame } from 'playwright-core';
import { serializeSpendFile } from '../../src/core/spend/spendFile';
import type { SpendRecord } from '../../src/core/spend/spendRecord';
import { localDay, localMonth } from '../../src/core/spend/localDay';
import { runFromCommandPalette } from './harness/commandPalette';
import { darkTheme, highContrastTheme, lightTheme, type ColorTheme } from './harness/colorThemes';
import { saveScreenshot } from './harness/failureArtifacts';
import { editor } from './harness/rootHooks';
import { findWebviewFrame } from './harness/webviewFrames';

/** Local noon `back` days ago: the local day the extension host files it under (same machine, same time zone). */
function noon(back: number): number {
  const today = new Date();
  return new Date(today.getFullYear(), today.getMonth(), today.getDate() - back, 12).getTime();
}

const seeded: Array<{ back: number; record: Omit<SpendRecord, 'id' | 'at'> }> = [
  {
    back: 0,
    record: { kind: 'chat', provider: 'openai', model: 'gpt-4o', usd: 0.42, count: 1, unpriced: 0, estimated: 0, conversationId: 'conv-1' },
  },
  { back: 0, record: { kind: 'chat', provider: 'local-fake', model: 'fake-model-a', usd: 0, count: 1, unpriced: 1, estimated: 0 } },
  {
    back: 2,
    record: { kind: 'image', provider: 'local-stability', model: 'sd3', usd: 0.07, count: 1, unpriced: 0, estimated: 0, images: 1 },
  },
  {
    back: 5,
    record: {
      kind: 'chat',
      provider: 'anthropic',
      model: 'claude-sonnet-4',
      usd: 1.35,
      count: 1,
      unpriced: 0,
      estimated: 0,
      conversationId: 'conv-1',
    },
  },
  { back: 12, record: { kind: 'completion', provider: 'openai', model: 'gpt-4o-mini', usd: 0.02, count: 30, unpriced: 0, estimated: 0 } },
  {
    back: 26,
    record: { kind: 'chat', provider: 'openai', model: 'gpt-4o', usd: 0.8, count: 1, unpriced: 0, estimated: 0, conversationId: 'conv-2' },
  },
];

async function waitUntil(what: string, check: () => Promise<boolean>, timeoutMs = 20_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting until ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

/** The number of a "$1,234.56" text; NaN when there is none. */
function dollars(text: string | undefined): number {
  return Number((text ?? '').replace(/[$,]/g, '') || NaN);
}

/** Switches the theme and waits until the workbench and the view carry it (the view paints the editor's background). */
async function useTheme(frame: Frame, theme: ColorTheme): Promise<void> {
  const session = editor();
  await session.bridge.setUserSetting('workbench.colorTheme', theme.name);
  await waitUntil(`the editor shows ${theme.name}`, async () => {
    const workbench = await session.page.evaluate(() => document.querySelector('.monaco-workbench')?.className ?? '');
    const view = await frame.evaluate(() => document.body.className);
    return workbench.split(/\s+/).includes(theme.workbenchClass) && view.split(/\s+/).includes(theme.webviewClass);
  });
  await frame.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))));
}

describe('the spend view', function () {
  this.timeout(120_000);

  before(() => {
    const directory = path.join(editor().dirs.userData, 'User', 'globalStorage', 'switchboard.switchboard', 'spend');
    mkdirSync(directory, { recursive: true });
    const months = new Map<string, SpendRecord[]>();
    seeded.forEach(({ back, record }, index) => {
      const at = noon(back);
      const month = localMonth(at);
      months.set(month, [...(months.get(month) ?? []), { ...record, id: `e2e.${index}`, at }]);
    });
    for (const [month, records] of months)
      writeFileSync(
        path.join(directory, `${month}.json`),
        serializeSpendFile({ month, records, titles: { 'conv-1': 'Parser refactoring', 'conv-2': 'Release notes' } }),
      );
  });

  after(async () => {
    await editor().bridge.setUserSetting('workbench.colorTheme', darkTheme.name);
  });

  it('draws a bar for each seeded day and lists the seeded conversations and models; the status bar shows today', async () => {
    const { page } = editor();
    await runFromCommandPalette(page, 'Switchboard: Show Spend');
    const frame = await findWebviewFrame(page, 'svg.spend-chart g.bar');
    const expectedDays = [...new Set(seeded.map(({ back }) => localDay(noon(back))))].sort();
    await waitUntil(
      'every seeded day has its bar',
      async () => (await frame.locator('svg.spend-chart g.bar').count()) === expectedDays.length,
    );
    assert.deepEqual(
      await frame.locator('svg.spend-chart g.bar').evaluateAll((bars) => bars.map((bar) => bar.getAttribute('data-day'))),
      expectedDays,
    );
    // Earlier suites of the same run spent a few cents today (the ledger keeps them): today's bar and the totals are
    // the seeded amounts at least, and the seeded ones are the largest.
    const today = frame.locator(`g.bar[data-day="${localDay(noon(0))}"]`);
    const todayTitle = (await today.locator('title').textContent()) ?? '';
    assert.match(todayTitle, / — openai \$0\.42\b.* — Requests with unknown price: [1-9]\d*$/);
    const chartLabel = (await frame.locator('svg.spend-chart').getAttribute('aria-label')) ?? '';
    assert.ok(dollars(/Total (\$[\d.,]+)\./.exec(chartLabel)?.[1]) >= 2.66, chartLabel);
    assert.deepEqual((await frame.locator('table[data-table="conversations"] td.title').allTextContents()).slice(0, 2), [
      'Parser refactoring',
      'Release notes',
    ]);
    const models = await frame
      .locator('table[data-table="models"] tbody tr')
      .evaluateAll((rows) => rows.map((row) => [...row.querySelectorAll('td')].map((cell) => cell.textContent)));
    assert.deepEqual(models[0], ['anthropic', 'claude-sonnet-4', '1', '$1.35']);
    assert.deepEqual(models[1], ['openai', 'gpt-4o', '2', '$1.22']);
    assert.ok(
      models.some((row) => /^local-fake\|fake-model-a\|\d+\|.*unknown$/.test(row.join('|'))),
      JSON.stringify(models),
    );
    assert.ok(
      models.some((row) => row.join('|') === 'openai|gpt-4o-mini|30|$0.02'),
      JSON.stringify(models),
    );

    // Today's spend in the status bar, with this month's in its accessible name.
    const item = page.locator('.part.statusbar [id="switchboard.switchboard.switchboard.spend"]');
    await item.waitFor({ state: 'visible', timeout: 20_000 });
    const thisMonth = seeded
      .filter(({ back }) => localMonth(noon(back)) === localMonth(noon(0)))
      .reduce((sum, { record }) => sum + record.usd, 0);
    const label = (await item.getAttribute('aria-label')) ?? '';
    const spent = /^Spent today: (\$[\d.,]+) \(\+\d+ with unknown price\) · this month: (\$[\d.,]+) \(\+\d+ with unknown price\)$/.exec(
      label,
    );
    assert.ok(spent, label);
    assert.ok(dollars(spent[1]) >= 0.42 && dollars(spent[2]) >= thisMonth - 0.005, label);
    assert.match((await item.textContent()) ?? '', /\$\d/);

    await saveScreenshot(editor(), 'spend-view-dark');
    await frame.locator('input[value="kind"]').check();
    await waitUntil('the bars are stacked by kind', async () =>
      /chat, images and completions/.test((await frame.locator('svg.spend-chart').getAttribute('aria-label')) ?? ''),
    );
    await useTheme(frame, lightTheme);
    await saveScreenshot(editor(), 'spend-view-light');
    await useTheme(frame, highContrastTheme);
    await saveScreenshot(editor(), 'spend-view-high-contrast');
  });
});
