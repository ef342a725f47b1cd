// A model stuck in a loop (docs/completions.md, "Cleaning the answer"): it repeats a chunk until it runs out of
// tokens, or writes one endless line. Both are cut, in time linear in the answer:
//   - a tail of at least 200 characters made of one chunk (up to 200 characters) repeated at least three times: a
//     chunk of whole lines is kept once; a chunk within one line drops that line (and the answer, when it is the
//     first);
//   - a line longer than 500 characters: the answer ends before it (nothing when it is the first line).

export const repetitionLimits = { minRepeatChars: 200, maxPeriod: 200, minCopies: 3, maxLineChars: 500 } as const;

/** The answer without a looping tail or an endless line; undefined when nothing usable is left before them. */
export function cutRepetition(text: string): string | undefined {
  const cut = cutRepeatedTail(text);
  if (cut === undefined) return undefined;
  return cutLongLine(cut);
}

function cutRepeatedTail(text: string): string | undefined {
  const n = text.length;
  if (n < repetitionLimits.minRepeatChars) return text;
  // The prefix function of the reversed text: for each length L of the text's tail, its shortest period is
  // L - border[L - 1].
  const border = new Int32Array(n);
  for (let i = 1; i < n; i++) {
    const code = text.charCodeAt(n - 1 - i);
    let k = border[i - 1]!;
    while (k > 0 && text.charCodeAt(n - 1 - k) !== code) k = border[k - 1]!;
    if (text.charCodeAt(n - 1 - k) === code) k++;
    border[i] = k;
  }
  for (let length = n; length >= repetitionLimits.minRepeatChars; length--) {
    const period = length - border[length - 1]!;
    if (period > repetitionLimits.maxPeriod || length < repetitionLimits.minCopies * period) continue;
    const start = n - length;
    const chunk = text.slice(start, start + period);
    if (chunk.includes('\n')) return oneCopy(text, start);
    // One line repeating itself: that line goes.
    const lineStart = text.lastIndexOf('\n', start);
    return lineStart <= 0 ? undefined : text.slice(0, lineStart);
  }
  return text;
}

/** The text up to the end of the first whole non-blank line of the repeated tail starting at `start`. */
function oneCopy(text: string, start: number): string | undefined {
  // The line holding `start` is partly before the loop; the next one is the loop's first whole line (the chunk holds
  // a line break, so there is one).
  let lineStart = start === 0 || text.charCodeAt(start - 1) === 10 ? start : text.indexOf('\n', start) + 1;
  for (;;) {
    const newline = text.indexOf('\n', lineStart);
    const lineEnd = newline === -1 ? text.length : newline;
    if (text.slice(lineStart, lineEnd).trim() !== '' || newline === -1) {
      const kept = text.slice(0, lineEnd);
      return kept.trim() === '' ? undefined : kept;
    }
    lineStart = newline + 1;
  }
}

function cutLongLine(text: string): string | undefined {
  let lineStart = 0;
  while (lineStart <= text.length) {
    const newline = text.indexOf('\n', lineStart);
    const lineEnd = newline === -1 ? text.length : newline;
    if (lineEnd - lineStart > repetitionLimits.maxLineChars) return lineStart === 0 ? undefined : text.slice(0, lineStart - 1);
    if (newline === -1) break;
    lineStart = newline + 1;
  }
  return text;
}
