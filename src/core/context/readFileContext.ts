// A file the user pointed at (`@file`, Add to Chat, a drag) as a context item, read when the message is sent (docs/chat.md,
// "Workspace context"). Never throws but for an abort: an excluded, missing, binary, non-UTF-8, too large or unreadable
// file gives an item with no text and a note saying why, and the message can still be sent. An excluded file is never
// opened or even `stat`ed: the check is on its path, before anything touches the disk.
import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import type { ContextItem } from '../conversations/messagePart';
import { truncateToBudget } from '../prompts/truncateToBudget';
import type { ContextExclusion } from './contextExclusion';
import type { ContextReadLimits } from './contextLimits';
import { languageOfPath } from './languageOfPath';
import { contextNote, fileErrorProblem, fileProblemNote, readTextFile } from './readTextFile';

export interface FileToRead {
  absolutePath: string;
  /** Workspace-relative, POSIX separators: what the exclusion patterns are matched against, and the item's `path`. */
  relativePath: string;
  /** What the chip shows; the file's name by default. */
  label?: string;
  /** VS Code's language id; guessed from the extension by default. */
  language?: string;
}

export interface ReadContextOptions {
  exclusion: ContextExclusion;
  limits: ContextReadLimits;
  signal?: AbortSignal;
}

export async function readFileContext(file: FileToRead, options: ReadContextOptions): Promise<ContextItem> {
  const { exclusion, limits, signal } = options;
  signal?.throwIfAborted();
  const label = file.label ?? nameOf(file.relativePath, file.absolutePath);
  const language = file.language ?? languageOfPath(file.relativePath);
  const item: ContextItem = { kind: 'file', label, path: file.relativePath, ...(language !== undefined ? { language } : {}), text: '' };
  if (exclusion.isExcluded(file.relativePath)) return { ...item, note: contextNote('context.excluded', { name: label }) };
  try {
    // A link is read as its target, so the target's own name is checked too: `notes.txt -> ~/.ssh/id_rsa` stays unread.
    const link = await fs.lstat(file.absolutePath);
    if (link.isSymbolicLink()) {
      const target = await fs.realpath(file.absolutePath);
      if (exclusion.isExcluded(path.basename(target))) return { ...item, note: contextNote('context.excluded', { name: label }) };
    }
  } catch (error) {
    if (signal?.aborted === true) throw signal.reason;
    return { ...item, note: fileProblemNote(fileErrorProblem(error), label, limits) };
  }
  const read = await readTextFile(file.absolutePath, { maxFileBytes: limits.maxFileBytes, signal });
  if (!('text' in read)) return { ...item, note: fileProblemNote(read, label, limits) };
  const cut = truncateToBudget(read.text, limits.maxChars);
  return { ...item, text: cut.text, ...(cut.truncated ? { truncated: true } : {}) };
}

/** The last segment of the relative path (or of the absolute one, for a workspace root). */
export function nameOf(relativePath: string, absolutePath: string): string {
  const fromRelative = relativePath.replace(/\\/g, '/').replace(/\/+$/, '').split('/').pop();
  if (fromRelative !== undefined && fromRelative !== '' && fromRelative !== '.') return fromRelative;
  return path.basename(absolutePath) || absolutePath;
}
