// Where a code block from an answer belongs in its file (docs/chat.md, "Applying code"), so "apply" proposes
// replacing that region and not the whole file. The rules, tried in order, and the first that decides wins:
//   1. an empty block: nothing to place ('empty'); a block tagged with another language than the file's: refused;
//   2. "whole-file": the block is the file rewritten (placeWholeFile.ts); an empty file takes any block whole;
//   3. a block of only imports goes over the file's import block, reported as "anchors" (placeImports.ts);
//   4. "symbol": a block of whole definitions replaces the file's definitions of the same names (placeBySymbol.ts);
//   5. "anchors": its first and last lines occur once each in the file (placeByAnchors.ts);
//   6. "fuzzy": the most alike region, if alike enough (placeByFuzzyMatch.ts; more alike for a block of definitions
//      the file has none of, which is new code unless it is a renamed one);
//   7. otherwise 'no-match': the editor offers "replace selection" or "insert at cursor", never the whole file.
// Pure: strings in, line numbers out; the VS Code side words the outcome for the user.

import { fragmentDefinitions } from './fragmentDefinitions';
import { isOtherLanguage } from './isOtherLanguage';
import { isBlank } from './lineKinds';
import { placeByAnchors } from './placeByAnchors';
import { placeByFuzzyMatch } from './placeByFuzzyMatch';
import { placeBySymbol } from './placeBySymbol';
import { placeImports } from './placeImports';
import { fuzzyThreshold, newDefinitionsThreshold } from './placementThresholds';
import type { Placement, PlaceFragmentInput } from './placementTypes';
import { placeWholeFile } from './placeWholeFile';
import { syntaxFamily } from './syntaxFamily';
import { splitTextLines } from './textLines';

export type { PlacedRange, Placement, PlaceFragmentInput, PlacementRule, SymbolOutline } from './placementTypes';

export function placeFragment(input: PlaceFragmentInput): Placement {
  const fragmentLines = splitTextLines(input.fragment).lines;
  if (fragmentLines.every(isBlank)) return { kind: 'none', reason: 'empty' };
  if (isOtherLanguage(input.fileLanguage, input.fragmentLanguage)) return { kind: 'none', reason: 'other-language' };
  const fileLines = splitTextLines(input.fileText).lines;
  if (fileLines.every(isBlank)) return { kind: 'placed', rule: 'whole-file', startLine: 0, endLine: fileLines.length, score: 0 };

  const fileFamily = syntaxFamily(input.fileLanguage);
  const family = fileFamily === 'unknown' ? syntaxFamily(input.fragmentLanguage) : fileFamily;
  // Likeness of line pairs, shared by the rules' comparisons (the fuzzy search compares the same lines many times).
  const cache = new Map<string, number>();
  const definitions = fragmentDefinitions(fragmentLines, family);
  return (
    placeWholeFile(fileLines, fragmentLines) ??
    placeImports(fileLines, fragmentLines, family, cache) ??
    placeBySymbol(fileLines, fragmentLines, definitions, family, input.symbols, cache) ??
    placeByAnchors(fileLines, fragmentLines, cache) ??
    // Definitions the file has none of are new code, unless nearly the same as a region (a rename): a higher bar.
    placeByFuzzyMatch(fileLines, fragmentLines, cache, definitions === undefined ? fuzzyThreshold : newDefinitionsThreshold) ?? {
      kind: 'none',
      reason: 'no-match',
    }
  );
}
