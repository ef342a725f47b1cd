// Writes a file so that a reader (or the next start after a crash or power cut) sees either the old content or the
// new one, never a half-written file: write a temporary file next to the target, fsync it, rename it over the
// target (atomic within one directory on POSIX and NTFS), then fsync the directory so the rename itself is durable.
import { randomBytes } from 'node:crypto';
import { promises as fs } from 'node:fs';
import * as path from 'node:path';

/** Temporary files are `.<target name>.<random>.tmp`: hidden, and never mistaken for the target. */
export function isTempFileName(name: string): boolean {
  return name.startsWith('.') && name.endsWith('.tmp');
}

export interface AtomicWriteOptions {
  /**
   * Runs once the temporary file is complete, just before it replaces the target; throwing cancels the write (the
   * temporary file is removed, the target left as it is). The conversation store checks here that no other window
   * replaced the file meanwhile.
   */
  beforeRename?: (temp: string) => Promise<void>;
}

export async function atomicWriteFile(target: string, data: string | Uint8Array, options: AtomicWriteOptions = {}): Promise<void> {
  const directory = path.dirname(target);
  const temp = path.join(directory, `.${path.basename(target)}.${randomBytes(6).toString('hex')}.tmp`);
  let handle: fs.FileHandle | undefined;
  try {
    // 0o600: conversations hold the user's code and questions; other accounts on the machine need not read them.
    handle = await fs.open(temp, 'wx', 0o600);
    await handle.writeFile(data);
    await handle.sync();
    await handle.close();
    handle = undefined;
    await options.beforeRename?.(temp);
    await renameOver(temp, target);
  } catch (error) {
    await handle?.close().catch(() => undefined);
    await fs.rm(temp, { force: true }).catch(() => undefined);
    throw error;
  }
  await syncDirectory(directory);
}

/**
 * On Windows a rename over a file that another process (an indexer, an antivirus, a second VS Code window reading
 * it) holds open fails for a moment with EPERM/EACCES/EBUSY; a few short retries ride that out.
 */
async function renameOver(from: string, to: string): Promise<void> {
  for (let attempt = 0; ; attempt++) {
    try {
      await fs.rename(from, to);
      return;
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      if (attempt >= 5 || (code !== 'EPERM' && code !== 'EACCES' && code !== 'EBUSY')) throw error;
      await new Promise((resolve) => setTimeout(resolve, 20 * 2 ** attempt));
    }
  }
}

/** Best effort: directories cannot be opened for fsync on Windows, where NTFS journals the rename anyway. */
async function syncDirectory(directory: string): Promise<void> {
  let handle: fs.FileHandle | undefined;
  try {
    handle = await fs.open(directory, 'r');
    await handle.sync();
  } catch {
    // Not supported here; the data itself is already synced.
  } finally {
    await handle?.close().catch(() => undefined);
  }
}
