// The operations the chat panel performs on a conversation. All pure and immutable (see conversation.ts): each
// returns a new Conversation, or its input itself when nothing changes (an unknown id, a message of the wrong
// role), so a stale click from the webview is harmless and detectable with `===`.
import { randomUUID } from 'node:crypto';
import type { AssistantMessage, ContextItem, Conversation, ConversationMessage, UserMessage } from './conversation';
import { conversationFormatVersion } from './conversation';
import { deriveTitle, normalizeTitle } from './deriveTitle';

/** The English default title; the extension passes its localized one as `defaultTitle`. */
export const defaultConversationTitle = 'New chat';

export interface TimeOptions {
  /** The time to record (defaults to `Date.now()`); tests pass their own. */
  now?: number;
}

export interface TitleOptions {
  /** The title used while there is no text to derive one from (localized by the caller). */
  defaultTitle?: string;
}

export interface CreateConversationOptions extends TimeOptions, TitleOptions {
  /** Defaults to `randomUUID()`. */
  id?: string;
}

export function createConversation(options: CreateConversationOptions = {}): Conversation {
  const now = options.now ?? Date.now();
  return {
    version: conversationFormatVersion,
    id: options.id ?? randomUUID(),
    title: options.defaultTitle ?? defaultConversationTitle,
    createdAt: now,
    updatedAt: now,
    messages: [],
  };
}

export interface AppendUserMessageOptions extends TimeOptions, TitleOptions {
  contexts?: readonly ContextItem[];
  id?: string;
}

/** Adds the user's message; the first one names the conversation unless the user renamed it. */
export function appendUserMessage(
  conversation: Conversation,
  content: string,
  options: AppendUserMessageOptions = {},
): { conversation: Conversation; message: UserMessage } {
  const now = options.now ?? Date.now();
  const message: UserMessage = { id: options.id ?? randomUUID(), role: 'user', content, createdAt: now };
  if (options.contexts !== undefined && options.contexts.length > 0) message.contexts = options.contexts.map((item) => ({ ...item }));
  const messages = [...conversation.messages, message];
  const next: Conversation = { ...conversation, messages, updatedAt: now };
  next.title = titleFor(next, conversation.title, options.defaultTitle);
  return { conversation: next, message };
}

export interface StartAssistantMessageOptions extends TimeOptions {
  /** The model asked (a `model` event later says which one actually answers). */
  provider?: string;
  model?: string;
  id?: string;
}

/** Adds an empty answer in status `streaming`, to be filled by `applyChatEvent`. */
export function startAssistantMessage(
  conversation: Conversation,
  options: StartAssistantMessageOptions = {},
): { conversation: Conversation; message: AssistantMessage } {
  const now = options.now ?? Date.now();
  const message: AssistantMessage = { id: options.id ?? randomUUID(), role: 'assistant', content: '', createdAt: now, status: 'streaming' };
  if (options.provider !== undefined) message.provider = options.provider;
  if (options.model !== undefined) message.model = options.model;
  return { conversation: { ...conversation, messages: [...conversation.messages, message], updatedAt: now }, message };
}

/** The user's own title; from now on it is kept when the first message is edited. */
export function renameConversation(conversation: Conversation, title: string, options: TimeOptions & TitleOptions = {}): Conversation {
  const normalized = normalizeTitle(title, options.defaultTitle ?? defaultConversationTitle);
  if (normalized === conversation.title && conversation.renamed === true) return conversation;
  return { ...conversation, title: normalized, renamed: true, updatedAt: options.now ?? Date.now() };
}

/** Keeps the messages up to and including `messageId`, drops the rest. */
export function truncateAfter(conversation: Conversation, messageId: string, options: TimeOptions = {}): Conversation {
  const index = conversation.messages.findIndex((message) => message.id === messageId);
  if (index < 0 || index === conversation.messages.length - 1) return conversation;
  return { ...conversation, messages: conversation.messages.slice(0, index + 1), updatedAt: options.now ?? Date.now() };
}

export interface EditUserMessageOptions extends TimeOptions, TitleOptions {
  /** New contexts; omitted = keep the message's current ones, `[]` = remove them. */
  contexts?: readonly ContextItem[];
}

/**
 * Edit-and-resend: replaces a user message's text (and optionally its contexts) and drops everything after it, so
 * the caller can start a new answer. Editing the first message renames a conversation the user has not renamed.
 */
export function editUserMessage(
  conversation: Conversation,
  messageId: string,
  content: string,
  options: EditUserMessageOptions = {},
): Conversation {
  const index = conversation.messages.findIndex((message) => message.id === messageId);
  const original = conversation.messages[index];
  if (original === undefined || original.role !== 'user') return conversation;
  const edited: UserMessage = { id: original.id, role: 'user', content, createdAt: original.createdAt };
  const contexts = options.contexts ?? original.contexts;
  if (contexts !== undefined && contexts.length > 0) edited.contexts = contexts.map((item) => ({ ...item }));
  const messages = [...conversation.messages.slice(0, index), edited];
  const next: Conversation = { ...conversation, messages, updatedAt: options.now ?? Date.now() };
  next.title = titleFor(next, conversation.title, options.defaultTitle);
  return next;
}

/**
 * Regenerate: removes the answer `messageId` (default: the last message, when it is an answer) and everything
 * after it, leaving the conversation ending with the question it answered, ready for a new answer.
 */
export function truncateForRegenerate(conversation: Conversation, messageId?: string, options: TimeOptions = {}): Conversation {
  const index =
    messageId === undefined ? conversation.messages.length - 1 : conversation.messages.findIndex((message) => message.id === messageId);
  if (conversation.messages[index]?.role !== 'assistant') return conversation;
  return { ...conversation, messages: conversation.messages.slice(0, index), updatedAt: options.now ?? Date.now() };
}

/**
 * A conversation read back after the window closed mid-answer has a message still `streaming` that nothing will
 * finish: it becomes `stopped`, its partial text kept. Call it on what the store loads.
 */
export function settleInterrupted(conversation: Conversation): Conversation {
  if (!conversation.messages.some(isStreaming)) return conversation;
  return {
    ...conversation,
    messages: conversation.messages.map((message) => (isStreaming(message) ? { ...message, status: 'stopped' } : message)),
  };
}

function isStreaming(message: ConversationMessage): message is AssistantMessage {
  return message.role === 'assistant' && message.status === 'streaming';
}

/** The title after a change to the messages: derived from the first user message unless the user renamed it. */
function titleFor(conversation: Conversation, current: string, defaultTitle = defaultConversationTitle): string {
  if (conversation.renamed === true) return current;
  const first = conversation.messages.find((message): message is UserMessage => message.role === 'user');
  if (first === undefined) return current;
  // A message that is only an attached selection is named after it rather than "New chat".
  const fallback = first.contexts?.[0]?.label.trim() || defaultTitle;
  return deriveTitle(first.content, deriveTitle(fallback, defaultTitle));
}
