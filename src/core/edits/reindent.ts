// Fits a model's replacement code to the range it replaces (docs/editor-commands.md, the diff flow). Models often return a
// selection that sat inside a class or a function de-indented to column 0, with their own choice of tabs or
// spaces and of line endings; pasted back as is, Python breaks and every other language looks wrong in the diff.
//
// Rules, all on plain strings:
// - Line endings become the original's (CRLF or LF; options.eol when the original has no line break).
// - Blank lines around the code are replaced by the original's own leading blank lines and its ending: whatever
//   follows the original's last non-blank line from its first line break on ("\n", "\n\n", "\n    ", or nothing),
//   so a selection that ended with a newline gets a replacement that ends with one, and one that did not, does not.
// - When the original's indented lines all use spaces (or all tabs), indentation in the other style is converted.
// - When the original's first line is indented and the code's common indentation is smaller than the original's,
//   every non-blank line gets the original's common indentation in place of the code's. If only the code's first
//   line lost its indentation (the others kept theirs), only the first line gets it back.
// - When the original's first line is NOT indented (the selection started after the indentation, mid-line) but its
//   other lines are, and the code's other lines lost indentation, those lines get it back; the first line is left
//   as it is, since it continues the text before the selection.
// Code that already has the original's indentation, line endings and ending comes back unchanged.

export interface ReindentOptions {
  /** Columns per tab (the editor's tabSize), for converting between tabs and spaces; inferred when absent. */
  tabSize?: number;
  /** The document's line ending, used when the original has no line break to show it. */
  eol?: '\n' | '\r\n';
}

type IndentStyle = 'spaces' | 'tabs';

const lineBreak = /\r\n|\r|\n/;

export function reindentToOriginal(code: string, originalText: string, options: ReindentOptions = {}): string {
  const eol = detectEol(originalText) ?? options.eol ?? detectEol(code) ?? '\n';
  const original = originalText.split(lineBreak);
  const firstContent = original.findIndex((line) => line.trim() !== '');
  const lines = trimBlankLines(code.split(lineBreak));

  if (firstContent < 0) {
    // Nothing to take indentation from: only the line endings and the final newline follow the original.
    return lines.join(eol) + (lineBreak.test(originalText) && lines.length > 0 ? eol : '');
  }
  const prefix = leadingBlankText(originalText);
  const suffix = trailingText(originalText);
  if (lines.length === 0) return '';

  const originalLines = original.filter((line) => line.trim() !== '');
  const style = indentStyle(originalLines);
  const tabSize = options.tabSize !== undefined && options.tabSize >= 1 ? Math.floor(options.tabSize) : undefined;
  let converted = lines;
  if (style === 'spaces') {
    const width = tabSize ?? indentUnit(originalLines) ?? 4;
    converted = lines.map((line) => (indentOf(line).includes('\t') ? ' '.repeat(columns(indentOf(line), width)) + line.trimStart() : line));
  } else if (style === 'tabs') {
    const width = indentUnit(lines) ?? tabSize ?? 4;
    converted = lines.map((line) => (line.startsWith(' ') ? toTabs(columns(indentOf(line), width), width) + line.trimStart() : line));
  }

  return prefix + rebase(converted, originalLines, tabSize ?? 4).join(eol) + suffix;
}

/** The indentation rules above, on lines without line breaks (blank lines are left alone). */
function rebase(lines: string[], originalLines: string[], width: number): string[] {
  const [originalFirst, ...originalRest] = originalLines;
  const contentIndexes = lines.flatMap((line, index) => (line.trim() === '' ? [] : [index]));
  const [first, ...rest] = contentIndexes;
  if (originalFirst === undefined || first === undefined) return lines;
  const col = (line: string) => columns(indentOf(line), width);
  const minCol = (all: readonly string[]) => Math.min(...all.map(col));
  const restLines = rest.map((index) => lines[index] ?? '');

  if (indentOf(originalFirst) !== '') {
    const firstLine = lines[first] ?? '';
    const onlyFirstLost =
      restLines.length > 0 &&
      originalRest.length > 0 &&
      col(firstLine) < col(originalFirst) &&
      minCol(restLines) >= minCol(originalRest) &&
      minCol(originalRest) >= col(originalFirst);
    if (onlyFirstLost) {
      return lines.map((line, index) => (index === first ? indentOf(originalFirst) + line.trimStart() : line));
    }
    if (minCol([firstLine, ...restLines]) < minCol(originalLines)) {
      return shift(lines, contentIndexes, commonIndent(originalLines));
    }
    return lines;
  }
  if (originalRest.length > 0 && restLines.length > 0 && minCol(originalRest) > 0 && minCol(restLines) < minCol(originalRest)) {
    return shift(lines, rest, commonIndent(originalRest));
  }
  return lines;
}

/** Lines `indexes` lose their common indentation and get `base` instead. */
function shift(lines: string[], indexes: readonly number[], base: string): string[] {
  const common = commonIndent(indexes.map((index) => lines[index] ?? ''));
  const chosen = new Set(indexes);
  return lines.map((line, index) => (chosen.has(index) ? base + line.slice(common.length) : line));
}

/** The longest run of spaces and tabs that starts every one of `lines`. */
function commonIndent(lines: readonly string[]): string {
  let common: string | undefined;
  for (const line of lines) {
    const indent = indentOf(line);
    if (common === undefined) {
      common = indent;
      continue;
    }
    let length = 0;
    while (length < common.length && length < indent.length && common[length] === indent[length]) length += 1;
    common = common.slice(0, length);
  }
  return common ?? '';
}

function indentOf(line: string): string {
  return /^[ \t]*/.exec(line)?.[0] ?? '';
}

/** Display columns of an indentation, with tab stops every `width` columns. */
function columns(indent: string, width: number): number {
  let column = 0;
  for (const char of indent) column = char === '\t' ? (Math.floor(column / width) + 1) * width : column + 1;
  return column;
}

function toTabs(column: number, width: number): string {
  return '\t'.repeat(Math.floor(column / width)) + ' '.repeat(column % width);
}

/**
 * 'spaces' when every indented line is indented with spaces only; 'tabs' when every indented line starts with a
 * tab and continues with tabs and at most a few alignment spaces (`\t * ` in a doc comment); otherwise unknown.
 */
function indentStyle(lines: readonly string[]): IndentStyle | undefined {
  const indents = lines.map(indentOf).filter((indent) => indent !== '');
  if (indents.length === 0) return undefined;
  if (indents.every((indent) => !indent.includes('\t'))) return 'spaces';
  if (indents.every((indent) => /^\t+ {0,3}$/.test(indent))) return 'tabs';
  return undefined;
}

/**
 * The width of one indentation level in space-indented lines: the greatest common divisor of their widths.
 * Lines that continue a block comment (` * `) are aligned, not indented, and are ignored. Undefined when it
 * cannot be told (no such lines, an odd width, or a single width above 4, which may be several levels).
 */
function indentUnit(lines: readonly string[]): number | undefined {
  const widths = new Set<number>();
  for (const line of lines) {
    const indent = indentOf(line);
    if (indent === '' || indent.includes('\t') || line.trimStart().startsWith('*')) continue;
    widths.add(indent.length);
  }
  if (widths.size === 0) return undefined;
  let unit = 0;
  for (const width of widths) unit = gcd(unit, width);
  if (unit < 2 || unit > 8) return undefined;
  if (widths.size === 1 && unit > 4) return undefined;
  return unit;
}

function gcd(a: number, b: number): number {
  return b === 0 ? a : gcd(b, a % b);
}

function detectEol(text: string): '\n' | '\r\n' | undefined {
  const match = lineBreak.exec(text);
  if (match === null) return undefined;
  return match[0] === '\r\n' ? '\r\n' : '\n';
}

function trimBlankLines(lines: string[]): string[] {
  let start = 0;
  let end = lines.length;
  while (start < end && (lines[start] ?? '').trim() === '') start += 1;
  while (end > start && (lines[end - 1] ?? '').trim() === '') end -= 1;
  return lines.slice(start, end);
}

/** The original's blank lines before its first non-blank line, line breaks included, as they are. */
function leadingBlankText(text: string): string {
  return /^(?:[ \t]*(?:\r\n|\r|\n))*/.exec(text)?.[0] ?? '';
}

/** What follows the original's last non-blank character from the first line break on ('' if none). */
function trailingText(text: string): string {
  const trailing = /\s*$/.exec(text)?.[0] ?? '';
  const at = trailing.search(lineBreak);
  return at < 0 ? '' : trailing.slice(at);
}
