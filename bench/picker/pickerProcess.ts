// Runs in a fresh process (bundled and minified by pickerBench.ts, like dist/engine.js): builds the `@` picker's index
// over the workspace's files and answers queries, as the extension does when the user first types `@`. The clock
// covers the index and the queries only (the paths are made before it starts). Prints one line: `BENCH_RESULT {json}`.
import { FuzzyFileIndex } from '../../src/core/context/fuzzyFileIndex';
import { workspacePaths } from './workspacePaths';

export interface PickerReport {
  files: number;
  indexed: number;
  /** new FuzzyFileIndex(...) in a fresh process. */
  buildMs: number;
  /** The query for `@` with nothing typed yet (the top level), right after the build. */
  firstQueryMs: number;
  /** CPU time (user + system, process.cpuUsage) of the build and the first query together. */
  firstCpuMs: number;
  /** Each keystroke of the typed words: the query for the text so far. */
  keystrokes: { text: string; ms: number; cpuMs: number; results: number }[];
  /** The same words typed again once warm, against this index and against one of a tenth of the files (scaling). */
  warmKeystrokes: { text: string; ms: number }[];
  smallKeystrokes: { text: string; ms: number }[];
}

const files = Number(process.env['BENCH_PICKER_FILES'] ?? 10_000);
const limit = 50;
const words = ['button', 'userservice', 'index.ts', 'readme', 'web/src/comp', 'paymentCtrl'];

function typeWords(index: FuzzyFileIndex): { text: string; ms: number; cpuMs: number; results: number }[] {
  const out: { text: string; ms: number; cpuMs: number; results: number }[] = [];
  for (const word of words) {
    for (let length = 1; length <= word.length; length++) {
      const text = word.slice(0, length);
      const cpu = process.cpuUsage();
      const started = performance.now();
      const results = index.query(text, limit);
      const ms = performance.now() - started;
      out.push({ text, ms, cpuMs: cpuMs(cpu), results: results.length });
    }
  }
  return out;
}

function cpuMs(since: NodeJS.CpuUsage): number {
  const used = process.cpuUsage(since);
  return (used.user + used.system) / 1000;
}

const entries = workspacePaths(files).map((relativePath) => ({ uri: `file:///workspace/${relativePath}`, relativePath }));
const small = entries.slice(0, Math.floor(files / 10));

const cpu = process.cpuUsage();
const started = performance.now();
const index = new FuzzyFileIndex(entries);
const built = performance.now();
const top = index.query('', limit);
const answered = performance.now();
const firstCpuMs = cpuMs(cpu);
if (top.length === 0) throw new Error('the first query found nothing');
const keystrokes = typeWords(index);
const smallIndex = new FuzzyFileIndex(small);
const smallKeystrokes = typeWords(smallIndex).map(({ text, ms }) => ({ text, ms }));
const warmKeystrokes = typeWords(index).map(({ text, ms }) => ({ text, ms }));

const report: PickerReport = {
  files: entries.length,
  indexed: index.size,
  buildMs: built - started,
  firstQueryMs: answered - built,
  firstCpuMs,
  keystrokes,
  warmKeystrokes,
  smallKeystrokes,
};
console.log(`BENCH_RESULT ${JSON.stringify(report)}`);
