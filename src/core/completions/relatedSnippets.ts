// The snippets of other open files offered to a completion model (docs/completions.md, "Context"): of the files of
// the same language, the part of each that shares the most identifiers with the code around the cursor, recently
// edited files first, within a character budget.
//
// This runs on every keystroke, so the other files are not re-read each time: each is split once into windows of 20
// lines (overlapping by half) with an inverted index from identifier to windows, kept while the file's text is the
// same string (a bounded cache; comparing equal texts is a memory compare, far cheaper than tokenizing them again).
// A keystroke then tokenizes only the ~1,600 characters around the cursor and scores each window by the Jaccard
// index of the two identifier sets, counting shared identifiers through the index: the cost follows how often the
// cursor's identifiers occur in the other files, not their length.
import type { CompletionSnippet } from './completionTypes';

/** Another open file, as the extension passes it. */
export interface OtherFile {
  /** Workspace-relative path (shown to the model). */
  path: string;
  languageId: string;
  text: string;
  /** When the user last edited it (ms since the epoch; 0 when not edited this session): recent edits come first. */
  lastEditedAt: number;
}

export interface SnippetBudget {
  /** The snippets' characters together. */
  snippetChars: number;
  maxSnippets: number;
}

const windowLines = 20;
const windowStep = 10;
/** Characters before and after the cursor whose identifiers describe what is being written. */
const nearBefore = 1_200;
const nearAfter = 400;
/** At most this many distinct identifiers near the cursor are looked up. */
const maxQueryIdentifiers = 120;
/** Larger files (generated, minified, data) are not indexed. */
const maxIndexedChars = 500_000;
/** Indexed files kept (each holds its text and index: at most a few MB together); editors of one language are fewer. */
const maxIndexedFiles = 16;

const identifierPattern = /[A-Za-z_$][A-Za-z0-9_$]{2,}/g;

/**
 * Keywords and names every file of these languages shares: counting them would make every window look related.
 * (Identifiers shorter than three characters are not counted at all.)
 */
const common = new Set(
  [
    'abstract and any async await boolean break case catch class const continue def default del elif else enum',
    'except export extends false finally for from func function implements import interface let new None not null',
    'number object pass private protected public readonly return self static string super switch this throw True',
    'False true try type typeof undefined var void while with yield int str bool float package struct impl pub mut',
    'use fun val',
  ]
    .join(' ')
    .split(' '),
);

interface IndexedFile {
  text: string;
  /** Offsets where each line starts, and text.length + 1 as a sentinel after the last. */
  lineStarts: Int32Array;
  /** Distinct identifiers in each window. */
  windowSizes: Int32Array;
  /** Identifier → the windows it occurs in, ascending. */
  postings: Map<string, number[]>;
}

const indexed = new Map<string, IndexedFile>();

/** The snippets for the cursor at `offset` of `text`, most relevant first, within `budget`. */
export function relatedSnippets(
  text: string,
  offset: number,
  file: { languageId: string; path?: string },
  others: readonly OtherFile[],
  budget: SnippetBudget,
): CompletionSnippet[] {
  if (budget.maxSnippets <= 0 || budget.snippetChars <= 0) return [];
  const sameLanguage = others.filter((other) => other.languageId === file.languageId && other.path !== file.path);
  if (sameLanguage.length === 0) return [];
  const query = identifiersOf(text, Math.max(0, offset - nearBefore), Math.min(text.length, offset + nearAfter));
  if (query.size === 0) return [];

  const candidates: { other: OtherFile; index: IndexedFile; window: number; score: number }[] = [];
  for (const other of sameLanguage) {
    const index = indexOf(other);
    if (index === undefined) continue;
    const best = bestWindow(index, query);
    if (best !== undefined) candidates.push({ other, index, ...best });
  }
  // Recently edited first; among files not edited (or edited at the same time), the closer match first.
  candidates.sort((a, b) => b.other.lastEditedAt - a.other.lastEditedAt || b.score - a.score);

  const chosen = candidates.slice(0, budget.maxSnippets);
  const snippets: CompletionSnippet[] = [];
  let left = budget.snippetChars;
  for (let i = 0; i < chosen.length && left > 0; i++) {
    const { other, index, window } = chosen[i]!;
    // An even share of what is left, so the first snippet cannot take the whole budget from the others.
    const share = Math.floor(left / (chosen.length - i));
    const snippet = windowText(index, window, share);
    if (snippet === '') continue;
    snippets.push({ path: other.path, text: snippet });
    left -= snippet.length;
  }
  return snippets;
}

/** Forgets the indexed files (tests; the cache is bounded anyway). */
export function clearSnippetIndex(): void {
  indexed.clear();
}

function identifiersOf(text: string, start: number, end: number): Set<string> {
  const found = new Set<string>();
  identifierPattern.lastIndex = 0;
  const part = text.slice(start, end);
  for (let match = identifierPattern.exec(part); match !== null; match = identifierPattern.exec(part)) {
    const word = match[0];
    if (!common.has(word)) {
      found.add(word);
      if (found.size >= maxQueryIdentifiers) break;
    }
  }
  return found;
}

function indexOf(other: OtherFile): IndexedFile | undefined {
  if (other.text.length > maxIndexedChars) return undefined;
  const cached = indexed.get(other.path);
  if (cached !== undefined && cached.text === other.text) {
    // Most recently used last: the first entry is the one to drop.
    indexed.delete(other.path);
    indexed.set(other.path, cached);
    return cached;
  }
  const built = buildIndex(other.text);
  indexed.delete(other.path);
  indexed.set(other.path, built);
  while (indexed.size > maxIndexedFiles) indexed.delete(indexed.keys().next().value!);
  return built;
}

function buildIndex(text: string): IndexedFile {
  const starts: number[] = [0];
  for (let at = text.indexOf('\n'); at !== -1; at = text.indexOf('\n', at + 1)) starts.push(at + 1);
  const lineCount = starts.length;
  starts.push(text.length + 1);
  const lineStarts = Int32Array.from(starts);

  const windowCount = Math.max(1, Math.ceil((lineCount - windowLines) / windowStep) + 1);
  const windowSets: Set<string>[] = Array.from({ length: windowCount }, () => new Set<string>());
  for (let line = 0; line < lineCount; line++) {
    const words = identifiersOf(text, lineStarts[line]!, lineStarts[line + 1]! - 1);
    if (words.size === 0) continue;
    // The windows holding this line: those starting at most windowLines - 1 lines above it.
    const first = Math.max(0, Math.ceil((line - windowLines + 1) / windowStep));
    const last = Math.min(windowCount - 1, Math.floor(line / windowStep));
    for (let window = first; window <= last; window++) for (const word of words) windowSets[window]!.add(word);
  }
  const postings = new Map<string, number[]>();
  const windowSizes = new Int32Array(windowCount);
  windowSets.forEach((words, window) => {
    windowSizes[window] = words.size;
    for (const word of words) {
      const list = postings.get(word);
      if (list === undefined) postings.set(word, [window]);
      else list.push(window);
    }
  });
  return { text, lineStarts, windowSizes, postings };
}

/** The window with the highest Jaccard index against the query, or undefined when none shares an identifier. */
function bestWindow(index: IndexedFile, query: ReadonlySet<string>): { window: number; score: number } | undefined {
  const shared = new Int32Array(index.windowSizes.length);
  let any = false;
  for (const word of query) {
    const windows = index.postings.get(word);
    if (windows === undefined) continue;
    any = true;
    for (const window of windows) shared[window]!++;
  }
  if (!any) return undefined;
  let best: { window: number; score: number } | undefined;
  for (let window = 0; window < shared.length; window++) {
    const both = shared[window]!;
    if (both === 0) continue;
    const score = both / (query.size + index.windowSizes[window]! - both);
    if (best === undefined || score > best.score) best = { window, score };
  }
  return best;
}

/** The window's lines, without blank lines at either end, cut at a line end to at most `maxChars`. */
function windowText(index: IndexedFile, window: number, maxChars: number): string {
  const { text, lineStarts } = index;
  const lineCount = lineStarts.length - 1;
  const first = window * windowStep;
  const end = Math.min(lineCount, first + windowLines);
  const start = lineStarts[first]!;
  let stop = start;
  for (let line = first; line < end; line++) {
    const lineEnd = lineStarts[line + 1]! - 1;
    if (lineEnd - start > maxChars) break;
    stop = lineEnd;
  }
  return text
    .slice(start, stop)
    .replace(/\r\n/g, '\n')
    .replace(/^(?:[ \t]*\n)+/, '')
    .trimEnd();
}
