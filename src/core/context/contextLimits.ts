// How much of the workspace one context item may read (docs/chat.md, "Workspace context"): the characters sent, the
// largest file opened at all, and the entries a folder's walk looks at before it stops. The characters come from
// `switchboard.context.maxChars`; the other two are fixed so that a stray multi-gigabyte log or a folder of 100,000
// files costs a bounded amount of work, never a hang.

export interface ContextReadLimits {
  /** The most characters of text one item adds to the prompt (`switchboard.context.maxChars`). */
  maxChars: number;
  /** A file larger than this is not read at all (its size is known from `stat` before it is opened). */
  maxFileBytes: number;
  /** A folder's walk stops after looking at this many entries (files, folders and links, at every depth). */
  maxFolderEntries: number;
}

export const defaultContextReadLimits: ContextReadLimits = {
  maxChars: 24_000,
  maxFileBytes: 1024 * 1024,
  maxFolderEntries: 5_000,
};
