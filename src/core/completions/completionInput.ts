// What the extension sends for one inline completion (docs/completions.md, "Context"), built on every keystroke from
// the document's text, the cursor and the other open files: the text before the cursor cut at a line start, the text
// after it cut at a line end, snippets of related files of the same language, and whether a whole block is wanted.
// No `vscode`: the extension passes plain strings (src/vscode/completions/inlineCompleter.ts).
import type { CompletionInput } from './completionTypes';
import { relatedSnippets, type OtherFile } from './relatedSnippets';
import { wantsMultiline } from './wantsMultiline';

export type { OtherFile } from './relatedSnippets';

/** The file being edited. */
export interface CompletionFile {
  text: string;
  /** The cursor, in UTF-16 code units from the start of `text` (VS Code's `document.offsetAt`). */
  offset: number;
  languageId: string;
  /** Workspace-relative path. */
  path?: string;
}

/** Characters, not tokens: counting tokens would cost more than the rest; ~4 characters make a token of code. */
export interface CompletionBudget {
  prefixChars: number;
  suffixChars: number;
  /** The snippets of other files together. */
  snippetChars: number;
  maxSnippets: number;
}

/**
 * About 1,500 tokens before the cursor, 500 after and 500 of other files: enough for the model to see the function
 * and its neighbours, small enough that a local model answers in well under a second.
 */
export const defaultCompletionBudget: Readonly<CompletionBudget> = {
  prefixChars: 6_000,
  suffixChars: 2_000,
  snippetChars: 2_000,
  maxSnippets: 3,
};

export function buildCompletionInput(
  file: CompletionFile,
  others: readonly OtherFile[],
  budget: Partial<CompletionBudget> = {},
): CompletionInput {
  const limits = { ...defaultCompletionBudget, ...budget };
  const { text, languageId } = file;
  const offset = Math.min(Math.max(0, Math.floor(file.offset)), text.length);
  return {
    prefix: cutPrefix(text, offset, limits.prefixChars),
    suffix: cutSuffix(text, offset, limits.suffixChars),
    languageId,
    ...(file.path !== undefined ? { path: file.path } : {}),
    snippets: relatedSnippets(text, offset, file, others, limits),
    multiline: wantsMultiline(text, offset, languageId),
  };
}

/**
 * At most `max` characters before `offset`, starting at a line start. When no line starts within them (one line
 * longer than the budget, as in minified code), the cut is mid-line, but never inside a surrogate pair.
 */
function cutPrefix(text: string, offset: number, max: number): string {
  let start = offset - Math.max(0, max);
  if (start <= 0) return text.slice(0, offset);
  const newline = text.indexOf('\n', start - 1);
  if (newline !== -1 && newline < offset) return text.slice(newline + 1, offset);
  if (isLowSurrogate(text.charCodeAt(start))) start++;
  return text.slice(start, offset);
}

/** At most `max` characters after `offset`, ending at a line end (without its `\r`), or mid-line the same way. */
function cutSuffix(text: string, offset: number, max: number): string {
  let end = offset + Math.max(0, max);
  if (end >= text.length) return text.slice(offset);
  const newline = text.lastIndexOf('\n', end);
  if (newline >= offset) return text.slice(offset, newline > offset && text.charCodeAt(newline - 1) === 13 ? newline - 1 : newline);
  if (isLowSurrogate(text.charCodeAt(end))) end--;
  return text.slice(offset, end);
}

function isLowSurrogate(code: number): boolean {
  return code >= 0xdc00 && code <= 0xdfff;
}
