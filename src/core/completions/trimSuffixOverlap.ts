// A completion that ends with what already follows the cursor (docs/completions.md, "Cleaning the answer"): models
// often write the rest of the line or the block's closing lines again. The duplicated tail is cut:
//   - a multi-line completion whose last lines are the next non-blank lines after the cursor's line (when nothing
//     follows the cursor on its own line) loses them;
//   - the completion's end that equals the start of the text after the cursor (`foo(bar|)` answered `, baz)`) loses
//     it: the longest such overlap that is safe, found in time linear in the answer (Knuth–Morris–Pratt). Safe means:
//     a closing bracket in it is one the completion does not open itself (bracket balancing: `()` answered at
//     `foo(|)` keeps its `)`), a quote in it is one the completion leaves open, and an overlap with letters or digits
//     is at least 3 characters long and cut at word boundaries on both sides.

const maxDuplicateLines = 10;

/**
 * `lineBefore` is the cursor's line up to the cursor (whether the cursor is inside a string), `lineSuffix` the rest
 * of that line, `suffix` all the text after the cursor that the model saw.
 */
export function trimSuffixOverlap(text: string, lineBefore: string, suffix: string, lineSuffix: string): string {
  let result = text;
  if (lineSuffix.trim() === '' && result.includes('\n')) result = trimDuplicateLines(result, suffix);
  // The editor's line is the truth when the document changed since the model saw the suffix.
  const newline = suffix.indexOf('\n');
  const sameLine = (newline === -1 ? suffix : suffix.slice(0, newline)).replace(/\r$/, '') === lineSuffix;
  // Only as much of the suffix as the answer could repeat, with the answer's line breaks.
  const head = (sameLine ? suffix.slice(0, 2 * result.length + 2) : lineSuffix).replace(/\r\n/g, '\n');
  return trimOverlap(result, head, lineBefore);
}

function trimDuplicateLines(text: string, suffix: string): string {
  const lines = text.split('\n');
  const following = nonBlankLinesAfterFirst(suffix, Math.min(maxDuplicateLines, lines.length - 1));
  for (let count = Math.min(following.length, lines.length - 1); count >= 1; count--) {
    let same = true;
    for (let i = 0; i < count && same; i++) same = lines[lines.length - count + i]!.trimEnd() === following[i];
    if (same) return lines.slice(0, lines.length - count).join('\n');
  }
  return text;
}

function nonBlankLinesAfterFirst(suffix: string, max: number): string[] {
  const found: string[] = [];
  let lineStart = suffix.indexOf('\n') + 1;
  while (lineStart > 0 && found.length < max) {
    const newline = suffix.indexOf('\n', lineStart);
    const line = suffix.slice(lineStart, newline === -1 ? suffix.length : newline).trimEnd();
    if (line !== '') found.push(line);
    lineStart = newline + 1;
  }
  return found;
}

function trimOverlap(text: string, head: string, lineBefore: string): string {
  const m = Math.min(text.length, head.length);
  if (m === 0) return text;
  // failure[i]: the longest proper border of head[0..i].
  const failure = new Int32Array(m);
  for (let i = 1, k = 0; i < m; i++) {
    const code = head.charCodeAt(i);
    while (k > 0 && head.charCodeAt(k) !== code) k = failure[k - 1]!;
    if (head.charCodeAt(k) === code) k++;
    failure[i] = k;
  }
  // The longest k with text ending in head[0..k): run the text's last m characters through the automaton.
  let k = 0;
  for (let i = text.length - m; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (k === m) k = failure[k - 1]!;
    while (k > 0 && head.charCodeAt(k) !== code) k = failure[k - 1]!;
    if (head.charCodeAt(k) === code) k++;
  }
  let unmatched: ReadonlySet<number> | undefined;
  for (; k > 0; k = failure[k - 1]!) {
    unmatched ??= unmatchedClosers(text, openQuote(lineBefore));
    if (safeOverlap(text, head, k, unmatched)) return text.slice(0, text.length - k);
  }
  return text;
}

const wordChar = /[A-Za-z0-9_$]/;
const pairs: Readonly<Record<string, string>> = { ')': '(', ']': '[', '}': '{' };

function safeOverlap(text: string, head: string, k: number, unmatched: ReadonlySet<number>): boolean {
  const start = text.length - k;
  const overlap = text.slice(start);
  if (wordChar.test(overlap)) {
    if (k < 3) return false;
    if (start > 0 && wordChar.test(text.charAt(start - 1)) && wordChar.test(overlap.charAt(0))) return false;
    if (k < head.length && wordChar.test(head.charAt(k)) && wordChar.test(overlap.charAt(k - 1))) return false;
  }
  for (let i = start; i < text.length; i++) {
    const char = text.charAt(i);
    if (pairs[char] !== undefined && !unmatched.has(i)) return false;
    if ((char === '"' || char === "'" || char === '`') && count(text, char) % 2 === 0) return false;
  }
  return true;
}

/**
 * Positions of the closing brackets the text does not open itself. Brackets inside strings do not count; `quote` is
 * the string the text starts in (the cursor was inside it).
 */
function unmatchedClosers(text: string, quote: string): Set<number> {
  const open: string[] = [];
  const unmatched = new Set<number>();
  let inString = quote;
  for (let i = 0; i < text.length; i++) {
    const char = text.charAt(i);
    if (inString !== '') {
      if (char === '\\') i++;
      else if (char === inString || (char === '\n' && inString !== '`')) inString = '';
      continue;
    }
    if (char === '"' || char === "'" || char === '`') inString = char;
    else if (char === '(' || char === '[' || char === '{') open.push(char);
    else if (pairs[char] !== undefined) {
      if (open.length > 0 && open[open.length - 1] === pairs[char]) open.pop();
      else unmatched.add(i);
    }
  }
  return unmatched;
}

/** The quote of the string left open at the end of `line` ('' when none). */
function openQuote(line: string): string {
  let inString = '';
  for (let i = 0; i < line.length; i++) {
    const char = line.charAt(i);
    if (inString !== '') {
      if (char === '\\') i++;
      else if (char === inString) inString = '';
    } else if (char === '"' || char === "'" || char === '`') inString = char;
  }
  return inString;
}

function count(text: string, char: string): number {
  let n = 0;
  for (let at = text.indexOf(char); at !== -1; at = text.indexOf(char, at + 1)) n++;
  return n;
}
