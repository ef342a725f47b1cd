// The result of search_text, whoever searched (ripgrep through ripgrepJson.ts, or searchWorkspaceText.ts): matching
// lines as `path:line: text`, capped by the number of matches, by the result's characters and by what the search may
// read, so a search that would return 100 MB ends at its cap with a note saying which cap and how to narrow it.
import type { ContextNote } from '../conversations/messagePart';
import type { SearchTextInput } from './searchTextTool';
import { searchResultLimits } from './searchTextTool';
import { toolNote } from './toolError';
import type { ToolLimits } from './toolLimits';
import type { ToolOutcome } from './toolTypes';

export interface SearchMatch {
  /** As the tools show paths (toolWorkspace.displayPathOf). */
  displayPath: string;
  /** 1-based. */
  line: number;
  /** The line's text, without its line break. */
  text: string;
  /** Where the first match starts in `text` (UTF-16 index), to show a long line around it. */
  column: number;
}

/** Why a search stopped before it was complete. */
export type SearchStop = 'results' | 'chars' | 'bytes' | 'walk';

/** Whether a search is case-sensitive: only when the query has a capital letter (ripgrep's `--smart-case`). */
export function isCaseSensitive(input: Pick<SearchTextInput, 'query' | 'isRegex'>): boolean {
  // In a regular expression an escape (`\S`, `\W`) is not a letter of the text.
  const letters = input.isRegex === true ? input.query.replace(/\\./g, '') : input.query;
  return letters !== letters.toLowerCase();
}

export class SearchCollector {
  private readonly lines: string[] = [];
  private readonly files = new Set<string>();
  private chars = 0;
  private stop: SearchStop | undefined;
  private readonly maxResults: number;

  constructor(
    private readonly input: SearchTextInput,
    private readonly limits: ToolLimits,
  ) {
    this.maxResults = Math.min(input.maxResults ?? searchResultLimits.default, searchResultLimits.max);
  }

  /** The matching lines kept. */
  get count(): number {
    return this.lines.length;
  }

  /** Whether the search should stop: a cap was reached. */
  get full(): boolean {
    return this.stop !== undefined;
  }

  /** Adds a matching line; false when the search should stop now. */
  add(match: SearchMatch): boolean {
    if (this.stop !== undefined) return false;
    if (this.lines.length >= this.maxResults) return this.stopFor('results');
    const line = `${match.displayPath}:${match.line}: ${this.shown(match.text, match.column)}`;
    if (this.chars + line.length + 1 > this.limits.maxSearchChars) return this.stopFor('chars');
    this.lines.push(line);
    this.files.add(match.displayPath);
    this.chars += line.length + 1;
    if (this.lines.length >= this.maxResults) return this.stopFor('results');
    return true;
  }

  /** Records that the search stopped at a cap (the first reason wins); returns false for `return collector.stopFor(…)`. */
  stopFor(reason: SearchStop): false {
    this.stop ??= reason;
    return false;
  }

  /** The text for the model, with the note for the user when a cap was reached. `skipped`: files too large to search. */
  result(skipped = 0): ToolOutcome {
    const { query, isRegex, glob } = this.input;
    const how = [
      isRegex === true ? 'regular expression' : 'plain text',
      isCaseSensitive(this.input) ? 'case-sensitive' : 'case-insensitive',
    ];
    if (glob !== undefined) how.push(`files matching ${glob}`);
    const count = this.lines.length;
    const header =
      count === 0
        ? `No matches for ${JSON.stringify(query)} (${how.join(', ')}).`
        : `${count} ${count === 1 ? 'match' : 'matches'} in ${this.files.size} ${this.files.size === 1 ? 'file' : 'files'} for ${JSON.stringify(query)} (${how.join(', ')}):`;
    const notes: string[] = [];
    if (this.stop !== undefined)
      notes.push(`[${this.stopText(this.stop)}: there may be more; narrow the search with glob or a more specific query]`);
    if (skipped > 0)
      notes.push(`[${skipped} ${skipped === 1 ? 'file' : 'files'} over ${Math.round(this.limits.maxFileBytes / 1024)} KB not searched]`);
    const outcome: ToolOutcome = { content: [header, ...this.lines, ...notes].join('\n'), isError: false };
    if (this.stop !== undefined) outcome.note = this.stopNote(this.stop);
    return outcome;
  }

  /** A long line cut to `maxLineChars` around its first match, with "…" where it was cut; blanks at the ends dropped. */
  private shown(text: string, column: number): string {
    const trimmedStart = text.length - text.trimStart().length;
    const line = text.trim();
    const max = Math.max(20, this.limits.maxLineChars);
    if (line.length <= max) return line;
    const at = Math.max(0, column - trimmedStart);
    const start = Math.max(0, Math.min(at - Math.floor(max / 3), line.length - max));
    const end = start + max;
    return `${start > 0 ? '…' : ''}${line.slice(start, end)}${end < line.length ? '…' : ''}`;
  }

  private stopText(reason: SearchStop): string {
    switch (reason) {
      case 'results':
        return `stopped at ${this.maxResults} matches (maxResults)`;
      case 'chars':
        return `stopped at ${this.limits.maxSearchChars} characters of results`;
      case 'bytes':
        return `stopped after reading ${megabytes(this.limits.maxSearchBytes)} MB`;
      case 'walk':
        return `stopped after looking at ${this.limits.maxWalkEntries} files and folders`;
    }
  }

  private stopNote(reason: SearchStop): ContextNote {
    switch (reason) {
      case 'results':
        return toolNote('tool.search.cappedResults', { count: this.maxResults });
      case 'chars':
        return toolNote('tool.search.cappedChars', { count: this.limits.maxSearchChars });
      case 'bytes':
        return toolNote('tool.search.cappedBytes', { size: megabytes(this.limits.maxSearchBytes) });
      case 'walk':
        return toolNote('tool.search.cappedWalk', { count: this.limits.maxWalkEntries });
    }
  }
}

/** Bytes as megabytes with one decimal, at least 0.1 (a limit is never shown as 0). */
function megabytes(bytes: number): number {
  return Math.max(0.1, Number((bytes / (1024 * 1024)).toFixed(1)));
}
