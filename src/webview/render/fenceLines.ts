// Fence lines, by CommonMark's rules as markdown-it applies them, for the streaming renderer's fast path (an open
// fenced code block at the start of a line is extended line by line without parsing anything).

export interface FenceOpener {
  marker: '`' | '~';
  length: number;
  /** The rest of the opener line (markdown-it's `token.info` before unescaping). */
  info: string;
}

const openerPattern = /^(`{3,}|~{3,})(.*)$/;
const closerPattern = /^ {0,3}(`{3,}|~{3,})[ \t]*$/;
const closerPrefixPattern = /^ {0,3}(`*|~*)$/;

/** The opener of a fence that starts in column 0, or undefined. `line` is without its line break. */
export function parseFenceOpener(line: string): FenceOpener | undefined {
  const match = openerPattern.exec(line);
  if (!match) return undefined;
  const markup = match[1]!;
  const info = match[2]!;
  const marker = markup[0] as '`' | '~';
  // A backtick fence's info string may not contain a backtick (it would be inline code).
  if (marker === '`' && info.includes('`')) return undefined;
  return { marker, length: markup.length, info };
}

/** Whether `line` (without its line break) closes a fence opened by `opener` (or with that markup). */
export function isClosingFence(line: string, opener: { marker: string; length: number }): boolean {
  const match = closerPattern.exec(line);
  return match !== null && match[1]![0] === opener.marker && match[1]!.length >= opener.length;
}

/** Whether a line still being typed could turn out to be the closing fence (so it is not shown yet). */
export function mayBecomeClosingFence(partialLine: string, opener: FenceOpener): boolean {
  const match = closerPrefixPattern.exec(partialLine);
  if (!match) return isClosingFence(partialLine, opener);
  const run = match[1]!;
  return run === '' ? partialLine.length > 0 : run[0] === opener.marker;
}
