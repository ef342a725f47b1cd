// The spend chart's numbers (docs/spend.md, "Spend view"), apart from drawing them: the series a bar is stacked from
// (providers, most spent first, or chat / images / completions), each day's stack, and a dollar axis with round
// ticks. Pure, so the webview tests check them without a browser.
import { spendViewKinds, type SpendViewDay, type SpendViewKind, type SpendViewReport } from '../../shared/spendView';

export type StackMode = 'provider' | 'kind';

export interface ChartSeries {
  key: string;
  /** Which of the theme's chart colours (spendView.css `.s0`–`.s5`). */
  color: number;
}

export interface BarSegment {
  key: string;
  color: number;
  usd: number;
  /** Dollars below and at the top of the segment. */
  from: number;
  to: number;
}

export interface ChartBar {
  day: string;
  total: number;
  unpriced: number;
  segments: BarSegment[];
}

export interface DollarScale {
  /** The axis' top, a whole number of steps. */
  top: number;
  step: number;
  ticks: number[];
  /** Decimals the ticks need ($0.25: 2, $5: 0). */
  decimals: number;
}

/** Colours 0–5 are blue, purple, green, yellow, orange, red (VS Code's charts.* theme colours; spendView.css). */
const paletteSize = 6;
const kindColors: Record<SpendViewKind, number> = { chat: 0, image: 1, completion: 2 };

export function chartSeries(report: SpendViewReport, mode: StackMode): ChartSeries[] {
  if (mode === 'kind') return spendViewKinds.map((kind) => ({ key: kind, color: kindColors[kind] }));
  // A provider with requests but no known dollars (a local server, an unpriced model) has nothing to draw.
  const drawn = report.providers.filter((provider) => report.days.some((day) => (day.byProvider[provider] ?? 0) > 0));
  return drawn.map((provider, index) => ({ key: provider, color: index % paletteSize }));
}

/** Each day's stack, bottom to top in the order of `series`; segments of no money are left out. */
export function stackBars(days: readonly SpendViewDay[], series: readonly ChartSeries[], mode: StackMode): ChartBar[] {
  return days.map((day) => {
    const amounts: Record<string, number> = mode === 'kind' ? day.byKind : day.byProvider;
    const segments: BarSegment[] = [];
    let from = 0;
    for (const { key, color } of series) {
      const usd = amounts[key] ?? 0;
      if (!(usd > 0)) continue;
      segments.push({ key, color, usd, from, to: from + usd });
      from += usd;
    }
    return { day: day.day, total: from, unpriced: day.unpriced, segments };
  });
}

/** A dollar axis from 0 past `max` in at most `maxTicks` round steps (1, 2, 2.5 or 5 times a power of ten). */
export function dollarScale(max: number, maxTicks = 5): DollarScale {
  const highest = Number.isFinite(max) && max > 0 ? max : 0;
  // Nothing priced yet: an axis to a cent, rather than a scale of nothing.
  const raw = highest === 0 ? 0.01 : highest / Math.max(1, maxTicks);
  const magnitude = 10 ** Math.floor(Math.log10(raw));
  const step = ([1, 2, 2.5, 5, 10].find((factor) => raw <= factor * magnitude * (1 + 1e-9)) ?? 10) * magnitude;
  const count = Math.max(1, Math.ceil(highest / step - 1e-9));
  const decimals = decimalsOf(step);
  const ticks = Array.from({ length: count + 1 }, (_, index) => Number((index * step).toFixed(decimals + 2)));
  return { top: ticks[ticks.length - 1] ?? step, step, ticks, decimals };
}

/** A tick's label: `$0`, `$0.25`, `$1.50`, `$20`. */
export function tickLabel(usd: number, decimals: number): string {
  return usd === 0 ? '$0' : `$${usd.toFixed(decimals)}`;
}

/** Which days get a label under the axis: every `every`-th counting back from the last (today is always labelled). */
export function labelledDays(count: number, every: number): Set<number> {
  const labelled = new Set<number>();
  for (let index = count - 1; index >= 0; index -= Math.max(1, every)) labelled.add(index);
  return labelled;
}

/** Money shown with whole cents: a step under a dollar needs two decimals ($0.50, not $0.5). */
function decimalsOf(step: number): number {
  for (let decimals = 0; decimals <= 8; decimals++) {
    const scaled = step * 10 ** decimals;
    if (Math.abs(scaled - Math.round(scaled)) < 1e-6) return decimals === 1 ? 2 : decimals;
  }
  return 8;
}
