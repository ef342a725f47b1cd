// A conversation's title before the user names it: the first line of the first message, shortened.

export const maxTitleLength = 60;

/**
 * The first non-blank line of `text`, whitespace collapsed, at most `maxTitleLength` characters (code points, so
 * an emoji is never cut in half) ending in "…" when shortened — cut at a word boundary when one is near the end.
 * `defaultTitle` (e.g. a localized "New chat") when there is no text.
 */
export function deriveTitle(text: string, defaultTitle: string): string {
  const line = text
    .split(/\r\n|\r|\n/)
    .map((part) => part.replace(/\s+/g, ' ').trim())
    .find((part) => part !== '');
  if (line === undefined) return defaultTitle;
  const chars = Array.from(line);
  if (chars.length <= maxTitleLength) return line;
  let cut = chars.slice(0, maxTitleLength - 1).join('');
  const space = cut.lastIndexOf(' ');
  // Prefer ending on a whole word unless that would throw away more than a quarter of the room.
  if (space >= (maxTitleLength * 3) / 4) cut = cut.slice(0, space);
  return `${cut.trimEnd()}…`;
}

/** A title the user typed: one line, trimmed, not empty (falls back to `defaultTitle`), bounded like a derived one. */
export function normalizeTitle(title: string, defaultTitle: string): string {
  const line = title.replace(/\s+/g, ' ').trim();
  if (line === '') return defaultTitle;
  const chars = Array.from(line);
  // User-typed titles get more room than derived ones, but a title is still one line of a list.
  return chars.length <= 200 ? line : `${chars.slice(0, 199).join('').trimEnd()}…`;
}
