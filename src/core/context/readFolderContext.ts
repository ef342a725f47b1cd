// A folder the user pointed at (`@folder`, Add to Chat) as one context item (docs/chat.md, "Workspace context"): a tree
// listing, then the contents of the files that fit in `maxChars`, smallest first, each under a header in its own fenced
// block; the rest are marked in the listing with why they are not included.
//
// The walk is breadth-first with lstat semantics (opendir's entries): a symbolic link is listed as `name -> (link)` and
// never followed, so a link loop cannot make it go round; it stops after `maxFolderEntries` entries, so a folder of
// 100,000 files costs a bounded amount of work. Entries git ignores are left out, as `git status` does (unless the
// folder itself is ignored: then the user asked for it by name); `.git` is never listed. Entries matching
// `switchboard.context.exclude` are listed as `(excluded)` so the model knows they exist, and never opened. Never
// throws but for an abort.
import type { Dirent } from 'node:fs';
import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import { fencedBlock } from '../conversations/markdownFence';
import type { ContextItem, ContextNote } from '../conversations/messagePart';
import { contextHeader } from '../conversations/renderContextItem';
import { truncateToBudget } from '../prompts/truncateToBudget';
import type { GitignoreFilter } from './gitignoreFilter';
import { languageOfPath } from './languageOfPath';
import { nameOf, type ReadContextOptions } from './readFileContext';
import { contextNote, fileErrorProblem, fileProblemNote, readTextFile, type FileProblem } from './readTextFile';

export interface FolderToRead {
  absolutePath: string;
  /** Workspace-relative, POSIX separators ('' for a workspace folder's root). */
  relativePath: string;
  /** What the chip shows; the folder's name by default. */
  label?: string;
}

export interface ReadFolderOptions extends ReadContextOptions {
  /** The workspace's .gitignore rules (createGitignoreFilter), over the same relative paths. */
  ignore?: GitignoreFilter;
}

interface FolderNode {
  type: 'folder';
  name: string;
  relativePath: string;
  absolutePath: string;
  children: TreeNode[];
  /** Set when the walk stopped before looking inside. */
  notListed?: boolean;
  /** Set when the walk stopped in the middle of it. */
  partlyListed?: boolean;
  unreadable?: boolean;
}

interface FileNode {
  type: 'file';
  name: string;
  relativePath: string;
  absolutePath: string;
  size: number;
  /** Why its text is not in the item; undefined when it is. */
  mark?: string;
}

interface OtherNode {
  type: 'excluded' | 'link' | 'other';
  name: string;
}

type TreeNode = FolderNode | FileNode | OtherNode;

/** What a file not included is marked with in the listing. The longest is what the budget reserves per file. */
const marks = {
  notIncluded: ' (not included)',
  binary: ' (binary)',
  notUtf8: ' (not UTF-8)',
  tooLarge: ' (too large)',
  missing: ' (missing)',
  notAFile: ' (not a file)',
  unreadable: ' (unreadable)',
} as const;
const longestMark = Math.max(...Object.values(marks).map((mark) => mark.length));
const blockSeparator = '\n\n';
/** Files read at the same time while filling the budget. */
const readBatch = 16;

export async function readFolderContext(folder: FolderToRead, options: ReadFolderOptions): Promise<ContextItem> {
  const { exclusion, limits, signal } = options;
  signal?.throwIfAborted();
  const rootRelative = normalize(folder.relativePath);
  const label = folder.label ?? nameOf(rootRelative, folder.absolutePath);
  const item: ContextItem = { kind: 'folder', label, path: folder.relativePath, text: '' };
  if (rootRelative !== '' && exclusion.isExcluded(rootRelative)) return { ...item, note: contextNote('context.excluded', { name: label }) };
  try {
    // The folder itself may be a link the user picked; what is inside it is never followed.
    const stat = await fs.stat(folder.absolutePath);
    if (!stat.isDirectory()) return { ...item, note: contextNote('context.notAFolder', { name: label }) };
  } catch (error) {
    if (signal?.aborted === true) throw signal.reason;
    return { ...item, note: fileProblemNote(fileErrorProblem(error), label, limits) };
  }

  const ignore =
    options.ignore !== undefined && !(rootRelative !== '' && options.ignore.ignores(rootRelative, true)) ? options.ignore : undefined;
  const walk = await walkFolder(folder.absolutePath, rootRelative, label, { ...options, ignore });
  const files = walk.files;
  const excludedFiles = walk.excludedFiles;
  const total = files.length + excludedFiles;

  // The listing is written last (it shows which files were left out), so its room is reserved first, as if every
  // file carried the longest mark.
  const widest = fencedBlock(renderTree(walk.root, () => ' '.repeat(longestMark)));
  let budget = limits.maxChars - widest.length;
  const blocks: string[] = [];
  let read = 0;
  let cutForBudget = false;
  if (budget < 0) {
    // Not even the listing fits: it is cut below, and no file is read.
    cutForBudget = files.length > 0;
  } else {
    const candidates: FileNode[] = [];
    for (const file of [...files].sort((a, b) => a.size - b.size || compareNames(a.relativePath, b.relativePath))) {
      if (file.mark !== undefined) continue;
      if (file.size > limits.maxFileBytes) file.mark = marks.tooLarge;
      else candidates.push(file);
    }
    // A UTF-8 byte is at least a third of a UTF-16 unit: a file whose bytes cannot fit is not opened, nor any larger one.
    const cannotFit = (file: FileNode): boolean => Math.ceil((file.size - 3) / 3) > budget;
    let next = 0;
    while (next < candidates.length) {
      signal?.throwIfAborted();
      // A few files are read at once (each read is several system calls); they are still taken in order of size.
      const batch: FileNode[] = [];
      while (next < candidates.length && batch.length < readBatch && !cannotFit(candidates[next] as FileNode))
        batch.push(candidates[next++] as FileNode);
      if (batch.length === 0) break;
      const texts = await Promise.all(batch.map((file) => readTextFile(file.absolutePath, { maxFileBytes: limits.maxFileBytes, signal })));
      batch.forEach((file, index) => {
        const text = texts[index];
        if (text === undefined || !('text' in text)) {
          file.mark = text === undefined ? marks.unreadable : problemMark(text);
          return;
        }
        const language = languageOfPath(file.name);
        const header = contextHeader({ kind: 'file', label: file.relativePath, ...(language !== undefined ? { language } : {}), text: '' });
        const block = `${header}\n${fencedBlock(text.text, language)}`;
        if (block.length + blockSeparator.length > budget) {
          file.mark = marks.notIncluded;
          cutForBudget = true;
          return;
        }
        budget -= block.length + blockSeparator.length;
        blocks.push(block);
        read++;
      });
    }
    for (const file of candidates.slice(next)) {
      file.mark = marks.notIncluded;
      cutForBudget = true;
    }
  }

  let listing = renderTree(walk.root, (file) => file.mark ?? '');
  let listingCut = false;
  if (fencedBlock(listing).length > limits.maxChars) {
    // Even the listing does not fit: its first lines, then.
    const fenceCost = fencedBlock(listing).length - listing.length;
    const cut = truncateToBudget(listing, Math.max(0, limits.maxChars - fenceCost - 1));
    listing = cut.text;
    listingCut = cut.truncated;
  }
  const text = [fencedBlock(listing), ...blocks].join(blockSeparator);
  const note = folderNote(label, { capped: walk.capped, count: limits.maxFolderEntries, read, total });
  return {
    ...item,
    text,
    ...(cutForBudget || listingCut ? { truncated: true } : {}),
    ...(note !== undefined ? { note } : {}),
  };
}

function folderNote(name: string, figures: { capped: boolean; count: number; read: number; total: number }): ContextNote | undefined {
  const { capped, count, read, total } = figures;
  if (capped) return contextNote('context.folderCapped', { name, count, read, total });
  if (read < total) return contextNote('context.folderPartial', { name, read, total });
  return undefined;
}

function problemMark(problem: FileProblem): string {
  return marks[problem.problem];
}

interface Walk {
  root: FolderNode;
  files: FileNode[];
  excludedFiles: number;
  capped: boolean;
}

async function walkFolder(
  absolutePath: string,
  relativePath: string,
  name: string,
  options: ReadContextOptions & { ignore: GitignoreFilter | undefined },
): Promise<Walk> {
  const { exclusion, ignore, limits, signal } = options;
  const root: FolderNode = { type: 'folder', name, relativePath, absolutePath, children: [] };
  const files: FileNode[] = [];
  let excludedFiles = 0;
  let scanned = 0;
  let capped = false;
  const queue: FolderNode[] = [root];
  let next = 0;
  while (next < queue.length && !capped) {
    const folder = queue[next++];
    if (folder === undefined) break;
    signal?.throwIfAborted();
    const entries: Dirent[] = [];
    try {
      const dir = await fs.opendir(folder.absolutePath);
      // for-await closes the directory on break and on error.
      for await (const entry of dir) {
        if (scanned >= limits.maxFolderEntries) {
          capped = true;
          if (entries.length === 0) folder.notListed = true;
          else folder.partlyListed = true;
          break;
        }
        scanned++;
        entries.push(entry);
        if (scanned % 256 === 0) signal?.throwIfAborted();
      }
    } catch {
      if (signal?.aborted === true) throw signal.reason;
      folder.unreadable = true;
    }
    entries.sort((a, b) => compareNames(a.name, b.name));
    const found: FileNode[] = [];
    for (const entry of entries) {
      const childRelative = folder.relativePath === '' ? entry.name : `${folder.relativePath}/${entry.name}`;
      const childAbsolute = path.join(folder.absolutePath, entry.name);
      const kind = await entryKind(entry, childAbsolute);
      if (kind === 'folder' && entry.name === '.git') continue;
      if (exclusion.isExcluded(childRelative)) {
        folder.children.push({ type: 'excluded', name: entry.name });
        if (kind !== 'folder') excludedFiles++;
        continue;
      }
      if (kind === 'link') {
        folder.children.push({ type: 'link', name: entry.name });
      } else if (kind === 'folder') {
        if (ignore?.ignores(childRelative, true) === true) continue;
        const child: FolderNode = {
          type: 'folder',
          name: entry.name,
          relativePath: childRelative,
          absolutePath: childAbsolute,
          children: [],
        };
        folder.children.push(child);
        queue.push(child);
      } else if (kind === 'file') {
        if (ignore?.ignores(childRelative, false) === true) continue;
        const file: FileNode = { type: 'file', name: entry.name, relativePath: childRelative, absolutePath: childAbsolute, size: 0 };
        folder.children.push(file);
        found.push(file);
      } else {
        folder.children.push({ type: 'other', name: entry.name });
      }
    }
    await sizeFiles(found, signal);
    files.push(...found);
  }
  for (const folder of queue.slice(next)) folder.notListed = true;
  return { root, files, excludedFiles, capped };
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

/** Each file's size from lstat, a few at a time; a file that cannot be looked at is marked so and never read. */
async function sizeFiles(files: FileNode[], signal: AbortSignal | undefined): Promise<void> {
  const batch = 64;
  for (let start = 0; start < files.length; start += batch) {
    signal?.throwIfAborted();
    await Promise.all(
      files.slice(start, start + batch).map(async (file) => {
        try {
          file.size = (await fs.lstat(file.absolutePath)).size;
        } catch (error) {
          file.mark = problemMark(fileErrorProblem(error));
        }
      }),
    );
  }
}

/** The listing: the folder's name, then one line per entry, two spaces deeper per level, folders first. */
function renderTree(root: FolderNode, fileMark: (file: FileNode) => string): string {
  const lines: string[] = [`${oneLine(root.name)}/${folderMark(root)}`];
  const visit = (folder: FolderNode, depth: number): void => {
    const indent = '  '.repeat(depth);
    const children = [...folder.children].sort(
      (a, b) => Number(b.type === 'folder') - Number(a.type === 'folder') || compareNames(a.name, b.name),
    );
    for (const child of children) {
      const name = oneLine(child.name);
      switch (child.type) {
        case 'folder':
          lines.push(`${indent}${name}/${folderMark(child)}`);
          visit(child, depth + 1);
          break;
        case 'file':
          lines.push(`${indent}${name}${fileMark(child)}`);
          break;
        case 'excluded':
          lines.push(`${indent}${name} (excluded)`);
          break;
        case 'link':
          lines.push(`${indent}${name} -> (link)`);
          break;
        case 'other':
          lines.push(`${indent}${name}${marks.notAFile}`);
          break;
      }
    }
  };
  visit(root, 1);
  return lines.join('\n');
}

function folderMark(folder: FolderNode): string {
  if (folder.notListed === true) return ' (not listed)';
  if (folder.partlyListed === true) return ' (partly listed)';
  return folder.unreadable === true ? marks.unreadable : '';
}

function compareNames(a: string, b: string): number {
  const lowerA = a.toLowerCase();
  const lowerB = b.toLowerCase();
  if (lowerA !== lowerB) return lowerA < lowerB ? -1 : 1;
  return a < b ? -1 : a > b ? 1 : 0;
}

function oneLine(text: string): string {
  return text.replace(/[\r\n]+/g, ' ');
}

function normalize(relativePath: string): string {
  const path = relativePath
    .replace(/\\/g, '/')
    .replace(/^(?:\.\/)+/, '')
    .replace(/\/+$/, '');
  return path === '.' ? '' : path;
}
