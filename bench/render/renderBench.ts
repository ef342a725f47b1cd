// Render benchmark (docs/performance.md): a streamed ~200,000-character answer (≈50,000 tokens: prose, lists, tables, many
// code blocks in several languages) in chunks of 16–40 characters, rendered in headless Chromium under the
// webview's CSP by (a) the incremental renderer and (b) a naive full re-render (markdown-it + DOMPurify +
// highlight.js + the code block widgets, replacing the message's DOM) on each chunk. Both timed in the same run,
// per chunk, including the style and layout work each change causes (forced with offsetHeight).
//
// The naive side is measured on every Nth chunk only (BENCH_NAIVE_EVERY, default 50) and extrapolated: each
// measured re-render stands for the chunks since the previous one. Rounds: BENCH_ROUNDS (default 3); medians
// over rounds are reported. Writes bench/results/render.json.
//
//   npm run bench:render
import { mkdir, writeFile } from 'node:fs/promises';
import * as path from 'node:path';
import { launchChromium } from '../../scripts/editor/chromium';
import { startPageServer } from '../../test/webview/harness/pageServer';
import { chunkSizes, generateLongAnswer } from '../../test/webview/fixtures/longAnswer';
import type { NaiveRun, RenderBenchApi, StreamingRun } from './benchPage';

const rounds = Number(process.env['BENCH_ROUNDS'] ?? 3);
const every = Number(process.env['BENCH_NAIVE_EVERY'] ?? 50);
const targetChars = Number(process.env['BENCH_CHARS'] ?? 200_000);

const budgets = { minRatio: 20, maxLastTenthP95Ms: 16, maxP95Growth: 2 };

function quantile(values: readonly number[], q: number): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const position = q * (sorted.length - 1);
  const low = Math.floor(position);
  const high = Math.ceil(position);
  return sorted[low]! + (sorted[high]! - sorted[low]!) * (position - low);
}
const median = (values: readonly number[]): number => quantile(values, 0.5);
const sum = (values: readonly number[]): number => values.reduce((a, b) => a + b, 0);

interface RoundResult {
  streaming: {
    totalMs: number;
    finishMs: number;
    p95FirstTenthMs: number;
    p95LastTenthMs: number;
    maxMs: number;
    mainThreadMs: number;
    parsedChars: number;
    highlightCalls: number;
  };
  naive: {
    samples: number;
    measuredMs: number;
    extrapolatedTotalMs: number;
    p95FirstTenthMs: number;
    p95LastTenthMs: number;
    maxMs: number;
    mainThreadMeasuredMs: number;
  };
  ratio: number;
}

async function main(): Promise<void> {
  const started = Date.now();
  const text = generateLongAnswer(targetChars, 42);
  const sizes = chunkSizes(text.length, 1234, 16, 40);
  const fences = (text.match(/^ {0,3}```\S*$/gm) ?? []).length / 2;

  const server = await startPageServer({
    entry: 'bench/render/benchPage.ts',
    styles: ['src/webview/render/markdown.css'],
    minify: true,
    isolated: true,
  });
  const browser = await launchChromium();
  try {
    const page = await browser.newPage();
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(error.message));
    await page.goto(server.url);
    await page.waitForFunction(() => 'renderBench' in window);
    const isolated = await page.evaluate(() => crossOriginIsolated);
    const cdp = await page.context().newCDPSession(page);
    await cdp.send('Performance.enable');
    const taskSeconds = async (): Promise<number> => {
      const { metrics } = await cdp.send('Performance.getMetrics');
      return metrics.find((m) => m.name === 'TaskDuration')?.value ?? Number.NaN;
    };
    const call = <K extends keyof RenderBenchApi>(
      name: K,
      ...args: Parameters<RenderBenchApi[K]>
    ): Promise<ReturnType<RenderBenchApi[K]>> =>
      page.evaluate(
        ([n, a]) => (window as unknown as { renderBench: Record<string, (...x: unknown[]) => unknown> }).renderBench[n]!(...a),
        [name, args] as [string, unknown[]],
      ) as Promise<ReturnType<RenderBenchApi[K]>>;

    const chunks = await call('pieceCount', text, sizes);
    const tenth = Math.floor(chunks / 10);
    console.log(
      `answer: ${text.length} characters, ${fences} code blocks, ${chunks} chunks of 16–40 characters; naive measured every ${every}th chunk; ${rounds} rounds; performance.now() ${isolated ? '5 µs' : '100 µs'} resolution`,
    );

    // Warm-up (JIT, caches) on a short prefix, not counted.
    const warm = text.slice(0, 20_000);
    await call('streaming', warm, sizes);
    await call('naive', warm, sizes, 10);

    const results: RoundResult[] = [];
    for (let round = 0; round < rounds; round++) {
      const t0 = await taskSeconds();
      const s: StreamingRun = await call('streaming', text, sizes);
      const t1 = await taskSeconds();
      const n: NaiveRun = await call('naive', text, sizes, every);
      const t2 = await taskSeconds();

      let previous = -1;
      let extrapolated = 0;
      n.sampled.forEach((index, i) => {
        extrapolated += n.perSample[i]! * (index - previous);
        previous = index;
      });
      const naiveFirst = n.perSample.filter((_, i) => n.sampled[i]! < tenth);
      const naiveLast = n.perSample.filter((_, i) => n.sampled[i]! >= chunks - tenth);
      const result: RoundResult = {
        streaming: {
          totalMs: s.total,
          finishMs: s.finish,
          p95FirstTenthMs: quantile(s.perChunk.slice(0, tenth), 0.95),
          p95LastTenthMs: quantile(s.perChunk.slice(chunks - tenth), 0.95),
          maxMs: Math.max(...s.perChunk),
          mainThreadMs: (t1 - t0) * 1000,
          parsedChars: s.parsedChars,
          highlightCalls: s.highlightCalls,
        },
        naive: {
          samples: n.sampled.length,
          measuredMs: sum(n.perSample),
          extrapolatedTotalMs: extrapolated,
          p95FirstTenthMs: quantile(naiveFirst, 0.95),
          p95LastTenthMs: quantile(naiveLast, 0.95),
          maxMs: Math.max(...n.perSample),
          mainThreadMeasuredMs: (t2 - t1) * 1000,
        },
        ratio: extrapolated / s.total,
      };
      results.push(result);
      console.log(
        `round ${round + 1}: streaming ${s.total.toFixed(0)} ms, naive ${extrapolated.toFixed(0)} ms (extrapolated from ${n.sampled.length} re-renders, ${sum(n.perSample).toFixed(0)} ms measured), ratio ${result.ratio.toFixed(1)}×`,
      );
    }

    const pick = <T>(f: (r: RoundResult) => T): T[] => results.map(f);
    const med = (f: (r: RoundResult) => number): number => median(pick(f));
    const summary = {
      streaming: {
        totalMs: med((r) => r.streaming.totalMs),
        mainThreadMs: med((r) => r.streaming.mainThreadMs),
        perChunkMeanMs: med((r) => r.streaming.totalMs) / chunks,
        p95FirstTenthMs: med((r) => r.streaming.p95FirstTenthMs),
        p95LastTenthMs: med((r) => r.streaming.p95LastTenthMs),
        maxMs: med((r) => r.streaming.maxMs),
        finishMs: med((r) => r.streaming.finishMs),
      },
      naive: {
        extrapolatedTotalMs: med((r) => r.naive.extrapolatedTotalMs),
        measuredMs: med((r) => r.naive.measuredMs),
        mainThreadMeasuredMs: med((r) => r.naive.mainThreadMeasuredMs),
        perChunkMeanMs: med((r) => r.naive.extrapolatedTotalMs) / chunks,
        p95FirstTenthMs: med((r) => r.naive.p95FirstTenthMs),
        p95LastTenthMs: med((r) => r.naive.p95LastTenthMs),
        maxMs: med((r) => r.naive.maxMs),
      },
      ratio: med((r) => r.ratio),
      // For scale (the example in docs/performance.md): a naive renderer throttled to every 25th chunk, estimated from the same
      // samples (each sampled re-render counted every/25 times), against the incremental renderer.
      naiveEvery25thChunkMs: med((r) => r.naive.measuredMs) * (every / 25),
      ratioToNaiveEvery25th: med((r) => (r.naive.measuredMs * (every / 25)) / r.streaming.totalMs),
    };
    const checks = {
      ratioAtLeast20: summary.ratio >= budgets.minRatio,
      lastTenthP95Within16Ms: summary.streaming.p95LastTenthMs <= budgets.maxLastTenthP95Ms,
      p95GrowthAtMost2x: summary.streaming.p95LastTenthMs <= budgets.maxP95Growth * summary.streaming.p95FirstTenthMs,
    };

    const ms = (v: number): string => (v >= 100 ? v.toFixed(0) : v.toFixed(2)).padStart(10);
    console.log('');
    console.log('                                   streaming        naive');
    console.log(
      `total main-thread time (ms)       ${ms(summary.streaming.totalMs)}   ${ms(summary.naive.extrapolatedTotalMs)}  (naive: extrapolated)`,
    );
    console.log(
      `  CDP TaskDuration (ms)           ${ms(summary.streaming.mainThreadMs)}   ${ms(summary.naive.mainThreadMeasuredMs)}  (naive: sampled chunks only)`,
    );
    console.log(`mean per chunk (ms)               ${ms(summary.streaming.perChunkMeanMs)}   ${ms(summary.naive.perChunkMeanMs)}`);
    console.log(`p95 per chunk, first tenth (ms)   ${ms(summary.streaming.p95FirstTenthMs)}   ${ms(summary.naive.p95FirstTenthMs)}`);
    console.log(`p95 per chunk, last tenth (ms)    ${ms(summary.streaming.p95LastTenthMs)}   ${ms(summary.naive.p95LastTenthMs)}`);
    console.log(`max per chunk (ms)                ${ms(summary.streaming.maxMs)}   ${ms(summary.naive.maxMs)}`);
    console.log(`finish() (ms)                     ${ms(summary.streaming.finishMs)}`);
    console.log(`ratio naive / streaming           ${summary.ratio.toFixed(1).padStart(10)}×`);
    console.log(
      `for scale: naive re-render throttled to every 25th chunk ≈ ${summary.naiveEvery25thChunkMs.toFixed(0)} ms, ${summary.ratioToNaiveEvery25th.toFixed(1)}× the streaming renderer's time`,
    );
    console.log('');
    console.log(
      `budget: ratio ≥ ${budgets.minRatio}×: ${checks.ratioAtLeast20 ? 'ok' : 'FAILED'}; last-tenth p95 ≤ ${budgets.maxLastTenthP95Ms} ms: ${checks.lastTenthP95Within16Ms ? 'ok' : 'FAILED'}; last-tenth p95 ≤ ${budgets.maxP95Growth}× first-tenth p95: ${checks.p95GrowthAtMost2x ? 'ok' : 'FAILED'}`,
    );
    if (errors.length > 0) console.log(`page errors: ${errors.join('; ')}`);

    const output = {
      measured: new Date().toISOString(),
      method: {
        answerChars: text.length,
        codeBlocks: fences,
        chunks,
        chunkChars: '16–40 (seeded)',
        rounds,
        naiveEveryNthChunk: every,
        timing:
          'performance.now() around append() + offsetHeight (forced style/layout), per chunk, in headless Chromium under the webview CSP; naive = renderMarkdown(textSoFar) + replaceChildren on every Nth chunk, each sample weighted by the chunks since the previous sample; CDP TaskDuration deltas for reference',
        crossOriginIsolated: isolated,
      },
      summary,
      checks,
      rounds: results,
      seconds: (Date.now() - started) / 1000,
    };
    const outDir = path.resolve(__dirname, '../results');
    await mkdir(outDir, { recursive: true });
    await writeFile(path.join(outDir, 'render.json'), `${JSON.stringify(output, null, 2)}\n`);
    console.log(`wrote bench/results/render.json (${output.seconds.toFixed(0)} s)`);
    if (!Object.values(checks).every(Boolean)) process.exitCode = 1;
  } finally {
    await browser.close().catch(() => undefined);
    await server.close();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
