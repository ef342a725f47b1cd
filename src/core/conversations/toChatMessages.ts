// What a conversation sends to a provider as history (chatTypes.ChatMessage[]).
import type { ChatMessage } from '../chat/chatTypes';
import { answerSteps } from './answerSteps';
import type { AssistantMessage, Conversation, ConversationMessage, UserMessage } from './conversation';
import type { MessagePart } from './messagePart';
import { copyPart, textOf } from './messagePart';

/**
 * User messages go as the parts that were sent for them (their recipe's prompt parts when a command sent a
 * template, else their own parts). Answers go as their text — a stopped or failed partial answer included as the
 * partial text it is — except the answer still streaming (it is not history yet) and answers with no text at all
 * (providers reject empty turns). The images an `/image` answer saved are the user's files, not words of the
 * conversation: the answer's text ("Saved …") stands for them. A failed turn — a question whose answer ended in an
 * error before its first word — is left out with its answer, so failed sends are not replayed as orphan questions
 * (issue 13); the conversation's last question is always sent. The system prompt is not part of a conversation: it
 * travels as `ChatRequest.systemPrompt`. An answer that used tools goes as its steps (answerMessages).
 */
export function toChatMessages(conversation: Conversation): ChatMessage[] {
  const out: ChatMessage[] = [];
  const messages = conversation.messages;
  for (let index = 0; index < messages.length; index++) {
    const message = messages[index];
    if (message === undefined) continue;
    if (message.role === 'user') {
      const answer = messages[index + 1];
      if (answer !== undefined && isFailedAnswer(answer)) {
        index++;
        continue;
      }
      out.push({ role: 'user', parts: sentParts(message) });
    } else if (message.status !== 'streaming') {
      out.push(...answerMessages(message));
    }
  }
  return out;
}

/**
 * An answer as protocol messages (issue 17): per step of its tool loop an assistant message — the step's text as one
 * text part, then its tool calls — followed by a `tool` message with the step's results in the calls' order. A step
 * with a call that has no result (stopped while it ran, or the answer ended there) is left out whole, text and
 * calls, so no protocol is ever sent a call without its answer. A step with neither text nor calls is left out
 * (providers reject empty turns). The tool loop sends the answer it is building this way, step after step.
 */
export function answerMessages(answer: AssistantMessage): ChatMessage[] {
  const out: ChatMessage[] = [];
  for (const step of answerSteps(answer.parts)) {
    if (!step.complete) continue;
    const text = textOf(step.parts);
    const parts: MessagePart[] = text !== '' ? [{ type: 'text', text }] : [];
    parts.push(...step.calls.map(copyPart));
    if (parts.length === 0) continue;
    out.push({ role: 'assistant', parts });
    // The result's note is the user's (shown on the card); the model reads the content.
    if (step.results.length > 0)
      out.push({
        role: 'tool',
        parts: step.results.map(({ callId, content, isError }) => ({ type: 'tool-result', callId, content, isError })),
      });
  }
  return out;
}

/** What was sent for a user turn: the recipe's prompt parts when it has them, else the parts shown. */
export function sentParts(message: UserMessage): MessagePart[] {
  return (message.recipe?.promptParts ?? message.parts).map(copyPart);
}

/** An answer that failed before producing any text: its turn is a failed turn. */
export function isFailedAnswer(message: ConversationMessage): message is AssistantMessage {
  return message.role === 'assistant' && message.status === 'error' && textOf(message.parts) === '';
}
