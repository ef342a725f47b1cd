// Small line helpers shared by building the completion input and cleaning the answer (docs/completions.md): the
// indentation of a line, a line without its trailing line comment, and the nearest non-empty line above one.

/** Columns of leading whitespace, a tab counting 4 (only comparisons within one file and one answer use it). */
export function indentWidth(line: string): number {
  let width = 0;
  for (let i = 0; i < line.length; i++) {
    const code = line.charCodeAt(i);
    if (code === 32) width += 1;
    else if (code === 9) width += 4;
    else break;
  }
  return width;
}

/** The leading whitespace of a line. */
export function leadingWhitespace(line: string): string {
  return /^[ \t]*/.exec(line)?.[0] ?? '';
}

/**
 * The line without a trailing line comment (`#` in Python, `//` elsewhere), so `if (x) { // why` still ends with an
 * opener. Only a comment after whitespace or at the line start counts: `'http://example.com'` keeps its `//`.
 */
export function withoutLineComment(line: string, languageId: string): string {
  const pattern = languageId === 'python' ? /(^|\s)#.*$/ : /(^|\s)\/\/.*$/;
  return line.replace(pattern, '$1');
}

/** The nearest line above the line starting at `lineStart` with non-whitespace text, within `maxChars` of it. */
export function nonEmptyLineAbove(text: string, lineStart: number, maxChars = 4_000): string | undefined {
  let end = lineStart - 1; // the line break ending the line above
  const limit = Math.max(0, lineStart - maxChars);
  while (end > limit) {
    const start = text.lastIndexOf('\n', end - 1) + 1;
    const line = text.slice(start, end);
    if (line.trim() !== '') return line;
    end = start - 1;
  }
  return undefined;
}
