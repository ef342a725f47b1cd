// Rule "fuzzy" of placing a code block (docs/chat.md, "Applying code"): the region of the file most alike to the
// block (lineSimilarity.ts), if alike enough (fuzzyThreshold). Fast on long files: a window the block's length slides
// over the file counting lines it shares with the block exactly (one hash look-up per line, prefix sums per
// window), the best few non-overlapping windows are kept as seeds, and only those are compared with jsdiff while
// their edges move, a line or a jump to the next shared line at a time, as long as the likeness grows. Two regions
// within the ambiguity margin of each other are left to the user ('ambiguous').

import { lineSimilarity } from './lineSimilarity';
import { ambiguityMargin, fuzzyThreshold } from './placementThresholds';
import type { PlacedRange, Placement } from './placementTypes';
import { contentLines, normalizeLine } from './textLines';

/** A seed window must share at least this share of the block's lines exactly. */
const seedShare = 0.3;
const maxSeeds = 6;

interface Window {
  /** Indexes into the file's non-blank lines: [start, end). */
  start: number;
  end: number;
  score: number;
}

/** `threshold` is fuzzyThreshold; the corpus test passes 0 to see the best score of a block that must not place. */
export function placeByFuzzyMatch(
  fileLines: readonly string[],
  fragmentLines: readonly string[],
  cache: Map<string, number>,
  threshold = fuzzyThreshold,
): Placement | undefined {
  const fragment = contentLines(fragmentLines);
  const positions: number[] = [];
  const texts: string[] = [];
  fileLines.forEach((line, index) => {
    const text = normalizeLine(line);
    if (text === '') return;
    positions.push(index);
    texts.push(text);
  });
  const m = fragment.length;
  const n = texts.length;
  if (m === 0 || n === 0) return undefined;

  const wanted = new Set(fragment);
  const isHit = texts.map((text) => wanted.has(text));
  const prefix = new Int32Array(n + 1);
  isHit.forEach((hit, index) => (prefix[index + 1] = (prefix[index] ?? 0) + (hit ? 1 : 0)));
  const hitIndexes = isHit.flatMap((hit, index) => (hit ? [index] : []));

  const width = Math.min(m, n);
  const minHits = Math.max(1, Math.ceil(m * seedShare));
  const starts: { start: number; hits: number }[] = [];
  for (let start = 0; start + width <= n; start += 1) {
    const hits = (prefix[start + width] ?? 0) - (prefix[start] ?? 0);
    if (hits >= minHits) starts.push({ start, hits });
  }
  starts.sort((a, b) => b.hits - a.hits || a.start - b.start);
  const seeds: number[] = [];
  const apart = Math.max(1, Math.ceil(width / 2));
  for (const { start } of starts) {
    if (seeds.some((seed) => Math.abs(seed - start) < apart)) continue;
    seeds.push(start);
    if (seeds.length >= maxSeeds) break;
  }

  const scores = new Map<number, number>();
  const score = (start: number, end: number) => {
    const key = start * (n + 1) + end;
    let value = scores.get(key);
    if (value === undefined) {
      value = lineSimilarity(texts.slice(start, end), fragment, cache);
      scores.set(key, value);
    }
    return value;
  };
  // Seeds in order of their likeness as found; one whose likeness is far below the best region found so far is
  // not refined (edges moving add about a line's worth, 1/m, rarely two).
  const tight = seeds.map((seed) => tightWindow(seed, width, isHit, score)).sort((a, b) => b.score - a.score);
  const slack = Math.max(0.05, 2 / m);
  const refined: Window[] = [];
  for (const window of tight) {
    const bestSoFar = refined.reduce((best, other) => Math.max(best, other.score), 0);
    if (window.score < bestSoFar - slack) continue;
    refined.push(refine(window, hitIndexes, n, m, score));
  }
  const kept: Window[] = [];
  for (const window of refined.sort((a, b) => b.score - a.score || a.start - b.start)) {
    if (!kept.some((other) => window.start < other.end && other.start < window.end)) kept.push(window);
  }
  const best = kept[0];
  if (best === undefined || best.score < threshold) return undefined;
  const margin = ambiguityMargin(Math.max(m, best.end - best.start));
  const close = kept.slice(1).filter((window) => window.score >= threshold && best.score - window.score < margin);
  const range = (window: Window): PlacedRange => ({
    rule: 'fuzzy',
    startLine: positions[window.start] ?? 0,
    endLine: (positions[window.end - 1] ?? 0) + 1,
    score: window.score,
  });
  if (close.length === 0) return { kind: 'placed', ...range(best) };
  return { kind: 'ambiguous', candidates: [best, ...close].map(range).sort((a, b) => a.startLine - b.startLine) };
}

/** A seed window without the lines at its edges that the block does not have. */
function tightWindow(seed: number, width: number, isHit: readonly boolean[], score: (start: number, end: number) => number): Window {
  let start = seed;
  let end = seed + width;
  while (start < end && isHit[start] !== true) start += 1;
  while (end > start && isHit[end - 1] !== true) end -= 1;
  return { start, end, score: score(start, end) };
}

/** Hill-climbs a window's edges while its likeness to the block grows (or stays and the window shrinks). */
function refine(
  window: Window,
  hitIndexes: readonly number[],
  n: number,
  m: number,
  score: (start: number, end: number) => number,
): Window {
  let current = window;
  // A region longer than the block over the threshold cannot score enough: it is the bound on growth.
  const longest = Math.ceil(m / fuzzyThreshold) + 1;
  for (let step = 0; step < 4 * m + 20; step += 1) {
    const { start: a, end: b } = current;
    const previousHit = lastBelow(hitIndexes, a);
    const nextHit = firstFrom(hitIndexes, b);
    const moves: [number, number][] = [
      [a - 1, b],
      [a + 1, b],
      [a, b - 1],
      [a, b + 1],
    ];
    if (previousHit !== undefined) moves.push([previousHit, b]);
    if (nextHit !== undefined) moves.push([a, nextHit + 1]);
    let best = current;
    for (const [s, e] of moves) {
      if (s < 0 || e > n || s >= e || e - s > longest) continue;
      const candidate = score(s, e);
      // Better, or as good and shorter: a line at the edge that the block does not need is not taken.
      const tighter = candidate >= best.score - 1e-9 && e - s < best.end - best.start;
      if (candidate > best.score + 1e-9 || tighter) best = { start: s, end: e, score: candidate };
    }
    if (best === current) break;
    current = best;
  }
  return current;
}

function lastBelow(sorted: readonly number[], value: number): number | undefined {
  let low = 0;
  let high = sorted.length;
  while (low < high) {
    const middle = (low + high) >> 1;
    if ((sorted[middle] ?? 0) < value) low = middle + 1;
    else high = middle;
  }
  return low > 0 ? sorted[low - 1] : undefined;
}

function firstFrom(sorted: readonly number[], value: number): number | undefined {
  let low = 0;
  let high = sorted.length;
  while (low < high) {
    const middle = (low + high) >> 1;
    if ((sorted[middle] ?? 0) < value) low = middle + 1;
    else high = middle;
  }
  return sorted[low];
}
