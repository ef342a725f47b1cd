// The steps of one answer (issue 17, docs/chat.md "Tools"). Each step is one request to the model; when it ends in
// tool calls and the turn has tools, every call is checked and run in order, its result appended to the answer, and
// the next step asks again with the history plus the answer so far (toChatMessages.answerMessages: each step as an
// assistant message and a `tool` message). It ends when the model answers without calls, on Stop, on an error, or
// when `maxSteps` requests have been made. Without tools it is exactly one request.
//
// Nothing a model sends can crash the loop: an unknown tool, arguments that are not JSON or do not fit the tool's
// parameters, and a call repeated over and over each become an error result the model reads (and a note the user
// sees), never an exception.
import type { ChatEvent, ChatRequest, FinishReason, TokenUsage, ToolCall } from '../chat/chatTypes';
import { answerMessages } from '../conversations/toChatMessages';
import { cutText, type ToolResultPart } from '../conversations/messagePart';
import { toolError, toolNote } from '../tools/toolError';
import type { ToolOutcome, ToolSpec } from '../tools/toolTypes';
import type { AnswerCost } from './answerCost';
import type { AnswerProgress } from './answerProgress';
import type { ChatEngine, RunTurnOptions, TurnTools } from './turnTypes';

/** The same call (name and arguments) this many times in a row is refused instead of run. */
export const repeatedCallLimit = 3;

/** The longest tool result sent by default, in characters (`TurnTools.maxResultChars`). */
export const defaultMaxResultChars = 100_000;

export interface ToolLoopInput {
  chat: ChatEngine;
  models: readonly string[];
  /** The turn's request without the answer: history, question, the recipe's prompt and options, the signal. */
  base: Omit<ChatRequest, 'model'>;
  /** The chosen model (`provider/model`), for `prepareRequest`. */
  chosen: string;
  prepareRequest?: RunTurnOptions['prepareRequest'];
  signal?: AbortSignal;
  tools?: TurnTools;
  /** Prices every request of the answer and checks each against the budgets (answerCost.ts). */
  cost?: AnswerCost;
}

/**
 * Runs the answer's steps into `progress`. Returns once the answer has ended — or when a stream ended without a
 * final event, which the caller turns into an error. Throws only what the engine or `prepareRequest` throws.
 */
export async function runToolLoop(progress: AnswerProgress, input: ToolLoopInput): Promise<void> {
  const { signal } = input;
  // No tools offered is no loop (and no empty `tools` list, which some protocols refuse).
  const tools = input.tools !== undefined && input.tools.tools.length > 0 ? input.tools : undefined;
  const stopped = (): boolean => signal?.aborted === true;
  const maxSteps = tools !== undefined ? stepLimit(tools.maxSteps) : 1;
  const usage = new UsageSum();
  const calls = new CallChecker(tools, signal);
  for (let step = 1; ; step++) {
    let request = stepRequest(input.base, progress, tools);
    if (input.prepareRequest !== undefined) request = await input.prepareRequest(request, input.chosen);
    if (stopped()) {
      progress.apply({ type: 'done', finishReason: 'cancelled' });
      return;
    }
    input.cost?.startStep(request);
    const beforeAttempt = input.cost?.beforeAttempt();
    const stream = beforeAttempt !== undefined ? input.chat(input.models, request, { beforeAttempt }) : input.chat(input.models, request);
    const made = await streamStep(progress, stream, { stopped, usage, tools: tools !== undefined, cost: input.cost });
    if (made === undefined) return;

    if (step >= maxSteps) {
      // The limit: this step's calls are not run, so the model (asked to go on later) knows what it had wanted.
      for (const call of made) addResult(progress, call, toolError('tool.notRun.stepLimit', { max: maxSteps }));
      const note = toolNote('tool.note.stepLimit', { max: maxSteps });
      progress.add({ note }, { type: 'answer-note', note });
      progress.apply({ type: 'done', finishReason: 'tool-calls' });
      return;
    }
    for (const call of made) {
      if (stopped()) break;
      const outcome = await calls.run(call, progress);
      // Stopped while the tool ran: the call keeps no result (and its step is not sent to a model again).
      if (outcome === undefined) break;
      addResult(progress, call, outcome);
    }
    if (stopped()) {
      progress.apply({ type: 'done', finishReason: 'cancelled' });
      return;
    }
  }
}

/** The request of the next step: the turn's, with the answer's finished steps after the question, and the tools. */
function stepRequest(base: Omit<ChatRequest, 'model'>, progress: AnswerProgress, tools: TurnTools | undefined): Omit<ChatRequest, 'model'> {
  if (tools === undefined) return base;
  const answer = progress.answer();
  const request: Omit<ChatRequest, 'model'> = {
    ...base,
    messages: [...base.messages, ...(answer !== undefined ? answerMessages(answer) : [])],
    tools: tools.tools.map((tool) => tool.definition),
  };
  if (tools.toolChoice !== undefined) request.toolChoice = tools.toolChoice;
  return request;
}

/**
 * Streams one step into the answer. Returns its tool calls when it ended in calls the loop should run (the step's
 * `done` is then not applied: the answer goes on); undefined when the answer ended (done, error, Stop) or the
 * stream ended without a final event.
 */
async function streamStep(
  progress: AnswerProgress,
  stream: AsyncIterable<ChatEvent>,
  context: { stopped: () => boolean; usage: UsageSum; tools: boolean; cost: AnswerCost | undefined },
): Promise<ToolCall[] | undefined> {
  const calls: ToolCall[] = [];
  for await (const event of stream) {
    context.cost?.observe(event);
    // Nothing that arrives after Stop is added, and an engine that goes on anyway is not waited for.
    if (context.stopped()) {
      progress.apply({ type: 'done', finishReason: 'cancelled' });
      return undefined;
    }
    if (event.type === 'usage') {
      progress.apply({ type: 'usage', usage: context.usage.report(event.usage) });
      continue;
    }
    if (event.type === 'done' && context.tools && calls.length > 0 && runsCalls(event.finishReason)) {
      context.usage.endStep();
      return calls;
    }
    if (event.type === 'tool-call') calls.push(event.call);
    progress.apply(event);
    if (progress.ended()) return undefined;
  }
  return undefined;
}

/**
 * The finish reasons after which a step's calls are run: `tool-calls`, and `stop` / `other` as some
 * OpenAI-compatible servers report a step with calls. After `length` a call may be cut short, after a content
 * filter it should not run: the answer ends there, its calls without results.
 */
function runsCalls(reason: FinishReason): boolean {
  return reason === 'tool-calls' || reason === 'stop' || reason === 'other';
}

function addResult(progress: AnswerProgress, call: ToolCall, outcome: ToolOutcome): void {
  const part: ToolResultPart = { type: 'tool-result', callId: call.id, content: outcome.content, isError: outcome.isError };
  if (outcome.note !== undefined) part.note = outcome.note;
  progress.add(
    { parts: [part] },
    {
      type: 'tool-result',
      callId: call.id,
      name: call.name,
      size: Buffer.byteLength(outcome.content, 'utf8'),
      isError: outcome.isError,
      ...(outcome.note !== undefined ? { note: outcome.note } : {}),
    },
  );
}

/** Checks each call (the repeat guard, the tool's name, its arguments) and runs the ones that pass. */
class CallChecker {
  private readonly specs = new Map<string, ToolSpec>();
  private readonly names: string;
  private readonly maxResultChars: number;
  private readonly signal: AbortSignal;
  private lastCall = '';
  private repeats = 0;

  constructor(
    private readonly tools: TurnTools | undefined,
    signal: AbortSignal | undefined,
  ) {
    for (const tool of tools?.tools ?? []) this.specs.set(tool.definition.name, tool);
    this.names = [...this.specs.keys()].join(', ');
    const max = tools?.maxResultChars;
    this.maxResultChars = max !== undefined && Number.isFinite(max) && max > 0 ? Math.floor(max) : defaultMaxResultChars;
    // Without a stop signal, tools get one that never aborts.
    this.signal = signal ?? new AbortController().signal;
  }

  /** The call's outcome, or undefined when Stop came while its tool ran. */
  async run(call: ToolCall, progress: AnswerProgress): Promise<ToolOutcome | undefined> {
    const key = `${call.name}\u0000${canonicalArguments(call.arguments)}`;
    this.repeats = key === this.lastCall ? this.repeats + 1 : 1;
    this.lastCall = key;
    if (this.repeats >= repeatedCallLimit) {
      const note = toolNote('tool.note.repeated', { name: call.name, count: this.repeats });
      progress.add({ note }, { type: 'answer-note', note });
      return toolError('tool.repeated', { name: call.name, count: this.repeats });
    }
    const spec = this.specs.get(call.name);
    if (spec === undefined || this.tools === undefined) return toolError('tool.unknown', { name: call.name, tools: this.names });
    const parsed = parseArguments(call.arguments);
    if (!parsed.ok) return toolError('tool.badJson', { name: call.name, detail: parsed.error });
    if (typeof parsed.value !== 'object' || parsed.value === null || Array.isArray(parsed.value)) {
      return toolError('tool.badArguments', { name: call.name, detail: 'expected a JSON object of named arguments' });
    }
    const checked = spec.parse(parsed.value);
    if (!checked.ok) return toolError('tool.badArguments', { name: call.name, detail: checked.error });

    let outcome: ToolOutcome | typeof stoppedMark;
    try {
      outcome = await untilAborted(this.tools.run({ ...call, input: checked.input, readOnly: spec.readOnly }, this.signal), this.signal);
    } catch (error) {
      if (this.signal.aborted) return undefined;
      return toolError('tool.failed', { name: call.name, detail: error instanceof Error ? error.message : String(error) });
    }
    if (outcome === stoppedMark) return undefined;
    return this.fit(outcome);
  }

  /** The outcome as sent: its content a string cut to the limit, with a marker saying how much there was. */
  private fit(outcome: ToolOutcome): ToolOutcome {
    const content = typeof outcome.content === 'string' ? outcome.content : String(outcome.content);
    const fitted: ToolOutcome = { content, isError: outcome.isError === true };
    if (outcome.note !== undefined) fitted.note = outcome.note;
    if (content.length > this.maxResultChars) {
      fitted.content = `${cutText(content, this.maxResultChars)}\n[cut: the result had ${content.length} characters; the first ${this.maxResultChars} were sent]`;
    }
    return fitted;
  }
}

const stoppedMark = Symbol('stopped');

/** `promise`, or `stoppedMark` as soon as `signal` aborts (the promise is then left to settle on its own). */
function untilAborted<T>(promise: Promise<T>, signal: AbortSignal): Promise<T | typeof stoppedMark> {
  if (signal.aborted) {
    promise.catch(() => undefined);
    return Promise.resolve(stoppedMark);
  }
  return new Promise((resolve, reject) => {
    const onAbort = (): void => {
      promise.catch(() => undefined);
      resolve(stoppedMark);
    };
    signal.addEventListener('abort', onAbort, { once: true });
    promise.then(
      (value) => {
        signal.removeEventListener('abort', onAbort);
        resolve(value);
      },
      (error: unknown) => {
        signal.removeEventListener('abort', onAbort);
        reject(error instanceof Error ? error : new Error(String(error)));
      },
    );
  });
}

/** A call's arguments parsed; an empty text (what some servers send for a tool without parameters) is `{}`. */
function parseArguments(text: string): { ok: true; value: unknown } | { ok: false; error: string } {
  if (text.trim() === '') return { ok: true, value: {} };
  try {
    return { ok: true, value: JSON.parse(text) as unknown };
  } catch (error) {
    return { ok: false, error: error instanceof Error ? error.message : String(error) };
  }
}

/** The arguments in one form whatever their spacing and key order, so a repeat is seen as one; invalid JSON as sent. */
function canonicalArguments(text: string): string {
  const parsed = parseArguments(text);
  return parsed.ok ? JSON.stringify(sortKeys(parsed.value)) : text;
}

function sortKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sortKeys);
  if (typeof value !== 'object' || value === null) return value;
  const out: Record<string, unknown> = {};
  for (const key of Object.keys(value).sort()) out[key] = sortKeys((value as Record<string, unknown>)[key]);
  return out;
}

/** `maxSteps` as a whole number of at least 1. */
function stepLimit(maxSteps: number): number {
  return Number.isFinite(maxSteps) && maxSteps >= 1 ? Math.floor(maxSteps) : 1;
}

/**
 * The answer's token usage: within a step the last report of each count wins (a provider may report more than
 * once); the steps are summed.
 */
class UsageSum {
  private finished: TokenUsage = {};
  private step: TokenUsage = {};

  /** Takes a report of the current step; returns the answer's total so far. */
  report(usage: TokenUsage): TokenUsage {
    for (const key of usageKeys) {
      const value = usage[key];
      if (value !== undefined) this.step[key] = value;
    }
    return add(this.finished, this.step);
  }

  endStep(): void {
    this.finished = add(this.finished, this.step);
    this.step = {};
  }
}

const usageKeys = ['inputTokens', 'outputTokens', 'cachedInputTokens', 'cacheWriteInputTokens'] as const;

function add(a: TokenUsage, b: TokenUsage): TokenUsage {
  const sum: TokenUsage = {};
  for (const key of usageKeys) {
    if (a[key] !== undefined || b[key] !== undefined) sum[key] = (a[key] ?? 0) + (b[key] ?? 0);
  }
  return sum;
}
