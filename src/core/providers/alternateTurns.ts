import type { ChatRequest, ChatRole } from '../chat/chatTypes';
import type { ToolCallPart, ToolResultPart } from '../conversations/messagePart';
import { pairToolResults } from './pairToolResults';
import { encodableParts, type SendableImage, unsupportedPart } from './partsAsText';

export interface AlternatingTurn {
  role: 'user' | 'assistant';
  content: string;
  /** The turn's images (only a user turn has any), in order; left out when there are none. */
  images?: SendableImage[];
  /** The tool calls of an assistant turn, in order; left out when there are none. */
  calls?: ToolCallPart[];
  /** The tool results of a user turn (they answer the calls of the turn before), in order; left out when none. */
  results?: ToolResultPart[];
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
 * (Anthropic, Gemini): consecutive turns of one role are merged (texts joined by a blank line, images, tool calls and
 * tool results kept in order), `tool` messages (tool results) count as the user's turn, and empty messages are
 * dropped (Anthropic rejects empty text). Tool calls are first answered and matched (pairToolResults). Parts become
 * text, images and tool parts (partsAsText.encodableParts); a part the protocol cannot take — an image anywhere but
 * in the user's turn, a tool part on the wrong role — throws a `bad-request` ProviderError naming it and
 * `provider`/model.
 */
export function alternateTurns(request: Pick<ChatRequest, 'systemPrompt' | 'messages' | 'model'>, provider: string): AlternatingTurns {
  const target = { provider, model: request.model };
  const system: string[] = [];
  if (request.systemPrompt !== undefined && request.systemPrompt.trim() !== '') system.push(request.systemPrompt);
  const turns: AlternatingTurn[] = [];
  for (const message of pairToolResults(request.messages)) {
    const { text, images, calls, results } = encodableParts(message, target);
    const role = roleOf(message);
    // Both protocols take images from the user only (a model's own turn, or system text, holds none).
    if (images.length > 0 && (message.role === 'system' || role === 'assistant')) throw unsupportedPart('image', target);
    if (message.role === 'system') {
      if (text.trim() !== '') system.push(text);
      continue;
    }
    if (text.trim() === '' && images.length === 0 && calls.length === 0 && results.length === 0) continue;
    const last = turns[turns.length - 1];
    if (last !== undefined && last.role === role) {
      if (text.trim() !== '') last.content = last.content.trim() === '' ? text : `${last.content}\n\n${text}`;
      if (images.length > 0) last.images = [...(last.images ?? []), ...images];
      if (calls.length > 0) last.calls = [...(last.calls ?? []), ...calls];
      if (results.length > 0) last.results = [...(last.results ?? []), ...results];
    } else {
      turns.push({
        role,
        content: text,
        ...(images.length > 0 ? { images } : {}),
        ...(calls.length > 0 ? { calls } : {}),
        ...(results.length > 0 ? { results } : {}),
      });
    }
  }
  if (turns[0]?.role === 'assistant') turns.unshift({ role: 'user', content: openingTurn });
  return { system: system.length > 0 ? system.join('\n\n') : undefined, turns };
}

function roleOf(message: { role: ChatRole }): 'user' | 'assistant' {
  return message.role === 'assistant' ? 'assistant' : 'user';
}
