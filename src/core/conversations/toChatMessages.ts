// What a conversation sends to a provider as history (chatTypes.ChatMessage[]).
import type { ChatMessage } from '../chat/chatTypes';
import type { Conversation, UserMessage } from './conversation';
import { renderContextItem } from './renderContextItem';

/**
 * User messages carry their attached contexts as fenced blocks before their text. Answers go as they are —
 * a stopped or failed partial answer included as the partial text it is — except the answer still streaming
 * (it is not history yet) and answers with no text at all (a failure before the first word; providers reject
 * empty turns). The system prompt is not part of a conversation: it travels as `ChatRequest.systemPrompt`.
 */
export function toChatMessages(conversation: Conversation): ChatMessage[] {
  const out: ChatMessage[] = [];
  for (const message of conversation.messages) {
    if (message.role === 'user') {
      out.push({ role: 'user', content: userContent(message) });
    } else if (message.status !== 'streaming' && message.content !== '') {
      out.push({ role: 'assistant', content: message.content });
    }
  }
  return out;
}

function userContent(message: UserMessage): string {
  const contexts = message.contexts ?? [];
  if (contexts.length === 0) return message.content;
  const parts = contexts.map((item) => renderContextItem(item));
  if (message.content.trim() !== '') parts.push(message.content);
  return parts.join('\n\n');
}
