// The numbers the placement rules decide by (docs/chat.md, "Applying code"), in one place so a change is made
// against the corpus test (test/unit/edits/placementCorpus.test.ts), which prints the scores that justify them.

/**
 * The least likeness (lineSimilarity.ts) for rule "fuzzy" to place a block. In the corpus, the blocks that belong
 * somewhere score 0.65 to 0.91 over their region (0.65: five lines, one of them added and one rewritten) and the
 * blocks that belong nowhere at most 0.5 anywhere (two CSS declarations, one of which the file has): 0.6 lies
 * between, with a margin on both sides.
 */
export const fuzzyThreshold = 0.6;

/**
 * Rule "fuzzy" for a block made of whole definitions of which the file has none (rule "symbol" found no name): such a
 * block is new code written in the file's style, and lines like "}" and "log('saved');" make it look like the file's
 * other definitions (0.65 in the corpus, for a new `saveCart` beside `saveUser`); a renamed function otherwise the
 * same scores above 0.9.
 */
export const newDefinitionsThreshold = 0.8;

/** Rule "whole-file": the share of the file's non-blank lines the block must have, in order. */
export const wholeFileShare = 0.8;

/** Rule "whole-file": the block must be at least this share of the file's non-blank lines long. */
export const wholeFileLength = 0.5;

/** Rule "anchors": the region between the anchors may be at most this many times the block's lines long, plus `anchorsSlack`. */
export const anchorsRatio = 3;
export const anchorsSlack = 10;

/**
 * Two places are "equally good" when their scores differ by less than half a line's worth: a difference of one
 * whole line (one more line in common) decides, a difference of a partly alike line may not.
 */
export function ambiguityMargin(lines: number): number {
  return 0.5 / Math.max(lines, 1);
}
