// How alike two runs of lines are, from 0 to 1 (docs/chat.md, "Applying code"): the lines jsdiff's `diffArrays`
// finds in common (Myers' algorithm, the same one `git diff` uses), plus partial credit for a changed line paired
// with the line it replaced, divided by the longer run's length. The partial credit is what lets a fragment whose
// lines were all edited a little (a renamed variable) still find its place; a pair counts only from a Dice
// similarity of their character pairs above 0.5, scaled so 0.5 gives nothing and an identical line gives 1.

import { diffArrays } from 'diff';

/** Lines compared are normalized (see textLines.ts); the cache is shared by the comparisons of one placement. */
export function lineSimilarity(file: readonly string[], fragment: readonly string[], cache: Map<string, number> = new Map()): number {
  const longest = Math.max(file.length, fragment.length);
  if (longest === 0) return 0;
  let exact = 0;
  let partial = 0;
  let fileIndex = 0;
  let fragmentIndex = 0;
  let removed: number[] = [];
  let added: number[] = [];
  const flush = () => {
    if (removed.length > 0 && added.length > 0)
      partial += bestPairing(removed, added, (a, b) => lineCredit(file[a] ?? '', fragment[b] ?? '', cache));
    removed = [];
    added = [];
  };
  for (const change of diffArrays([...file], [...fragment])) {
    if (change.added) {
      for (let k = 0; k < change.count; k += 1) added.push(fragmentIndex + k);
      fragmentIndex += change.count;
    } else if (change.removed) {
      for (let k = 0; k < change.count; k += 1) removed.push(fileIndex + k);
      fileIndex += change.count;
    } else {
      flush();
      exact += change.count;
      fileIndex += change.count;
      fragmentIndex += change.count;
    }
  }
  flush();
  return (exact + partial) / longest;
}

/** The credit a changed line gets for the line it replaced: 0 up to a Dice similarity of 0.5, then up to 1. */
export function lineCredit(a: string, b: string, cache: Map<string, number>): number {
  const key = `${a}\u0000${b}`;
  const cached = cache.get(key);
  if (cached !== undefined) return cached;
  const dice = diceSimilarity(a, b);
  const credit = dice <= 0.5 ? 0 : (dice - 0.5) / 0.5;
  cache.set(key, credit);
  return credit;
}

/** Dice's coefficient over the two strings' character pairs (bigrams). */
export function diceSimilarity(a: string, b: string): number {
  if (a === b) return 1;
  if (a.length < 2 || b.length < 2) return 0;
  const pairs = new Map<string, number>();
  for (let index = 0; index < a.length - 1; index += 1) {
    const pair = a.slice(index, index + 2);
    pairs.set(pair, (pairs.get(pair) ?? 0) + 1);
  }
  let shared = 0;
  for (let index = 0; index < b.length - 1; index += 1) {
    const pair = b.slice(index, index + 2);
    const count = pairs.get(pair) ?? 0;
    if (count > 0) {
      shared += 1;
      pairs.set(pair, count - 1);
    }
  }
  return (2 * shared) / (a.length - 1 + b.length - 1);
}

/** The best total credit of pairing the two runs in order (each line used once); in order, one to one, when long. */
function bestPairing(removed: readonly number[], added: readonly number[], credit: (a: number, b: number) => number): number {
  if (removed.length * added.length > 144) {
    let total = 0;
    for (let k = 0; k < Math.min(removed.length, added.length); k += 1) total += credit(removed[k] ?? 0, added[k] ?? 0);
    return total;
  }
  let previous = new Array<number>(added.length + 1).fill(0);
  for (const a of removed) {
    const row = [0];
    for (let j = 1; j <= added.length; j += 1) {
      row.push(Math.max(previous[j] ?? 0, row[j - 1] ?? 0, (previous[j - 1] ?? 0) + credit(a, added[j - 1] ?? 0)));
    }
    previous = row;
  }
  return previous[added.length] ?? 0;
}
