// One turn of Anthropic's Messages API (its "Vision" guide and API reference, "Messages"): a text-only turn is the
// plain string it has always been; a turn with images is a list of content blocks, each image as
// `{type: 'image', source: {type: 'base64', media_type, data}}`, placed before the text as the vision guide advises
// ("images before text" works best), then the text as one `text` block when there is any (Anthropic rejects an
// empty or whitespace-only text block).
import type { AlternatingTurn } from './alternateTurns';

export type AnthropicContentBlock =
  { type: 'text'; text: string } | { type: 'image'; source: { type: 'base64'; media_type: string; data: string } };

export interface AnthropicTurn {
  role: 'user' | 'assistant';
  content: string | AnthropicContentBlock[];
}

export function anthropicContent(turn: AlternatingTurn): AnthropicTurn {
  const images = turn.images ?? [];
  if (images.length === 0) return { role: turn.role, content: turn.content };
  const blocks: AnthropicContentBlock[] = images.map((image) => ({
    type: 'image',
    source: { type: 'base64', media_type: image.mimeType, data: image.data },
  }));
  if (turn.content.trim() !== '') blocks.push({ type: 'text', text: turn.content });
  return { role: turn.role, content: blocks };
}
