// What applying code from an answer needs from the engine bundle (src/core/edits, reached only through
// ProviderEngineHost.module(): docs/performance.md). Types only here; `providerEngineHost.module()` satisfies the
// interface, and the in-editor tests hand in the same functions directly.
import type { FencedCode } from '../../core/edits/scanFences';
import type { Placement, PlaceFragmentInput } from '../../core/edits/placementTypes';

export type { PlacedRange, Placement, PlacementRule, SymbolOutline } from '../../core/edits/placementTypes';

export interface ApplyEngine {
  placeFragment(input: PlaceFragmentInput): Placement;
  /** The file with lines [startLine, endLine) replaced by the fragment, in the file's line endings and indentation. */
  applyPlacement(fileText: string, range: { startLine: number; endLine: number }, fragment: string): string;
  /** The file with the fragment inserted before `line` (the line count: at the end). */
  insertFragmentAt(fileText: string, line: number, fragment: string): string;
  scanFences(reply: string): readonly FencedCode[];
}
