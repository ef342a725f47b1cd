// Lines of a text with the line break each one ends with, so code that rewrites a few lines gives every other line
// back byte for byte (docs/chat.md, "Applying code"). Line numbers follow VS Code's: `\r\n`, `\n` and a lone `\r`
// all end a line, and a final line break starts no further line here (so `[0, lines.length)` is the whole text).

export interface TextLines {
  lines: string[];
  /** The break after each line: '\r\n', '\n', '\r', or '' for a last line without one. */
  ends: string[];
}

export function splitTextLines(text: string): TextLines {
  const lines: string[] = [];
  const ends: string[] = [];
  const lineBreak = /\r\n|\r|\n/g;
  let start = 0;
  for (let match = lineBreak.exec(text); match !== null; match = lineBreak.exec(text)) {
    lines.push(text.slice(start, match.index));
    ends.push(match[0]);
    start = match.index + match[0].length;
  }
  if (start < text.length) {
    lines.push(text.slice(start));
    ends.push('');
  }
  return { lines, ends };
}

/** The line break most of the text's lines end with ('\n' when it has none). */
export function dominantEol(ends: readonly string[]): '\n' | '\r\n' {
  let crlf = 0;
  let lf = 0;
  for (const end of ends) {
    if (end === '\r\n') crlf += 1;
    else if (end !== '') lf += 1;
  }
  return crlf > lf ? '\r\n' : '\n';
}

/** A line as matching compares it: without its indentation, and with runs of spaces and tabs as one space. */
export function normalizeLine(line: string): string {
  return line.trim().replace(/\s+/g, ' ');
}

/** The normalized non-blank lines: what the rules compare. */
export function contentLines(lines: readonly string[]): string[] {
  return lines.map(normalizeLine).filter((line) => line !== '');
}
