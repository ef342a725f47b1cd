// Reads one workspace file as text for the chat's context, or says why not (docs/chat.md, "Workspace context"):
// never throws (but for an abort), never hangs and never reads more than `maxFileBytes`. The file is `stat`ed before it
// is opened, so a file that is too large or not a regular file (a FIFO, whose open would wait for a writer forever; a
// device) is never opened; it is opened non-blocking and checked again on the handle, in case it was swapped meanwhile.
import { constants, promises as fs } from 'node:fs';
import type { ContextNote } from '../conversations/messagePart';
import type { ErrorMessageId } from '../errors/errorTemplates';

export type FileProblem =
  | { problem: 'missing' | 'notAFile' | 'binary' | 'notUtf8' }
  | { problem: 'tooLarge'; size: number }
  | { problem: 'unreadable'; detail: string };

export type TextFileRead = { text: string } | FileProblem;

/** How many leading bytes are looked at for a NUL, the sign of a binary file (what git's own check looks at). */
export const binarySniffBytes = 8 * 1024;

const readChunk = 64 * 1024;

export async function readTextFile(
  absolutePath: string,
  options: { maxFileBytes: number; signal?: AbortSignal | undefined },
): Promise<TextFileRead> {
  const { signal } = options;
  const maxBytes = Math.max(0, Math.floor(options.maxFileBytes));
  signal?.throwIfAborted();
  try {
    const stat = await fs.stat(absolutePath);
    if (!stat.isFile()) return { problem: 'notAFile' };
    if (stat.size > maxBytes) return { problem: 'tooLarge', size: stat.size };
    signal?.throwIfAborted();
    const handle = await fs.open(absolutePath, constants.O_RDONLY | (constants.O_NONBLOCK ?? 0));
    let bytes: Buffer;
    try {
      const opened = await handle.stat();
      if (!opened.isFile()) return { problem: 'notAFile' };
      if (opened.size > maxBytes) return { problem: 'tooLarge', size: opened.size };
      // Read to the end, but never past the limit: a file may grow after the stat (a log being written).
      let buffer = Buffer.allocUnsafe(Math.min(maxBytes + 1, Math.max(opened.size + 1, readChunk)));
      let length = 0;
      for (;;) {
        signal?.throwIfAborted();
        if (length === buffer.length) {
          if (buffer.length > maxBytes) break;
          const grown = Buffer.allocUnsafe(Math.min(maxBytes + 1, buffer.length * 2));
          buffer.copy(grown, 0, 0, length);
          buffer = grown;
        }
        const { bytesRead } = await handle.read(buffer, length, buffer.length - length, length);
        if (bytesRead === 0) break;
        length += bytesRead;
      }
      if (length > maxBytes) return { problem: 'tooLarge', size: length };
      bytes = buffer.subarray(0, length);
    } finally {
      await handle.close().catch(() => undefined);
    }
    return decodeText(bytes);
  } catch (error) {
    if (signal?.aborted === true) throw signal.reason;
    return fileErrorProblem(error);
  }
}

/** A file's bytes as text: binary (a NUL early on) and non-UTF-8 (or UTF-16, which starts with its BOM) are refused. */
export function decodeText(bytes: Uint8Array): TextFileRead {
  if (bytes.length >= 2 && ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff))) {
    return { problem: 'notUtf8' };
  }
  if (bytes.subarray(0, binarySniffBytes).includes(0)) return { problem: 'binary' };
  try {
    // fatal: a byte sequence that is not UTF-8 throws instead of turning into U+FFFD; a UTF-8 BOM is dropped.
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(bytes) };
  } catch {
    return { problem: 'notUtf8' };
  }
}

/** What a failed file system call means for the user. */
export function fileErrorProblem(error: unknown): FileProblem {
  const code = typeof error === 'object' && error !== null ? (error as { code?: unknown }).code : undefined;
  if (code === 'ENOENT' || code === 'ENOTDIR') return { problem: 'missing' };
  if (code === 'EISDIR') return { problem: 'notAFile' };
  if (typeof code === 'string') return { problem: 'unreadable', detail: code };
  return { problem: 'unreadable', detail: error instanceof Error ? error.message : String(error) };
}

/** A context note (an id of errors/errorTemplates.ts) for a file's problem. */
export function fileProblemNote(problem: FileProblem, name: string, limits: { maxFileBytes: number }): ContextNote {
  switch (problem.problem) {
    case 'missing':
      return contextNote('context.missing', { name });
    case 'notAFile':
      return contextNote('context.notAFile', { name });
    case 'binary':
      return contextNote('context.binary', { name });
    case 'notUtf8':
      return contextNote('context.notUtf8', { name });
    case 'tooLarge':
      return contextNote('context.tooLarge', { name, size: kilobytes(problem.size), limit: kilobytes(limits.maxFileBytes) });
    case 'unreadable':
      return contextNote('context.unreadable', { name, detail: problem.detail });
  }
}

export function contextNote(id: ErrorMessageId & `context.${string}`, params: Record<string, string | number>): ContextNote {
  return { id, params };
}

/** Bytes as whole KB (1 KB = 1024 bytes), rounded up so that a file just over the limit never reads as equal to it. */
function kilobytes(bytes: number): number {
  return Math.ceil(bytes / 1024);
}
