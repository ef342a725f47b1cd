// The conversation model of the chat panel (docs/chat.md): what is shown, sent to providers, exported and persisted.
//
// Every operation in this folder is pure and IMMUTABLE: it returns a new Conversation (sharing the messages it did
// not change) and never modifies its input. An operation that changes nothing returns its input itself, so callers
// can skip re-rendering or saving with `next === previous`. Times are milliseconds since the epoch.
import type { TokenUsage, FinishReason } from '../chat/chatTypes';
import type { ProviderErrorKind } from '../errors/providerError';
import type { Cost } from '../pricing/modelPrices';
import type { ContextNote, MessagePart } from './messagePart';

export type { ContextItem, ContextKind, MessagePart } from './messagePart';

/**
 * Something the user should know about how an answer went that is not an error (issue 17): the tool loop reached
 * its step limit, a repeated tool call was refused. A message id of errors/errorTemplates.ts and flat parameters,
 * like a context item's note, shown under the answer in the UI's language; never sent to a model.
 */
export type AnswerNote = ContextNote;

/**
 * The stored format's version; a file with a greater one was written by a newer Switchboard and is left alone.
 * 1: messages held `content` (+ `contexts`, `images`); 2: messages hold parts and user messages their turn recipe.
 * Older files are migrated on load (conversationSchema.ts) and written in this version on the next save.
 */
export const conversationFormatVersion = 2;

export interface Conversation {
  version: typeof conversationFormatVersion;
  /** A `randomUUID()`; also the file name, so it is checked to be one (see isConversationId). */
  id: string;
  title: string;
  /** True once the user renamed it: the title is then no longer derived from the first message. */
  renamed?: boolean;
  createdAt: number;
  updatedAt: number;
  messages: ConversationMessage[];
}

export type ConversationMessage = UserMessage | AssistantMessage;

export interface UserMessage {
  id: string;
  role: 'user';
  /** What the user wrote and attached (text and context parts), in order, as shown. */
  parts: MessagePart[];
  createdAt: number;
  /** How the turn was sent, so Regenerate and Edit replay it exactly (absent in conversations from format 1). */
  recipe?: TurnRecipe;
}

/**
 * How a user turn is sent: kept with the message so a regenerated or edited turn goes out the same way (a
 * selection command's system prompt, template and model are not lost on Regenerate, issue 13).
 */
export interface TurnRecipe {
  /** The whole system prompt sent (command prompt and the user's `switchboard.chat.systemPrompt` already joined). */
  systemPrompt?: string;
  /**
   * What is sent for this user turn when it differs from what is shown: the Explain command shows "Explain
   * app.ts:10-24" but sends its template with the code in it. Absent = the message's own parts are sent.
   */
  promptParts?: MessagePart[];
  /** `providerId/modelId`: the chosen model first, then the fallbacks, as they were when the turn was sent. */
  models: string[];
  temperature?: number;
  maxTokens?: number;
}

export type AssistantStatus = 'streaming' | 'complete' | 'stopped' | 'error';

export interface AssistantMessage {
  id: string;
  role: 'assistant';
  /**
   * The answer so far: its text (kept when the answer is stopped or fails part-way; `textOf(parts)`) and the images
   * an `/image` request saved into the workspace, shown inline with the answer. When the model used tools, every
   * step in order: its text, its `tool-call` parts, then their `tool-result` parts, then the next step's text and
   * calls (docs/chat.md, "Tools"). A call without a result was stopped (or its step ended the answer).
   */
  parts: MessagePart[];
  createdAt: number;
  status: AssistantStatus;
  /** The provider entry and model that produced the answer (after any fallback). */
  provider?: string;
  model?: string;
  /** Token counts of the whole answer: with tools, every step's request summed. */
  usage?: TokenUsage;
  /**
   * What the answer cost: every fallback attempt and tool step, each at its model's prices (docs/spend.md "Cost").
   * Absent when nothing was billed or the answer is older than prices.
   */
  cost?: Cost;
  /** Why the answer ended, when it ended with `done` (e.g. `length` = cut at the token limit). */
  finishReason?: FinishReason;
  error?: MessageError;
  /** The answer was replayed from the response cache. */
  cached?: boolean;
  /** The semantic cache answered: the earlier, similar question the answer was given to (docs/moderation-and-caching.md). */
  cachedQuestion?: string;
  /** The model the user chose, when another model of the fallback chain answered instead. */
  fallbackFrom?: ModelIdentity;
  /** What the user is told under the answer (the step limit was reached, a repeated call was refused), in order. */
  notes?: AnswerNote[];
}

/** An image an `/image` request wrote, as attachImages takes it. */
export interface GeneratedImageRef {
  /** Where the file was written (workspace-relative or absolute, as the image feature chose). */
  path: string;
  alt: string;
  /** Defaults to the type the file's extension names. */
  mimeType?: string;
}

export interface MessageError {
  kind: ProviderErrorKind;
  /** The English text (what older versions and logs read). */
  message: string;
  /** The message id and parameters of the error (errorTemplates.ts), so the UI shows it in its own language. */
  messageId?: string;
  params?: Record<string, unknown>;
}

export interface ModelIdentity {
  provider: string;
  model: string;
}

/** One line of the conversation list (what `index.json` holds for each conversation). */
export interface ConversationSummary {
  id: string;
  title: string;
  createdAt: number;
  updatedAt: number;
  messageCount: number;
}

const uuidPattern = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Conversation ids become file names and arrive from the webview, so only UUIDs are accepted (no `..`, no `/`). */
export function isConversationId(value: string): boolean {
  return uuidPattern.test(value);
}

export function summarizeConversation(conversation: Conversation): ConversationSummary {
  return {
    id: conversation.id,
    title: conversation.title,
    createdAt: conversation.createdAt,
    updatedAt: conversation.updatedAt,
    messageCount: conversation.messages.length,
  };
}
