// What the tool loop adds to the answer being streamed besides the model's own events (issue 17): the results of
// its tool calls and the notes the user is told under the answer. Pure and immutable, like every conversation
// operation; an answer that is no longer streaming (or gone) is left alone.
import type { AnswerNote, AssistantMessage, Conversation } from './conversation';
import type { TimeOptions } from './conversationOps';
import type { MessagePart } from './messagePart';
import { copyNote, copyPart } from './messagePart';

export interface AnswerAddition {
  /** Parts appended after the answer's last one (a step's tool results). */
  parts?: readonly MessagePart[];
  /** A note for the user; one equal to a note the answer already has is not added twice. */
  note?: AnswerNote;
}

export function appendToAnswer(
  conversation: Conversation,
  messageId: string,
  addition: AnswerAddition,
  options: TimeOptions = {},
): Conversation {
  const index = conversation.messages.findIndex((message) => message.id === messageId);
  const message = conversation.messages[index];
  if (message === undefined || message.role !== 'assistant' || message.status !== 'streaming') return conversation;
  let next: AssistantMessage = message;
  if (addition.parts !== undefined && addition.parts.length > 0)
    next = { ...next, parts: [...next.parts, ...addition.parts.map(copyPart)] };
  const note = addition.note;
  if (note !== undefined && !(next.notes ?? []).some((known) => sameNote(known, note))) {
    next = { ...next, notes: [...(next.notes ?? []), copyNote(note)] };
  }
  if (next === message) return conversation;
  const messages = conversation.messages.slice();
  messages[index] = next;
  return { ...conversation, messages, updatedAt: options.now ?? Date.now() };
}

function sameNote(a: AnswerNote, b: AnswerNote): boolean {
  const keys = Object.keys(a.params);
  return a.id === b.id && keys.length === Object.keys(b.params).length && keys.every((key) => a.params[key] === b.params[key]);
}
