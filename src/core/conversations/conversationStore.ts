// Past conversations on disk (SPEC §5: "persisted across restarts, written atomically"). The extension passes
// `context.globalStorageUri.fsPath + '/conversations'`.
//
// Layout: one `<id>.json` per conversation plus `index.json` (the list), each written atomically. The files are the
// truth; the index is a cache of their summaries that `list()` reconciles with the directory every time (a
// readdir and one small file), which also keeps two VS Code windows sharing this folder from hiding each other's
// conversations.
//
// Nothing the user wrote is ever dropped silently:
// - a corrupt file (bad JSON, wrong shape, wrong id) is MOVED to `<id>.corrupt-<time>.json`, never deleted;
// - a file written by a newer Switchboard (`version` > 1) is left exactly where it is, unlisted and never
//   overwritten, deleted or evicted;
// - a file over `maxFileBytes` is not read (nor cut) when loading, and not written when saving (the previous
//   version stays);
// each of these is a ConversationProblem, passed to `onProblem` (once per file and kind) and returned by the
// `list()`/`load()` that met it, so the UI can tell the user. What is deleted: conversations the user deletes, and
// the oldest (by updatedAt) when there are more than `maxConversations`.
//
// Concurrency: every disk operation runs in one queue, so no two writes interleave and the index always matches
// what was written. Saves of one conversation are coalesced: while a write is queued or running only the newest
// state waits, so the last state saved is the one on disk.
import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import type { Conversation, ConversationSummary } from './conversation';
import { isConversationId, summarizeConversation } from './conversation';
import { parseConversationIndex, serializeConversationIndex, sortSummaries } from './conversationIndex';
import { renameConversation, type TitleOptions } from './conversationOps';
import { parseStoredConversation } from './conversationSchema';
import { atomicWriteFile, isTempFileName } from './atomicWriteFile';

export interface ConversationStoreOptions {
  directory: string;
  /** Default 500. Past it, the conversations updated longest ago are deleted. */
  maxConversations?: number;
  /** Default 20 MiB per conversation file. */
  maxFileBytes?: number;
  /** How long `saveSoon` gathers changes before writing (default 1000 ms); at most one write per period. */
  saveDelayMs?: number;
  /** Every problem, once per file and kind: `message` is an English sentence naming the file. */
  onProblem?: (message: string, problem: ConversationProblem) => void;
  /** Diagnostics for the output channel (index rebuilt, conversations evicted, leftovers cleaned). */
  log?: (message: string) => void;
  /** For the names of files moved aside (default `Date.now`). */
  now?: () => number;
}

export type ConversationProblemKind = 'corrupt' | 'newer-version' | 'too-large' | 'read-failed' | 'write-failed';

export interface ConversationProblem {
  kind: ConversationProblemKind;
  conversationId?: string;
  /** The file concerned. */
  file: string;
  /** Where a corrupt file was moved. */
  movedTo?: string;
  message: string;
}

export interface ConversationListResult {
  /** Newest first. */
  items: ConversationSummary[];
  problems: ConversationProblem[];
}

export interface ConversationLoadResult {
  /** Undefined when there is no such conversation or it could not be read (see problems). */
  conversation: Conversation | undefined;
  problems: ConversationProblem[];
}

/** What `save()` rejects with when a conversation cannot be written; the previous version on disk stays. */
export class ConversationStoreError extends Error {
  readonly problem: ConversationProblem;

  constructor(problem: ConversationProblem, options?: { cause?: unknown }) {
    super(problem.message, options);
    this.name = 'ConversationStoreError';
    this.problem = problem;
  }
}

interface PendingSave {
  conversation: Conversation;
  /** Set while `saveSoon` waits to write. */
  timer: ReturnType<typeof setTimeout> | undefined;
  /** A write of this entry is in the queue. */
  queued: boolean;
  /** `save()` calls waiting for this (or a later) state to be on disk. */
  waiters: Array<{ resolve: () => void; reject: (error: unknown) => void }>;
}

const indexFileName = 'index.json';
const conversationFilePattern = /^([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})\.json$/i;
/** A temporary file this old is a leftover of an interrupted write, not one another window is writing right now. */
const staleTempMs = 60_000;

export class ConversationStore {
  readonly directory: string;
  private readonly maxConversations: number;
  private readonly maxFileBytes: number;
  private readonly saveDelayMs: number;
  private readonly now: () => number;
  private queue: Promise<void> = Promise.resolve();
  /** Summaries of the conversations on disk; undefined until first needed. */
  private index: Map<string, ConversationSummary> | undefined;
  /** The index as last read or written, to skip writing it unchanged. */
  private indexText: string | undefined;
  private readonly pending = new Map<string, PendingSave>();
  /** Files written by a newer Switchboard: id → their version. */
  private readonly newer = new Map<string, number>();
  private readonly reported = new Set<string>();

  constructor(private readonly options: ConversationStoreOptions) {
    this.directory = options.directory;
    this.maxConversations = Math.max(1, options.maxConversations ?? 500);
    this.maxFileBytes = Math.max(1, options.maxFileBytes ?? 20 * 1024 * 1024);
    this.saveDelayMs = Math.max(0, options.saveDelayMs ?? 1000);
    this.now = options.now ?? Date.now;
  }

  /** The conversations, newest first, from the index (reconciled with the directory). */
  list(): Promise<ConversationListResult> {
    return this.exclusive(async () => {
      const problems: ConversationProblem[] = [];
      const index = await this.syncIndex(problems);
      return { items: sortSummaries(index.values()), problems };
    });
  }

  /**
   * One conversation, validated. A state given to `saveSoon` and not yet written is returned as it is (it is newer
   * than the file). Call `settleInterrupted` on the result before showing it.
   */
  load(id: string): Promise<ConversationLoadResult> {
    if (!isConversationId(id)) return Promise.resolve({ conversation: undefined, problems: [] });
    return this.exclusive(async () => {
      const problems: ConversationProblem[] = [];
      const pending = this.pending.get(id);
      if (pending !== undefined) return { conversation: pending.conversation, problems };
      const index = await this.ensureIndex();
      const conversation = await this.readConversation(id, problems);
      // Heal the index when it disagrees with the file (e.g. a crash between writing the two).
      const summary = conversation === undefined ? undefined : summarizeConversation(conversation);
      const listed = index.get(id);
      if (summary !== undefined && (listed === undefined || !sameSummary(listed, summary))) index.set(id, summary);
      else if (summary === undefined && listed !== undefined && !(await exists(this.fileOf(id)))) index.delete(id);
      await this.writeIndex();
      return { conversation, problems };
    });
  }

  /**
   * Writes `conversation` now (after any write already running). Resolves when this state or a later one is on
   * disk; rejects with a ConversationStoreError when it cannot be written (also reported to `onProblem`).
   */
  save(conversation: Conversation): Promise<void> {
    return new Promise<void>((resolve, reject) => {
      const entry = this.pendingFor(conversation);
      if (entry.timer !== undefined) {
        clearTimeout(entry.timer);
        entry.timer = undefined;
      }
      entry.waiters.push({ resolve, reject });
      this.enqueue(entry);
    });
  }

  /**
   * Saves within `saveDelayMs`, coalescing every call until then into one write of the latest state — for
   * streaming answers. Never rejects: failures go to `onProblem`. `flush()` writes at once.
   */
  saveSoon(conversation: Conversation): void {
    const entry = this.pendingFor(conversation);
    if (entry.queued || entry.timer !== undefined) return;
    entry.timer = setTimeout(() => {
      entry.timer = undefined;
      this.enqueue(entry);
    }, this.saveDelayMs);
    // A pending write must not keep a process alive by itself; the extension flushes on deactivate.
    entry.timer.unref?.();
  }

  /** Writes everything `saveSoon` holds and waits for every write started before. Never rejects. */
  async flush(): Promise<void> {
    for (const entry of this.pending.values()) {
      if (entry.timer === undefined) continue;
      clearTimeout(entry.timer);
      entry.timer = undefined;
      this.enqueue(entry);
    }
    await this.exclusive(async () => undefined);
  }

  /**
   * Renames a stored conversation and returns it (undefined if there is none). For the conversation open in the
   * chat, rename the one in memory (renameConversation) and save that, or its next save would bring the old title back.
   */
  async rename(id: string, title: string, options: TitleOptions = {}): Promise<Conversation | undefined> {
    const { conversation } = await this.load(id);
    if (conversation === undefined) return undefined;
    const renamed = renameConversation(conversation, title, { ...options, now: Math.max(this.now(), conversation.updatedAt) });
    if (renamed !== conversation) await this.save(renamed);
    return renamed;
  }

  /** Deletes a conversation (and any save of it still waiting). A newer version's file is not touched. */
  delete(id: string): Promise<void> {
    if (!isConversationId(id)) return Promise.resolve();
    this.cancelPending(id);
    return this.exclusive(async () => {
      const index = await this.ensureIndex();
      if (this.newer.has(id)) return;
      await fs.rm(this.fileOf(id), { force: true });
      index.delete(id);
      await this.writeIndex();
    });
  }

  private fileOf(id: string): string {
    return path.join(this.directory, `${id}.json`);
  }

  /** Runs `task` after every task queued before it; the queue goes on whatever the task does. */
  private exclusive<T>(task: () => Promise<T>): Promise<T> {
    const run = this.queue.then(task);
    this.queue = run.then(
      () => undefined,
      () => undefined,
    );
    return run;
  }

  private pendingFor(conversation: Conversation): PendingSave {
    let entry = this.pending.get(conversation.id);
    if (entry === undefined) {
      entry = { conversation, timer: undefined, queued: false, waiters: [] };
      this.pending.set(conversation.id, entry);
    }
    entry.conversation = conversation;
    return entry;
  }

  private enqueue(entry: PendingSave): void {
    if (entry.queued) return;
    entry.queued = true;
    void this.exclusive(() => this.writePending(entry));
  }

  private async writePending(entry: PendingSave): Promise<void> {
    const id = entry.conversation.id;
    // Superseded (deleted, or evicted) since it was queued.
    if (this.pending.get(id) !== entry) return;
    // From here on, new saves of this conversation start a new entry and queue a write after this one.
    this.pending.delete(id);
    try {
      await this.write(entry.conversation);
      for (const waiter of entry.waiters) waiter.resolve();
    } catch (error) {
      for (const waiter of entry.waiters) waiter.reject(error);
    }
  }

  private cancelPending(id: string): void {
    const entry = this.pending.get(id);
    if (entry === undefined) return;
    if (entry.timer !== undefined) clearTimeout(entry.timer);
    this.pending.delete(id);
    // The state they asked to save is gone on purpose; nothing failed.
    for (const waiter of entry.waiters) waiter.resolve();
  }

  private async write(conversation: Conversation): Promise<void> {
    const id = conversation.id;
    const file = this.fileOf(id);
    const fail = (kind: ConversationProblemKind, message: string, cause?: unknown): never => {
      const problem: ConversationProblem = { kind, conversationId: id, file, message };
      this.report(problem, [], kind === 'too-large' ? `too-large:${id}` : undefined);
      throw new ConversationStoreError(problem, { cause });
    };
    if (!isConversationId(id)) fail('write-failed', `A conversation with the id ${JSON.stringify(id)} cannot be saved: ids are UUIDs.`);
    // Never write what `load` would call corrupt.
    const checked = parseStoredConversation(conversation);
    if (checked.kind !== 'ok') {
      const reason = checked.kind === 'invalid' ? checked.reason : `its version ${checked.version} is not 1`;
      return fail('write-failed', `Conversation "${conversation.title}" was not saved: ${reason}.`);
    }
    let index: Map<string, ConversationSummary>;
    try {
      index = await this.ensureIndex();
    } catch (error) {
      return fail('write-failed', `Conversation "${conversation.title}" was not saved: ${describe(error)}.`, error);
    }
    if (this.newer.has(id)) {
      fail('newer-version', `Conversation "${conversation.title}" was not saved: ${file} was written by a newer version of Switchboard and is kept as it is.`);
    }
    // What the schema knows, nothing else (stray properties a caller added are not persisted).
    const text = JSON.stringify(checked.conversation);
    const bytes = Buffer.byteLength(text, 'utf8');
    if (bytes > this.maxFileBytes) {
      fail(
        'too-large',
        `Conversation "${conversation.title}" is too large to save (${megabytes(bytes)} MB; the limit is ${megabytes(this.maxFileBytes)} MB). ` +
          'Its last saved version is kept; start a new chat to go on.',
      );
    }
    try {
      await atomicWriteFile(file, text);
    } catch (error) {
      fail('write-failed', `Conversation "${conversation.title}" could not be saved to ${file}: ${describe(error)}.`, error);
    }
    // Working again: a later failure is news worth reporting.
    this.reported.delete(`too-large:${id}`);
    this.reported.delete(`write-failed:${file}`);
    index.set(id, summarizeConversation(conversation));
    await this.evictOverflow(index, id);
    await this.writeIndex();
  }

  /** Deletes the conversations updated longest ago while there are more than the bound. */
  private async evictOverflow(index: Map<string, ConversationSummary>, keep: string): Promise<void> {
    const excess = index.size - this.maxConversations;
    if (excess <= 0) return;
    // Not the one just saved, and not one with a save waiting: it is open in the chat right now.
    const candidates = sortSummaries(index.values())
      .reverse()
      .filter((summary) => summary.id !== keep && !this.pending.has(summary.id))
      .slice(0, excess);
    for (const summary of candidates) {
      try {
        await fs.rm(this.fileOf(summary.id), { force: true });
        index.delete(summary.id);
        this.log(`Deleted the oldest conversation "${summary.title}" (${summary.id}): more than ${this.maxConversations} are kept.`);
      } catch (error) {
        this.log(`Could not delete the old conversation ${summary.id}: ${describe(error)}`);
      }
    }
  }

  private async ensureIndex(): Promise<Map<string, ConversationSummary>> {
    return this.index ?? (await this.syncIndex([]));
  }

  /**
   * Reconciles the index with the directory: the files decide which conversations exist; for each, the newer of
   * the summaries in memory and in `index.json` wins (another window may have written it); a file known to
   * neither is read. Leftover temporary files are removed. Writes the index back when it changed.
   */
  private async syncIndex(problems: ConversationProblem[]): Promise<Map<string, ConversationSummary>> {
    await fs.mkdir(this.directory, { recursive: true });
    const names = await fs.readdir(this.directory);
    const onDisk = await this.readIndexFile(names.includes(indexFileName));
    const ids: string[] = [];
    for (const name of names) {
      const match = conversationFilePattern.exec(name);
      if (match?.[1] !== undefined) ids.push(match[1]);
      else if (isTempFileName(name)) await this.removeIfStale(name);
    }
    const present = new Set(ids);
    for (const id of [...this.newer.keys()]) if (!present.has(id)) this.newer.delete(id);
    const next = new Map<string, ConversationSummary>();
    for (const id of ids) {
      const version = this.newer.get(id);
      if (version !== undefined) {
        this.report(this.newerProblem(id, version), problems);
        continue;
      }
      const mine = this.index?.get(id);
      const theirs = onDisk?.get(id);
      let summary = mine !== undefined && (theirs === undefined || mine.updatedAt >= theirs.updatedAt) ? mine : theirs;
      if (summary === undefined) {
        const conversation = await this.readConversation(id, problems);
        if (conversation !== undefined) summary = summarizeConversation(conversation);
      }
      if (summary !== undefined) next.set(id, summary);
    }
    this.index = next;
    await this.evictOverflow(next, '');
    await this.writeIndex();
    return next;
  }

  private async readIndexFile(present: boolean): Promise<Map<string, ConversationSummary> | undefined> {
    if (!present) {
      this.indexText = undefined;
      return undefined;
    }
    const file = path.join(this.directory, indexFileName);
    let text: string;
    try {
      text = await fs.readFile(file, 'utf8');
    } catch (error) {
      this.log(`Could not read ${file} (${describe(error)}); rebuilding it from the conversation files.`);
      this.indexText = undefined;
      return undefined;
    }
    this.indexText = text;
    const parsed = parseConversationIndex(text);
    switch (parsed.kind) {
      case 'ok':
        return parsed.entries;
      case 'invalid':
        // Derived data: rebuilt and overwritten, nothing of the user's is lost.
        this.log(`${file} is unreadable (${parsed.reason}); rebuilding it from the conversation files.`);
        this.indexText = undefined;
        return undefined;
      case 'newer-version': {
        // Kept aside for the newer version (which can rebuild it anyway); this version writes its own.
        const aside = await this.moveAside(file, path.join(this.directory, `index.v${parsed.version}-${this.stamp()}.json`));
        this.log(`${file} was written by a newer version of Switchboard (format ${parsed.version}); kept as ${aside ?? 'is'} and rebuilt.`);
        this.indexText = undefined;
        return undefined;
      }
    }
  }

  /** Reads and validates one conversation file; every way it can fail becomes a problem. */
  private async readConversation(id: string, problems: ConversationProblem[]): Promise<Conversation | undefined> {
    const file = this.fileOf(id);
    let text: string;
    try {
      const stat = await fs.stat(file);
      if (stat.size > this.maxFileBytes) {
        const message =
          `Conversation file ${file} is ${megabytes(stat.size)} MB, over the ${megabytes(this.maxFileBytes)} MB limit; ` +
          'it was not opened and is kept as it is.';
        this.report({ kind: 'too-large', conversationId: id, file, message }, problems);
        return undefined;
      }
      text = await fs.readFile(file, 'utf8');
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
      this.report({ kind: 'read-failed', conversationId: id, file, message: `Conversation file ${file} could not be read: ${describe(error)}.` }, problems);
      return undefined;
    }
    let json: unknown;
    try {
      json = JSON.parse(text);
    } catch {
      await this.setAsideCorrupt(id, 'it is not valid JSON', problems);
      return undefined;
    }
    const parsed = parseStoredConversation(json);
    switch (parsed.kind) {
      case 'ok':
        if (parsed.conversation.id.toLowerCase() === id.toLowerCase()) return parsed.conversation;
        await this.setAsideCorrupt(id, `it holds the conversation ${parsed.conversation.id}, not ${id}`, problems);
        return undefined;
      case 'newer-version':
        this.newer.set(id, parsed.version);
        this.index?.delete(id);
        this.report(this.newerProblem(id, parsed.version), problems);
        return undefined;
      case 'invalid':
        await this.setAsideCorrupt(id, parsed.reason, problems);
        return undefined;
    }
  }

  private async setAsideCorrupt(id: string, reason: string, problems: ConversationProblem[]): Promise<void> {
    const file = this.fileOf(id);
    const movedTo = await this.moveAside(file, path.join(this.directory, `${id}.corrupt-${this.stamp()}.json`));
    this.index?.delete(id);
    const message =
      movedTo !== undefined
        ? `Conversation file ${file} is damaged (${reason}); it was moved to ${movedTo} and left out of the list.`
        : `Conversation file ${file} is damaged (${reason}) and could not be moved aside; it is left out of the list.`;
    const problem: ConversationProblem = { kind: 'corrupt', conversationId: id, file, message };
    if (movedTo !== undefined) problem.movedTo = movedTo;
    this.report(problem, problems, `corrupt:${movedTo ?? file}`);
  }

  /** Renames `file` to `target` (or `target` with `-2`, `-3`… if taken); undefined if it could not. */
  private async moveAside(file: string, target: string): Promise<string | undefined> {
    const { dir, name, ext } = path.parse(target);
    for (let attempt = 1; attempt <= 100; attempt++) {
      const candidate = attempt === 1 ? target : path.join(dir, `${name}-${attempt}${ext}`);
      if (await exists(candidate)) continue;
      try {
        await fs.rename(file, candidate);
        return candidate;
      } catch (error) {
        this.log(`Could not move ${file} to ${candidate}: ${describe(error)}`);
        return undefined;
      }
    }
    return undefined;
  }

  private async removeIfStale(name: string): Promise<void> {
    const file = path.join(this.directory, name);
    try {
      const stat = await fs.stat(file);
      if (this.now() - stat.mtimeMs < staleTempMs) return;
      await fs.rm(file, { force: true });
      this.log(`Removed ${file}, left over from an interrupted write.`);
    } catch {
      // Gone already, or another window's: either way not ours to worry about.
    }
  }

  private async writeIndex(): Promise<void> {
    if (this.index === undefined) return;
    const text = serializeConversationIndex(this.index.values());
    if (text === this.indexText) return;
    try {
      await atomicWriteFile(path.join(this.directory, indexFileName), text);
      this.indexText = text;
    } catch (error) {
      // The conversation files are safe; the next list() rebuilds what the index misses.
      this.log(`Could not write the conversation index: ${describe(error)}`);
    }
  }

  private newerProblem(id: string, version: number): ConversationProblem {
    const file = this.fileOf(id);
    return {
      kind: 'newer-version',
      conversationId: id,
      file,
      message: `Conversation file ${file} was saved by a newer version of Switchboard (format ${version}); it is kept as it is and not shown.`,
    };
  }

  /** Adds the problem to the caller's result and tells `onProblem` the first time it is met. */
  private report(problem: ConversationProblem, problems: ConversationProblem[], key = `${problem.kind}:${problem.file}`): void {
    problems.push(problem);
    if (this.reported.has(key)) return;
    this.reported.add(key);
    this.options.onProblem?.(problem.message, problem);
  }

  private log(message: string): void {
    this.options.log?.(message);
  }

  /** A time for file names: ISO 8601 without the characters Windows forbids. */
  private stamp(): string {
    return new Date(this.now()).toISOString().replace(/[:.]/g, '-');
  }
}

function sameSummary(a: ConversationSummary, b: ConversationSummary): boolean {
  return a.title === b.title && a.createdAt === b.createdAt && a.updatedAt === b.updatedAt && a.messageCount === b.messageCount;
}

async function exists(file: string): Promise<boolean> {
  try {
    await fs.access(file);
    return true;
  } catch {
    return false;
  }
}

function megabytes(bytes: number): string {
  return (bytes / (1024 * 1024)).toFixed(1);
}

function describe(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
