// The walk behind list_files and the plain search (issue 17): breadth-first over workspace folders, as `git status`
// sees them. `.git` is never entered; what .gitignore ignores is left out (each .gitignore applies from its folder
// down, read as the walk reaches it, with the root's `.git/info/exclude`; gitignoreFilter.ts; unless the walk starts
// in an ignored folder, which was then asked for by name); links are reported,
// never followed (a link loop cannot make it go round); it stops after `maxEntries` entries, so a folder of a
// million files costs a bounded amount of work. Files `switchboard.context.exclude` matches are reported as
// excluded (so a listing can say they exist) and folders it matches are not entered.
import type { Dirent } from 'node:fs';
import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import type { ContextExclusion } from '../context/contextExclusion';
import { createGitignoreFilter, type GitignoreFilter } from '../context/gitignoreFilter';
import { readTextFile } from '../context/readTextFile';
import type { ToolFolder } from './toolWorkspace';

export interface WalkRoot {
  folder: ToolFolder;
  /**
   * Where the walk starts, folder-relative POSIX ('' for the folder itself). A start folder .gitignore ignores is
   * walked without the .gitignore rules: it was asked for by name.
   */
  relativePath: string;
}

export interface WalkedEntry {
  folder: ToolFolder;
  /** Folder-relative, POSIX separators. */
  relativePath: string;
  absolutePath: string;
  /** A regular file, a symbolic link (not followed), or a folder the exclusion matches (not entered). */
  kind: 'file' | 'link' | 'folder';
  /** `switchboard.context.exclude` matches it: never to be read. */
  excluded: boolean;
}

export interface WalkOptions {
  exclusion: ContextExclusion;
  /** Entries looked at (of every kind, at every depth, over all roots) before the walk stops. */
  maxEntries: number;
  signal?: AbortSignal | undefined;
}

export interface WalkSummary {
  /** It stopped at `maxEntries` before seeing everything. */
  capped: boolean;
  /** The visitor asked it to stop. */
  stopped: boolean;
  /** Entries looked at. */
  scanned: number;
}

/** The largest .gitignore read. */
const maxGitignoreBytes = 256 * 1024;

/**
 * Calls `visit` for each file, link and excluded folder, in breadth-first order, each folder's entries by name;
 * `visit` returns false to stop the walk. Throws only for an abort.
 */
export async function walkWorkspace(
  roots: readonly WalkRoot[],
  options: WalkOptions,
  visit: (entry: WalkedEntry) => boolean | Promise<boolean>,
): Promise<WalkSummary> {
  const { exclusion, signal } = options;
  const maxEntries = Math.max(0, Math.floor(options.maxEntries));
  let scanned = 0;
  for (const root of roots) {
    let rules: GitignoreRules | undefined = await GitignoreRules.start(root.folder.path, root.relativePath);
    if (root.relativePath !== '' && rules.ignores(root.relativePath, true)) rules = undefined;
    const queue: string[] = [root.relativePath];
    for (let next = 0; next < queue.length; next++) {
      signal?.throwIfAborted();
      const folderRelative = queue[next] ?? '';
      const folderAbsolute = path.join(root.folder.path, ...folderRelative.split('/').filter((segment) => segment !== ''));
      const entries: Dirent[] = [];
      let capped = false;
      try {
        const dir = await fs.opendir(folderAbsolute);
        // for-await closes the directory on break and on error.
        for await (const entry of dir) {
          if (scanned >= maxEntries) {
            capped = true;
            break;
          }
          scanned++;
          entries.push(entry);
          if (scanned % 256 === 0) signal?.throwIfAborted();
        }
      } catch {
        if (signal?.aborted === true) throw signal.reason;
        // An unreadable folder is left out.
      }
      entries.sort((a, b) => compareNames(a.name, b.name));
      if (rules !== undefined && entries.some((entry) => entry.name === '.gitignore' && !entry.isDirectory())) {
        await rules.add(join(folderRelative, '.gitignore'));
      }
      for (const entry of entries) {
        if (entry.name.toLowerCase() === '.git') continue;
        const relativePath = join(folderRelative, entry.name);
        const absolutePath = path.join(folderAbsolute, entry.name);
        const kind = await entryKind(entry, absolutePath);
        if (kind === 'other') continue;
        const excluded = exclusion.isExcluded(relativePath);
        if (!excluded && rules?.ignores(relativePath, kind === 'folder') === true) continue;
        if (kind === 'folder' && !excluded) {
          queue.push(relativePath);
          continue;
        }
        if (!(await visit({ folder: root.folder, relativePath, absolutePath, kind, excluded })))
          return { capped: false, stopped: true, scanned };
      }
      if (capped) return { capped: true, stopped: false, scanned };
    }
  }
  return { capped: false, stopped: false, scanned };
}

/** The .gitignore rules of one workspace folder, growing as the walk finds more .gitignore files. */
class GitignoreRules {
  private readonly texts = new Map<string, Promise<string | undefined>>();
  private filter: GitignoreFilter | undefined;

  private constructor(
    private readonly folderPath: string,
    private readonly files: string[],
  ) {}

  /** The rules of the root and of every folder from it down to `start` (their .gitignore apply below them). */
  static async start(folderPath: string, start: string): Promise<GitignoreRules> {
    const files: string[] = [];
    const segments = start.split('/').filter((segment) => segment !== '');
    for (let depth = 1; depth < segments.length; depth++) files.push(`${segments.slice(0, depth).join('/')}/.gitignore`);
    const rules = new GitignoreRules(folderPath, files);
    await rules.rebuild();
    return rules;
  }

  async add(file: string): Promise<void> {
    if (file === '.gitignore' || this.files.includes(file)) return;
    this.files.push(file);
    await this.rebuild();
  }

  ignores(relativePath: string, isDirectory: boolean): boolean {
    return this.filter?.ignores(relativePath, isDirectory) ?? false;
  }

  private async rebuild(): Promise<void> {
    this.filter = await createGitignoreFilter(this.files, (relative) => {
      let text = this.texts.get(relative);
      if (text === undefined) {
        const absolute = path.join(this.folderPath, ...relative.split('/'));
        text = readTextFile(absolute, { maxFileBytes: maxGitignoreBytes }).then((read) => ('text' in read ? read.text : undefined));
        this.texts.set(relative, text);
      }
      return text;
    });
  }
}

async function entryKind(entry: Dirent, absolutePath: string): Promise<'folder' | 'file' | 'link' | 'other'> {
  if (entry.isSymbolicLink()) return 'link';
  if (entry.isDirectory()) return 'folder';
  if (entry.isFile()) return 'file';
  if (entry.isFIFO() || entry.isSocket() || entry.isBlockDevice() || entry.isCharacterDevice()) return 'other';
  // Some file systems do not say what an entry is; lstat does (and never follows a link).
  try {
    const stat = await fs.lstat(absolutePath);
    return stat.isSymbolicLink() ? 'link' : stat.isDirectory() ? 'folder' : stat.isFile() ? 'file' : 'other';
  } catch {
    return 'other';
  }
}

function join(folder: string, name: string): string {
  return folder === '' ? name : `${folder}/${name}`;
}

function compareNames(a: string, b: string): number {
  const lowerA = a.toLowerCase();
  const lowerB = b.toLowerCase();
  if (lowerA !== lowerB) return lowerA < lowerB ? -1 : 1;
  return a < b ? -1 : a > b ? 1 : 0;
}
