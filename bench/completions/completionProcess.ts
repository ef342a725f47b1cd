// Runs in a fresh process (bundled and minified by completionBench.ts, like dist/engine.js): the extension's own work
// for inline completions, as src/vscode/completions/inlineCompleter.ts does it per request, on simulated typing.
//   per request   buildCompletionInput on a 5,000-line TypeScript file with 5 other open TypeScript files, the
//                 cache's get, and on a miss postProcessCompletion of a model's answer and the cache's set
//   cache         the cache's bytes after 10,000 distinct inputs
//   debounce      simulated typing on a fake clock: requests sent between two keystrokes closer than the delay
// The clock covers those calls only: editing the text and making the other files' texts fresh strings (what
// document.getText() returns on every request) happen before it starts. Prints one line: `BENCH_RESULT {json}`.
import { AdaptiveDebounce } from '../../src/core/completions/adaptiveDebounce';
import { CompletionCache } from '../../src/core/completions/completionCache';
import { buildCompletionInput, type OtherFile } from '../../src/core/completions/completionInput';
import type { CompletionInput } from '../../src/core/completions/completionTypes';
import { postProcessCompletion } from '../../src/core/completions/postProcessCompletion';
import { seededRandom, typescriptModule } from './typescriptSource';

export interface CompletionReport {
  lines: number;
  otherFiles: number;
  otherLines: number;
  keystrokes: number;
  /** Wall-clock and CPU time (process.cpuUsage) of each request's extension work, ms. */
  requestMs: number[];
  requestCpuMs: number[];
  /** The first request (indexing the other files). */
  firstMs: number;
  /** The parts, ms per request: building the input, the cache, post-processing (misses only). */
  buildMs: number[];
  cacheMs: number[];
  postMs: number[];
  cacheHits: number;
  typedAhead: number;
  shown: number;
  cacheAfterFill: { entries: number; bytes: number; inputs: number };
  debounce: {
    keystrokes: number;
    pauses: number;
    /** Requests sent between two keystrokes closer together than the delay in force. */
    violations: number;
    requests: number;
    pausesWithRequest: number;
    fixedRequests: number;
    finalDelayMs: number;
  };
}

const keystrokeCount = Number(process.env['BENCH_COMPLETIONS_KEYSTROKES'] ?? 2_000);
const seed = Number(process.env['BENCH_COMPLETIONS_SEED'] ?? 18);
const random = seededRandom(seed);

const lines = 5_000;
let text = typescriptModule(1, lines, 'billing');
const others: OtherFile[] = [
  { path: 'src/billing/invoices.ts', text: typescriptModule(2, 3_000, 'billing'), lastEditedAt: 0 },
  { path: 'src/orders/orders.ts', text: typescriptModule(3, 2_000, 'orders'), lastEditedAt: 0 },
  { path: 'src/shared/format.ts', text: typescriptModule(4, 800, 'shared'), lastEditedAt: 0 },
  { path: 'src/shipping/shipments.ts', text: typescriptModule(5, 1_500, 'shipping'), lastEditedAt: 0 },
  { path: 'src/accounts/accounts.ts', text: typescriptModule(6, 1_200, 'accounts'), lastEditedAt: 0 },
].map((file, i) => ({ ...file, languageId: 'typescript', lastEditedAt: i < 2 ? 1_000 + i : 0 }));

/** What document.getText() gives on each request: a new string with the same characters. */
const freshCopy = (value: string): string => ` ${value}`.slice(1);

/** Answers shaped like the servers': a FIM model's line with its end token, a block, a chat model's fence, an echo. */
function modelAnswer(input: CompletionInput, n: number): string {
  const lineBefore = input.prefix.slice(input.prefix.lastIndexOf('\n') + 1);
  switch (n % 5) {
    case 0:
      return 'items.filter((line) => line.quantity > 0).map((line) => line.unitPrice);<|endoftext|>';
    case 1: {
      const body = Array.from(
        { length: 14 },
        (_, i) => `    const part${i} = await loadBillingOrder${i}(input, page);\n    logger.debug('part', part${i}.status);`,
      );
      return `  if (input.status === 'draft') {\n${body.join('\n')}\n  }\n  return input;\n}\n\nexport function next() {\n  return 1;\n}<|file_sep|>`;
    }
    case 2:
      return "Here is the completion:\n```typescript\nlogger.info('billing', { id: input.id, total: input.total });\n```\nThis logs the invoice.";
    case 3:
      return `${lineBefore}next.total ?? previous;\n  return next;`;
    default:
      return `${'await refresh(input); '.repeat(40)}`;
  }
}

/** Typing: a random line, then a word typed there letter by letter, then another line. */
function* keystrokes(): Generator<{ offset: number; char: string }> {
  let produced = 0;
  while (produced < keystrokeCount) {
    const line = Math.floor(random() * (lines - 10)) + 5;
    let offset = nthLineEnd(text, line) - Math.floor(random() * 4);
    const word = ['const total', 'input.', 'logger.warn(', 'return next', 'await save'][Math.floor(random() * 5)]!;
    for (const char of word) {
      if (produced++ >= keystrokeCount) return;
      yield { offset, char };
      offset++;
    }
  }
}

function nthLineEnd(value: string, line: number): number {
  let at = -1;
  for (let i = 0; i <= line; i++) at = value.indexOf('\n', at + 1);
  return at;
}

const cache = new CompletionCache();
const requestMs: number[] = [];
const requestCpuMs: number[] = [];
const buildMs: number[] = [];
const cacheMs: number[] = [];
const postMs: number[] = [];
let shown = 0;
let n = 0;
for (const { offset, char } of keystrokes()) {
  text = text.slice(0, offset) + char + text.slice(offset);
  const cursor = offset + 1;
  const current = freshCopy(text);
  const open = others.map((other) => ({ ...other, text: freshCopy(other.text) }));
  const lineEnd = text.indexOf('\n', cursor);
  const lineSuffix = text.slice(cursor, lineEnd === -1 ? text.length : lineEnd);

  const cpu = process.cpuUsage();
  const started = performance.now();
  const input = buildCompletionInput({ text: current, offset: cursor, languageId: 'typescript', path: 'src/billing/billing.ts' }, open);
  const built = performance.now();
  let result = cache.get(input);
  const looked = performance.now();
  let post = 0;
  if (result === undefined) {
    // The model's answer arrives here (its time is the model's, not the extension's).
    const raw = modelAnswer(input, n);
    const postStarted = performance.now();
    result = postProcessCompletion(raw, input, { lineSuffix });
    if (result !== undefined) cache.set(input, result);
    post = performance.now() - postStarted;
  }
  const ended = performance.now();
  const used = process.cpuUsage(cpu);
  requestMs.push(ended - started);
  requestCpuMs.push((used.user + used.system) / 1000);
  buildMs.push(built - started);
  cacheMs.push(looked - built + (post > 0 ? ended - looked - post : 0));
  if (post > 0) postMs.push(post);
  if (result !== undefined) shown++;
  n++;
}
const stats = cache.stats();

// The cache's bound: 10,000 distinct inputs with answers of realistic lengths.
const filled = new CompletionCache();
for (let i = 0; i < 10_000; i++) {
  const at = Math.floor(random() * text.length);
  const input: CompletionInput = {
    prefix: `${text.slice(Math.max(0, at - 6_000), at)}${i}`,
    suffix: text.slice(at, at + 2_000),
    languageId: 'typescript',
    path: 'src/billing/billing.ts',
    snippets: [],
    multiline: i % 3 === 0,
  };
  filled.set(input, 'x'.repeat(20 + Math.floor(random() * 1_200)));
}

// The debounce: 10,000 keystrokes in words of 3–12 letters, gaps log-normal around 130 ms, pauses of 0.4–3 s.
function simulateTyping(debounce: AdaptiveDebounce): { times: number[]; delays: number[]; requests: number[]; pauses: Set<number> } {
  const typing = seededRandom(seed * 31 + 7);
  const times: number[] = [];
  const delays: number[] = [];
  const requests: number[] = [];
  /** The keystrokes that end a word (a pause follows). */
  const pauses = new Set<number>();
  let now = 0;
  while (times.length < 10_000) {
    const letters = 3 + Math.floor(typing() * 10);
    for (let k = 0; k < letters; k++) {
      const gaussian = Math.sqrt(-2 * Math.log(1 - typing())) * Math.cos(2 * Math.PI * typing());
      times.push(now);
      now += Math.max(15, 130 * Math.exp(0.35 * gaussian));
    }
    now += 400 + typing() * 2_600;
    pauses.add(times.length - 1);
  }
  times.forEach((at, i) => {
    debounce.keystroke(at);
    delays.push(debounce.currentDelay());
    const asked = at + typing() * 20;
    const sendAt = asked + debounce.delayFor(asked);
    const next = times[i + 1];
    if (next === undefined || next > sendAt) requests.push(sendAt);
  });
  return { times, delays, requests, pauses };
}
const adaptive = new AdaptiveDebounce();
const typed = simulateTyping(adaptive);
const fixed = simulateTyping(new AdaptiveDebounce({ minMs: 75, maxMs: 75 }));
let violations = 0;
let pausesWithRequest = 0;
let r = 0;
for (let i = 0; i < typed.times.length; i++) {
  const start = typed.times[i]!;
  const next = typed.times[i + 1] ?? Infinity;
  let inGap = 0;
  while (r < typed.requests.length && typed.requests[r]! < next) {
    if (typed.requests[r]! > start) inGap++;
    r++;
  }
  if (inGap > 0 && next - start < typed.delays[i]!) violations += inGap;
  if (inGap > 0 && typed.pauses.has(i)) pausesWithRequest++;
}

const report: CompletionReport = {
  lines,
  otherFiles: others.length,
  otherLines: others.reduce((sum, other) => sum + other.text.split('\n').length - 1, 0),
  keystrokes: requestMs.length,
  requestMs,
  requestCpuMs,
  firstMs: requestMs[0] ?? Number.NaN,
  buildMs,
  cacheMs,
  postMs,
  cacheHits: stats.hits,
  typedAhead: stats.typedAhead,
  shown,
  cacheAfterFill: { entries: filled.stats().entries, bytes: filled.stats().bytes, inputs: 10_000 },
  debounce: {
    keystrokes: typed.times.length,
    pauses: typed.pauses.size,
    violations,
    requests: typed.requests.length,
    pausesWithRequest,
    fixedRequests: fixed.requests.length,
    finalDelayMs: adaptive.currentDelay(),
  },
};
console.log(`BENCH_RESULT ${JSON.stringify(report)}`);
