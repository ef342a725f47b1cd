// Rule "whole-file" of placing a code block (docs/chat.md, "Applying code"): the block is the file rewritten, not a
// part of it. It must hold most of the file's lines in order (wholeFileShare) and be about as long (wholeFileLength),
// and it must not leave out the file's first or last lines: a block that is the file's one class without the imports
// above it is placed over the class by rule "symbol" instead, so the imports stay.

import { diffArrays } from 'diff';
import { wholeFileLength, wholeFileShare } from './placementThresholds';
import type { Placement } from './placementTypes';
import { contentLines } from './textLines';

export function placeWholeFile(fileLines: readonly string[], fragmentLines: readonly string[]): Placement | undefined {
  const file = contentLines(fileLines);
  const fragment = contentLines(fragmentLines);
  if (file.length === 0 || fragment.length < wholeFileLength * file.length) return undefined;
  const changes = diffArrays(file, fragment);
  const common = changes.reduce((sum, change) => (change.added || change.removed ? sum : sum + change.count), 0);
  if (common < wholeFileShare * file.length) return undefined;
  if (leavesOut(changes) || leavesOut([...changes].reverse())) return undefined;
  return { kind: 'placed', rule: 'whole-file', startLine: 0, endLine: fileLines.length, score: common / file.length };
}

/** The changes before the first common run remove the file's lines without putting anything in their place. */
function leavesOut(changes: readonly { added: boolean; removed: boolean }[]): boolean {
  let removed = false;
  for (const change of changes) {
    if (!change.added && !change.removed) break;
    if (change.added) return false;
    removed = true;
  }
  return removed;
}
