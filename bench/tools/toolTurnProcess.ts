// Runs in its own process (bundled and minified by toolStepBench.ts, like dist/engine.js): chat turns as the extension
// runs them (src/vscode/chat/chatTurns.ts), through the engine's runTurn and the real ProviderEngine against the
// bench's model (toolModelServer.ts, another process), and measures this process's CPU time (process.cpuUsage: user +
// system, every thread of it, so libuv's file reads and V8's helper threads count too).
//   tools     one turn with Switchboard's built-in tools offered (src/core/tools/builtinTools.ts): the model calls
//             read_file BENCH_TOOLS_STEPS times, one ~20 KB source file each, then answers; STEPS + 1 requests
//   baseline  as many requests without tools: STEPS one-step turns whose answer is as long, in chunks and bytes, as a
//             call (toolStreams.ts), then one turn with the same final answer. The model streams the same to both,
//             so what the tool turn costs more is what the tool steps add: checking each call, read_file, folding
//             the results into the answer, and sending the growing history (each step's request carries every
//             earlier result) through the request fitting and the protocol encoder.
// One-step turns rather than one conversation of many turns: in a conversation the history would grow too, with
// the answers, so the baseline would pay a share of what is measured here.
// Both sides get the extension's `prepareRequest` as chatTurns.ts builds it (fitting the request to the model's
// window, here 128,000 tokens: nothing is cut) and a listener that keeps the latest conversation, as the chat's does
// (what the chat then posts to its webview is not part of this).
// Warm-up turns of each first (JIT, the first connection), then rounds of both, in alternating order.
// BENCH_TOOLS_ONLY=tools|baseline with BENCH_TOOLS_PROFILE=<file>: one side only, its rounds profiled.
// Prints one line: `BENCH_RESULT {json}`.
import { writeFileSync } from 'node:fs';
import { Session } from 'node:inspector/promises';
import type { ChatRequest } from '../../src/core/chat/chatTypes';
import { defaultContextExcludeSetting } from '../../src/core/config/switchboardSettings';
import type { Conversation } from '../../src/core/conversations/conversation';
import { appendUserMessage, createConversation, userParts } from '../../src/core/conversations/conversationOps';
import { textOf } from '../../src/core/conversations/messagePart';
import {
  builtinTools,
  createContextExclusion,
  fitRequestToWindow,
  ProviderEngine,
  runReadFile,
  runTurn,
  toolError,
  type ToolWorkspace,
} from '../../src/core/engine';
import type { ReadFileInput } from '../../src/core/tools/readFileTool';
import type { TurnTools } from '../../src/core/turns/turnTypes';
import { finalAnswer, stepText } from './toolStreams';

export interface TurnCost {
  cpuMs: number;
  userMs: number;
  systemMs: number;
  wallMs: number;
  requests: number;
}

export interface ToolProcessReport {
  steps: number;
  warmup: number;
  rounds: { order: 'tools-first' | 'baseline-first'; tools: TurnCost; baseline: TurnCost }[];
  /** read_file alone on the same files, warm: CPU per call. */
  readFileCpuMs: number;
  /** The characters of one read_file result (the ~20 KB file, fenced, with its header line). */
  resultChars: number;
  /** The characters of the last step's request history (every result so far), as a rough size of what is sent. */
  lastStepHistoryChars: number;
  maxRssMb: number;
}

const env = process.env;
const origin = env['BENCH_TOOLS_ORIGIN'] ?? '';
const root = env['BENCH_TOOLS_WORKSPACE'] ?? '';
const files = JSON.parse(env['BENCH_TOOLS_FILES'] ?? '[]') as string[];
const steps = Number(env['BENCH_TOOLS_STEPS'] ?? files.length);
const rounds = Number(env['BENCH_TOOLS_ROUNDS'] ?? 10);
const warmup = Number(env['BENCH_TOOLS_WARMUP'] ?? 5);
/** `tools` or `baseline` runs only that side (for a profile of it); both by default. */
const only = env['BENCH_TOOLS_ONLY'];
/** Where to write a CPU profile of the rounds (warm-up and the rest left out), when profiling. */
const profileFile = env['BENCH_TOOLS_PROFILE'];
const model = 'bench/gpt-bench';
/** switchboard.context.maxChars' default, which the chat passes to read_file as its budget (builtinToolExecutor.ts). */
const maxReadChars = 24_000;
const window = 128_000;

const workspace: ToolWorkspace = {
  folders: [{ name: 'bench', path: root }],
  exclusion: createContextExclusion(defaultContextExcludeSetting),
};

const engine = new ProviderEngine({ credentials: () => Promise.resolve({ apiKey: 'sk-bench-0000000000000000' }) });
engine.configure({
  providers: [{ id: 'bench', kind: 'openai', baseUrl: `${origin}/v1` }],
  http: { maxRetries: 0 },
  responseCache: false,
});

const chat = (models: readonly string[], request: Omit<ChatRequest, 'model'>) => engine.chat(models, request);
const prepareRequest = (request: Omit<ChatRequest, 'model'>): Promise<Omit<ChatRequest, 'model'>> =>
  Promise.resolve(fitRequestToWindow(request, window).request);

/** The chat's tools as builtinToolExecutor.ts runs them, read_file being the one this model calls. */
const tools: TurnTools = {
  tools: builtinTools,
  maxSteps: steps + 5,
  run: (call, signal) =>
    call.name === 'read_file'
      ? runReadFile(call.input as ReadFileInput, workspace, { limits: { maxReadChars }, signal })
      : Promise.resolve(toolError('tool.unknown', { name: call.name, tools: 'read_file' })),
};

function question(text: string): Conversation {
  return appendUserMessage(createConversation(), userParts(text), { recipe: { models: [model] } }).conversation;
}

async function turn(conversation: Conversation, withTools: boolean): Promise<Conversation> {
  let latest = conversation;
  const result = await runTurn(conversation, {
    chat,
    prepareRequest,
    // The chat's Stop (chatTurns.ts gives every turn one).
    signal: new AbortController().signal,
    onUpdate: (updated) => {
      latest = updated;
    },
    ...(withTools ? { tools } : {}),
  });
  if (latest !== result) throw new Error('the listener did not hear the last change');
  return result;
}

function answerOf(conversation: Conversation) {
  const answer = conversation.messages.at(-1);
  if (answer?.role !== 'assistant') throw new Error('no answer');
  if (answer.status !== 'complete') throw new Error(`the answer ended ${answer.status}: ${JSON.stringify(answer.error)}`);
  return answer;
}

let resultChars = 0;

async function toolTurn(): Promise<number> {
  const answer = answerOf(await turn(question(`Read the ${steps} files and tell me what they share.`), true));
  const results = answer.parts.filter((part) => part.type === 'tool-result');
  const calls = answer.parts.filter((part) => part.type === 'tool-call');
  if (calls.length !== steps || results.length !== steps)
    throw new Error(`${calls.length} calls and ${results.length} results, not ${steps}`);
  for (const [i, result] of results.entries()) {
    if (result.isError || !result.content.startsWith(`${files[i]} (`)) throw new Error(`result ${i}: ${result.content.slice(0, 300)}`);
  }
  resultChars = results[0]?.content.length ?? 0;
  if (textOf(answer.parts) !== finalAnswer) throw new Error(`the final answer differs: ${textOf(answer.parts).slice(0, 200)}`);
  return steps + 1;
}

async function baselineTurns(): Promise<number> {
  for (let i = 0; i < steps; i++) {
    const answer = answerOf(await turn(question(`Step ${i}: what comes next?`), false));
    if (textOf(answer.parts) !== stepText(files[i % files.length]!)) throw new Error(`step ${i} answered ${textOf(answer.parts)}`);
  }
  const answer = answerOf(await turn(question('And the final answer?'), false));
  if (textOf(answer.parts) !== finalAnswer) throw new Error('the final answer of the baseline differs');
  return steps + 1;
}

async function measure(run: () => Promise<number>): Promise<TurnCost> {
  const cpu = process.cpuUsage();
  const started = performance.now();
  const requests = await run();
  const wallMs = performance.now() - started;
  const used = process.cpuUsage(cpu);
  return { cpuMs: (used.user + used.system) / 1000, userMs: used.user / 1000, systemMs: used.system / 1000, wallMs, requests };
}

/** A CPU profile of what runs between start and stop, through the inspector (as `node --cpu-prof` writes one). */
async function startProfile(): Promise<{ stop(file: string): Promise<void> }> {
  const session = new Session();
  session.connect();
  await session.post('Profiler.enable');
  await session.post('Profiler.setSamplingInterval', { interval: 100 });
  await session.post('Profiler.start');
  return {
    async stop(file) {
      const { profile } = await session.post('Profiler.stop');
      writeFileSync(file, JSON.stringify(profile));
      session.disconnect();
    },
  };
}

const none: TurnCost = { cpuMs: Number.NaN, userMs: Number.NaN, systemMs: Number.NaN, wallMs: Number.NaN, requests: 0 };

async function main(): Promise<void> {
  if (origin === '' || root === '' || files.length < steps) throw new Error('BENCH_TOOLS_ORIGIN, _WORKSPACE and _FILES are needed');
  for (let i = 0; i < warmup; i++) {
    if (only !== 'baseline') await toolTurn();
    if (only !== 'tools') await baselineTurns();
  }
  const measured: ToolProcessReport['rounds'] = [];
  const profiler = profileFile !== undefined ? await startProfile() : undefined;
  for (let round = 0; round < rounds; round++) {
    const toolsFirst = round % 2 === 0;
    let toolCost = none;
    let baselineCost = none;
    if (toolsFirst && only !== 'baseline') toolCost = await measure(toolTurn);
    if (only !== 'tools') baselineCost = await measure(baselineTurns);
    if (!toolsFirst && only !== 'baseline') toolCost = await measure(toolTurn);
    measured.push({ order: toolsFirst ? 'tools-first' : 'baseline-first', tools: toolCost, baseline: baselineCost });
  }
  if (profiler !== undefined && profileFile !== undefined) await profiler.stop(profileFile);

  // read_file alone, for the share of the step it is.
  const calls = 20 * steps;
  const cpu = process.cpuUsage();
  for (let i = 0; i < calls; i++) {
    const outcome = await runReadFile({ path: files[i % steps]! }, workspace, { limits: { maxReadChars } });
    if (outcome.isError) throw new Error(outcome.content);
  }
  const used = process.cpuUsage(cpu);

  // The tool results the last step's request carries, sized once outside the clock.
  let lastHistoryChars = 0;
  await runTurn(question('Sizing.'), {
    chat,
    tools,
    prepareRequest: (request) => {
      lastHistoryChars = request.messages.reduce(
        (sum, message) =>
          sum + message.parts.reduce((n, part) => n + ('content' in part && typeof part.content === 'string' ? part.content.length : 0), 0),
        0,
      );
      return prepareRequest(request);
    },
  });

  const report: ToolProcessReport = {
    steps,
    warmup,
    rounds: measured,
    readFileCpuMs: (used.user + used.system) / 1000 / calls,
    resultChars,
    lastStepHistoryChars: lastHistoryChars,
    maxRssMb: process.resourceUsage().maxRSS / 1024,
  };
  console.log(`BENCH_RESULT ${JSON.stringify(report)}`);
}

main()
  .then(() => process.exit(0))
  .catch((error: unknown) => {
    console.error(error);
    process.exit(1);
  });
