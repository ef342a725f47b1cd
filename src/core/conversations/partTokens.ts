// What a message part costs in tokens as it is sent (context/estimateTokens.ts's estimate): a text as written, a
// context item as rendered (header and fence included), an image a fixed estimate (below), a tool call its name and
// arguments, a tool result its text (a file the model read is as costly as one the user attached, issue 17). The
// chat's meter and the fit to the model's window count the same way.
import { estimateTokens } from '../context/estimateTokens';
import type { MessagePart } from './messagePart';
import { renderContextItem } from './renderContextItem';

/**
 * What one attached image costs, whatever its size: every attachment is downscaled to a long edge of 1,568 px
 * (shared/visionImageLimits.ts), and at that size the providers' own rules land close together. Anthropic's vision
 * guide counts width × height / 750 and scales anything over about 1.15 megapixels down first, so an image at that
 * size costs about 1,600 tokens at most; OpenAI's high detail fits the image into 2,048 px, its short side into
 * 768 px, and counts 85 + 170 per 512-px tile (765 for a square, 1,105 for 3:2); Gemini counts 258 per tile, its
 * tiles cut from the short side (about 1,550 for 3:2). The largest is taken, so the meter warns early rather than
 * late. (The providers' vision and token-counting guides, checked on 2026-11-26.)
 */
export const imageTokens = 1_600;

export function partTokens(part: MessagePart): number {
  if (part.type === 'text') return estimateTokens(part.text);
  if (part.type === 'context') return estimateTokens(renderContextItem(part.context));
  if (part.type === 'image') return imageTokens;
  if (part.type === 'tool-call') return estimateTokens(part.name) + estimateTokens(part.arguments);
  return estimateTokens(part.content);
}

/** The estimated tokens of all of `parts`. */
export function partsTokens(parts: readonly MessagePart[]): number {
  let tokens = 0;
  for (const part of parts) tokens += partTokens(part);
  return tokens;
}
