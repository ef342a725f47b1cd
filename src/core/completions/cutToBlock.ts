// Where a multi-line completion ends (docs/completions.md, "Single line or block"): at most 30 lines, and where the
// block being written is over. The block's level is the indentation of the line that opened it (the cursor's line
// when it has code before the cursor, else the nearest non-empty line above). A later line at that level or less
// ends the completion before it, unless it is a closer (`}`, `)`, `]`, `end`) that the text after the cursor does not
// already have at the same indentation: then the block is closed there and the completion ends after it.
import type { CompletionInput } from './completionTypes';
import { indentWidth, leadingWhitespace, nonEmptyLineAbove } from './lineShape';

export const defaultMaxCompletionLines = 30;

const closer = /^(?:[}\])]|end\b)/;

export function cutToBlock(text: string, input: CompletionInput, lineSuffix: string, maxLines = defaultMaxCompletionLines): string {
  let lineStart = text.indexOf('\n') + 1;
  if (lineStart === 0) return text;
  const cursorLineStart = input.prefix.lastIndexOf('\n') + 1;
  const cursorLine = input.prefix.slice(cursorLineStart);
  const level = indentWidth(cursorLine.trim() !== '' ? cursorLine : (nonEmptyLineAbove(input.prefix, cursorLineStart) ?? ''));
  const closedAfter = suffixCloser(input.suffix, lineSuffix, cursorLine);

  for (let line = 1; ; line++) {
    if (line >= maxLines) return text.slice(0, lineStart - 1);
    const newline = text.indexOf('\n', lineStart);
    const lineEnd = newline === -1 ? text.length : newline;
    const content = text.slice(lineStart, lineEnd);
    if (content.trim() !== '') {
      const indent = indentWidth(content);
      if (indent <= level) {
        const code = content.trimStart();
        const alreadyClosed = closedAfter !== undefined && closedAfter.indent === indent && code.startsWith(closedAfter.token);
        if (closer.test(code) && !alreadyClosed) return text.slice(0, lineEnd);
        // Up to the line's indentation, so a closer after the cursor on its line lands where this one was.
        return text.slice(0, lineStart + leadingWhitespace(content).length);
      }
    }
    if (newline === -1) return text;
    lineStart = newline + 1;
  }
}

/** The closer the text after the cursor starts with (on the cursor's line or the next non-blank one), and its indentation. */
function suffixCloser(suffix: string, lineSuffix: string, cursorLine: string): { token: string; indent: number } | undefined {
  const onLine = lineSuffix.trim();
  if (onLine !== '') {
    const token = closer.exec(onLine)?.[0];
    return token === undefined ? undefined : { token, indent: indentWidth(cursorLine) };
  }
  const firstLineEnd = suffix.indexOf('\n');
  if (firstLineEnd === -1) return undefined;
  const next = /^(?:[ \t]*\r?\n)*([ \t]*)(\S.*)?/.exec(suffix.slice(firstLineEnd + 1, firstLineEnd + 1 + 400));
  const code = next?.[2];
  if (code === undefined) return undefined;
  const token = closer.exec(code)?.[0];
  return token === undefined ? undefined : { token, indent: indentWidth(next![1]!) };
}
