// Cutting a text to the context budget without splitting a surrogate pair (a cut emoji would be sent as garbage).

/** The first `max` UTF-16 units of `text` at most. */
export function headWithin(text: string, max: number): string {
  if (text.length <= max) return text;
  let end = Math.max(0, max);
  const code = text.charCodeAt(end - 1);
  if (code >= 0xd800 && code <= 0xdbff) end -= 1;
  return text.slice(0, end);
}

/** The last `max` UTF-16 units of `text` at most (terminal output: the end is what matters). */
export function tailWithin(text: string, max: number): string {
  if (text.length <= max) return text;
  let start = text.length - Math.max(0, max);
  const code = text.charCodeAt(start);
  if (code >= 0xdc00 && code <= 0xdfff) start += 1;
  return text.slice(start);
}
