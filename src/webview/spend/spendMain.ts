// The spend view's script (docs/spend.md, "Spend view"). It runs under the same strict CSP as the chat view, builds its
// DOM with createElement and textContent (conversation titles are the user's and the models' words), and shows only
// reports that pass parseSpendViewMessage. Its words come from the document's string table, which the extension fills
// in VS Code's display language (src/vscode/spend/spendViewStrings.ts).
import './spendView.css';
import {
  formatUsd,
  parseSpendViewMessage,
  spendViewStringKeys,
  type SpendViewReport,
  type SpendViewRequest,
  type SpendViewStrings,
} from '../../shared/spendView';
import { chartSeries, stackBars, type ChartBar, type StackMode } from './spendChart';
import { drawSpendChart } from './spendChartSvg';

interface SpendVsCodeApi {
  postMessage(message: SpendViewRequest): void;
  getState(): unknown;
  setState(state: unknown): void;
}

declare function acquireVsCodeApi(): SpendVsCodeApi;

const vscode = acquireVsCodeApi();
const strings = readStrings();
const app = document.getElementById('app') ?? document.body;
const dayFormat = new Intl.DateTimeFormat(document.documentElement.lang || undefined, { month: 'short', day: 'numeric', timeZone: 'UTC' });
let mode: StackMode = (vscode.getState() as { mode?: StackMode } | undefined)?.mode === 'kind' ? 'kind' : 'provider';
let report: SpendViewReport | undefined;

window.addEventListener('message', (event: MessageEvent<unknown>) => {
  const message = parseSpendViewMessage(event.data);
  if (message === undefined) return;
  report = message.report;
  render();
});
vscode.postMessage({ type: 'ready' });

function render(): void {
  if (report === undefined) return;
  const current = report;
  // Keep the focus on the switch when the view redraws under it.
  const focused = document.activeElement instanceof HTMLInputElement ? document.activeElement.value : undefined;
  app.replaceChildren(el('h1', {}, strings.heading));
  if (current.total.requests === 0) {
    app.append(el('div', { class: 'empty' }, el('p', { class: 'empty-title' }, strings.empty), el('p', {}, strings.emptyHint)));
    return;
  }
  app.append(summary(current), modeSwitch());
  const series = chartSeries(current, mode);
  const bars = stackBars(current.days, series, mode);
  const seriesLabel = (key: string): string => (mode === 'kind' ? kindLabel(key) : key);
  app.append(
    el(
      'ul',
      { class: 'legend', 'aria-hidden': 'true' },
      ...series.map((item) => el('li', {}, el('span', { class: `swatch s${item.color}` }), seriesLabel(item.key))),
    ),
    el(
      'figure',
      { class: 'chart' },
      drawSpendChart(bars, {
        label: format(mode === 'kind' ? strings.chartLabelByKind : strings.chartLabel, formatUsd(current.total.usd)),
        dayLabel,
        seriesLabel,
        barLabel: (day, amount) => format(strings.barLabel, day, amount),
        unpriced: (count) => format(strings.unpriced, String(count)),
      }),
    ),
    dayTable(
      bars,
      series.map((item) => item.key),
      seriesLabel,
    ),
    topTables(current),
  );
  if (focused !== undefined) app.querySelector<HTMLInputElement>(`input[value="${focused}"]`)?.focus();
}

function summary(current: SpendViewReport): HTMLElement {
  const parts = [format(strings.total, formatUsd(current.total.usd))];
  if (current.total.unpriced > 0) parts.push(format(strings.unpriced, String(current.total.unpriced)));
  if (current.total.estimated > 0) parts.push(format(strings.estimated, String(current.total.estimated)));
  const kinds = (['chat', 'image', 'completion'] as const)
    .filter((kind) => current.byKind[kind].requests > 0)
    .map((kind) => `${kindLabel(kind)} ${cost(current.byKind[kind].usd, current.byKind[kind].unpriced)}`);
  return el('p', { class: 'summary' }, [...parts, ...kinds].join(' · '));
}

function modeSwitch(): HTMLElement {
  const option = (value: StackMode, label: string): HTMLElement => {
    const input = el('input', { type: 'radio', name: 'stack', value });
    input.checked = mode === value;
    input.addEventListener('change', () => {
      mode = value;
      vscode.setState({ mode });
      render();
    });
    return el('label', {}, input, label);
  };
  return el(
    'fieldset',
    { class: 'switch' },
    el('legend', {}, strings.stackBy),
    option('provider', strings.byProvider),
    option('kind', strings.byKind),
  );
}

/** The chart's figures for screen readers: a table the eye does not see. */
function dayTable(bars: readonly ChartBar[], keys: readonly string[], seriesLabel: (key: string) => string): HTMLElement {
  const rows = bars
    .filter((bar) => bar.total > 0 || bar.unpriced > 0)
    .map((bar) =>
      el(
        'tr',
        {},
        el('th', { scope: 'row' }, dayLabel(bar.day)),
        ...keys.map((key) => el('td', {}, formatUsd(bar.segments.find((segment) => segment.key === key)?.usd ?? 0))),
        el('td', {}, cost(bar.total, bar.unpriced)),
      ),
    );
  return el(
    'table',
    { class: 'visually-hidden', 'data-table': 'days' },
    el('caption', {}, strings.dayTable),
    el(
      'thead',
      {},
      el(
        'tr',
        {},
        el('th', { scope: 'col' }, strings.colDay),
        ...keys.map((key) => el('th', { scope: 'col' }, seriesLabel(key))),
        el('th', { scope: 'col' }, strings.colCost),
      ),
    ),
    el('tbody', {}, ...rows),
  );
}

function topTables(current: SpendViewReport): HTMLElement {
  const conversations = current.topConversations.map((row) =>
    el(
      'tr',
      {},
      el('td', { class: 'title' }, row.title === '' ? strings.untitled : row.title),
      el('td', { class: 'number' }, String(row.answers)),
      el('td', { class: 'number' }, cost(row.usd, row.unpriced)),
    ),
  );
  const models = current.topModels.map((row) =>
    el(
      'tr',
      {},
      el('td', {}, row.provider),
      el('td', {}, row.model),
      el('td', { class: 'number' }, String(row.answers)),
      el('td', { class: 'number' }, cost(row.usd, row.unpriced)),
    ),
  );
  const table = (name: string, caption: string, columns: string[], rows: HTMLElement[]): HTMLElement =>
    el(
      'table',
      { class: 'top', 'data-table': name },
      el('caption', {}, caption),
      el(
        'thead',
        {},
        el(
          'tr',
          {},
          ...columns.map((column, index) => el('th', { scope: 'col', class: index >= columns.length - 2 ? 'number' : '' }, column)),
        ),
      ),
      el('tbody', {}, ...rows),
    );
  return el(
    'div',
    { class: 'tables' },
    conversations.length > 0
      ? table('conversations', strings.topConversations, [strings.colConversation, strings.colRequests, strings.colCost], conversations)
      : '',
    table('models', strings.topModels, [strings.colProvider, strings.colModel, strings.colRequests, strings.colCost], models),
  );
}

/** Dollars, with "unknown" when some of the requests had no known price. */
function cost(usd: number, unpriced: number): string {
  if (unpriced === 0) return formatUsd(usd);
  return usd > 0 ? `${formatUsd(usd)} + ${strings.unknownPrice}` : strings.unknownPrice;
}

function kindLabel(kind: string): string {
  return kind === 'chat' ? strings.kindChat : kind === 'image' ? strings.kindImage : strings.kindCompletion;
}

function dayLabel(day: string): string {
  const [year, month, date] = day.split('-').map(Number) as [number, number, number];
  return dayFormat.format(new Date(Date.UTC(year, month - 1, date)));
}

function format(template: string, ...values: string[]): string {
  return template.replace(/\{(\d+)\}/g, (match, index: string) => values[Number(index)] ?? match);
}

/** The document's string table; a key missing there shows as its key (the extension always sends them all). */
function readStrings(): SpendViewStrings {
  let table: Record<string, unknown> = {};
  try {
    const parsed: unknown = JSON.parse(document.getElementById('strings')?.textContent ?? '{}');
    if (typeof parsed === 'object' && parsed !== null) table = parsed as Record<string, unknown>;
  } catch {
    // Keys stand in for the words.
  }
  return Object.fromEntries(spendViewStringKeys.map((key) => [key, typeof table[key] === 'string' ? table[key] : key])) as SpendViewStrings;
}

function el<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  attributes: Record<string, string>,
  ...children: Array<Node | string>
): HTMLElementTagNameMap[K] {
  const element = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) if (value !== '') element.setAttribute(name, value);
  element.append(...children);
  return element;
}
