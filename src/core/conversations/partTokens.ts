// What a message part costs in tokens as it is sent (context/estimateTokens.ts's estimate): a text as written, a
// context item as rendered (header and fence included), anything else nothing (images and tool parts are counted by
// the providers themselves). The chat's meter and the fit to the model's window count the same way.
import { estimateTokens } from '../context/estimateTokens';
import type { MessagePart } from './messagePart';
import { renderContextItem } from './renderContextItem';

export function partTokens(part: MessagePart): number {
  if (part.type === 'text') return estimateTokens(part.text);
  if (part.type === 'context') return estimateTokens(renderContextItem(part.context));
  return 0;
}

/** The estimated tokens of all of `parts`. */
export function partsTokens(parts: readonly MessagePart[]): number {
  let tokens = 0;
  for (const part of parts) tokens += partTokens(part);
  return tokens;
}
