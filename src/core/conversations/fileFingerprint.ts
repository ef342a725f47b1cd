// How the conversation store tells that another window replaced a file since this one read or wrote it, from one
// stat. Every atomic write renames a new file over the old one, so the file's identity (device and inode) changes
// with each write; size and nanosecond mtime are there for file systems that report no inode (0).
import { promises as fs, type BigIntStats } from 'node:fs';

export interface FileFingerprint {
  /** Equal strings: the same file, unchanged. */
  key: string;
  /** False when the file system gives no inode: then an equal key does not prove the file unchanged. */
  reliable: boolean;
}

/** Undefined when there is no such file. */
export async function fileFingerprint(file: string): Promise<FileFingerprint | undefined> {
  try {
    return fingerprintOf(await fs.stat(file, { bigint: true }));
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw error;
  }
}

/** From a stat taken with `{ bigint: true }` (on an open handle, so that it describes the bytes read from it). */
export function fingerprintOf(stat: BigIntStats): FileFingerprint {
  return { key: `${stat.dev}:${stat.ino}:${stat.size}:${stat.mtimeNs}`, reliable: stat.ino !== 0n };
}

/** Both absent, or the same file unchanged as far as a stat can tell. */
export function sameFingerprint(a: FileFingerprint | undefined, b: FileFingerprint | undefined): boolean {
  return a === undefined || b === undefined ? a === b : a.key === b.key;
}
