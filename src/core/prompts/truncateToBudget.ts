// Cuts a text to a character budget at a line boundary, and says how much was dropped, so the editor can show
// "The selection was cut to 24,000 characters (120 of 900 lines dropped)" (docs/editor-commands.md: never silently).

export interface TruncatedText {
  /** The kept beginning of the text: whole lines (each with its line break), unless even the first line is too long. */
  text: string;
  truncated: boolean;
  /** Lines of the original text (a final line break does not start another line). */
  totalLines: number;
  /** Lines kept, counting a line cut part-way (only ever the first, when it alone is over budget). */
  keptLines: number;
  /** Lines not sent at all. */
  droppedLines: number;
  /** Characters not sent (UTF-16 code units, as `length` counts them). */
  droppedChars: number;
}

/**
 * The longest run of whole lines from the start that fits in `maxChars` (line breaks count). When even the first
 * line does not fit, it is kept without its line break or cut inside — never between the two halves of a
 * surrogate pair — so that something is still sent, and `keptLines` is 1.
 */
export function truncateToBudget(text: string, maxChars: number): TruncatedText {
  const budget = Math.max(0, Math.floor(maxChars));
  const totalLines = countLines(text);
  if (text.length <= budget) {
    return { text, truncated: false, totalLines, keptLines: totalLines, droppedLines: 0, droppedChars: 0 };
  }
  let end = 0;
  let kept = 0;
  const lineBreak = /\r\n|\r|\n/g;
  for (let match = lineBreak.exec(text); match !== null; match = lineBreak.exec(text)) {
    const next = match.index + match[0].length;
    if (next > budget) break;
    end = next;
    kept += 1;
  }
  if (kept === 0 && budget > 0) {
    // Never keep half of a CRLF: cut inside the first line's text at most.
    const firstBreak = text.search(/\r|\n/);
    end = firstBreak < 0 ? budget : Math.min(budget, firstBreak);
    // Do not split a surrogate pair (an emoji) in half.
    const last = text.charCodeAt(end - 1);
    if (last >= 0xd800 && last <= 0xdbff) end -= 1;
    kept = end > 0 ? 1 : 0;
  }
  return {
    text: text.slice(0, end),
    truncated: true,
    totalLines,
    keptLines: kept,
    droppedLines: totalLines - kept,
    droppedChars: text.length - end,
  };
}

function countLines(text: string): number {
  if (text === '') return 0;
  const breaks = text.match(/\r\n|\r|\n/g)?.length ?? 0;
  return /(?:\r\n|\r|\n)$/.test(text) ? breaks : breaks + 1;
}
