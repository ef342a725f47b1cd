import type { ChatRequest, ChatRole } from '../chat/chatTypes';
import { messagesAsText } from './partsAsText';

export interface AlternatingTurns {
  /** The request's system prompt and any `system` messages, joined; undefined when there are none. */
  system: string | undefined;
  /** Only `user` / `assistant`, strictly alternating, starting with `user`, no empty turns. */
  turns: Array<{ role: 'user' | 'assistant'; content: string }>;
}

/** Placed first when a conversation would otherwise start with the assistant (Anthropic and Gemini refuse that). */
const openingTurn = '(The conversation continues.)';

/**
 * Shapes a conversation for protocols that want system text apart and user/assistant turns alternating
 * (Anthropic, Gemini): consecutive turns of one role are merged, `tool` results count as the user's turn, and empty
 * messages are dropped (Anthropic rejects empty text). Parts become text (partsAsText); one the protocol cannot take
 * yet throws a `bad-request` ProviderError naming it and `provider`/model.
 */
export function alternateTurns(request: Pick<ChatRequest, 'systemPrompt' | 'messages' | 'model'>, provider: string): AlternatingTurns {
  const system: string[] = [];
  if (request.systemPrompt !== undefined && request.systemPrompt.trim() !== '') system.push(request.systemPrompt);
  const turns: AlternatingTurns['turns'] = [];
  for (const message of messagesAsText(request, provider)) {
    if (message.role === 'system') {
      if (message.content.trim() !== '') system.push(message.content);
      continue;
    }
    if (message.content.trim() === '') continue;
    const role = roleOf(message);
    const last = turns[turns.length - 1];
    if (last !== undefined && last.role === role) last.content = `${last.content}\n\n${message.content}`;
    else turns.push({ role, content: message.content });
  }
  if (turns[0]?.role === 'assistant') turns.unshift({ role: 'user', content: openingTurn });
  return { system: system.length > 0 ? system.join('\n\n') : undefined, turns };
}

function roleOf(message: { role: ChatRole }): 'user' | 'assistant' {
  return message.role === 'assistant' ? 'assistant' : 'user';
}
