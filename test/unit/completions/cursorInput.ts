// Test helper: a document written with a `█` where the cursor is, turned into the CompletionInput the extension would
// build for it (no other open files unless given).
import { buildCompletionInput, type CompletionBudget, type OtherFile } from '../../../src/core/completions/completionInput';
import type { CompletionInput } from '../../../src/core/completions/completionTypes';

export const cursor = '█';

export function withCursor(document: string): { text: string; offset: number } {
  const offset = document.indexOf(cursor);
  if (offset === -1 || document.indexOf(cursor, offset + 1) !== -1) throw new Error('write exactly one █ for the cursor');
  return { text: document.slice(0, offset) + document.slice(offset + cursor.length), offset };
}

export function inputAt(
  document: string,
  languageId = 'typescript',
  others: readonly OtherFile[] = [],
  budget: Partial<CompletionBudget> = {},
): CompletionInput {
  return buildCompletionInput({ ...withCursor(document), languageId, path: `src/current.${languageId}` }, others, budget);
}
