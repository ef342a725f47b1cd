// Writes a placed code block into its file's text (docs/chat.md, "Applying code"): lines [startLine, endLine)
// become the block, and nothing else changes — every other line keeps its text and its own line break, the block's
// lines get the file's (CRLF stays CRLF), and a final line break stays or stays absent. The block is re-indented to
// the region it replaces (reindent.ts: a method de-indented to column 0 goes back inside its class) after its
// indentation character is made the file's (tabs vs spaces). Two things follow the syntax around the region: a block
// of imports placed over imports is merged with them (mergeImports.ts), as are the imports a block of code starts
// with when it is placed below the file's import block; and a region that ended with "," (an object member, a JSON
// value followed by another) keeps its comma when the block dropped it, or loses the block's comma before a closing
// "}" or "]" that had none.

import { convertIndentation, detectIndentStyle, oneIndentLevel } from './indentStyle';
import { indentOf, isBlank } from './lineKinds';
import { importBlock, importFamilies, leadingImportsEnd } from './importStatements';
import { mergeImports } from './mergeImports';
import { reindentToOriginal } from './reindent';
import { dominantEol, splitTextLines } from './textLines';
import type { TextLines } from './textLines';

/** The file's text with lines [startLine, endLine) replaced by `fragment` (endLine === startLine: an insertion before startLine). */
export function applyPlacement(fileText: string, range: { startLine: number; endLine: number }, fragment: string): string {
  const file = splitTextLines(fileText);
  const start = clamp(range.startLine, 0, file.lines.length);
  const end = clamp(range.endLine, start, file.lines.length);
  const code = convertIndentation(trimBlankEdges(splitTextLines(fragment).lines), detectIndentStyle(file.lines));
  const imports = leadingImportsElsewhere(file.lines, start, code);
  if (imports === undefined) return replaceLines(file, start, end, code, fragment);
  // The block's own lines go over the region; its imports join the file's import block, which lies above it.
  const placed = splitTextLines(replaceLines(file, start, end, imports.rest, fragment));
  return spliceLines(placed, imports.block.start, imports.block.end, imports.merged, fragment);
}

/** Same at a cursor line (insertion), indented like that line. */
export function insertFragmentAt(fileText: string, line: number, fragment: string): string {
  const file = splitTextLines(fileText);
  const at = clamp(line, 0, file.lines.length);
  const code = convertIndentation(trimBlankEdges(splitTextLines(fragment).lines), detectIndentStyle(file.lines));
  return spliceLines(file, at, at, reindented(code, [`${cursorIndent(file.lines, at)}x`]), fragment);
}

function replaceLines(file: TextLines, start: number, end: number, code: readonly string[], fragment: string): string {
  const region = file.lines.slice(start, end);
  if (region.length === 0) return spliceLines(file, start, start, reindented(code, [modelLineAt(file.lines, start)]), fragment);
  const merged = mergeImports(region, code);
  const replacement = merged ?? keepCommas(reindented(code, region), region, file.lines[nextContent(file.lines, end)] ?? '');
  return spliceLines(file, start, end, replacement, fragment);
}

/**
 * A block that starts with imports and goes on with code, placed below the file's import block: the imports are
 * merged into that block (mergeImports.ts) instead of landing in the middle of the file. Undefined when the block has
 * no leading imports, the region reaches into the import block (it is then replaced as it is), or the file has no
 * import block (the imports then stay with the code: a file without imports says too little about where they go).
 */
function leadingImportsElsewhere(
  fileLines: readonly string[],
  start: number,
  code: readonly string[],
): { block: { start: number; end: number }; merged: string[]; rest: string[] } | undefined {
  for (const family of importFamilies) {
    const importsEnd = leadingImportsEnd(code, family);
    if (importsEnd === 0) continue;
    const rest = trimBlankEdges(code.slice(importsEnd));
    const block = importBlock(fileLines, family);
    if (rest.length === 0 || 'insertAt' in block || start < block.end) return undefined;
    const merged = mergeImports(fileLines.slice(block.start, block.end), trimBlankEdges(code.slice(0, importsEnd)));
    return merged === undefined ? undefined : { block, merged, rest };
  }
  return undefined;
}

/** `code` shifted to the indentation of `model` (the replaced lines, or a line standing for the insertion point). */
function reindented(code: readonly string[], model: readonly string[]): string[] {
  if (code.length === 0) return [];
  const text = reindentToOriginal(code.join('\n'), `${model.join('\n')}\n`, { eol: '\n' });
  return (text.endsWith('\n') ? text.slice(0, -1) : text).split('\n');
}

function spliceLines(file: TextLines, start: number, end: number, replacement: readonly string[], fragment: string): string {
  const eol = file.lines.length > 0 ? dominantEol(file.ends) : dominantEol(splitTextLines(fragment).ends);
  const lines = [...file.lines.slice(0, start), ...replacement, ...file.lines.slice(end)];
  const ends = [...file.ends.slice(0, start), ...replacement.map(() => eol), ...file.ends.slice(end)];
  if (replacement.length > 0) {
    const last = start + replacement.length - 1;
    if (end > start) {
      // The block's last line ends as the region's last line did (its own break, or none at the end of the file).
      ends[last] = file.ends[end - 1] ?? eol;
    } else if (end === file.lines.length && file.lines.length > 0 && file.ends[end - 1] === '') {
      // Appended to a file without a final line break: the old last line gets one, the block's does not.
      ends[start - 1] = eol;
      ends[last] = '';
    } else if (file.lines.length === 0) {
      ends[last] = /(?:\r\n|\r|\n)$/.test(fragment) ? eol : '';
    }
  }
  return lines.map((line, index) => line + (ends[index] ?? '')).join('');
}

/** The line reindent takes an insertion's indentation from: the line at `at`, else the nearest non-blank one below, else above. */
function modelLineAt(lines: readonly string[], at: number): string {
  for (let index = at; index < lines.length; index += 1) if (!isBlank(lines[index] ?? '')) return lines[index] ?? '';
  for (let index = at - 1; index >= 0; index -= 1) if (!isBlank(lines[index] ?? '')) return lines[index] ?? '';
  return '';
}

/**
 * The indentation for code inserted at a cursor on line `at`: the line's own (even a blank line's, as editors
 * auto-indent), else, on an empty line, the line above's, one level deeper when that line opens a block.
 */
function cursorIndent(lines: readonly string[], at: number): string {
  const line = lines[at];
  if (line !== undefined && line !== '') return indentOf(line);
  for (let index = at - 1; index >= 0; index -= 1) {
    const above = lines[index] ?? '';
    if (isBlank(above)) continue;
    const opens = /[{([:]\s*$/.test(above) || /=>\s*$/.test(above);
    return indentOf(above) + (opens ? oneIndentLevel(lines) : '');
  }
  return '';
}

function keepCommas(replacement: string[], region: readonly string[], after: string): string[] {
  const lastIndex = lastContentIndex(replacement);
  const regionLast = region[lastContentIndex(region)]?.trimEnd() ?? '';
  const last = replacement[lastIndex]?.trimEnd();
  if (last === undefined) return replacement;
  const result = [...replacement];
  if (regionLast.endsWith(',') && !last.endsWith(',') && /(?:[}\]"'`\d]|\btrue|\bfalse|\bnull)$/.test(last)) {
    result[lastIndex] = `${last},`;
  } else if (!regionLast.endsWith(',') && last.endsWith(',') && /^[}\]]/.test(after.trim())) {
    result[lastIndex] = last.slice(0, -1);
  }
  return result;
}

function lastContentIndex(lines: readonly string[]): number {
  for (let index = lines.length - 1; index >= 0; index -= 1) if (!isBlank(lines[index] ?? '')) return index;
  return -1;
}

function nextContent(lines: readonly string[], from: number): number {
  for (let index = from; index < lines.length; index += 1) if (!isBlank(lines[index] ?? '')) return index;
  return lines.length;
}

function trimBlankEdges(lines: readonly string[]): string[] {
  let start = 0;
  let end = lines.length;
  while (start < end && isBlank(lines[start] ?? '')) start += 1;
  while (end > start && isBlank(lines[end - 1] ?? '')) end -= 1;
  return lines.slice(start, end);
}

function clamp(value: number, low: number, high: number): number {
  return Math.max(low, Math.min(high, Math.floor(value)));
}
