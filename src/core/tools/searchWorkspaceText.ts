// search_text without ripgrep (issue 17): the plain fallback, when the ripgrep VS Code ships cannot be found or run.
// The same files as ripgrep would search (walkWorkspace.ts: .gitignore respected, `.git` and excluded files never
// opened, links not followed; the same glob rules, toolGlob.ts), files over `maxFileBytes` and binary or non-UTF-8
// files skipped, and the same caps (searchResults.ts) plus one on the bytes read in all. A regular expression is
// JavaScript's, which agrees with ripgrep's on everything but look-around and back-references (ripgrep has none);
// only the first 64 KB of a line is tested against it. Never throws but for an abort.
import { promises as fs } from 'node:fs';
import { readTextFile } from '../context/readTextFile';
import { isCaseSensitive, SearchCollector } from './searchResults';
import type { SearchTextInput } from './searchTextTool';
import { toolError } from './toolError';
import { compileToolGlob, type GlobMatcher } from './toolGlob';
import { defaultToolLimits, type ToolRunOptions } from './toolLimits';
import type { ToolOutcome } from './toolTypes';
import type { ToolWorkspace } from './toolWorkspace';
import { displayPathOf } from './toolWorkspace';
import { walkWorkspace } from './walkWorkspace';

/** How much of one line a regular expression is run on. */
const maxRegexLine = 64 * 1024;

/** Where the query first matches in a line, or -1. */
export type LineMatcher = (line: string) => number;

/** The query as a line matcher (plain text or a regular expression; smart case), or why it is not a valid one. */
export function compileQuery(
  input: Pick<SearchTextInput, 'query' | 'isRegex'>,
): { ok: true; find: LineMatcher } | { ok: false; error: string } {
  const caseSensitive = isCaseSensitive(input);
  if (input.isRegex === true) {
    let regex: RegExp;
    try {
      regex = new RegExp(input.query, caseSensitive ? '' : 'i');
    } catch (error) {
      return { ok: false, error: error instanceof Error ? error.message : String(error) };
    }
    return { ok: true, find: (line) => regex.exec(line.length > maxRegexLine ? line.slice(0, maxRegexLine) : line)?.index ?? -1 };
  }
  if (caseSensitive) return { ok: true, find: (line) => line.indexOf(input.query) };
  const lower = input.query.toLowerCase();
  return { ok: true, find: (line) => line.toLowerCase().indexOf(lower) };
}

export async function searchWorkspaceText(
  input: SearchTextInput,
  workspace: ToolWorkspace,
  options: ToolRunOptions = {},
): Promise<ToolOutcome> {
  const limits = { ...defaultToolLimits, ...options.limits };
  const query = compileQuery(input);
  if (!query.ok) return toolError('tool.search.badRegex', { detail: query.error });
  let matches: GlobMatcher | undefined;
  if (input.glob !== undefined) {
    const glob = compileToolGlob(input.glob);
    if (!glob.ok) return toolError('tool.badGlob', { glob: input.glob, detail: glob.error });
    matches = glob.matches;
  }
  if (workspace.folders.length === 0) return toolError('tool.path.noWorkspace');

  const collector = new SearchCollector(input, limits);
  let bytesRead = 0;
  let skipped = 0;
  const walk = await walkWorkspace(
    workspace.folders.map((folder) => ({ folder, relativePath: '' })),
    { exclusion: workspace.exclusion, maxEntries: limits.maxWalkEntries, signal: options.signal },
    async (entry) => {
      if (entry.kind !== 'file' || entry.excluded) return true;
      if (matches !== undefined && !matches(entry.relativePath)) return true;
      let size: number;
      try {
        size = (await fs.stat(entry.absolutePath)).size;
      } catch {
        return true;
      }
      if (size > limits.maxFileBytes) {
        skipped++;
        return true;
      }
      if (bytesRead + size > limits.maxSearchBytes) return collector.stopFor('bytes');
      bytesRead += size;
      const read = await readTextFile(entry.absolutePath, { maxFileBytes: limits.maxFileBytes, signal: options.signal });
      if (!('text' in read)) return true;
      const displayPath = displayPathOf(workspace, entry.folder, entry.relativePath);
      const lines = read.text.split(/\r\n|\r|\n/);
      // A final line break ends the last line; it does not start another.
      if (lines.length > 1 && lines.at(-1) === '') lines.pop();
      for (let index = 0; index < lines.length; index++) {
        const text = lines[index] ?? '';
        const column = query.find(text);
        if (column >= 0 && !collector.add({ displayPath, line: index + 1, text, column })) return false;
      }
      return true;
    },
  );
  if (walk.capped) collector.stopFor('walk');
  return collector.result(skipped);
}
