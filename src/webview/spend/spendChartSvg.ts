// Draws the spend chart as SVG (docs/spend.md, "Spend view"): stacked bars per day, a dollar axis with round ticks
// and grid lines, day labels. Each bar is a focusable group with a <title> and an aria-label saying its day, total and
// parts; the chart as a whole has a label with the span's total (the view adds a visually hidden table of the same
// figures). Colours are classes (spendView.css: the theme's charts.* colours): the CSP allows no inline style.
import { formatUsd } from '../../shared/spendView';
import { dollarScale, labelledDays, tickLabel, type ChartBar } from './spendChart';

const svgNs = 'http://www.w3.org/2000/svg';
const width = 760;
const height = 260;
const margin = { top: 12, right: 8, bottom: 30, left: 56 };

export interface ChartText {
  /** The chart's accessible name. */
  label: string;
  /** A day as shown under the axis and in the bar's name. */
  dayLabel: (day: string) => string;
  /** A series' name (provider id, or the kind's word). */
  seriesLabel: (key: string) => string;
  /** `{0}: {1}`. */
  barLabel: (day: string, amount: string) => string;
  /** A day's requests with no known price, or undefined when there were none. */
  unpriced: (count: number) => string | undefined;
}

export function drawSpendChart(bars: readonly ChartBar[], text: ChartText): SVGSVGElement {
  const svg = svgElement('svg', {
    class: 'spend-chart',
    viewBox: `0 0 ${width} ${height}`,
    role: 'group',
    'aria-label': text.label,
    preserveAspectRatio: 'xMidYMid meet',
  });
  const plotWidth = width - margin.left - margin.right;
  const plotHeight = height - margin.top - margin.bottom;
  const scale = dollarScale(Math.max(0, ...bars.map((bar) => bar.total)));
  const y = (usd: number): number => margin.top + plotHeight - (usd / scale.top) * plotHeight;

  const axis = svgElement('g', { class: 'axis', 'aria-hidden': 'true' });
  for (const tick of scale.ticks) {
    const at = round(y(tick));
    axis.append(
      svgElement('line', { class: tick === 0 ? 'baseline' : 'grid', x1: margin.left, x2: width - margin.right, y1: at, y2: at }),
      svgText(tickLabel(tick, scale.decimals), {
        class: 'tick',
        x: margin.left - 6,
        y: at,
        'text-anchor': 'end',
        'dominant-baseline': 'middle',
      }),
    );
  }
  svg.append(axis);

  const slot = plotWidth / Math.max(1, bars.length);
  const barWidth = Math.max(2, slot * 0.7);
  const labelled = labelledDays(bars.length, bars.length > 14 ? 5 : 1);
  const days = svgElement('g', { class: 'days', 'aria-hidden': 'true' });
  const columns = svgElement('g', { class: 'bars' });
  bars.forEach((bar, index) => {
    const x = margin.left + slot * index + (slot - barWidth) / 2;
    if (labelled.has(index))
      days.append(
        svgText(text.dayLabel(bar.day), {
          class: 'day',
          x: round(x + barWidth / 2),
          y: height - margin.bottom + 18,
          'text-anchor': 'middle',
        }),
      );
    if (bar.segments.length === 0 && bar.unpriced === 0) return;
    const parts = bar.segments.map((segment) => `${text.seriesLabel(segment.key)} ${formatUsd(segment.usd)}`);
    const unpriced = bar.unpriced > 0 ? text.unpriced(bar.unpriced) : undefined;
    const name = [text.barLabel(text.dayLabel(bar.day), formatUsd(bar.total)), parts.join(', '), unpriced].filter(Boolean).join(' — ');
    const group = svgElement('g', { class: 'bar', tabindex: '0', role: 'img', 'aria-label': name, 'data-day': bar.day });
    const title = svgElement('title', {});
    title.textContent = name;
    group.append(title);
    for (const segment of bar.segments) {
      const top = y(segment.to);
      group.append(
        svgElement('rect', {
          class: `segment s${segment.color}`,
          x: round(x),
          y: round(top),
          width: round(barWidth),
          // At least a hair, so a fraction of a cent still shows.
          height: round(Math.max(1, y(segment.from) - top)),
          'data-series': segment.key,
        }),
      );
    }
    // A day of unpriced requests only: a marker on the baseline, so the day is not taken for a day without use.
    if (bar.segments.length === 0)
      group.append(svgElement('rect', { class: 'segment unpriced', x: round(x), y: round(y(0) - 3), width: round(barWidth), height: 3 }));
    columns.append(group);
  });
  svg.append(columns, days);
  return svg;
}

function svgElement(tag: string, attributes: Record<string, string | number>): SVGSVGElement {
  const element = document.createElementNS(svgNs, tag) as SVGSVGElement;
  for (const [name, value] of Object.entries(attributes)) element.setAttribute(name, String(value));
  return element;
}

function svgText(content: string, attributes: Record<string, string | number>): SVGSVGElement {
  const element = svgElement('text', attributes);
  element.textContent = content;
  return element;
}

function round(value: number): number {
  return Math.round(value * 10) / 10;
}
