// The shape every benchmark writes to bench/results/<name>.json, and the combined table of `npm run bench`.
import { mkdirSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { fmt, type Spread } from './stats';

export const repoRoot = path.resolve(__dirname, '../..');
export const resultsDir = path.join(repoRoot, 'bench', 'results');

export interface Budget {
  /** `<=`: the ratio must not exceed `value`; `>=`: it must reach it. */
  op: '<=' | '>=';
  value: number;
}

/** One line of the summary: a ratio of two things measured in the same run (or, where docs/performance.md says so, an absolute). */
export interface SummaryRow {
  bench: string;
  what: string;
  /** Numerator / denominator, in words. */
  contenders: string;
  /** Median and min–max over rounds. */
  value: Spread;
  /** `×` for ratios, `ms` or `KB` where docs/performance.md gives an absolute budget. */
  unit: '×' | 'ms' | 'KB';
  budget?: Budget;
  /** Set when a budget applies. */
  pass?: boolean;
  note?: string;
}

export function row(fields: Omit<SummaryRow, 'pass'>): SummaryRow {
  const pass = fields.budget === undefined ? undefined : passes(fields.value.median, fields.budget);
  return { ...fields, ...(pass === undefined ? {} : { pass }) };
}

export function passes(value: number, budget: Budget): boolean {
  if (!Number.isFinite(value)) return false;
  return budget.op === '<=' ? value <= budget.value : value >= budget.value;
}

function cell(text: string): string {
  return text.replace(/\|/g, '\\|').replace(/\n/g, ' ');
}

function valueText(r: SummaryRow): string {
  const digits = r.unit === 'KB' ? 1 : 2;
  const unit = r.unit === '×' ? '×' : ` ${r.unit}`;
  return `${fmt(r.value.median, digits)}${unit}`;
}

function spreadText(r: SummaryRow): string {
  if (r.value.n <= 1) return r.value.n === 1 ? 'one measurement' : '—';
  const digits = r.unit === 'KB' ? 1 : 2;
  return `${fmt(r.value.min, digits)}–${fmt(r.value.max, digits)} (n=${r.value.n})`;
}

export function budgetText(r: SummaryRow): string {
  if (!r.budget) return '—';
  const unit = r.unit === '×' ? '×' : ` ${r.unit}`;
  return `${r.budget.op === '<=' ? '≤' : '≥'} ${r.budget.value}${unit}`;
}

export function markdownTable(rows: readonly SummaryRow[]): string {
  const lines = [
    '| bench | what | contenders | median | spread (min–max) | budget | result |',
    '| --- | --- | --- | ---: | --- | --- | --- |',
  ];
  for (const r of rows) {
    const result = r.pass === undefined ? 'info' : r.pass ? 'pass' : '**FAIL**';
    lines.push(
      `| ${cell(r.bench)} | ${cell(r.what)}${r.note ? ` (${cell(r.note)})` : ''} | ${cell(r.contenders)} | ${valueText(r)} | ${spreadText(r)} | ${budgetText(r)} | ${result} |`,
    );
  }
  return lines.join('\n');
}

export interface BenchResult {
  bench: string;
  measured: string;
  seconds: number;
  /** How it was measured, for whoever reads the JSON later. */
  method: Record<string, unknown>;
  rows: SummaryRow[];
  /** Everything measured, per round. */
  details: unknown;
  /** Things that could not be measured, with why. */
  notDone?: string[];
}

export function writeResult(result: BenchResult): string {
  mkdirSync(resultsDir, { recursive: true });
  const file = path.join(resultsDir, `${result.bench}.json`);
  writeFileSync(file, `${JSON.stringify(result, null, 2)}\n`);
  return path.relative(repoRoot, file);
}

export function failedRows(rows: readonly SummaryRow[]): SummaryRow[] {
  return rows.filter((r) => r.pass === false);
}
