// The text a propose_edit call proposes for its file (issue 17): the file's whole new content, or its text with the
// one occurrence of `search` replaced. Nothing is written here or by the tool: the extension opens the result in the
// multi-file review, where the user accepts or rejects it. A search the file does not hold exactly once is the
// model's error to fix (it reads the message and can read the file again), never a guess.
import type { ProposeEditInput } from './proposeEditTool';
import type { ToolPath } from './resolveToolPath';
import { toolError } from './toolError';
import type { ToolOutcome } from './toolTypes';

export type EditProposal =
  | { ok: true; text: string }
  /** The error result for the call (English for the model, a note for the user's card). */
  | { ok: false; refusal: ToolOutcome };

/** `original`: the file's current text (its unsaved editor text when open), as the review will compare against. */
export function applyEditProposal(original: string, input: ProposeEditInput, displayPath: string): EditProposal {
  if (input.content !== undefined) return { ok: true, text: input.content };
  const search = input.search ?? '';
  const replace = input.replace ?? '';
  if (search === '') return { ok: false, refusal: toolError('tool.edit.emptySearch', { path: displayPath }) };
  let found = occurrences(original, search);
  let from = search;
  let to = replace;
  // A model writes `\n`; a file with Windows line breaks holds `\r\n`. The replacement then gets the file's breaks.
  if (found.count === 0 && original.includes('\r\n') && !search.includes('\r\n')) {
    from = search.replace(/\n/g, '\r\n');
    to = replace.replace(/\r?\n/g, '\r\n');
    found = occurrences(original, from);
  }
  if (found.count === 0) return { ok: false, refusal: toolError('tool.edit.notFound', { path: displayPath }) };
  if (found.count > 1) return { ok: false, refusal: toolError('tool.edit.ambiguous', { path: displayPath, count: found.count }) };
  return { ok: true, text: original.slice(0, found.first) + to + original.slice(found.first + from.length) };
}

/** How often `search` occurs in `text` (overlapping occurrences counted; at most 1,000), and where first. */
function occurrences(text: string, search: string): { count: number; first: number } {
  const first = text.indexOf(search);
  if (first < 0) return { count: 0, first };
  const second = text.indexOf(search, first + 1);
  if (second < 0) return { count: 1, first };
  let count = 2;
  for (let at = text.indexOf(search, second + 1); at >= 0 && count < 1000; at = text.indexOf(search, at + 1)) count++;
  return { count, first };
}

/**
 * Why a proposal cannot go to `target` (a resolveToolPath result): propose_edit changes an existing file, create_file
 * proposes one that does not exist yet. Undefined when it can.
 */
export function proposalTargetRefusal(
  tool: 'propose_edit' | 'create_file',
  target: Pick<ToolPath, 'exists' | 'displayPath'>,
): ToolOutcome | undefined {
  if (tool === 'propose_edit' && !target.exists) return toolError('tool.edit.missingFile', { path: target.displayPath });
  if (tool === 'create_file' && target.exists) return toolError('tool.create.exists', { path: target.displayPath });
  return undefined;
}
