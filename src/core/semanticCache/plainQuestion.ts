// Which requests the semantic cache may answer (docs/moderation-and-caching.md): a conversation's first question, as
// text alone — no earlier turns (a follow-up means something only with them), no attached context, files or images,
// no tool results, no machine-readable answer format. Tools may be offered: an answer that used them is never stored
// (withSemanticCache.ts), so a hit replays an answer the model gave without them.
import type { ChatRequest } from '../chat/chatTypes';

/** The question's text, or undefined when the request is not a plain single question. */
export function plainQuestion(request: Pick<ChatRequest, 'messages' | 'responseFormat'>): string | undefined {
  if (request.responseFormat !== undefined || request.messages.length !== 1) return undefined;
  const [message] = request.messages;
  if (message?.role !== 'user' || message.parts.length === 0) return undefined;
  const texts: string[] = [];
  for (const part of message.parts) {
    if (part.type !== 'text') return undefined;
    texts.push(part.text);
  }
  const question = texts.join('\n').trim();
  return question === '' ? undefined : question;
}
