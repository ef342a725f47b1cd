// Where a path a model gave a tool leads, or why a tool will not go there (issue 17, docs/chat.md "Tools";
// docs/security.md). The rules, each refusal naming the path and the rule:
// - a path is relative to a workspace folder (in a workspace of several, it may start with a folder's name), or
//   absolute inside one; `..` that leaves the folder, and an absolute path outside every folder, are refused;
// - `.git` and what is inside it are refused (tools never read or change git's own files);
// - a path `switchboard.context.exclude` matches (`.env` by default) is refused before anything touches the disk;
// - a link is followed only to check where it leads: a target outside the workspace folders, in `.git`, or excluded,
//   is refused (`realpath` of the path, or of its nearest existing folder for a file still to be created).
import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import { toolError } from './toolError';
import type { ToolOutcome } from './toolTypes';
import type { ToolFolder, ToolPlace, ToolWorkspace } from './toolWorkspace';
import { displayPathOf, isInGitFolder, isInside, placeOf, toPosix } from './toolWorkspace';

export interface ToolPath extends ToolPlace {
  /** The absolute path (of the link itself, when it is one: its target was checked). */
  absolutePath: string;
  /** Whether something is there (lstat). */
  exists: boolean;
}

export type ToolPathResolution = { ok: true; path: ToolPath } | { ok: false; refusal: ToolOutcome };

export interface ResolveToolPathOptions {
  /** An empty path (or `.`, or a folder's name in a multi-root workspace) names a workspace folder itself. */
  allowFolderRoot?: boolean;
}

/** How much of a refused path its message repeats. */
const shownPathLength = 200;

export async function resolveToolPath(
  workspace: ToolWorkspace,
  requested: string,
  options: ResolveToolPathOptions = {},
): Promise<ToolPathResolution> {
  const folders = workspace.folders;
  const shown = requested.length > shownPathLength ? `${requested.slice(0, shownPathLength - 1)}…` : requested;
  if (folders.length === 0) return refuse('tool.path.noWorkspace', {});
  const trimmed = requested.trim();
  if (trimmed.includes('\u0000')) return refuse('tool.path.invalid', { path: shown });

  let candidates: Array<{ folder: ToolFolder; absolutePath: string }>;
  if (path.isAbsolute(trimmed)) {
    const place = placeOf(workspace, path.resolve(trimmed));
    if (place === undefined) return refuse('tool.path.outside', { path: shown });
    candidates = [{ folder: place.folder, absolutePath: path.resolve(trimmed) }];
  } else {
    const posix = trimmed.replace(/\\/g, '/');
    const first = posix.split('/')[0] ?? '';
    const named = folders.length > 1 ? folders.find((folder) => folder.name === first) : undefined;
    const tries =
      named !== undefined
        ? [{ folder: named, rest: posix.slice(first.length).replace(/^\/+/, '') }]
        : folders.map((folder) => ({ folder, rest: posix }));
    candidates = [];
    for (const { folder, rest } of tries) {
      const absolutePath = path.resolve(folder.path, rest);
      if (isInside(folder.path, absolutePath)) candidates.push({ folder, absolutePath });
    }
    if (candidates.length === 0) return refuse('tool.path.escapes', { path: shown });
  }

  // The rules on the path as written, before anything touches the disk.
  const places = candidates.map(({ folder, absolutePath }) => {
    const relativePath = toPosix(path.relative(folder.path, absolutePath));
    return { folder, absolutePath, relativePath, displayPath: displayPathOf(workspace, folder, relativePath) };
  });
  for (const place of places) {
    if (place.relativePath === '' && options.allowFolderRoot !== true) return refuse('tool.path.empty', {});
    if (isInGitFolder(place.relativePath)) return refuse('tool.path.git', { path: shown });
    if (workspace.exclusion.isExcluded(place.relativePath)) return refuse('tool.path.excluded', { path: shown });
  }

  // Of several folders, the first where the path exists; else the first.
  let chosen = places[0];
  let exists = false;
  for (const place of places) {
    if (await existsAt(place.absolutePath)) {
      chosen = place;
      exists = true;
      break;
    }
  }
  if (chosen === undefined) return refuse('tool.path.escapes', { path: shown });

  // Where it really leads, through any link on the way.
  const real = await realPathOf(chosen.absolutePath);
  if (real === undefined) return refuse('tool.path.linkLoop', { path: shown });
  if (real !== chosen.absolutePath) {
    const realFolders = await Promise.all(
      folders.map(async (folder) => ({ ...folder, path: (await realPathOf(folder.path)) ?? folder.path })),
    );
    const target = placeOf({ ...workspace, folders: realFolders }, real);
    if (target === undefined) return refuse('tool.path.linkOutside', { path: shown });
    if (isInGitFolder(target.relativePath)) return refuse('tool.path.linkToGit', { path: shown, target: target.displayPath });
    if (workspace.exclusion.isExcluded(target.relativePath))
      return refuse('tool.path.linkExcluded', { path: shown, target: target.displayPath });
  }
  return {
    ok: true,
    path: {
      folder: chosen.folder,
      relativePath: chosen.relativePath,
      displayPath: chosen.displayPath,
      absolutePath: chosen.absolutePath,
      exists,
    },
  };
}

function refuse(id: Parameters<typeof toolError>[0], params: Record<string, string>): ToolPathResolution {
  return { ok: false, refusal: toolError(id, params) };
}

async function existsAt(absolutePath: string): Promise<boolean> {
  try {
    await fs.lstat(absolutePath);
    return true;
  } catch {
    return false;
  }
}

/** Links followed at most (the kernel's own limit is about as many); more is a loop. */
const maxLinks = 40;

/**
 * The real path of `absolutePath`: links resolved, also a link whose target does not exist (`realpath` fails on it,
 * but a file created there would land at the target); for a path not there yet, its nearest existing ancestor's
 * real path with the rest appended. Undefined for a loop of links.
 */
async function realPathOf(absolutePath: string, links = 0): Promise<string | undefined> {
  if (links > maxLinks) return undefined;
  try {
    return await fs.realpath(absolutePath);
  } catch {
    // Not there, or a link that leads nowhere (or round).
  }
  try {
    const stat = await fs.lstat(absolutePath);
    if (!stat.isSymbolicLink()) return absolutePath;
    const target = await fs.readlink(absolutePath);
    return await realPathOf(path.resolve(path.dirname(absolutePath), target), links + 1);
  } catch {
    // Nothing there: its parent decides.
  }
  const parent = path.dirname(absolutePath);
  if (parent === absolutePath) return absolutePath;
  const realParent = await realPathOf(parent, links);
  return realParent === undefined ? undefined : path.join(realParent, path.basename(absolutePath));
}
