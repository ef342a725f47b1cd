// The shapes placing a code block works with (docs/chat.md, "Applying code"), apart from the rules so that each rule
// and placeFragment.ts (which re-exports them, the engine's API) can share them without importing one another.

/** A document symbol as VS Code's document symbol provider gives it (0-based lines, endLine inclusive). */
export interface SymbolOutline {
  name: string;
  /** VS Code's SymbolKind name ('Function', 'Method', 'Class'…), in any case. */
  kind: string;
  startLine: number;
  endLine: number;
  children: readonly SymbolOutline[];
}

export type PlacementRule = 'symbol' | 'anchors' | 'fuzzy' | 'whole-file';

/**
 * Lines are the file's text split at its line breaks (`\r\n`, `\n`, `\r`), a final line break starting no further
 * line, so `[0, lineCount)` is the whole file and VS Code's `new Range(startLine, 0, endLine, 0)` is the region.
 */
export interface PlacedRange {
  rule: PlacementRule;
  startLine: number;
  /** exclusive */
  endLine: number;
  /** How alike the region's lines are to the block's, 0 to 1 (lineSimilarity.ts); 0 for an insertion. */
  score: number;
  /** Rule "symbol": the definition replaced, as `Class.method` when it sits in one (names joined by ", " for several). */
  symbolName?: string;
}

export type Placement =
  | ({ kind: 'placed' } & PlacedRange)
  /** Two or more regions match equally well: the user chooses. */
  | { kind: 'ambiguous'; candidates: PlacedRange[] }
  | { kind: 'none'; reason: 'empty' | 'no-match' | 'other-language' };

export interface PlaceFragmentInput {
  fileText: string;
  fragment: string;
  /** VS Code language ids, when known; a fragment clearly in another language than the file gives 'other-language'. */
  fileLanguage?: string;
  fragmentLanguage?: string;
  /** From VS Code's document symbol provider, when the language has one. */
  symbols?: readonly SymbolOutline[];
}
