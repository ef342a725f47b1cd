// The spend view's messages and strings (docs/spend.md, "Spend view"), shared by the extension's panel
// (src/vscode/spend/spendPanel.ts) and the view's script (src/webview/spend/spendMain.ts). The report has the shape of
// core's SpendReport (src/core/spend/spendReport.ts), which the panel passes as it is. The view checks every message
// with `parseSpendViewMessage` (plain checks rather than zod: the view's bundle stays a few kilobytes), and shows
// text only through textContent.

export type SpendViewKind = 'chat' | 'image' | 'completion';
export const spendViewKinds: readonly SpendViewKind[] = ['chat', 'image', 'completion'];

export interface SpendViewDay {
  /** `YYYY-MM-DD`, local. */
  day: string;
  usd: number;
  unpriced: number;
  byProvider: Record<string, number>;
  byKind: Record<SpendViewKind, number>;
}

export interface SpendViewReport {
  days: SpendViewDay[];
  providers: string[];
  total: { usd: number; unpriced: number; estimated: number; requests: number };
  byKind: Record<SpendViewKind, { usd: number; unpriced: number; requests: number }>;
  topConversations: Array<{ id: string; title: string; usd: number; answers: number; unpriced: number }>;
  topModels: Array<{ provider: string; model: string; usd: number; answers: number; unpriced: number }>;
}

/** Extension → view. */
export type SpendViewMessage = { type: 'report'; report: SpendViewReport };

/** View → extension: it is ready for the report (sent on every load, also when the panel comes back into view). */
export type SpendViewRequest = { type: 'ready' };

/** The view's words, in VS Code's display language (the panel fills them with vscode.l10n.t). `{0}`: placeholders. */
export const spendViewStringKeys = [
  'heading',
  'stackBy',
  'byProvider',
  'byKind',
  'kindChat',
  'kindImage',
  'kindCompletion',
  'chartLabel',
  'chartLabelByKind',
  'barLabel',
  'total',
  'unpriced',
  'estimated',
  'topConversations',
  'topModels',
  'colConversation',
  'colModel',
  'colProvider',
  'colRequests',
  'colCost',
  'colDay',
  'dayTable',
  'untitled',
  'empty',
  'emptyHint',
  'unknownPrice',
] as const;

export type SpendViewStrings = Record<(typeof spendViewStringKeys)[number], string>;

export function isSpendViewRequest(value: unknown): value is SpendViewRequest {
  return isObject(value) && value['type'] === 'ready';
}

/** The message, or undefined when it is not one the view can show. */
export function parseSpendViewMessage(value: unknown): SpendViewMessage | undefined {
  if (!isObject(value) || value['type'] !== 'report') return undefined;
  const report = value['report'];
  if (!isObject(report)) return undefined;
  const { days, providers, total, byKind, topConversations, topModels } = report;
  const ok =
    Array.isArray(days) &&
    days.length <= 366 &&
    days.every(
      (day) =>
        isObject(day) &&
        typeof day['day'] === 'string' &&
        /^\d{4}-\d{2}-\d{2}$/.test(day['day']) &&
        isAmount(day['usd']) &&
        isAmount(day['unpriced']) &&
        isAmounts(day['byProvider']) &&
        isKinds(day['byKind'], isAmount),
    ) &&
    Array.isArray(providers) &&
    providers.every((provider) => typeof provider === 'string') &&
    isObject(total) &&
    ['usd', 'unpriced', 'estimated', 'requests'].every((key) => isAmount(total[key])) &&
    isKinds(byKind, (sum) => isObject(sum) && isAmount(sum['usd']) && isAmount(sum['unpriced']) && isAmount(sum['requests'])) &&
    Array.isArray(topConversations) &&
    topConversations.every((row) => isObject(row) && typeof row['id'] === 'string' && typeof row['title'] === 'string' && isRow(row)) &&
    Array.isArray(topModels) &&
    topModels.every((row) => isObject(row) && typeof row['provider'] === 'string' && typeof row['model'] === 'string' && isRow(row));
  return ok ? { type: 'report', report: report as unknown as SpendViewReport } : undefined;
}

function isRow(row: Record<string, unknown>): boolean {
  return isAmount(row['usd']) && isAmount(row['answers']) && isAmount(row['unpriced']);
}

function isKinds(value: unknown, check: (value: unknown) => boolean): boolean {
  return isObject(value) && spendViewKinds.every((kind) => check(value[kind]));
}

function isAmounts(value: unknown): boolean {
  return isObject(value) && Object.values(value).every(isAmount);
}

function isAmount(value: unknown): value is number {
  return typeof value === 'number' && Number.isFinite(value) && value >= 0;
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Dollars as the status bar and the view show them: cents, and "<$0.01" for a fraction of a cent (never "$0.00" for spend). */
export function formatUsd(usd: number): string {
  if (!Number.isFinite(usd) || usd <= 0) return '$0.00';
  if (usd < 0.005) return '<$0.01';
  const [whole = '0', cents = '00'] = usd.toFixed(2).split('.');
  return `$${whole.replace(/\B(?=(\d{3})+$)/g, ',')}.${cents}`;
}
