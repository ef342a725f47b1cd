// The protocol's string limits and the cut that keeps a field within them (webviewProtocol.ts re-exports both). A
// file of its own, without zod, so code that only fits texts (the tool cards in dist/chatTools.js) does not pull in
// the protocol's schemas.
import { visionImageLimits } from './visionImageLimits';

/** The longest strings the protocol carries; the extension cuts its fields to them before posting (fitText). */
export const protocolLimits = {
  id: 200,
  /** Titles, labels, statuses, error messages, image `alt` texts. */
  shortText: 2_000,
  /** A message the user typed, an answer, or a code block: generous, but bounded. */
  longText: 2_000_000,
  /** An attached image's bytes as base64: visionImageLimits.maxBytes and the base64 overhead. */
  imageData: Math.ceil((visionImageLimits.maxBytes * 4) / 3) + 4,
  /** An image file before downscaling, as base64. */
  sourceImageData: Math.ceil((visionImageLimits.maxSourceBytes * 4) / 3) + 4,
} as const;

/**
 * `text` cut to at most `max` UTF-16 units, marked with an ellipsis when cut (a long image prompt as `alt`), never
 * splitting a surrogate pair. (Core has its twin, cutText: the two layers may not import each other.)
 */
export function fitText(text: string, max: number): string {
  if (text.length <= max) return text;
  let end = max - 1;
  const code = text.charCodeAt(end - 1);
  if (code >= 0xd800 && code <= 0xdbff) end -= 1;
  return `${text.slice(0, end)}…`;
}
