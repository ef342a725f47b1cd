// Fenced code blocks that the text inside cannot break out of (CommonMark §4.5): a closing fence must be at least
// as long as the opening one, so the fence is one backtick longer than the longest run of backticks in the text.

/** A fenced block of `text`, with `info` (a language id) sanitized so it cannot end or break the opening line. */
export function fencedBlock(text: string, info = ''): string {
  let longest = 0;
  for (const run of text.match(/`+/g) ?? []) longest = Math.max(longest, run.length);
  const fence = '`'.repeat(Math.max(3, longest + 1));
  const language = info.replace(/[^\w+#.-]/g, '');
  const body = text.endsWith('\n') ? text : `${text}\n`;
  return `${fence}${language}\n${body}${fence}`;
}

const fenceLine = /^ {0,3}(`{3,}|~{3,})(.*)$/;

/**
 * Closes a code block that `markdown` leaves open (a stopped or failed answer often ends inside one), so that
 * whatever follows it in a document is not swallowed into the block.
 */
export function closeOpenFence(markdown: string): string {
  let open: { char: string; length: number } | undefined;
  for (const line of markdown.split(/\r\n|\r|\n/)) {
    const match = fenceLine.exec(line);
    if (match === null) continue;
    const fence = match[1] ?? '';
    const rest = match[2] ?? '';
    const char = fence.charAt(0);
    if (open === undefined) {
      // A backtick fence's info string may not contain backticks (otherwise the line is not a fence).
      if (char === '`' && rest.includes('`')) continue;
      open = { char, length: fence.length };
    } else if (char === open.char && fence.length >= open.length && rest.trim() === '') {
      open = undefined;
    }
  }
  if (open === undefined) return markdown;
  return `${markdown}${markdown.endsWith('\n') ? '' : '\n'}${open.char.repeat(open.length)}`;
}
