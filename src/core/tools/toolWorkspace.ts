// The workspace as the tools see it (issue 17): its folders on disk and the exclusion rules. Nothing outside the
// folders is ever read (resolveToolPath.ts), and nothing `switchboard.context.exclude` matches.
import * as path from 'node:path';
import type { ContextExclusion } from '../context/contextExclusion';

export interface ToolFolder {
  /** The workspace folder's name (what a path in a multi-root workspace starts with). */
  name: string;
  /** Its absolute file system path. */
  path: string;
}

export interface ToolWorkspace {
  /** The workspace folders, in VS Code's order (the first is where a relative path goes when it exists nowhere). */
  folders: readonly ToolFolder[];
  /** `switchboard.context.exclude` (contextExclusion.ts): matching files are never read, listed as readable or searched. */
  exclusion: ContextExclusion;
}

/** A place in the workspace: its folder, the path inside it, and how the tools write it for the model. */
export interface ToolPlace {
  folder: ToolFolder;
  /** Folder-relative, POSIX separators; '' for the folder itself. */
  relativePath: string;
  /** The relative path, prefixed with the folder's name in a workspace of several folders; `.` for a single root. */
  displayPath: string;
}

export function displayPathOf(workspace: ToolWorkspace, folder: ToolFolder, relativePath: string): string {
  if (workspace.folders.length > 1) return relativePath === '' ? folder.name : `${folder.name}/${relativePath}`;
  return relativePath === '' ? '.' : relativePath;
}

/** Whether `child` is `parent` or inside it (lexically: links are resolved by the caller). */
export function isInside(parent: string, child: string): boolean {
  const relative = path.relative(parent, child);
  return relative === '' || (relative !== '..' && !relative.startsWith(`..${path.sep}`) && !path.isAbsolute(relative));
}

/** The workspace folder an absolute path is in (the deepest, for nested folders), as a ToolPlace; undefined outside. */
export function placeOf(workspace: ToolWorkspace, absolutePath: string): ToolPlace | undefined {
  let best: ToolFolder | undefined;
  for (const folder of workspace.folders) {
    if (isInside(folder.path, absolutePath) && (best === undefined || folder.path.length > best.path.length)) best = folder;
  }
  if (best === undefined) return undefined;
  const relativePath = toPosix(path.relative(best.path, absolutePath));
  return { folder: best, relativePath, displayPath: displayPathOf(workspace, best, relativePath) };
}

/** Whether a folder-relative path is `.git` or inside it (any depth, any case: `.GIT` is the same folder on Windows). */
export function isInGitFolder(relativePath: string): boolean {
  return relativePath.split('/').some((segment) => segment.toLowerCase() === '.git');
}

export function toPosix(relativePath: string): string {
  return relativePath.split(path.sep).join('/');
}
