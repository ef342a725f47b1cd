// list_files (issue 17): the workspace's files (or one folder's), recursively, each with its size, as `git status`
// sees them (walkWorkspace.ts: no `.git`, no ignored files, links not followed). At most `maxListed` are named, and
// the walk stops after `maxWalkEntries`; the result says so, with how to narrow it. Files the exclusion matches are
// named with "(excluded)" so the model knows not to ask for them. Never throws but for an abort.
import { promises as fs } from 'node:fs';
import { formatBytes } from '../images/formatBytes';
import type { ListFilesInput } from './listFilesTool';
import { resolveToolPath } from './resolveToolPath';
import { toolError, toolNote } from './toolError';
import { compileToolGlob, type GlobMatcher } from './toolGlob';
import { defaultToolLimits, type ToolRunOptions } from './toolLimits';
import type { ToolOutcome } from './toolTypes';
import type { ToolWorkspace } from './toolWorkspace';
import { displayPathOf } from './toolWorkspace';
import { walkWorkspace, type WalkedEntry, type WalkRoot } from './walkWorkspace';

export async function runListFiles(input: ListFilesInput, workspace: ToolWorkspace, options: ToolRunOptions = {}): Promise<ToolOutcome> {
  const limits = { ...defaultToolLimits, ...options.limits };
  let matches: GlobMatcher | undefined;
  if (input.glob !== undefined) {
    const glob = compileToolGlob(input.glob);
    if (!glob.ok) return toolError('tool.badGlob', { glob: input.glob, detail: glob.error });
    matches = glob.matches;
  }

  let roots: WalkRoot[];
  let where = 'the workspace';
  const folderArgument = input.folder?.trim() ?? '';
  if (folderArgument === '' || folderArgument === '.') {
    if (workspace.folders.length === 0) return toolError('tool.path.noWorkspace');
    roots = workspace.folders.map((folder) => ({ folder, relativePath: '' }));
  } else {
    const resolved = await resolveToolPath(workspace, folderArgument, { allowFolderRoot: true });
    if (!resolved.ok) return resolved.refusal;
    const start = resolved.path;
    try {
      if (!(await fs.stat(start.absolutePath)).isDirectory()) return toolError('tool.path.notFolder', { path: start.displayPath });
    } catch {
      return toolError('tool.path.missing', { path: start.displayPath });
    }
    roots = [{ folder: start.folder, relativePath: start.relativePath }];
    where = start.displayPath;
  }

  const listed: WalkedEntry[] = [];
  let matched = 0;
  const walk = await walkWorkspace(
    roots,
    { exclusion: workspace.exclusion, maxEntries: limits.maxWalkEntries, signal: options.signal },
    (entry) => {
      if (entry.kind === 'folder') return true;
      // A glob with a slash is matched from the workspace folder, and also from the folder listed (`folder: src`,
      // `glob: components/*.ts`).
      if (matches !== undefined && !matches(entry.relativePath) && !matchesFrom(matches, entry.relativePath, roots)) return true;
      matched++;
      if (listed.length < limits.maxListed) listed.push(entry);
      return true;
    },
  );

  listed.sort((a, b) => compare(displayPathOf(workspace, a.folder, a.relativePath), displayPathOf(workspace, b.folder, b.relativePath)));
  const sizes = await sizesOf(listed, options.signal);
  const lines = listed.map((entry, index) => {
    const shown = displayPathOf(workspace, entry.folder, entry.relativePath);
    if (entry.excluded) return `${shown} (excluded: switchboard.context.exclude)`;
    if (entry.kind === 'link') return `${shown} (link, not followed)`;
    const size = sizes[index];
    return size !== undefined ? `${shown} (${formatBytes(size)})` : shown;
  });
  const filter = input.glob !== undefined ? ` matching ${input.glob}` : '';
  const counted = walk.capped ? `at least ${matched}` : String(matched);
  const header =
    matched === 0
      ? `No files in ${where}${filter}.`
      : `${counted} ${matched === 1 ? 'file' : 'files'} in ${where}${filter}${listed.length < matched ? `; the first ${listed.length} by path` : ''}:`;
  const notes: string[] = [];
  if (listed.length < matched) notes.push(`[only ${listed.length} files are listed: narrow it with folder or glob]`);
  if (walk.capped) notes.push(`[the walk stopped after looking at ${limits.maxWalkEntries} entries: narrow it with folder or glob]`);
  const content = [header, ...lines, ...notes].join('\n');
  const outcome: ToolOutcome = { content, isError: false };
  if (walk.capped) outcome.note = toolNote('tool.list.walkCapped', { count: limits.maxWalkEntries });
  else if (listed.length < matched) outcome.note = toolNote('tool.list.capped', { count: listed.length, total: matched });
  return outcome;
}

/** Whether the glob matches the path as seen from one of the roots (a folder listed). */
function matchesFrom(matches: GlobMatcher, relativePath: string, roots: readonly WalkRoot[]): boolean {
  for (const root of roots) {
    if (
      root.relativePath !== '' &&
      relativePath.startsWith(`${root.relativePath}/`) &&
      matches(relativePath.slice(root.relativePath.length + 1))
    )
      return true;
  }
  return false;
}

/** Each listed file's size (undefined for a link, an excluded file, or one gone meanwhile), a few at a time. */
async function sizesOf(entries: readonly WalkedEntry[], signal: AbortSignal | undefined): Promise<Array<number | undefined>> {
  const sizes: Array<number | undefined> = [];
  const batch = 64;
  for (let start = 0; start < entries.length; start += batch) {
    signal?.throwIfAborted();
    const slice = entries.slice(start, start + batch);
    sizes.push(
      ...(await Promise.all(
        slice.map(async (entry) => {
          if (entry.kind !== 'file' || entry.excluded) return undefined;
          try {
            return (await fs.lstat(entry.absolutePath)).size;
          } catch {
            return undefined;
          }
        }),
      )),
    );
  }
  return sizes;
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
