// Runs inside each contender's own process (bundled by streamBench.ts): makes the client once, then streams the
// answer BENCH_RUNS times (the first run is cold: JIT, lazy module parts, the first connection), measuring for
// each run the process's CPU time (user + system, process.cpuUsage), the wall time and the time to the first text,
// from just before the request to the end of the stream. The text is collected and hashed after the clock stops.
// Prints one line: `BENCH_RESULT {json}`.
import { createHash } from 'node:crypto';
import type { StreamFormat } from '../streamData';

export interface StreamClient {
  /** Streams one answer, calling `onText` with each piece of text in order; rejects on any error. */
  stream(onText: (text: string) => void): Promise<void>;
}

export interface ClientSetup {
  origin: string;
  format: StreamFormat;
  model: string;
  prompt: string;
}

export interface RunMeasurement {
  cpuMs: number;
  userMs: number;
  systemMs: number;
  wallMs: number;
  ttfbMs: number;
  pieces: number;
  chars: number;
  hash: string;
}

export interface ClientReport {
  contender: string;
  /** From process start until the client was made: module loading, mostly. */
  loadWallMs: number;
  loadCpuMs: number;
  runs: RunMeasurement[];
  maxRssMb: number;
}

export function runContender(contender: string, make: (setup: ClientSetup) => StreamClient | Promise<StreamClient>): void {
  void main(contender, make).catch((error: unknown) => {
    console.error(error);
    process.exit(1);
  });
}

async function main(contender: string, make: (setup: ClientSetup) => StreamClient | Promise<StreamClient>): Promise<void> {
  const env = process.env;
  const setup: ClientSetup = {
    origin: env['BENCH_STREAM_ORIGIN'] ?? '',
    format: (env['BENCH_STREAM_FORMAT'] ?? 'openai') as StreamFormat,
    model: env['BENCH_STREAM_MODEL'] ?? 'gpt-4o-mini',
    prompt: 'Write a long, detailed walkthrough of a streaming chat client, with code examples.',
  };
  const runs = Number(env['BENCH_RUNS'] ?? 2);
  const client = await make(setup);
  const loadWallMs = performance.now();
  const loadCpu = process.cpuUsage();
  const measurements: RunMeasurement[] = [];
  for (let run = 0; run < runs; run++) {
    const pieces: string[] = [];
    let first = 0;
    const onText = (text: string): void => {
      if (first === 0) first = performance.now();
      pieces.push(text);
    };
    const cpu0 = process.cpuUsage();
    const t0 = performance.now();
    await client.stream(onText);
    const t1 = performance.now();
    const cpu = process.cpuUsage(cpu0);
    const text = pieces.join('');
    measurements.push({
      cpuMs: (cpu.user + cpu.system) / 1000,
      userMs: cpu.user / 1000,
      systemMs: cpu.system / 1000,
      wallMs: t1 - t0,
      ttfbMs: first === 0 ? Number.NaN : first - t0,
      pieces: pieces.length,
      chars: text.length,
      hash: createHash('sha256').update(text).digest('hex').slice(0, 16),
    });
    // Let sockets settle between runs.
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  const report: ClientReport = {
    contender,
    loadWallMs,
    loadCpuMs: (loadCpu.user + loadCpu.system) / 1000,
    runs: measurements,
    maxRssMb: process.resourceUsage().maxRSS / 1024,
  };
  process.stdout.write(`BENCH_RESULT ${JSON.stringify(report)}\n`);
  // Keep-alive sockets would hold the process open.
  process.exit(0);
}
