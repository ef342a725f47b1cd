// Whether a completion should be a whole block or end with its line (docs/completions.md, "Single line or block"),
// decided by the syntax around the cursor, in time independent of the file's size:
//   - a block when the cursor's line is empty (or whitespace) and the previous non-empty line ends with an opener:
//     `{`, `(`, `[`, `=>`, or `:` in Python (a body, an argument list or an array is being started);
//   - a block when the cursor is right after a `{` (or a Python `:`) that ends its line, or inside an empty block
//     `{|}`;
//   - otherwise one line: text after the cursor on its line means the user is editing within a statement, and an
//     empty line after a finished statement gets one line at a time.
import { nonEmptyLineAbove, withoutLineComment } from './lineShape';

export function wantsMultiline(text: string, offset: number, languageId: string): boolean {
  const lineStart = offset === 0 ? 0 : text.lastIndexOf('\n', offset - 1) + 1;
  const newline = text.indexOf('\n', offset);
  const lineEnd = newline === -1 ? text.length : newline;
  const before = withoutLineComment(text.slice(lineStart, offset), languageId).trimEnd();
  const after = text.slice(offset, lineEnd).trim();
  if (after !== '') return before.endsWith('{') && after.startsWith('}');
  if (before !== '') return before.endsWith('{') || (languageId === 'python' && before.endsWith(':'));
  const previous = nonEmptyLineAbove(text, lineStart);
  return previous !== undefined && endsWithOpener(withoutLineComment(previous, languageId).trimEnd(), languageId);
}

function endsWithOpener(line: string, languageId: string): boolean {
  const last = line.charAt(line.length - 1);
  if (last === '{' || last === '(' || last === '[') return true;
  if (line.endsWith('=>')) return true;
  return languageId === 'python' && last === ':';
}
