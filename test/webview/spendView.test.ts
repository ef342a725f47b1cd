// The spend view (docs/spend.md, "Spend view"): the chart's numbers (series, stacks, the dollar axis) as pure
// functions, then the real view (src/webview/spend/spendMain.ts with its CSS, under the webview's CSP) in headless
// Chromium, given a report as the panel sends it: a bar per day with spend, stacked by provider or by kind, each with
// a title and a name, a hidden table of the same figures, the top tables, and the empty state. Screenshots in
// dark, light and high contrast go to test-results/screenshots/.
import * as assert from 'node:assert/strict';
import { mkdirSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import * as esbuild from 'esbuild';
import type { Browser, Page } from 'playwright-core';
import { launchChromium } from '../../scripts/editor/chromium';
import { renderWebviewDocument } from '../../src/core/webviewDocument';
import { buildSpendReport } from '../../src/core/spend/spendReport';
import type { SpendRecord } from '../../src/core/spend/spendRecord';
import type { SpendViewReport } from '../../src/shared/spendView';
import { chartSeries, dollarScale, labelledDays, stackBars, tickLabel } from '../../src/webview/spend/spendChart';
import { darkHighContrast, darkModern, lightModern, type VsCodeTheme } from './fixtures/vscodeThemes';
import { startWebviewDocumentServer, type ServedFile, type WebviewDocumentServer } from './harness/webviewDocumentServer';
import type { SpendPageApi } from './page/fakeSpendVsCodeApi';

const repoRoot = path.resolve(__dirname, '../..');
const screenshots = path.join(repoRoot, 'test-results', 'screenshots');
const now = Date.UTC(2026, 10, 15, 12);
const day = 24 * 60 * 60 * 1000;

function record(change: Partial<SpendRecord> & { at: number }): SpendRecord {
  return {
    id: `w.${change.at}.${Math.random()}`,
    kind: 'chat',
    provider: 'openai',
    model: 'gpt-4o',
    usd: 0.1,
    count: 1,
    unpriced: 0,
    estimated: 0,
    ...change,
  };
}

function sampleReport(): SpendViewReport {
  const records: SpendRecord[] = [];
  for (let back = 0; back < 30; back += 3) {
    records.push(record({ at: now - back * day, usd: 0.05 * (back % 7) + 0.02, conversationId: 'c1' }));
    records.push(record({ at: now - back * day, provider: 'anthropic', model: 'claude-sonnet-4', usd: 0.12, conversationId: 'c2' }));
  }
  records.push(record({ at: now - 3 * day, kind: 'image', provider: 'stability', model: 'sd3', usd: 0.065, images: 1 }));
  records.push(record({ at: now - day, kind: 'completion', provider: 'openai', model: 'codestral', usd: 0.004, count: 40 }));
  records.push(record({ at: now - 4 * day, provider: 'local', model: 'llama', usd: 0, unpriced: 1 }));
  return buildSpendReport(records, {
    now,
    days: 30,
    top: 10,
    offset: () => 0,
    titles: new Map([
      ['c1', 'Refactor the parser <script>alert(1)</script>'],
      ['c2', 'Release notes'],
    ]),
  });
}

describe('spend view: the chart’s numbers', () => {
  it('a dollar axis of round steps just past the highest bar', () => {
    assert.deepEqual(dollarScale(0.42), { top: 0.5, step: 0.1, ticks: [0, 0.1, 0.2, 0.3, 0.4, 0.5], decimals: 2 });
    assert.deepEqual(dollarScale(3.1).ticks, [0, 1, 2, 3, 4]);
    assert.deepEqual(dollarScale(12).ticks, [0, 2.5, 5, 7.5, 10, 12.5]);
    assert.deepEqual(dollarScale(0.003).ticks, [0, 0.001, 0.002, 0.003]);
    assert.deepEqual(dollarScale(0), { top: 0.01, step: 0.01, ticks: [0, 0.01], decimals: 2 });
    for (const max of [0.0001, 0.07, 0.99, 1, 7.3, 49, 1234]) {
      const scale = dollarScale(max);
      assert.ok(scale.top >= max && scale.ticks.length <= 6 && scale.ticks.length >= 2, `${max}: ${JSON.stringify(scale)}`);
    }
    const two = dollarScale(2);
    assert.deepEqual(
      two.ticks.map((tick) => tickLabel(tick, two.decimals)),
      ['$0', '$0.50', '$1.00', '$1.50', '$2.00'],
    );
    assert.deepEqual(
      dollarScale(40).ticks.map((tick) => tickLabel(tick, dollarScale(40).decimals)),
      ['$0', '$10', '$20', '$30', '$40'],
    );
  });

  it('stacks each day by provider (most spent first) or by kind, leaving out parts of no money', () => {
    const report = sampleReport();
    assert.deepEqual(report.providers, ['openai', 'anthropic', 'stability', 'local']);
    const byProvider = stackBars(report.days, chartSeries(report, 'provider'), 'provider');
    const today = byProvider[29]!;
    assert.deepEqual(
      today.segments.map((segment) => [segment.key, segment.color, round(segment.from), round(segment.to)]),
      [
        ['openai', 0, 0, 0.02],
        ['anthropic', 1, 0.02, 0.14],
      ],
    );
    const byKind = stackBars(report.days, chartSeries(report, 'kind'), 'kind');
    assert.deepEqual(
      byKind[28]!.segments.map((segment) => segment.key),
      ['completion'],
    );
    assert.deepEqual(
      byKind[26]!.segments.map((segment) => [segment.key, segment.color]),
      [
        ['chat', 0],
        ['image', 1],
      ],
    );
    assert.equal(byKind[25]!.unpriced, 1);
    assert.deepEqual(byKind[25]!.segments, []);
  });

  it('labels every fifth day counting back from today', () => {
    assert.deepEqual(
      [...labelledDays(30, 5)].sort((a, b) => a - b),
      [4, 9, 14, 19, 24, 29],
    );
  });
});

describe('spend view: the real view in Chromium', function () {
  this.timeout(60_000);
  let server: WebviewDocumentServer;
  let browser: Browser;
  let page: Page;

  before(async () => {
    const result = await esbuild.build({
      entryPoints: { app: path.join(repoRoot, 'test/webview/page/spendViewPage.ts') },
      bundle: true,
      write: false,
      outdir: path.join(repoRoot, 'out/webview-test'),
      format: 'iife',
      platform: 'browser',
      target: 'es2022',
      sourcemap: 'inline',
      logLevel: 'silent',
    });
    const files = new Map<string, ServedFile>(
      result.outputFiles.map((file) => [
        `/${path.basename(file.path)}`,
        { type: file.path.endsWith('.css') ? 'text/css' : 'text/javascript', body: file.contents },
      ]),
    );
    server = await startWebviewDocumentServer({
      files,
      page: (origin, nonce) =>
        renderWebviewDocument({
          cspSource: origin,
          nonce,
          scriptUri: `${origin}/app.js`,
          styleUris: [`${origin}/app.css`],
          lang: 'en',
          title: 'Spend',
          strings: englishStrings(),
        }),
    });
    browser = await launchChromium();
    page = await browser.newPage({ viewport: { width: 1000, height: 820 } });
  });
  after(async () => {
    await browser?.close();
    await server?.close();
  });

  const spend = <T>(run: (api: SpendPageApi, arg: unknown) => T, arg?: unknown): Promise<T> =>
    page.evaluate(
      ([source, value]) =>
        (new Function('api', 'arg', `return (${source})(api, arg)`) as (api: unknown, arg: unknown) => T)(
          (window as unknown as { sbSpend: SpendPageApi }).sbSpend,
          value,
        ),
      [run.toString(), arg] as const,
    );

  async function open(report: SpendViewReport, theme: VsCodeTheme = darkModern): Promise<void> {
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(error.message));
    await page.goto(server.url);
    await spend((api, arg) => api.setTheme((arg as VsCodeTheme).kind, (arg as VsCodeTheme).variables), {
      ...theme,
      variables: { ...theme.variables, ...chartColors(theme) },
    });
    assert.deepEqual(await spend((api) => api.posted()), [{ type: 'ready' }]);
    await spend((api, arg) => api.deliver({ type: 'report', report: arg }), report);
    assert.deepEqual(errors, []);
  }

  it('draws a bar for each day with spend, each with a title and a name, a hidden table and the top tables', async () => {
    const report = sampleReport();
    await open(report);
    const daysWithSpend = report.days.filter((day) => day.usd > 0 || day.unpriced > 0).map((day) => day.day);
    assert.deepEqual(await page.$$eval('svg.spend-chart g.bar', (bars) => bars.map((bar) => bar.getAttribute('data-day'))), daysWithSpend);
    const todayBar = page.locator('g.bar[data-day="2026-11-15"]');
    assert.equal(await todayBar.locator('title').textContent(), 'Nov 15: $0.14 — openai $0.02, anthropic $0.12');
    assert.equal(await todayBar.getAttribute('aria-label'), 'Nov 15: $0.14 — openai $0.02, anthropic $0.12');
    assert.equal(await todayBar.getAttribute('tabindex'), '0');
    assert.match((await page.locator('svg.spend-chart').getAttribute('aria-label')) ?? '', /stacked by provider\. Total \$/);
    assert.equal(
      await page.locator('g.bar[data-day="2026-11-11"]').getAttribute('aria-label'),
      'Nov 11: $0.00 — Requests with unknown price: 1',
    );
    // Keyboard: Tab from the switch reaches the bars in order.
    await page.locator('input[value="kind"]').focus();
    await page.keyboard.press('Tab');
    assert.equal(await page.evaluate(() => document.activeElement?.getAttribute('data-day')), daysWithSpend[0]);
    assert.equal(await page.locator('table[data-table="days"] tbody tr').count(), daysWithSpend.length);
    assert.deepEqual(await page.locator('table[data-table="conversations"] tbody td.title').allTextContents(), [
      'Refactor the parser <script>alert(1)</script>',
      'Release notes',
    ]);
    assert.deepEqual((await page.locator('table[data-table="models"] tbody tr').first().locator('td').allTextContents()).slice(0, 3), [
      'openai',
      'gpt-4o',
      '10',
    ]);
    assert.match((await page.locator('table[data-table="models"]').textContent()) ?? '', /llamaunknown|llama1unknown/);
    mkdirSync(screenshots, { recursive: true });
    await page.screenshot({ path: path.join(screenshots, 'spend-chart-page-dark.png'), fullPage: true });
  });

  it('stacks by kind on the switch, in light and high-contrast themes too', async () => {
    await open(sampleReport(), lightModern);
    await page.locator('input[value="kind"]').check();
    assert.deepEqual(await page.$$eval('g.bar[data-day="2026-11-12"] rect', (rects) => rects.map((rect) => rect.getAttribute('class'))), [
      'segment s0',
      'segment s1',
    ]);
    assert.match((await page.locator('svg.spend-chart').getAttribute('aria-label')) ?? '', /chat, images and completions/);
    assert.equal(await page.locator('.legend li').count(), 3);
    // The theme's colour, not a fixed one.
    assert.equal(
      await page.locator('g.bar[data-day="2026-11-12"] rect.s1').evaluate((rect) => getComputedStyle(rect).fill),
      'rgb(101, 45, 144)',
    );
    await page.screenshot({ path: path.join(screenshots, 'spend-chart-page-light.png'), fullPage: true });
    await open(sampleReport(), darkHighContrast);
    assert.notEqual(
      await page
        .locator('g.bar rect')
        .first()
        .evaluate((rect) => getComputedStyle(rect).stroke),
      'none',
    );
    await page.screenshot({ path: path.join(screenshots, 'spend-chart-page-high-contrast.png'), fullPage: true });
  });

  it('says when nothing was spent, and ignores a malformed report', async () => {
    await open(buildSpendReport([], { now, days: 30, top: 10, offset: () => 0, titles: new Map() }));
    assert.equal(await page.locator('.empty-title').textContent(), 'Nothing spent in the last 30 days');
    assert.equal(await page.locator('svg').count(), 0);
    await spend((api) => api.deliver({ type: 'report', report: { days: 'many' } }));
    assert.equal(await page.locator('.empty-title').count(), 1);
  });
});

/** The view's English, as the panel gives it (src/vscode/spend/spendViewStrings.ts, read from its source). */
function englishStrings(): Record<string, string> {
  const source = readFileSync(path.join(repoRoot, 'src/vscode/spend/spendViewStrings.ts'), 'utf8');
  const table = Object.fromEntries(
    [...source.matchAll(/(\w+): vscode\.l10n\.t\(\s*'([^']*)'\s*,?\s*\)/g)].map((match) => [match[1], match[2]]),
  );
  assert.ok(Object.keys(table).length >= 20, 'could not read the strings');
  return table as Record<string, string>;
}

/** The charts.* colours of VS Code's Dark Modern / Light Modern / high-contrast themes. */
function chartColors(theme: VsCodeTheme): Record<string, string> {
  const light = theme.kind === 'vscode-light';
  return {
    '--vscode-charts-foreground': light ? '#616161' : '#cccccc',
    '--vscode-charts-lines': light ? 'rgba(97, 97, 97, 0.5)' : 'rgba(204, 204, 204, 0.5)',
    '--vscode-charts-blue': light ? '#1a85ff' : '#3794ff',
    '--vscode-charts-orange': light ? '#d18616' : '#d18616',
    '--vscode-charts-green': light ? '#388a34' : '#89d185',
    '--vscode-charts-purple': light ? '#652d90' : '#b180d7',
    '--vscode-charts-red': light ? '#e51400' : '#f14c4c',
    '--vscode-charts-yellow': light ? '#bf8803' : '#cca700',
    ...(theme.kind === 'vscode-high-contrast' ? { '--vscode-contrastBorder': '#6fc3df' } : {}),
  };
}

function round(value: number): number {
  return Math.round(value * 1e6) / 1e6;
}
