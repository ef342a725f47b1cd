import type { ChatRequest, ChatRole } from '../chat/chatTypes';
import { type SendableImage, textAndImages, unsupportedPart } from './partsAsText';

export interface AlternatingTurn {
  role: 'user' | 'assistant';
  content: string;
  /** The turn's images (only a user turn has any), in order; left out when there are none. */
  images?: SendableImage[];
}

export interface AlternatingTurns {
  /** The request's system prompt and any `system` messages, joined; undefined when there are none. */
  system: string | undefined;
  /** Only `user` / `assistant`, strictly alternating, starting with `user`, no empty turns. */
  turns: AlternatingTurn[];
}

/** Placed first when a conversation would otherwise start with the assistant (Anthropic and Gemini refuse that). */
const openingTurn = '(The conversation continues.)';

/**
 * Shapes a conversation for protocols that want system text apart and user/assistant turns alternating
 * (Anthropic, Gemini): consecutive turns of one role are merged (texts joined by a blank line, images kept in
 * order), `tool` results count as the user's turn, and empty messages are dropped (Anthropic rejects empty text).
 * Parts become text and images (partsAsText.textAndImages); a part the protocol cannot take — a tool part, or an
 * image anywhere but in the user's turn — throws a `bad-request` ProviderError naming it and `provider`/model.
 */
export function alternateTurns(request: Pick<ChatRequest, 'systemPrompt' | 'messages' | 'model'>, provider: string): AlternatingTurns {
  const target = { provider, model: request.model };
  const system: string[] = [];
  if (request.systemPrompt !== undefined && request.systemPrompt.trim() !== '') system.push(request.systemPrompt);
  const turns: AlternatingTurn[] = [];
  for (const message of request.messages) {
    const { text, images } = textAndImages(message, target);
    const role = roleOf(message);
    // Both protocols take images from the user only (a model's own turn, or system text, holds none).
    if (images.length > 0 && (message.role === 'system' || role === 'assistant')) throw unsupportedPart('image', target);
    if (message.role === 'system') {
      if (text.trim() !== '') system.push(text);
      continue;
    }
    if (text.trim() === '' && images.length === 0) continue;
    const last = turns[turns.length - 1];
    if (last !== undefined && last.role === role) {
      if (text.trim() !== '') last.content = last.content.trim() === '' ? text : `${last.content}\n\n${text}`;
      if (images.length > 0) last.images = [...(last.images ?? []), ...images];
    } else {
      turns.push({ role, content: text, ...(images.length > 0 ? { images } : {}) });
    }
  }
  if (turns[0]?.role === 'assistant') turns.unshift({ role: 'user', content: openingTurn });
  return { system: system.length > 0 ? system.join('\n\n') : undefined, turns };
}

function roleOf(message: { role: ChatRole }): 'user' | 'assistant' {
  return message.role === 'assistant' ? 'assistant' : 'user';
}
