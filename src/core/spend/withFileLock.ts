// A lock file for writes that two VS Code windows may make to the same file at once (the spend ledger's month files,
// docs/spend.md "Ledger and files"): created exclusively, removed after. The atomic rename alone could let two writes
// that read the same old text both land, the second dropping the first one's entries; the lock orders them. A lock
// left by a window that crashed is taken over, and a write never waits for it for long.
import { promises as fs } from 'node:fs';

/** A lock older than this was left by a window that crashed or hung mid-write (a write takes milliseconds). */
const staleLockMs = 10_000;
/** How long a write waits for another window's lock before it goes ahead without (its rename check still holds). */
const lockWaitMs = 3_000;

/** Runs `task` holding `lockFile` (created exclusively, removed after). */
export async function withFileLock<T>(lockFile: string, log: (message: string) => void, task: () => Promise<T>): Promise<T> {
  const started = Date.now();
  let held = false;
  while (!held) {
    try {
      await (await fs.open(lockFile, 'wx')).close();
      held = true;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      const stat = await fs.stat(lockFile).catch(() => undefined);
      if (stat !== undefined && Date.now() - stat.mtimeMs > staleLockMs) {
        log(`Spend: took over ${lockFile}, left by a window that stopped mid-write.`);
        await fs.rm(lockFile, { force: true });
        continue;
      }
      if (Date.now() - started > lockWaitMs) {
        log(`Spend: ${lockFile} is still held after ${lockWaitMs} ms; writing without it.`);
        break;
      }
      await new Promise((resolve) => setTimeout(resolve, 10 + Math.random() * 20));
    }
  }
  try {
    return await task();
  } finally {
    if (held) await fs.rm(lockFile, { force: true }).catch(() => undefined);
  }
}
