// The operations the chat panel performs on a conversation. All pure and immutable (see conversation.ts): each
// returns a new Conversation, or its input itself when nothing changes (an unknown id, a message of the wrong
// role), so a stale click from the webview is harmless and detectable with `===`.
import { randomUUID } from 'node:crypto';
import type { AssistantMessage, Conversation, ConversationMessage, TurnRecipe, UserMessage } from './conversation';
import { conversationFormatVersion } from './conversation';
import { deriveTitle, normalizeTitle } from './deriveTitle';
import type { ContextItem, ImagePart, MessagePart } from './messagePart';
import { contextPart, contextsOf, copyPart, textOf, textPart } from './messagePart';

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

/** The parts of a message the user typed with chips attached: the contexts first (as sent today), the images, then the text. */
export function userParts(text: string, contexts: readonly ContextItem[] = [], images: readonly ImagePart[] = []): MessagePart[] {
  const parts: MessagePart[] = [...contexts.map(contextPart), ...images.map((image) => ({ ...image }))];
  if (text !== '' || parts.length === 0) parts.push(textPart(text));
  return parts;
}

export interface AppendUserMessageOptions extends TimeOptions, TitleOptions {
  /** How the turn is sent (stored with the message so it can be replayed). */
  recipe?: TurnRecipe;
  id?: string;
}

/** Adds the user's message; the first one names the conversation unless the user renamed it. */
export function appendUserMessage(
  conversation: Conversation,
  parts: readonly MessagePart[],
  options: AppendUserMessageOptions = {},
): { conversation: Conversation; message: UserMessage } {
  const now = options.now ?? Date.now();
  const message: UserMessage = { id: options.id ?? randomUUID(), role: 'user', parts: parts.map(copyPart), createdAt: now };
  if (options.recipe !== undefined) message.recipe = copyRecipe(options.recipe);
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
  const message: AssistantMessage = { id: options.id ?? randomUUID(), role: 'assistant', parts: [], createdAt: now, status: 'streaming' };
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
  /** The recipe to send the edited turn with; omitted = the message's own (see editedRecipe). */
  recipe?: TurnRecipe;
}

/**
 * Edit-and-resend: replaces a user message's parts and drops everything after it, so the caller can start a new
 * answer. Editing the first message renames a conversation the user has not renamed. The message keeps its
 * recipe — system prompt, models and options — except that edited parts are what is sent from now on (editedRecipe).
 */
export function editUserMessage(
  conversation: Conversation,
  messageId: string,
  parts: readonly MessagePart[],
  options: EditUserMessageOptions = {},
): Conversation {
  const index = conversation.messages.findIndex((message) => message.id === messageId);
  const original = conversation.messages[index];
  if (original === undefined || original.role !== 'user') return conversation;
  const edited: UserMessage = { id: original.id, role: 'user', parts: parts.map(copyPart), createdAt: original.createdAt };
  const recipe = options.recipe ?? editedRecipe(original, edited.parts);
  if (recipe !== undefined) edited.recipe = copyRecipe(recipe);
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

/**
 * The recipe of an edited message: the same system prompt, models and options. Its prompt parts are kept only when
 * the edit left the shown parts as they were; otherwise the user rewrote the question and what they wrote now is
 * what is sent (a command's template would otherwise ignore the edit).
 */
export function editedRecipe(original: UserMessage, parts: readonly MessagePart[]): TurnRecipe | undefined {
  const recipe = original.recipe;
  if (recipe === undefined) return undefined;
  if (recipe.promptParts === undefined || samePartsJson(original.parts, parts)) return recipe;
  const rest: TurnRecipe = { ...recipe };
  delete rest.promptParts;
  return rest;
}

export function copyRecipe(recipe: TurnRecipe): TurnRecipe {
  const copy: TurnRecipe = { ...recipe, models: [...recipe.models] };
  if (recipe.promptParts !== undefined) copy.promptParts = recipe.promptParts.map(copyPart);
  return copy;
}

function samePartsJson(a: readonly MessagePart[], b: readonly MessagePart[]): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

/** The title after a change to the messages: derived from the first user message unless the user renamed it. */
function titleFor(conversation: Conversation, current: string, defaultTitle = defaultConversationTitle): string {
  if (conversation.renamed === true) return current;
  const first = conversation.messages.find((message): message is UserMessage => message.role === 'user');
  if (first === undefined) return current;
  // A message that is only an attached selection is named after it rather than "New chat".
  const fallback = contextsOf(first.parts)[0]?.label.trim() || defaultTitle;
  return deriveTitle(textOf(first.parts), deriveTitle(fallback, defaultTitle));
}
