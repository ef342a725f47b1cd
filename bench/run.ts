// `npm run bench`: every benchmark, one after the other, each in its own process, then one table.
//   stream   streaming client CPU against the official SDKs and the floor      (bench/stream/streamBench.ts)
//   render   incremental vs naive Markdown rendering of a 50,000-token answer   (bench/render/renderBench.ts)
//   open     opening a 2,000-message conversation in the webview                (bench/open/openBench.ts)
//   soak     1,000 streamed answers into one open chat view: heap, DOM          (bench/soak/soakBench.ts)
//   startup  bundle and VSIX sizes, activate() in the real editor               (bench/startup/startupBench.ts)
//   picker   the `@` picker's first results and keystrokes on 10,000 files     (bench/picker/pickerBench.ts)
//   images   downscaling a 12-megapixel photo for vision in the webview         (bench/images/imageBench.ts)
//   tools    a chat turn's tool steps: extension CPU beyond the model's own      (bench/tools/toolStepBench.ts)
//   completions  inline completions: the extension's work per request, cache, debounce (bench/completions/completionBench.ts)
// Writes bench/results/summary.json and summary.md (each bench also writes its own <name>.json). Every figure is a
// ratio of two things measured in the same run, except the few absolutes docs/performance.md states as budgets. Exit code:
// 0 all budgets met, 1 a budget missed, 2 a benchmark could not run.
//
//   npm run bench                 BENCH_QUICK=1 for a shorter run; BENCH_ONLY=stream,soak to run some
import { execFileSync, spawn } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { cleanEnv } from './lib/child';
import { budgetText, failedRows, markdownTable, repoRoot, resultsDir, row, type BenchResult, type SummaryRow } from './lib/report';
import { spread } from './lib/stats';

const quick = process.env['BENCH_QUICK'] === '1';

interface Step {
  name: string;
  script: string;
  env: NodeJS.ProcessEnv;
  /** Reads the step's result file into summary rows. */
  read(file: string): { rows: SummaryRow[]; notDone?: string[] };
}

const readBenchResult = (file: string): { rows: SummaryRow[]; notDone?: string[] } => {
  const result = JSON.parse(readFileSync(file, 'utf8')) as BenchResult;
  return { rows: result.rows, ...(result.notDone ? { notDone: result.notDone } : {}) };
};

interface RenderJson {
  summary: {
    ratio: number;
    streaming: { p95FirstTenthMs: number; p95LastTenthMs: number; totalMs: number };
    naive: { extrapolatedTotalMs: number };
  };
  rounds: { ratio: number; streaming: { p95FirstTenthMs: number; p95LastTenthMs: number } }[];
  method: { answerChars: number; chunks: number; naiveEveryNthChunk: number };
}

/** bench/render writes its own JSON (render.json); its figures become rows here. */
function readRender(file: string): { rows: SummaryRow[] } {
  const render = JSON.parse(readFileSync(file, 'utf8')) as RenderJson;
  const rounds = render.rounds;
  const what = `${render.method.answerChars} characters in ${render.method.chunks} chunks, headless Chromium`;
  return {
    rows: [
      row({
        bench: 'render',
        what: `streamed answer (${what}): main-thread time, naive re-render per chunk vs incremental`,
        contenders: 'naive / incremental',
        value: spread(rounds.map((r) => r.ratio)),
        unit: '×',
        budget: { op: '>=', value: 20 },
        note: `naive measured every ${render.method.naiveEveryNthChunk}th chunk, extrapolated`,
      }),
      row({
        bench: 'render',
        what: 'incremental renderer, per-chunk p95 in the last tenth of the answer',
        contenders: 'absolute (budget of docs/performance.md: one frame)',
        value: spread(rounds.map((r) => r.streaming.p95LastTenthMs)),
        unit: 'ms',
        budget: { op: '<=', value: 16 },
      }),
      row({
        bench: 'render',
        what: 'incremental renderer, per-chunk p95: last tenth vs first tenth (does not grow with length)',
        contenders: 'last / first tenth',
        value: spread(rounds.map((r) => r.streaming.p95LastTenthMs / r.streaming.p95FirstTenthMs)),
        unit: '×',
        budget: { op: '<=', value: 2 },
      }),
    ],
  };
}

const tsxArgs = (script: string): string[] => ['--import', 'tsx', path.join(repoRoot, script)];

const steps: Step[] = [
  { name: 'stream', script: 'bench/stream/streamBench.ts', env: {}, read: readBenchResult },
  {
    name: 'render',
    script: 'bench/render/renderBench.ts',
    env: quick ? { BENCH_ROUNDS: process.env['BENCH_ROUNDS'] ?? '1', BENCH_NAIVE_EVERY: process.env['BENCH_NAIVE_EVERY'] ?? '150' } : {},
    read: readRender,
  },
  { name: 'open', script: 'bench/open/openBench.ts', env: { BENCH_SKIP_BUILD: '1' }, read: readBenchResult },
  { name: 'soak', script: 'bench/soak/soakBench.ts', env: { BENCH_SKIP_BUILD: '1' }, read: readBenchResult },
  { name: 'startup', script: 'bench/startup/startupBench.ts', env: { BENCH_SKIP_BUILD: '1' }, read: readBenchResult },
  { name: 'picker', script: 'bench/picker/pickerBench.ts', env: {}, read: readBenchResult },
  { name: 'images', script: 'bench/images/imageBench.ts', env: {}, read: readBenchResult },
  { name: 'tools', script: 'bench/tools/toolStepBench.ts', env: {}, read: readBenchResult },
  { name: 'completions', script: 'bench/completions/completionBench.ts', env: {}, read: readBenchResult },
];

function runStep(step: Step): Promise<{ code: number | null; tail: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, tsxArgs(step.script), {
      cwd: repoRoot,
      env: cleanEnv(step.env),
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let tail = '';
    const keep = (chunk: Buffer, stream: NodeJS.WriteStream): void => {
      stream.write(chunk);
      tail = (tail + chunk.toString('utf8')).slice(-4000);
    };
    child.stdout.on('data', (chunk: Buffer) => keep(chunk, process.stdout));
    child.stderr.on('data', (chunk: Buffer) => keep(chunk, process.stderr));
    child.on('close', (code) => resolve({ code, tail }));
  });
}

async function main(): Promise<void> {
  const started = Date.now();
  const only = process.env['BENCH_ONLY']?.split(',').map((s) => s.trim());
  const chosen = steps.filter((s) => !only || only.includes(s.name));

  // One production build for all (the webview bundle for `open`; `startup` packages the VSIX, which builds again),
  // and the real-editor test bundles the startup harness installs.
  console.log('building: node esbuild.js --production; node esbuild.js --tests');
  execFileSync(process.execPath, ['esbuild.js', '--production'], { cwd: repoRoot, stdio: 'inherit' });
  if (chosen.some((s) => s.name === 'startup'))
    execFileSync(process.execPath, ['esbuild.js', '--tests'], { cwd: repoRoot, stdio: 'inherit' });

  const rows: SummaryRow[] = [];
  const notDone: string[] = [];
  const timings: Record<string, number> = {};
  for (const step of chosen) {
    console.log(`\n=== ${step.name} (${step.script}) ===`);
    const stepStarted = Date.now();
    const { code, tail } = await runStep(step);
    timings[step.name] = (Date.now() - stepStarted) / 1000;
    const file = path.join(resultsDir, `${step.name}.json`);
    const fresh =
      existsSync(file) && Date.parse((JSON.parse(readFileSync(file, 'utf8')) as { measured: string }).measured) >= stepStarted - 1000;
    if (!fresh) {
      notDone.push(`${step.name}: exited with ${code} and wrote no result: ${tail.trim().split('\n').slice(-5).join(' / ')}`);
      continue;
    }
    const result = step.read(file);
    rows.push(...result.rows);
    for (const line of result.notDone ?? []) notDone.push(`${step.name}: ${line}`);
    if (code !== 0 && failedRows(result.rows).length === 0 && !result.notDone)
      notDone.push(`${step.name}: exited with ${code} although every budget was met`);
  }

  const seconds = (Date.now() - started) / 1000;
  const missed = failedRows(rows);
  const table = markdownTable(rows);
  const header = [
    '# Switchboard benchmarks',
    '',
    `Measured ${new Date().toISOString()} on ${process.platform} ${process.arch}, Node ${process.version}, ${quick ? 'quick run (BENCH_QUICK=1)' : 'full run'}, ${seconds.toFixed(0)} s ` +
      `(${Object.entries(timings)
        .map(([name, s]) => `${name} ${s.toFixed(0)} s`)
        .join(', ')}).`,
    'Each ratio is of two things measured in the same run, rounds interleaved; the median is over rounds, the spread is min–max.',
    '',
  ];
  const footer = [
    '',
    missed.length === 0
      ? 'All budgets met.'
      : `Budgets missed: ${missed.map((r) => `${r.bench}: ${r.what} (${r.contenders}) ${r.value.median.toFixed(2)} vs ${budgetText(r)}`).join('; ')}.`,
    ...(notDone.length > 0 ? ['', 'Not measured:', ...notDone.map((line) => `- ${line}`)] : []),
    '',
    'Details: bench/results/<bench>.json.',
  ];
  const markdown = [...header, table, ...footer].join('\n');
  writeFileSync(path.join(resultsDir, 'summary.md'), `${markdown}\n`);
  writeFileSync(
    path.join(resultsDir, 'summary.json'),
    `${JSON.stringify({ measured: new Date().toISOString(), quick, seconds, timings, node: process.version, rows, missed: missed.length, notDone }, null, 2)}\n`,
  );
  console.log(`\n${markdown}\n\nwrote bench/results/summary.md and bench/results/summary.json`);
  process.exitCode = notDone.length > 0 ? 2 : missed.length > 0 ? 1 : 0;
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(2);
});
