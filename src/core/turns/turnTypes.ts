// What a chat turn takes and tells (turnRunner.ts, runToolLoop.ts; docs/chat.md). No `vscode`: the extension gives
// the engine's `chat`, the tools and a listener, and saves what the turn returns.
import type { ChatEvent, ChatRequest, ToolChoice } from '../chat/chatTypes';
import type { BeforeAttempt } from '../chat/streamWithFallback';
import type { Cost } from '../pricing/modelPrices';
import type { AnswerCostPart, TurnPricing } from './answerCost';
import type { AnswerNote, Conversation, TurnRecipe } from '../conversations/conversation';
import type { ContextNote } from '../conversations/messagePart';
import type { CheckedToolCall, ToolOutcome, ToolSpec } from '../tools/toolTypes';

/** The ProviderEngine's `chat`: the models in order (chosen first, then fallbacks) and the request without a model. */
export type ChatEngine = (
  models: readonly string[],
  request: Omit<ChatRequest, 'model'>,
  /** A check before each attempt of the fallback chain (budgets); an engine without one may ignore it. */
  options?: { beforeAttempt?: BeforeAttempt },
) => AsyncIterable<ChatEvent>;

/**
 * What the listener hears: the answer was appended, then every event of its stream(s), in order, and what the tool
 * loop did. With tools, a step that ends in tool calls does not pass on its `done`: `done` (or `error`) comes once,
 * when the whole answer has ended. `usage` carries the answer's total so far (every step summed).
 */
export type TurnUpdate =
  | { type: 'turn-start'; messageId: string }
  | ChatEvent
  /**
   * A tool call has its result (appended to the answer): run, refused, denied or failed. Comes after the call's
   * `tool-call` event, in the calls' order; a call stopped while it ran gets none.
   */
  | {
      type: 'tool-result';
      callId: string;
      name: string;
      /** The result's size in UTF-8 bytes, as the model receives it. */
      size: number;
      isError: boolean;
      /** What the user is told about it, when there is something (the message id and parameters of errorTemplates). */
      note?: ContextNote;
    }
  /** A note was added under the answer (the step limit was reached, a repeated call was refused). */
  | { type: 'answer-note'; note: AnswerNote }
  /** The answer has ended and its cost is known (issue 19): the last update of a priced turn. */
  | { type: 'answer-cost'; cost: Cost };

/**
 * The tools of a turn (issue 17). With them, the turn is a loop: after a step ends in tool calls, each call is
 * checked and run in order, the results are appended to the answer, and the model is asked again with the answer so
 * far, until it answers without calls, the user stops, or `maxSteps` requests have been made.
 */
export interface TurnTools {
  /** The tools offered, each with the check its arguments pass (built-in ones: tools/builtinTools.ts). */
  tools: readonly ToolSpec[];
  /**
   * The most requests to the model one answer may make (`switchboard.tools.maxSteps`). The calls of the step that
   * reaches it are not run (each gets a "not run" error result) and the answer ends with a note.
   */
  maxSteps: number;
  /**
   * Runs one checked call: the extension asks the user (Allow / Deny; read-only tools may be always allowed) and
   * executes it. A denial is an error outcome the model reads ("The user denied …"). Should end soon after `signal`
   * aborts (Stop): the loop does not wait for it then, and the call keeps no result. A throw becomes an error result.
   */
  run(call: CheckedToolCall, signal: AbortSignal): Promise<ToolOutcome>;
  /** How the model must use the tools; the protocols' default (`auto`) when absent. */
  toolChoice?: ToolChoice;
  /** The longest result the model is sent, in characters; a longer one is cut with a marker. Default 100,000. */
  maxResultChars?: number;
}

export interface RunTurnOptions {
  chat: ChatEngine;
  /** Stop: the answer ends `stopped` and keeps what it has (text, calls, results). */
  signal?: AbortSignal;
  /** Called with the conversation after each change, and the update that caused it. */
  onUpdate?: (conversation: Conversation, update: TurnUpdate) => void;
  /** Used when the question has no recipe (conversations of format 1, which kept none). */
  defaultRecipe?: TurnRecipe;
  /** The clock for the times recorded; tests pass their own. */
  now?: () => number;
  /** The answer's id (defaults to a random UUID). */
  answerId?: string;
  /** The message of the error when the recipe names no model (the extension passes its localized one). */
  noModelMessage?: string;
  /**
   * Last changes to the request before it goes to `model` (the chosen one): the extension makes it fit the model's
   * context window (context/fitRequestToWindow.ts). The conversation keeps everything; only what is sent changes.
   * With tools, called before every step's request.
   */
  prepareRequest?: (request: Omit<ChatRequest, 'model'>, model: string) => Promise<Omit<ChatRequest, 'model'>>;
  /** Tools the model may call; absent, the turn is one request without tools. */
  tools?: TurnTools;
  /**
   * Prices and budgets (issue 19, docs/spend.md): the answer's cost is stored on it, and a budget may hold a request
   * back before it is sent. Absent: no cost is worked out.
   */
  pricing?: TurnPricing;
  /** Told the answer's cost per model once it has ended (the extension records it in the spend ledger). */
  onCost?: (parts: readonly AnswerCostPart[], answerId: string) => void;
}
