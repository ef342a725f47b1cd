// Rule "anchors" of placing a code block (docs/chat.md, "Applying code"): the block's first and last non-blank
// lines each occur exactly once in the file, in that order, with a plausible amount of file between them
// (anchorsRatio × the block's lines + anchorsSlack): the block replaces those lines and everything between, however
// much the middle was rewritten.

import { lineSimilarity } from './lineSimilarity';
import { anchorsRatio, anchorsSlack } from './placementThresholds';
import type { Placement } from './placementTypes';
import { contentLines, normalizeLine } from './textLines';

export function placeByAnchors(
  fileLines: readonly string[],
  fragmentLines: readonly string[],
  cache: Map<string, number>,
): Placement | undefined {
  const fragment = contentLines(fragmentLines);
  const first = fragment[0];
  const last = fragment.at(-1);
  if (fragment.length < 2 || first === undefined || last === undefined || first === last) return undefined;
  const firstAt = onlyOccurrence(fileLines, first);
  const lastAt = onlyOccurrence(fileLines, last);
  if (firstAt === undefined || lastAt === undefined || lastAt < firstAt) return undefined;
  const end = lastAt + 1;
  if (end - firstAt > anchorsRatio * fragment.length + anchorsSlack) return undefined;
  const score = lineSimilarity(contentLines(fileLines.slice(firstAt, end)), fragment, cache);
  return { kind: 'placed', rule: 'anchors', startLine: firstAt, endLine: end, score };
}

function onlyOccurrence(lines: readonly string[], wanted: string): number | undefined {
  let found: number | undefined;
  for (let index = 0; index < lines.length; index += 1) {
    const line = lines[index] ?? '';
    // A cheap length test before normalizing: a line shorter than the wanted text cannot be it.
    if (line.length < wanted.length || normalizeLine(line) !== wanted) continue;
    if (found !== undefined) return undefined;
    found = index;
  }
  return found;
}
