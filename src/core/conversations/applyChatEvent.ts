// Folds the chat engine's stream (chatTypes.ChatEvent) into the answer being streamed. Pure and immutable, like
// every conversation operation: it returns the input itself when the event changes nothing that is kept (waits and
// retries are shown live by the UI but not stored), so the caller saves only real changes.
import type { ChatEvent } from '../chat/chatTypes';
import { assertNever } from '../assertNever';
import type { AssistantMessage, Conversation } from './conversation';
import type { TimeOptions } from './conversationOps';
import type { MessagePart } from './messagePart';

export function applyChatEvent(conversation: Conversation, messageId: string, event: ChatEvent, options: TimeOptions = {}): Conversation {
  // The streaming answer is nearly always the last message: look there first.
  const last = conversation.messages.length - 1;
  const index =
    conversation.messages[last]?.id === messageId ? last : conversation.messages.findIndex((message) => message.id === messageId);
  const message = conversation.messages[index];
  // Events after the answer ended (or for a message that was truncated away by an edit) are ignored.
  if (message === undefined || message.role !== 'assistant' || message.status !== 'streaming') return conversation;
  const updated = applyToMessage(message, event);
  if (updated === message) return conversation;
  const messages = conversation.messages.slice();
  messages[index] = updated;
  return { ...conversation, messages, updatedAt: options.now ?? Date.now() };
}

function applyToMessage(message: AssistantMessage, event: ChatEvent): AssistantMessage {
  switch (event.type) {
    case 'model': {
      const next: AssistantMessage = { ...message, provider: event.provider, model: event.model };
      if (event.cached === true) next.cached = true;
      else delete next.cached;
      if (event.cachedQuestion !== undefined) next.cachedQuestion = event.cachedQuestion;
      else delete next.cachedQuestion;
      return next;
    }
    case 'text-delta':
      return event.text === '' ? message : { ...message, parts: appendText(message.parts, event.text) };
    case 'tool-call':
      // In the order the model made them, after the step's text; the tool loop appends their results (runToolLoop.ts).
      return {
        ...message,
        parts: [...message.parts, { type: 'tool-call', id: event.call.id, name: event.call.name, arguments: event.call.arguments }],
      };
    case 'usage':
      return { ...message, usage: { ...message.usage, ...definedOnly(event.usage) } };
    case 'fallback':
      // Along a chain A → B → C the user chose A: that is the one worth naming next to C's answer.
      return message.fallbackFrom !== undefined ? message : { ...message, fallbackFrom: { ...event.from } };
    case 'done':
      return { ...message, status: event.finishReason === 'cancelled' ? 'stopped' : 'complete', finishReason: event.finishReason };
    case 'error':
      // A cancellation that surfaces as an error is still the user's stop (docs/requests.md: they see "stopped").
      if (event.error.kind === 'cancelled') return { ...message, status: 'stopped', finishReason: 'cancelled' };
      // The id and parameters let the UI show it in its language; an old-style sentence (`text`) is its message already.
      return {
        ...message,
        status: 'error',
        error:
          event.error.messageId === 'text'
            ? { kind: event.error.kind, message: event.error.message }
            : { kind: event.error.kind, message: event.error.message, messageId: event.error.messageId, params: { ...event.error.params } },
      };
    // A call's start only lets the view draw its card early; the call is kept once it is complete (`tool-call`).
    case 'tool-call-start':
    case 'rate-limit-wait':
    case 'retry':
    case 'notice':
      return message;
    default:
      return assertNever(event, 'chat event');
  }
}

/**
 * Deltas grow the last text part (one part per answer, not one per delta); after an image, a tool call or a tool
 * result a new one starts, so each step of a tool loop keeps its own text.
 */
function appendText(parts: readonly MessagePart[], text: string): MessagePart[] {
  const next = parts.slice();
  const last = next[next.length - 1];
  if (last?.type === 'text') next[next.length - 1] = { type: 'text', text: last.text + text };
  else next.push({ type: 'text', text });
  return next;
}

/** `{ inputTokens: undefined }` must not erase a count an earlier usage event reported. */
function definedOnly<T extends object>(value: T): Partial<T> {
  const out: Partial<T> = {};
  for (const key of Object.keys(value) as Array<keyof T>) {
    if (value[key] !== undefined) out[key] = value[key];
  }
  return out;
}
