// A tool step's cost to the extension (docs/performance.md: ≤ 5 ms of extension CPU per step beyond the model's own
// time). A chat turn in which the model calls read_file BENCH_TOOLS_STEPS times (10; each a real ~20 KB source file of
// this repository, copied into a temporary workspace) and then answers, against as many requests without tools whose
// answers stream as many chunks of about the same bytes (the baseline; why that baseline: toolTurnProcess.ts).
// The model is a local OpenAI-compatible server in its own process (toolModelServer.ts), so its CPU is not counted;
// the turns run in another process, through the engine as shipped (toolTurnProcess.ts bundled and minified like
// dist/engine.js), each process warming both sides up before rounds of both in alternating order:
//   extra per step   (tool turn CPU − baseline CPU) / steps, median over rounds     budget ≤ 5 ms
//   ratio            tool turn CPU / baseline CPU (information)
//
//   npm run bench:tools           BENCH_QUICK=1, BENCH_TOOLS_STEPS (default 10), BENCH_TOOLS_ROUNDS (per process,
//                                 default 12), BENCH_TOOLS_PROCESSES (default 3), BENCH_PROFILE=1 (profile each side's
//                                 rounds, unminified, and print where a step's extra time goes; by default when the
//                                 budget is missed, not in a quick run; 0: never)
import { spawn, type ChildProcess } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import * as path from 'node:path';
import { createInterface } from 'node:readline';
import { summarizeProfile, type ProfileSummary } from '../stream/cpuProfile';
import { bundleForNode, buildDir } from '../lib/bundle';
import { cleanEnv, runNodeForResult } from '../lib/child';
import { failedRows, markdownTable, repoRoot, row, writeResult, type SummaryRow } from '../lib/report';
import { fmt, median, spread } from '../lib/stats';
import type { ToolProcessReport } from './toolTurnProcess';

const quick = process.env['BENCH_QUICK'] === '1';
const steps = Number(process.env['BENCH_TOOLS_STEPS'] ?? 10);
const roundsPerProcess = Number(process.env['BENCH_TOOLS_ROUNDS'] ?? (quick ? 6 : 12));
const processes = Number(process.env['BENCH_TOOLS_PROCESSES'] ?? (quick ? 1 : 3));
const warmup = quick ? 3 : 6;
const profileMode = process.env['BENCH_PROFILE'];
const budgetMs = 5;
const targetBytes = 20_000;

/** The source file of this repository closest to 20 KB: what the model reads, real code rather than filler. */
function sourceFile(): { file: string; bytes: number } {
  let best: { file: string; bytes: number } | undefined;
  for (const entry of readdirSync(path.join(repoRoot, 'src'), { recursive: true, encoding: 'utf8' })) {
    if (!entry.endsWith('.ts')) continue;
    const file = path.join(repoRoot, 'src', entry);
    const bytes = statSync(file).size;
    if (best === undefined || Math.abs(bytes - targetBytes) < Math.abs(best.bytes - targetBytes)) best = { file, bytes };
  }
  if (best === undefined) throw new Error('no TypeScript file under src/');
  return best;
}

/** A workspace of `steps` copies of the file under different paths (the loop refuses a call repeated three times). */
function makeWorkspace(source: string): { root: string; files: string[] } {
  const root = mkdtempSync(path.join(tmpdir(), 'switchboard-bench-tools-'));
  const name = path.basename(source);
  const files: string[] = [];
  for (let i = 1; i <= steps; i++) {
    const relative = `src/part${String(i).padStart(2, '0')}/${name}`;
    mkdirSync(path.join(root, path.dirname(relative)), { recursive: true });
    copyFileSync(source, path.join(root, relative));
    files.push(relative);
  }
  return { root, files };
}

interface ModelServer {
  origin: string;
  child: ChildProcess;
  /** Closes its stdin (it stops) and resolves with what it served. */
  stop(): Promise<string>;
}

function startModelServer(files: readonly string[], minResultChars: number): Promise<ModelServer> {
  const child = spawn(process.execPath, ['--import', 'tsx', path.join(repoRoot, 'bench/tools/toolModelServer.ts')], {
    cwd: repoRoot,
    env: cleanEnv({
      BENCH_TOOLS_FILES: JSON.stringify(files),
      BENCH_TOOLS_STEPS: String(steps),
      BENCH_TOOLS_MIN_RESULT: String(minResultChars),
    }),
    stdio: ['pipe', 'pipe', 'inherit'],
  });
  const lines = createInterface({ input: child.stdout! });
  let served = '';
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('the model server did not start within 30 s')), 30_000);
    child.once('exit', (code) => reject(new Error(`the model server exited with ${code}`)));
    lines.on('line', (line) => {
      if (line.startsWith('BENCH_SERVED ')) served = line.slice('BENCH_SERVED '.length);
      if (!line.startsWith('BENCH_SERVER ')) return;
      clearTimeout(timer);
      resolve({
        origin: line.slice('BENCH_SERVER '.length),
        child,
        stop: async () => {
          child.stdin!.end();
          const killer = setTimeout(() => child.kill('SIGKILL'), 5_000);
          await exited;
          clearTimeout(killer);
          return served;
        },
      });
    });
  });
}

function turnEnv(origin: string, root: string, files: readonly string[], extra: NodeJS.ProcessEnv = {}): NodeJS.ProcessEnv {
  return cleanEnv({
    BENCH_TOOLS_ORIGIN: origin,
    BENCH_TOOLS_WORKSPACE: root,
    BENCH_TOOLS_FILES: JSON.stringify(files),
    BENCH_TOOLS_STEPS: String(steps),
    BENCH_TOOLS_ROUNDS: String(roundsPerProcess),
    BENCH_TOOLS_WARMUP: String(warmup),
    ...extra,
  });
}

interface ProfileReport {
  sides: Record<string, ProfileSummary>;
  /** Per function, the tool side's self time minus the baseline's, per tool step: where a step's extra time goes. */
  extraPerStep: { name: string; module: string; ms: number }[];
}

async function profileSides(server: ModelServer, root: string, files: readonly string[]): Promise<ProfileReport> {
  console.log('\nprofiling (the CPU profiler of node:inspector at 100 µs, unminified bundle; one process per side, its rounds only)…');
  const bundle = await bundleForNode('bench/tools/toolTurnProcess.ts', 'tools-profile.js', { minify: false });
  const sides: Record<string, ProfileSummary> = {};
  const full: Record<string, ProfileSummary> = {};
  const profileDir = path.join(buildDir, 'profile-tools');
  rmSync(profileDir, { recursive: true, force: true });
  mkdirSync(profileDir, { recursive: true });
  for (const side of ['tools', 'baseline'] as const) {
    const profileFile = path.join(profileDir, `${side}.cpuprofile`);
    await runNodeForResult<ToolProcessReport>(bundle.file, {
      env: turnEnv(server.origin, root, files, { BENCH_TOOLS_ONLY: side, BENCH_TOOLS_PROFILE: profileFile }),
    });
    const summary = summarizeProfile(profileFile, bundle.file);
    full[side] = summary;
    sides[side] = { ...summary, functions: summary.functions.slice(0, 40) };
    console.log(
      `${side}: ${summary.totalMs.toFixed(0)} ms busy on the main thread (${summary.idleMs.toFixed(0)} ms idle); ` +
        summary.groups
          .filter((g) => g.share >= 0.01)
          .map((g) => `${g.group} ${(g.share * 100).toFixed(0)}%`)
          .join(', '),
    );
  }
  // Each profile covers the rounds of its side: the same number of turns, the same requests.
  const toolSteps = roundsPerProcess * steps;
  const byFunction = new Map<string, { name: string; module: string; ms: number }>();
  for (const [side, sign] of [
    ['tools', 1],
    ['baseline', -1],
  ] as const) {
    for (const fn of full[side]!.functions) {
      const key = `${fn.name} ${fn.module}`;
      const entry = byFunction.get(key) ?? { name: fn.name, module: fn.module, ms: 0 };
      entry.ms += (sign * fn.ms) / toolSteps;
      byFunction.set(key, entry);
    }
  }
  const extraPerStep = [...byFunction.values()].sort((a, b) => b.ms - a.ms).slice(0, 30);
  const busy = (full['tools']!.totalMs - full['baseline']!.totalMs) / toolSteps;
  console.log(`\nself time per tool step, tool side minus baseline (${fmt(busy)} ms in all, profiler overhead included):`);
  for (const fn of extraPerStep.slice(0, 15)) console.log(`  ${fmt(fn.ms, 3).padStart(6)} ms  ${fn.name}  ${fn.module}`);
  return { sides, extraPerStep };
}

async function main(): Promise<void> {
  const started = Date.now();
  const source = sourceFile();
  const { root, files } = makeWorkspace(source.file);
  mkdirSync(buildDir, { recursive: true });
  const bundle = await bundleForNode('bench/tools/toolTurnProcess.ts', 'tools.js');
  // A whole file as read_file returns it is at least its bytes minus some multi-byte characters.
  const server = await startModelServer(files, Math.floor(source.bytes * 0.9));
  console.log(
    `tools: ${steps} read_file steps of ${path.relative(repoRoot, source.file)} (${source.bytes} bytes) vs ${steps + 1} requests without tools; ` +
      `${processes} processes × (${warmup} warm-up + ${roundsPerProcess} rounds)`,
  );

  const reports: ToolProcessReport[] = [];
  const loads: number[] = [];
  let profiles: ProfileReport | undefined;
  let served: string;
  try {
    for (let p = 0; p < processes; p++) {
      const report = await runNodeForResult<ToolProcessReport>(bundle.file, { env: turnEnv(server.origin, root, files) });
      reports.push(report);
      loads.push(loadavg()[0] ?? Number.NaN);
      const extra = report.rounds.map((r) => (r.tools.cpuMs - r.baseline.cpuMs) / steps);
      console.log(
        `process ${p + 1}: tool turn ${fmt(median(report.rounds.map((r) => r.tools.cpuMs)))} ms CPU, baseline ${fmt(median(report.rounds.map((r) => r.baseline.cpuMs)))} ms; ` +
          `extra per step ${fmt(median(extra))} ms (${fmt(Math.min(...extra))}–${fmt(Math.max(...extra))}); read_file alone ${fmt(report.readFileCpuMs)} ms`,
      );
    }
    const extraMedian = median(reports.flatMap((r) => r.rounds.map((x) => (x.tools.cpuMs - x.baseline.cpuMs) / steps)));
    if (profileMode === '1' || (profileMode !== '0' && !quick && !(extraMedian <= budgetMs)))
      profiles = await profileSides(server, root, files);
  } finally {
    served = await server.stop();
    rmSync(root, { recursive: true, force: true });
  }

  const all = reports.flatMap((r) => r.rounds);
  const perRequest = (cost: { cpuMs: number; requests: number }): number => cost.cpuMs / cost.requests;
  const rows: SummaryRow[] = [
    row({
      bench: 'tools',
      what: `tool step: extension CPU beyond the model's own (a turn of ${steps} read_file steps of a ~20 KB file vs ${steps + 1} requests without tools), per step`,
      contenders: 'absolute (budget of docs/performance.md)',
      value: spread(all.map((r) => (r.tools.cpuMs - r.baseline.cpuMs) / steps)),
      unit: 'ms',
      budget: { op: '<=', value: budgetMs },
      note: `load average ${fmt(median(loads))} during the rounds`,
    }),
    row({
      bench: 'tools',
      what: `tool turn CPU vs the same number of requests without tools (${steps + 1} each)`,
      contenders: 'tool turn / baseline',
      value: spread(all.map((r) => r.tools.cpuMs / r.baseline.cpuMs)),
      unit: '×',
    }),
    row({
      bench: 'tools',
      what: 'extension CPU per request: with tools (the history grows by a result each step)',
      contenders: 'absolute',
      value: spread(all.map((r) => perRequest(r.tools))),
      unit: 'ms',
    }),
    row({
      bench: 'tools',
      what: 'extension CPU per request: without tools',
      contenders: 'absolute',
      value: spread(all.map((r) => perRequest(r.baseline))),
      unit: 'ms',
    }),
    row({
      bench: 'tools',
      what: 'read_file alone (runReadFile on the same file, warm), per call',
      contenders: 'absolute',
      value: spread(reports.map((r) => r.readFileCpuMs)),
      unit: 'ms',
    }),
  ];

  console.log('');
  console.log(markdownTable(rows));
  const file = writeResult({
    bench: 'tools',
    measured: new Date().toISOString(),
    seconds: (Date.now() - started) / 1000,
    method: {
      turn: `runTurn with Switchboard's built-in tools offered; the model calls read_file ${steps} times (the arguments streamed in 4-character pieces), then answers ~1,300 characters`,
      baseline: `${steps} one-step turns without tools answering as many chunks of about the same bytes as a call, then one turn with the same final answer`,
      file: `${path.relative(repoRoot, source.file)} (${source.bytes} bytes), copied to ${steps} paths of a temporary workspace`,
      engine:
        "ProviderEngine with an OpenAI-compatible entry ('kind: openai') to the local server; prepareRequest fits each request to a 128,000-token window",
      server: 'bench/tools/toolModelServer.ts in its own process, one write per chunk',
      measured:
        'process.cpuUsage (user + system, all threads) of the turn process around each side of a round; toolTurnProcess.ts bundled and minified like dist/engine.js',
      processes,
      warmup,
      roundsPerProcess,
      resultChars: reports[0]?.resultChars,
      lastStepHistoryChars: reports[0]?.lastStepHistoryChars,
      served,
      loadAverages: loads,
    },
    rows,
    details: { reports, ...(profiles ? { profiles } : {}) },
  });
  console.log(`\nwrote ${file} (${((Date.now() - started) / 1000).toFixed(0)} s)`);
  if (failedRows(rows).length > 0) process.exitCode = 1;
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
