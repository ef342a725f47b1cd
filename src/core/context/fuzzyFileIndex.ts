// The `@` picker's workspace results (docs/chat.md, "Workspace context"): files and the folders they are in, ranked by
// fuzzysort (a Sublime-style fuzzy matcher). What a user types is usually a name, so names are matched first and the
// whole path only when the names give too few results or the text asks for a path (it has a `/` or a space between
// words): typing `app.ts` finds `src/app.ts` before `src/app/tests/x.ts`, and `web/src/comp` still finds
// `packages/web/src/components`. One character ranks names that start with it, then names that hold it, then paths.
//
// The picker's budget is 50 ms to the first results on 10,000 files (docs/performance.md, bench/picker/), so building
// the index is plain string slicing; fuzzysort prepares a name or path the first time a query may match it; a quick
// subsequence check (every fuzzy match is one) leaves out what cannot match; and a query that extends the last one
// (the user typed one more character) searches only what the last one could match.
import fuzzysort from 'fuzzysort';

export interface FileIndexEntry {
  uri: string;
  /** Workspace-folder-relative, POSIX separators. */
  relativePath: string;
  /** set in a multi-root workspace */
  folderName?: string;
}

export interface FileSuggestion {
  uri: string;
  kind: 'file' | 'folder';
  /** The name, e.g. `app.ts`. */
  label: string;
  /** Where it is, e.g. `src/server` (prefixed by the workspace folder's name in a multi-root workspace). */
  description: string;
  /** Indexes into `label` of the characters the query matched. */
  matches?: number[];
}

interface IndexedItem {
  uri: string;
  kind: 'file' | 'folder';
  label: string;
  description: string;
  /** `description/label`: what a path query is matched against. */
  path: string;
  /** `path` in lower case without accents, for the quick subsequence check. */
  lowerPath: string;
  /** Where the name starts in `lowerPath`. */
  labelStart: number;
  depth: number;
  /** Prepared for fuzzysort when a query first may match them. */
  labelTarget?: Fuzzysort.Prepared;
  pathTarget?: Fuzzysort.Prepared;
}

interface Ranked {
  item: IndexedItem;
  score: number;
  matches: number[];
}

export class FuzzyFileIndex {
  /** Files and folders the index can suggest. */
  readonly size: number;
  private readonly items: IndexedItem[] = [];
  /** Items by depth (1: top level), each sorted shortest path first when first needed. */
  private readonly byDepth: IndexedItem[][] = [];
  private readonly sortedDepths = new Set<number>();
  /** The last query's text and the items whose path could match it. */
  private last: { text: string; candidates: IndexedItem[] } | undefined;

  constructor(entries: readonly FileIndexEntry[]) {
    const files = new Set<string>();
    const folders = new Set<string>();
    for (const entry of entries) {
      const relative = normalize(entry.relativePath);
      if (relative === '' || files.has(entry.uri)) continue;
      files.add(entry.uri);
      const prefix = entry.folderName !== undefined && entry.folderName !== '' ? `${entry.folderName}/` : '';
      this.add(entry.uri, 'file', prefix + relative, prefix.length);
      // The folders on the way, each once; a folder's URI is the file's with the segments below it removed.
      let uri = withoutQuery(entry.uri);
      const floor = authorityEnd(uri);
      for (let slash = relative.lastIndexOf('/'); slash > 0; slash = relative.lastIndexOf('/', slash - 1)) {
        const cut = uri.lastIndexOf('/');
        if (cut <= floor) break;
        uri = uri.slice(0, cut);
        const folder = prefix + relative.slice(0, slash);
        if (folders.has(folder)) break;
        folders.add(folder);
        this.add(uri, 'folder', folder, prefix.length);
      }
    }
    this.size = this.items.length;
  }

  /** The best `limit` suggestions for `text`; for an empty text, the shortest paths (the top level) first. */
  query(text: string, limit: number): FileSuggestion[] {
    const count = Math.max(0, Math.floor(limit));
    if (count === 0) return [];
    const search = normalize(text.trim());
    if (search === '') return this.shortest(count).map((item) => suggestion(item, undefined));
    const lower = foldCase(search);
    const terms = lower.split(/\s+/).filter((term) => term !== '');
    const pool = this.last !== undefined && lower.startsWith(this.last.text) ? this.last.candidates : this.items;
    const candidates = pool.filter((item) => terms.every((term) => isSubsequence(term, item.lowerPath, 0)));
    this.last = { text: lower, candidates };
    if (search.length === 1) return this.oneCharacter(lower, candidates, count);

    const ranked: Ranked[] = [];
    if (!/[/\s]/.test(search)) {
      const named = candidates.filter((item) => isSubsequence(lower, item.lowerPath, item.labelStart));
      for (const item of named) item.labelTarget ??= fuzzysort.prepare(item.label);
      for (const result of fuzzysort.go(search, named, { key: 'labelTarget', limit: count })) {
        ranked.push({ item: result.obj, score: result.score, matches: [...result.indexes] });
      }
      ranked.sort(better);
    }
    if (ranked.length < count) {
      const taken = new Set(ranked.map((entry) => entry.item));
      const rest = candidates.filter((item) => !taken.has(item));
      for (const item of rest) item.pathTarget ??= fuzzysort.prepare(item.path);
      const byPath: Ranked[] = [];
      for (const result of fuzzysort.go(search, rest, { key: 'pathTarget', limit: count - ranked.length })) {
        const offset = result.obj.path.length - result.obj.label.length;
        const matches = result.indexes.filter((index) => index >= offset).map((index) => index - offset);
        byPath.push({ item: result.obj, score: result.score, matches });
      }
      ranked.push(...byPath.sort(better));
    }
    return ranked.map((entry) => suggestion(entry.item, entry.matches));
  }

  /**
   * One character matches most of a workspace, and fuzzy scores barely tell its matches apart: names that start with
   * it come first, then names that hold it, then paths that hold it, each shortest path first.
   */
  private oneCharacter(character: string, candidates: readonly IndexedItem[], count: number): FileSuggestion[] {
    const tiers: IndexedItem[][] = [[], [], []];
    for (const item of candidates) {
      const at = item.lowerPath.indexOf(character, item.labelStart);
      tiers[at === item.labelStart ? 0 : at >= 0 ? 1 : 2]?.push(item);
    }
    const ordered: IndexedItem[] = [];
    for (const tier of tiers) {
      if (ordered.length >= count) break;
      ordered.push(...tier.sort(shorterFirst).slice(0, count - ordered.length));
    }
    return ordered.map((item) => {
      const at = foldCase(item.label).indexOf(character);
      return suggestion(item, at >= 0 ? [at] : undefined);
    });
  }

  /** `path` is the shown path (the workspace folder's name first when `rootLength` > 0, then the relative path). */
  private add(uri: string, kind: 'file' | 'folder', path: string, rootLength: number): void {
    const slash = path.lastIndexOf('/');
    let depth = 1;
    for (let at = path.indexOf('/', rootLength); at >= 0; at = path.indexOf('/', at + 1)) depth++;
    const lowerPath = foldCase(path);
    const item: IndexedItem = {
      uri,
      kind,
      label: path.slice(slash + 1),
      description: slash < 0 ? '' : path.slice(0, slash),
      path,
      lowerPath,
      labelStart: lowerPath.lastIndexOf('/') + 1,
      depth,
    };
    this.items.push(item);
    (this.byDepth[depth] ??= []).push(item);
  }

  /** The `count` shortest paths: the top level first, sorting only as many depths as it takes. */
  private shortest(count: number): IndexedItem[] {
    const out: IndexedItem[] = [];
    for (let depth = 1; depth < this.byDepth.length && out.length < count; depth++) {
      const items = this.byDepth[depth];
      if (items === undefined) continue;
      if (!this.sortedDepths.has(depth)) {
        items.sort(shorterFirst);
        this.sortedDepths.add(depth);
      }
      out.push(...items.slice(0, count - out.length));
    }
    return out;
  }
}

function better(a: Ranked, b: Ranked): number {
  return b.score - a.score || a.item.path.length - b.item.path.length || compare(a.item.path, b.item.path);
}

function shorterFirst(a: IndexedItem, b: IndexedItem): number {
  return a.depth - b.depth || a.path.length - b.path.length || compare(a.path, b.path);
}

/**
 * Lower case without accents, as fuzzysort compares (it strips combining marks after NFD), so the quick check never
 * turns away what fuzzysort would match. Only text beyond ASCII pays for the normalization.
 */
function foldCase(text: string): string {
  const lower = text.toLowerCase();
  // eslint-disable-next-line no-control-regex -- the ASCII range, on purpose
  return /[^\u0000-\u007f]/.test(lower) ? lower.normalize('NFD').replace(/[\u0300-\u036f]/g, '') : lower;
}

/** Whether the characters of `term` appear in order in `text` from `from` on (what any fuzzy match needs). */
function isSubsequence(term: string, text: string, from: number): boolean {
  let at = from - 1;
  for (let index = 0; index < term.length; index++) {
    at = text.indexOf(term.charAt(index), at + 1);
    if (at < 0) return false;
  }
  return true;
}

function suggestion(item: IndexedItem, matches: number[] | undefined): FileSuggestion {
  return {
    uri: item.uri,
    kind: item.kind,
    label: item.label,
    description: item.description,
    ...(matches !== undefined && matches.length > 0 ? { matches } : {}),
  };
}

/** `uri` without a query or fragment (a folder's URI has neither). */
function withoutQuery(uri: string): string {
  const end = uri.search(/[?#]/);
  return end < 0 ? uri : uri.slice(0, end);
}

/** Where the URI's path starts (the `/` after `scheme://authority`), so a folder is never cut out of the authority. */
function authorityEnd(uri: string): number {
  const start = uri.indexOf('://');
  return start < 0 ? 0 : uri.indexOf('/', start + 3);
}

function normalize(path: string): string {
  if (!path.includes('\\') && path.charCodeAt(0) !== 0x2e && path.charCodeAt(0) !== 0x2f && !path.endsWith('/')) return path;
  return path
    .replace(/\\/g, '/')
    .replace(/^(?:\.\/)+/, '')
    .replace(/^\/+|\/+$/g, '');
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
