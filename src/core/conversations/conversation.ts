// The conversation model of the chat panel (SPEC §5): what is shown, sent to providers, exported and persisted.
//
// Every operation in this folder is pure and IMMUTABLE: it returns a new Conversation (sharing the messages it did
// not change) and never modifies its input. An operation that changes nothing returns its input itself, so callers
// can skip re-rendering or saving with `next === previous`. Times are milliseconds since the epoch.
import type { TokenUsage, FinishReason } from '../chat/chatTypes';
import type { ProviderErrorKind } from '../errors/providerError';

/** The stored format's version; a file with a greater one was written by a newer Switchboard and is left alone. */
export const conversationFormatVersion = 1;

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
  content: string;
  createdAt: number;
  /** Code or files the user attached (context chips), sent with the message as fenced blocks. */
  contexts?: ContextItem[];
}

export type AssistantStatus = 'streaming' | 'complete' | 'stopped' | 'error';

export interface AssistantMessage {
  id: string;
  role: 'assistant';
  /** The answer's text so far; kept when the answer is stopped or fails part-way. */
  content: string;
  createdAt: number;
  status: AssistantStatus;
  /** The provider entry and model that produced the answer (after any fallback). */
  provider?: string;
  model?: string;
  usage?: TokenUsage;
  /** Why the answer ended, when it ended with `done` (e.g. `length` = cut at the token limit). */
  finishReason?: FinishReason;
  error?: MessageError;
  /** The answer was replayed from the response cache. */
  cached?: boolean;
  /** The model the user chose, when another model of the fallback chain answered instead. */
  fallbackFrom?: ModelIdentity;
  /** Images an `/image` request saved into the workspace, shown inline with the answer. */
  images?: GeneratedImageRef[];
}

export interface GeneratedImageRef {
  /** Where the file was written (workspace-relative or absolute, as the image feature chose). */
  path: string;
  alt: string;
}

export interface MessageError {
  kind: ProviderErrorKind;
  message: string;
}

export interface ModelIdentity {
  provider: string;
  model: string;
}

export interface ContextItem {
  kind: 'selection' | 'file';
  /** What the chip shows, e.g. `app.ts:10-24`. */
  label: string;
  /** Workspace-relative (or absolute) path of the file it came from. */
  path?: string;
  /** VS Code language id, e.g. `typescript`. */
  language?: string;
  text: string;
  /** 1-based, inclusive. */
  startLine?: number;
  endLine?: number;
  /** Set when `text` was cut to the context budget (SPEC §6: never silently). */
  truncated?: boolean;
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
