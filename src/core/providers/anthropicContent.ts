// One turn of Anthropic's Messages API (its "Vision" and "Tool use" guides and API reference, "Messages"): a
// text-only turn is the plain string it has always been; any other turn is a list of content blocks:
//   - a user turn: first its tool results, `{type: 'tool_result', tool_use_id, content, is_error}` (the tool use
//     guide: in the message that answers tool calls, the results come before anything else), then its images as
//     `{type: 'image', source: {type: 'base64', media_type, data}}`, placed before the text as the vision guide
//     advises ("images before text" works best), then the text as one `text` block when there is any (Anthropic
//     rejects an empty or whitespace-only text block);
//   - an assistant turn: its text, then its tool calls as `{type: 'tool_use', id, name, input}` (the input the
//     call's arguments as an object, `{}` when they are not a JSON object: toolArguments.ts).
import type { AlternatingTurn } from './alternateTurns';
import { toolArgumentsObject } from './toolArguments';

export type AnthropicContentBlock = (
  | { type: 'text'; text: string }
  | { type: 'image'; source: { type: 'base64'; media_type: string; data: string } }
  | { type: 'tool_use'; id: string; name: string; input: Record<string, unknown> }
  | { type: 'tool_result'; tool_use_id: string; content?: string; is_error?: true }
) & {
  /** A prompt-caching breakpoint (anthropicCacheControl.ts). */
  cache_control?: { type: 'ephemeral' };
};

export interface AnthropicTurn {
  role: 'user' | 'assistant';
  content: string | AnthropicContentBlock[];
}

export function anthropicContent(turn: AlternatingTurn): AnthropicTurn {
  const images = turn.images ?? [];
  const calls = turn.calls ?? [];
  const results = turn.results ?? [];
  if (images.length === 0 && calls.length === 0 && results.length === 0) return { role: turn.role, content: turn.content };
  const blocks: AnthropicContentBlock[] = results.map((result) => ({
    type: 'tool_result',
    tool_use_id: result.callId,
    // An empty result is sent without content (the API takes a missing one; an empty text block it refuses).
    ...(result.content !== '' ? { content: result.content } : {}),
    ...(result.isError ? { is_error: true as const } : {}),
  }));
  for (const image of images) blocks.push({ type: 'image', source: { type: 'base64', media_type: image.mimeType, data: image.data } });
  if (turn.content.trim() !== '') blocks.push({ type: 'text', text: turn.content });
  for (const call of calls) blocks.push({ type: 'tool_use', id: call.id, name: call.name, input: toolArgumentsObject(call.arguments) });
  return { role: turn.role, content: blocks };
}
