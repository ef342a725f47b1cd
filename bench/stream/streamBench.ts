// Streaming client CPU (docs/performance.md): a long chat answer (20,000 chunks) streamed from a local server in the OpenAI and
// the Anthropic SSE format to four contenders, each in its own process, same bytes for all:
//   switchboard  createChatProvider(...).streamChat(...), bundled and minified like dist/engine.js
//   engine       the engine class of src/core/engine.ts (dist/engine.js) as the extension calls it (rate limiter,
//                circuit breaker, fallback chain around the same provider)
//   official     the `openai` / `@anthropic-ai/sdk` npm clients, stream: true
//   floor        undici `request` + eventsource-parser + JSON.parse, nothing else
// Each process streams the answer once cold (first request: JIT, lazy module parts, first connection) and then
// warm (the steady state of a long-lived extension host); process.cpuUsage() covers the stream only. Rounds
// interleave the contenders (rotating who goes first) and every ratio is taken within a round, then summarized
// as median and min–max over rounds. Budgets: Switchboard CPU ≤ 0.7× the official client's and ≤ 1.3× the floor's.
//
//   npm run bench:stream          BENCH_STREAM_ROUNDS (default 4), BENCH_QUICK=1, BENCH_PROFILE=1|0 (profile always|never;
//                                 by default when a budget is missed)
import { mkdirSync, readdirSync, rmSync } from 'node:fs';
import * as path from 'node:path';
import { bundleForNode, buildDir } from '../lib/bundle';
import { cleanEnv, runNodeForResult } from '../lib/child';
import { failedRows, markdownTable, row, writeResult, type SummaryRow } from '../lib/report';
import { fmt, spread, type Spread } from '../lib/stats';
import type { ClientReport, RunMeasurement } from './clients/harness';
import { summarizeProfile, type ProfileSummary } from './cpuProfile';
import { startSseServer, type Delivery } from './sseServer';
import { answerPieces, models, streamFixture, streamFormats, type StreamFixture, type StreamFormat } from './streamData';

const quick = process.env['BENCH_QUICK'] === '1';
const rounds = Number(process.env['BENCH_STREAM_ROUNDS'] ?? (quick ? 2 : 4));
const chunks = Number(process.env['BENCH_STREAM_CHUNKS'] ?? 20_000);
const framesPerMs = Number(process.env['BENCH_STREAM_RATE'] ?? 10);
/** BENCH_PROFILE=1: always profile; 0: never; unset: when a budget is missed (not in a quick run). */
const profileMode = process.env['BENCH_PROFILE'];
const deliveries: readonly Delivery[] = ['paced', 'bulk'];
/** Warm runs per process, averaged: one paced answer takes ~2 s (the mean of two is steadier than one); a bulk one ~0.1 s. */
const warmRuns: Record<Delivery, number> = { paced: quick ? 1 : 2, bulk: quick ? 3 : 6 };

type ContenderId = 'switchboard' | 'engine' | 'official' | 'floor';

interface Contender {
  id: ContenderId;
  entry: string;
  external?: string[];
  label(format: StreamFormat): string;
}

const contenders: readonly Contender[] = [
  { id: 'switchboard', entry: 'bench/stream/clients/switchboardProvider.ts', label: () => 'Switchboard createChatProvider' },
  { id: 'engine', entry: 'bench/stream/clients/switchboardEngine.ts', label: () => 'Switchboard engine (dist/engine.js) chat()' },
  {
    id: 'official',
    entry: 'bench/stream/clients/official.ts',
    external: ['openai', '@anthropic-ai/sdk'],
    label: (format) => (format === 'openai' ? 'openai SDK' : '@anthropic-ai/sdk'),
  },
  { id: 'floor', entry: 'bench/stream/clients/floor.ts', label: () => 'floor (undici + eventsource-parser)' },
];

interface Phase {
  cpuMs: number;
  userMs: number;
  systemMs: number;
  wallMs: number;
  ttfbMs: number;
}

interface Sample {
  round: number;
  format: StreamFormat;
  delivery: Delivery;
  contender: ContenderId;
  cold: Phase;
  warm: Phase;
  loadWallMs: number;
  loadCpuMs: number;
  maxRssMb: number;
  textEventsCold: number;
}

function mean(runs: readonly RunMeasurement[], pick: (r: RunMeasurement) => number): number {
  return runs.reduce((sum, r) => sum + pick(r), 0) / runs.length;
}

function checkText(report: ClientReport, fixture: StreamFixture, label: string): void {
  for (const run of report.runs) {
    if (run.chars !== fixture.text.chars || run.hash !== fixture.text.hash) {
      throw new Error(
        `${label} collected ${run.chars} characters (hash ${run.hash}); the answer has ${fixture.text.chars} (hash ${fixture.text.hash})`,
      );
    }
  }
}

async function main(): Promise<void> {
  const started = Date.now();
  const pieces = answerPieces(chunks);
  const fixtures: Record<StreamFormat, StreamFixture> = {
    openai: streamFixture('openai', pieces),
    anthropic: streamFixture('anthropic', pieces),
  };
  mkdirSync(buildDir, { recursive: true });
  const bundles = new Map<ContenderId, { file: string; bytes: number }>();
  for (const contender of contenders) {
    bundles.set(contender.id, await bundleForNode(contender.entry, `stream-${contender.id}.js`, { external: contender.external ?? [] }));
  }
  const server = await startSseServer(fixtures, { framesPerMs });
  console.log(
    `stream: ${chunks} chunks, ${fixtures.openai.text.chars} characters; OpenAI body ${(fixtures.openai.bytes / 1e6).toFixed(2)} MB, Anthropic body ${(fixtures.anthropic.bytes / 1e6).toFixed(2)} MB; ` +
      `paced ${framesPerMs} frames/ms and bulk; ${rounds} rounds; ${contenders.length} contenders, each in its own process`,
  );

  const samples: Sample[] = [];
  try {
    for (let round = 0; round < rounds; round++) {
      for (const format of streamFormats) {
        for (const delivery of deliveries) {
          server.setDelivery(delivery);
          const order = contenders.map((_, i) => contenders[(i + round) % contenders.length]!);
          for (const contender of order) {
            const label = `${contender.label(format)} (${format}, ${delivery}, round ${round + 1})`;
            const report = await runNodeForResult<ClientReport>(bundles.get(contender.id)!.file, {
              env: cleanEnv({
                BENCH_STREAM_ORIGIN: server.origin,
                BENCH_STREAM_FORMAT: format,
                BENCH_STREAM_MODEL: models[format],
                BENCH_RUNS: String(1 + warmRuns[delivery]),
              }),
            });
            checkText(report, fixtures[format], label);
            const [cold, ...warm] = report.runs;
            samples.push({
              round,
              format,
              delivery,
              contender: contender.id,
              cold: { cpuMs: cold!.cpuMs, userMs: cold!.userMs, systemMs: cold!.systemMs, wallMs: cold!.wallMs, ttfbMs: cold!.ttfbMs },
              warm: {
                cpuMs: mean(warm, (r) => r.cpuMs),
                userMs: mean(warm, (r) => r.userMs),
                systemMs: mean(warm, (r) => r.systemMs),
                wallMs: mean(warm, (r) => r.wallMs),
                ttfbMs: mean(warm, (r) => r.ttfbMs),
              },
              loadWallMs: report.loadWallMs,
              loadCpuMs: report.loadCpuMs,
              maxRssMb: report.maxRssMb,
              textEventsCold: cold!.pieces,
            });
          }
        }
        const last = samples.filter((s) => s.round === round && s.format === format && s.delivery === 'paced');
        console.log(
          `round ${round + 1} ${format.padEnd(9)} paced warm CPU ms: ${last.map((s) => `${s.contender} ${s.warm.cpuMs.toFixed(0)}`).join(', ')}`,
        );
      }
    }
  } finally {
    await server.close();
  }

  const find = (round: number, format: StreamFormat, delivery: Delivery, contender: ContenderId): Sample =>
    samples.find((s) => s.round === round && s.format === format && s.delivery === delivery && s.contender === contender)!;
  /** The ratio a/b taken within each round, over rounds. */
  const ratio = (format: StreamFormat, delivery: Delivery, a: ContenderId, b: ContenderId, pick: (s: Sample) => number): Spread =>
    spread(Array.from({ length: rounds }, (_, r) => pick(find(r, format, delivery, a)) / pick(find(r, format, delivery, b))));
  const absolute = (format: StreamFormat, delivery: Delivery, c: ContenderId, pick: (s: Sample) => number): Spread =>
    spread(samples.filter((s) => s.format === format && s.delivery === delivery && s.contender === c).map(pick));

  const rows: SummaryRow[] = [];
  const officialName = (format: StreamFormat): string => contenders[2]!.label(format);
  const warmCpu = (s: Sample): number => s.warm.cpuMs;
  for (const format of streamFormats) {
    const b = 'stream';
    const f = format === 'openai' ? 'OpenAI SSE' : 'Anthropic SSE';
    const off = officialName(format);
    const add = (what: string, contendersText: string, value: Spread, budget?: number, note?: string): void => {
      rows.push(
        row({
          bench: b,
          what: `${f}, ${what}`,
          contenders: contendersText,
          value,
          unit: '×',
          ...(budget !== undefined ? { budget: { op: '<=' as const, value: budget } } : {}),
          ...(note ? { note } : {}),
        }),
      );
    };
    for (const delivery of deliveries) {
      const d = delivery === 'paced' ? `paced ${framesPerMs} frames/ms` : 'bulk';
      add(`client CPU, ${d}, steady state`, `Switchboard / ${off}`, ratio(format, delivery, 'switchboard', 'official', warmCpu), 0.7);
      add(`client CPU, ${d}, steady state`, 'Switchboard / floor', ratio(format, delivery, 'switchboard', 'floor', warmCpu), 1.3);
      add(
        `client CPU, ${d}, steady state`,
        `floor / ${off}`,
        ratio(format, delivery, 'floor', 'official', warmCpu),
        undefined,
        'the lowest ratio to the official client any client reaches here',
      );
    }
    add(
      `client CPU, paced, first answer in a fresh process`,
      `Switchboard / ${off}`,
      ratio(format, 'paced', 'switchboard', 'official', (s) => s.cold.cpuMs),
    );
    add(
      `client CPU, paced, first answer in a fresh process`,
      'Switchboard / floor',
      ratio(format, 'paced', 'switchboard', 'floor', (s) => s.cold.cpuMs),
    );
    add(
      `client CPU, paced, steady state`,
      'Switchboard engine chat() / createChatProvider',
      ratio(format, 'paced', 'engine', 'switchboard', warmCpu),
      undefined,
      'what the extension adds around the provider: rate limiter, breaker, fallback',
    );
    add(
      `client CPU, bulk, steady state`,
      'Switchboard engine chat() / createChatProvider',
      ratio(format, 'bulk', 'engine', 'switchboard', warmCpu),
    );
    add(
      `wall time of the whole stream, bulk, steady state`,
      `Switchboard / ${off}`,
      ratio(format, 'bulk', 'switchboard', 'official', (s) => s.warm.wallMs),
    );
    add(
      `wall time of the whole stream, bulk, steady state`,
      'Switchboard / floor',
      ratio(format, 'bulk', 'switchboard', 'floor', (s) => s.warm.wallMs),
    );
    add(
      `time to first text, paced, first answer in a fresh process`,
      `Switchboard / ${off}`,
      ratio(format, 'paced', 'switchboard', 'official', (s) => s.cold.ttfbMs),
    );
    add(
      `time to first text, paced, steady state`,
      `Switchboard / ${off}`,
      ratio(format, 'paced', 'switchboard', 'official', (s) => s.warm.ttfbMs),
    );
    add(
      `time to first text, paced, steady state`,
      'Switchboard / floor',
      ratio(format, 'paced', 'switchboard', 'floor', (s) => s.warm.ttfbMs),
    );
  }

  // The absolute figures behind the ratios, for the reader (never a budget).
  const lines: string[] = [
    '',
    'medians over rounds; warm = mean of the steady-state answers of each process',
    '',
    '| format | delivery | contender | CPU ms cold | CPU ms warm (user + sys) | CPU ms per MB warm | wall ms warm | first text ms cold / warm | module load ms | text events |',
    '| --- | --- | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |',
  ];
  const absolutes: Record<string, unknown> = {};
  for (const format of streamFormats) {
    for (const delivery of deliveries) {
      for (const c of contenders) {
        const cpuWarm = absolute(format, delivery, c.id, (s) => s.warm.cpuMs);
        const entry = {
          cpuColdMs: absolute(format, delivery, c.id, (s) => s.cold.cpuMs),
          cpuWarmMs: cpuWarm,
          cpuWarmMsPerMB: cpuWarm.median / (fixtures[format].bytes / 1e6),
          userWarmMs: absolute(format, delivery, c.id, (s) => s.warm.userMs),
          systemWarmMs: absolute(format, delivery, c.id, (s) => s.warm.systemMs),
          wallWarmMs: absolute(format, delivery, c.id, (s) => s.warm.wallMs),
          ttfbColdMs: absolute(format, delivery, c.id, (s) => s.cold.ttfbMs),
          ttfbWarmMs: absolute(format, delivery, c.id, (s) => s.warm.ttfbMs),
          loadWallMs: absolute(format, delivery, c.id, (s) => s.loadWallMs),
          textEvents: absolute(format, delivery, c.id, (s) => s.textEventsCold),
        };
        absolutes[`${format}/${delivery}/${c.id}`] = entry;
        lines.push(
          `| ${format} | ${delivery} | ${c.label(format)} | ${fmt(entry.cpuColdMs.median, 0)} | ${fmt(entry.cpuWarmMs.median, 0)} (${fmt(entry.userWarmMs.median, 0)} + ${fmt(entry.systemWarmMs.median, 0)}) | ${fmt(entry.cpuWarmMsPerMB, 1)} | ${fmt(entry.wallWarmMs.median, 0)} | ${fmt(entry.ttfbColdMs.median, 1)} / ${fmt(entry.ttfbWarmMs.median, 1)} | ${fmt(entry.loadWallMs.median, 0)} | ${fmt(entry.textEvents.median, 0)} |`,
        );
      }
    }
  }

  // A missed budget (or BENCH_PROFILE=1): profile Switchboard's and the floor's steady-state streams.
  const profiles: Record<string, ProfileSummary> = {};
  const missed = failedRows(rows);
  if (profileMode === '1' || (profileMode !== '0' && !quick && missed.length > 0)) {
    console.log('\nprofiling (node --cpu-prof at 100 µs, unminified bundles; one process per stream: a cold answer, then 3 warm ones)…');
    const server2 = await startSseServer(fixtures, { framesPerMs });
    try {
      for (const delivery of deliveries) {
        server2.setDelivery(delivery);
        for (const id of ['switchboard', 'floor'] as const) {
          const contender = contenders.find((c) => c.id === id)!;
          const bundle = await bundleForNode(contender.entry, `stream-${id}-profile.js`, {
            external: contender.external ?? [],
            minify: false,
          });
          for (const format of streamFormats) {
            const profileDir = path.join(buildDir, `profile-${id}-${format}-${delivery}`);
            rmSync(profileDir, { recursive: true, force: true });
            await runNodeForResult<ClientReport>(bundle.file, {
              args: ['--cpu-prof', '--cpu-prof-dir', profileDir, '--cpu-prof-interval', '100'],
              env: cleanEnv({
                BENCH_STREAM_ORIGIN: server2.origin,
                BENCH_STREAM_FORMAT: format,
                BENCH_STREAM_MODEL: models[format],
                BENCH_RUNS: '4',
              }),
            });
            const profileFile = readdirSync(profileDir).find((f) => f.endsWith('.cpuprofile'));
            if (!profileFile) throw new Error(`no profile in ${profileDir}`);
            const summary = summarizeProfile(path.join(profileDir, profileFile), bundle.file);
            profiles[`${id}/${format}/${delivery}`] = { ...summary, functions: summary.functions.slice(0, 40) };
            console.log(
              `\n${contender.label(format)}, ${format}, ${delivery}: ${summary.totalMs.toFixed(0)} ms busy on the main thread (${summary.idleMs.toFixed(0)} ms idle); ` +
                summary.groups.map((g) => `${g.group} ${(g.share * 100).toFixed(0)}%`).join(', '),
            );
            for (const fn of summary.functions.slice(0, 10)) {
              console.log(`  ${(fn.share * 100).toFixed(1).padStart(5)}%  ${fn.ms.toFixed(1).padStart(6)} ms  ${fn.name}  ${fn.module}`);
            }
          }
        }
      }
    } finally {
      await server2.close();
    }
  }

  console.log('');
  console.log(markdownTable(rows));
  console.log(lines.join('\n'));
  const file = writeResult({
    bench: 'stream',
    measured: new Date().toISOString(),
    seconds: (Date.now() - started) / 1000,
    method: {
      chunks,
      answerChars: fixtures.openai.text.chars,
      bodyBytes: { openai: fixtures.openai.bytes, anthropic: fixtures.anthropic.bytes },
      rounds,
      deliveries: {
        paced: `one write per SSE frame, ${framesPerMs} frames per ms`,
        bulk: '16 KiB writes as fast as the socket takes them',
      },
      warmRunsPerProcess: warmRuns,
      contenders: Object.fromEntries(
        contenders.map((c) => [
          c.id,
          { entry: c.entry, bundleBytes: bundles.get(c.id)!.bytes, labels: streamFormats.map((f) => c.label(f)) },
        ]),
      ),
      cpu: 'process.cpuUsage() (user + system, all threads of the client process: JIT and GC helpers included) from just before the request to the end of the stream',
      node: process.version,
    },
    rows,
    details: { absolutes, samples, profiles },
  });
  console.log(`\nwrote ${file} (${((Date.now() - started) / 1000).toFixed(0)} s)`);
  if (missed.length > 0) process.exitCode = 1;
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
