// Past conversations on disk (docs/chat.md: persisted across restarts, written atomically). The extension passes
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
//
// Two windows (two extension hosts, two stores on one folder) never overwrite each other's turns. The store
// remembers, per conversation, the file as it last read or wrote it (a stat fingerprint, a hash of the text and the
// parsed conversation) and the state its caller last had. A save reads the file again first; when another window
// replaced it meanwhile, the two are merged (mergeConversations: their new messages, then ours) or, when they
// cannot both be kept, ours is saved as a copy under a new id (forkConversation). `save()` says which happened.
// Nothing in the stored format is needed for this, so it works across format versions.
//
// The race left between processes: the file is checked again (one stat) just before the rename that replaces it,
// and once more after; another window's rename that lands inside our stat-then-rename step, while its own check
// after its rename also ran before ours, is overwritten unseen. That window is a stat and a rename long
// (microseconds); closing it entirely would take a lock file, with stale locks of crashed windows to recover.
import { createHash, randomUUID } from 'node:crypto';
import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import type { Conversation, ConversationSummary } from './conversation';
import { conversationFormatVersion, isConversationId, summarizeConversation } from './conversation';
import { parseConversationIndex, serializeConversationIndex, sortSummaries } from './conversationIndex';
import { renameConversation, type TitleOptions } from './conversationOps';
import { parseStoredConversation } from './conversationSchema';
import { atomicWriteFile, isTempFileName } from './atomicWriteFile';
import { fingerprintOf, fileFingerprint, sameFingerprint, type FileFingerprint } from './fileFingerprint';
import { forkConversation } from './forkConversation';
import { mergeConversations, sameJson } from './mergeConversations';
import { errorDetail } from '../errors/errorFactories';

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
  /**
   * Every save (by `save`, `saveSoon` or `flush`) that met another window's changes: merged with them, or forked
   * into a copy. The UI shows the conversation in the result and tells the user.
   */
  onConcurrentChange?: (result: MergedSave | ForkedSave) => void;
}

/** What a save did. `conversation` is what is now on disk for the caller: show it from now on. */
export type SaveResult = PlainSave | MergedSave | ForkedSave;

/** Written as given (after a fork, under the copy's id: see ForkedSave). */
export interface PlainSave {
  kind: 'saved';
  conversation: Conversation;
}

/** Another window had added messages: the file holds theirs, then ours. */
export interface MergedSave {
  kind: 'merged';
  conversation: Conversation;
}

/**
 * Another window changed the conversation in a way that cannot be merged with ours (one edited or removed what the
 * other went on from), or wrote a file this version cannot read: theirs stays under `originalId`, ours is saved as
 * `conversation`, a copy with a new id and a title saying so. Later saves of `originalId` by this store go to the
 * copy until `originalId` is loaded again.
 */
export interface ForkedSave {
  kind: 'forked';
  conversation: Conversation;
  originalId: string;
  /** Why, in English, for the log. */
  reason: string;
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
  waiters: Array<{ resolve: (result: SaveResult) => void; reject: (error: unknown) => void }>;
}

/** A conversation file as this store last read or wrote it. */
interface KnownFile {
  fingerprint: FileFingerprint;
  /** Of the file's text: another window rewriting the same bytes is no change. */
  hash: string;
  conversation: Conversation;
}

type DiskState =
  | { kind: 'absent' }
  | { kind: 'ok'; file: KnownFile }
  /** There, but not readable by this version (newer format, too large, unreadable): never overwritten. */
  | { kind: 'kept'; reason: string };

/** Another window replaced the file between our read and our rename: read, merge and write again. */
class ReplacedMeanwhile extends Error {}

const indexFileName = 'index.json';
const conversationFilePattern = /^([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})\.json$/i;
/** A temporary file this old is a leftover of an interrupted write, not one another window is writing right now. */
const staleTempMs = 60_000;
/** Conversations whose file and caller state are remembered; past it the oldest are forgotten (merged by prefix). */
const rememberedConversations = 64;
/** Rounds of read–merge–write lost to another window's writes before ours goes to a copy no one else writes. */
const mergeAttempts = 5;

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
  /** Each conversation's file as last read or written here. */
  private readonly known = new Map<string, KnownFile>();
  /** The state the caller last had of each conversation: the last loaded, or saved by it. */
  private readonly bases = new Map<string, Conversation>();
  /** Conversations forked away from: later saves of the old id go to the copy. */
  private readonly forks = new Map<string, { id: string; title: string; fromTitle: string }>();
  private disposed = false;

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
      const state = await this.readState(id, problems);
      const conversation = state.kind === 'ok' ? state.file.conversation : undefined;
      // The caller now has what the file has; its saves are merged against this.
      this.forks.delete(id);
      if (state.kind === 'ok') {
        remember(this.known, id, state.file);
        remember(this.bases, id, state.file.conversation);
      }
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
  save(conversation: Conversation): Promise<SaveResult> {
    return new Promise<SaveResult>((resolve, reject) => {
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
   * streaming answers. Never rejects: failures go to `onProblem`, merges and forks to `onConcurrentChange`.
   * `flush()` writes at once; after `dispose()` every call writes at once.
   */
  saveSoon(conversation: Conversation): void {
    const entry = this.pendingFor(conversation);
    if (entry.queued || entry.timer !== undefined) return;
    if (this.disposed) {
      this.enqueue(entry);
      return;
    }
    entry.timer = setTimeout(() => {
      entry.timer = undefined;
      this.enqueue(entry);
    }, this.saveDelayMs);
    // A pending write must not keep a process alive by itself; the extension flushes on deactivate.
    entry.timer.unref?.();
  }

  /**
   * Writes everything `saveSoon` holds and waits for every write started before. Never rejects; safe to call any
   * number of times, also at once and after `dispose()`.
   */
  async flush(): Promise<void> {
    for (const entry of this.pending.values()) {
      if (entry.timer === undefined) continue;
      clearTimeout(entry.timer);
      entry.timer = undefined;
      this.enqueue(entry);
    }
    await this.exclusive(async () => undefined);
  }

  /** For shutdown: writes what is pending (as `flush`), and from now on `saveSoon` writes without waiting. */
  async dispose(): Promise<void> {
    this.disposed = true;
    await this.flush();
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
    this.forks.delete(id);
    return this.exclusive(async () => {
      const index = await this.ensureIndex();
      if (this.newer.has(id)) return;
      await fs.rm(this.fileOf(id), { force: true });
      index.delete(id);
      this.known.delete(id);
      this.bases.delete(id);
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
    let result: SaveResult;
    try {
      result = await this.write(entry.conversation);
    } catch (error) {
      for (const waiter of entry.waiters) waiter.reject(error);
      return;
    }
    for (const waiter of entry.waiters) waiter.resolve(result);
    if (result.kind !== 'saved') {
      this.log(
        result.kind === 'merged'
          ? `Conversation "${result.conversation.title}" (${result.conversation.id}) was changed in another window meanwhile; both windows' messages were kept.`
          : `Conversation ${result.originalId} was changed in another window meanwhile (${result.reason}); this window's version was saved as "${result.conversation.title}" (${result.conversation.id}).`,
      );
      this.options.onConcurrentChange?.(result);
    }
  }

  private cancelPending(id: string): void {
    const entry = this.pending.get(id);
    if (entry === undefined) return;
    if (entry.timer !== undefined) clearTimeout(entry.timer);
    this.pending.delete(id);
    // The state they asked to save is gone on purpose; nothing failed.
    for (const waiter of entry.waiters) waiter.resolve({ kind: 'saved', conversation: entry.conversation });
  }

  private async write(given: Conversation): Promise<SaveResult> {
    // After a fork, this caller's conversation is the copy.
    const redirect = this.forks.get(given.id);
    const conversation =
      redirect === undefined
        ? given
        : { ...given, id: redirect.id, title: given.title === redirect.fromTitle ? redirect.title : given.title, renamed: true };
    const originalFile = this.fileOf(conversation.id);
    const fail = (kind: ConversationProblemKind, message: string, cause?: unknown, file = originalFile, id = conversation.id): never => {
      const problem: ConversationProblem = { kind, conversationId: id, file, message };
      this.report(problem, [], kind === 'too-large' ? `too-large:${id}` : undefined);
      throw new ConversationStoreError(problem, { cause });
    };
    if (!isConversationId(conversation.id))
      fail('write-failed', `A conversation with the id ${JSON.stringify(conversation.id)} cannot be saved: ids are UUIDs.`);
    // Never write what `load` would call corrupt. What the schema knows, nothing else (stray properties a caller
    // added are not persisted, nor compared when merging).
    const checked = parseStoredConversation(conversation);
    if (checked.kind !== 'ok') {
      const reason = checked.kind === 'invalid' ? checked.reason : `its version ${checked.version} is not ${conversationFormatVersion}`;
      return fail('write-failed', `Conversation "${conversation.title}" was not saved: ${reason}.`);
    }
    let index: Map<string, ConversationSummary>;
    try {
      index = await this.ensureIndex();
    } catch (error) {
      return fail('write-failed', `Conversation "${conversation.title}" was not saved: ${describe(error)}.`, error);
    }

    let ours = checked.conversation;
    let forked: { originalId: string; reason: string } | undefined;
    let replaced = 0;
    for (;;) {
      const id = ours.id;
      const file = this.fileOf(id);
      const disk: DiskState = this.newer.has(id)
        ? { kind: 'kept', reason: 'its file was written by a newer version of Switchboard' }
        : await this.readState(id, [], 'saving');
      const previous = this.known.get(id);
      const base = this.bases.get(id);
      let target = ours;
      let conflict: string | undefined;
      if (disk.kind === 'kept') conflict = disk.reason;
      else if (disk.kind === 'ok') {
        const unchanged =
          previous !== undefined &&
          ((previous.fingerprint.reliable && sameFingerprint(previous.fingerprint, disk.file.fingerprint)) ||
            previous.hash === disk.file.hash);
        // Not unchanged, or the caller has not taken in all the file has (an earlier merge): merge.
        if (!unchanged || base === undefined || base !== previous.conversation) {
          const merged = mergeConversations({ diskBase: previous?.conversation, disk: disk.file.conversation, oursBase: base, ours });
          if (merged.kind === 'merged') target = merged.conversation;
          else conflict = merged.reason;
        }
      }
      if (conflict !== undefined || (replaced >= mergeAttempts && forked === undefined)) {
        if (forked !== undefined)
          fail(
            'write-failed',
            `Conversation "${ours.title}" could not be saved: ${conflict ?? 'its copy was changed meanwhile'}.`,
            undefined,
            file,
            id,
          );
        forked = { originalId: id, reason: conflict ?? 'another window kept writing it' };
        const copy = forkConversation(ours, randomUUID());
        this.forks.set(id, { id: copy.id, title: copy.title, fromTitle: ours.title });
        // The original is theirs now: this store knows it as read, and its caller moves to the copy.
        this.bases.delete(id);
        if (disk.kind === 'ok') {
          remember(this.known, id, disk.file);
          index.set(id, summarizeConversation(disk.file.conversation));
        }
        if (given.id !== id) this.forks.set(given.id, { id: copy.id, title: copy.title, fromTitle: given.title });
        ours = copy;
        continue;
      }
      if (replaced >= 2 * mergeAttempts)
        fail('write-failed', `Conversation "${ours.title}" could not be saved: another window kept writing it.`, undefined, file, id);

      const written = await this.writeChecked(target, disk.kind === 'ok' ? disk.file.fingerprint : undefined, fail);
      if (written === undefined) {
        replaced++; // by another window, meanwhile: read and merge again
        continue;
      }
      remember(this.known, id, written);
      // What the caller has: ours (a merge it has not taken in yet is merged again on its next save).
      remember(this.bases, id, target === ours ? written.conversation : ours);
      index.set(id, summarizeConversation(written.conversation));
      await this.evictOverflow(index, id);
      await this.writeIndex();
      if (forked !== undefined)
        return { kind: 'forked', conversation: written.conversation, originalId: forked.originalId, reason: forked.reason };
      if (target !== ours && !sameJson(target, ours)) return { kind: 'merged', conversation: written.conversation };
      return { kind: 'saved', conversation: redirect === undefined ? given : written.conversation };
    }
  }

  /**
   * Writes `conversation` atomically if the file is still the one read (`expected`; undefined: no file). Returns
   * what was written, or undefined when another window replaced the file before or right after our rename.
   */
  private async writeChecked(
    conversation: Conversation,
    expected: FileFingerprint | undefined,
    fail: (kind: ConversationProblemKind, message: string, cause?: unknown, file?: string, id?: string) => never,
  ): Promise<KnownFile | undefined> {
    const file = this.fileOf(conversation.id);
    const checked = parseStoredConversation(conversation);
    if (checked.kind !== 'ok') {
      return fail(
        'write-failed',
        `Conversation "${conversation.title}" was not saved: ${checked.kind === 'invalid' ? checked.reason : 'its version changed'}.`,
        undefined,
        file,
        conversation.id,
      );
    }
    const text = JSON.stringify(checked.conversation);
    const bytes = Buffer.byteLength(text, 'utf8');
    if (bytes > this.maxFileBytes) {
      fail(
        'too-large',
        `Conversation "${conversation.title}" is too large to save (${megabytes(bytes)} MB; the limit is ${megabytes(this.maxFileBytes)} MB). ` +
          'Its last saved version is kept; start a new chat to go on.',
        undefined,
        file,
        conversation.id,
      );
    }
    let written: FileFingerprint | undefined;
    try {
      await atomicWriteFile(file, text, {
        beforeRename: async (temp) => {
          // The rename keeps the temporary file's inode and mtime: this is the fingerprint the target will have.
          written = await fileFingerprint(temp);
          if (!sameFingerprint(await fileFingerprint(file), expected)) throw new ReplacedMeanwhile();
        },
      });
    } catch (error) {
      if (error instanceof ReplacedMeanwhile) return undefined;
      fail(
        'write-failed',
        `Conversation "${conversation.title}" could not be saved to ${file}: ${describe(error)}.`,
        error,
        file,
        conversation.id,
      );
    }
    // Replaced right after our rename: ours may not have been seen by the other window; merge again.
    if (written === undefined || !sameFingerprint(await fileFingerprint(file).catch(() => undefined), written)) return undefined;
    // Working again: a later failure is news worth reporting.
    this.reported.delete(`too-large:${conversation.id}`);
    this.reported.delete(`write-failed:${file}`);
    return { fingerprint: written, hash: hashOf(text), conversation: checked.conversation };
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
    const state = await this.readState(id, problems);
    return state.kind === 'ok' ? state.file.conversation : undefined;
  }

  /**
   * The file of one conversation, validated, with its fingerprint (taken on the open file, so that it describes the
   * bytes read). A corrupt file is moved aside (then there is none); `purpose` words the problems.
   */
  private async readState(id: string, problems: ConversationProblem[], purpose: 'opening' | 'saving' = 'opening'): Promise<DiskState> {
    const file = this.fileOf(id);
    let text: string;
    let fingerprint: FileFingerprint;
    let handle: fs.FileHandle | undefined;
    try {
      handle = await fs.open(file, 'r');
      const stat = await handle.stat({ bigint: true });
      if (stat.size > BigInt(this.maxFileBytes)) {
        const size = megabytes(Number(stat.size));
        const message =
          purpose === 'opening'
            ? `Conversation file ${file} is ${size} MB, over the ${megabytes(this.maxFileBytes)} MB limit; it was not opened and is kept as it is.`
            : `Conversation file ${file} grew to ${size} MB in another window, over the ${megabytes(this.maxFileBytes)} MB limit; it is kept as it is.`;
        this.report({ kind: 'too-large', conversationId: id, file, message }, problems);
        return { kind: 'kept', reason: `its file is over the ${megabytes(this.maxFileBytes)} MB limit` };
      }
      fingerprint = fingerprintOf(stat);
      text = await handle.readFile('utf8');
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return { kind: 'absent' };
      this.report(
        { kind: 'read-failed', conversationId: id, file, message: `Conversation file ${file} could not be read: ${describe(error)}.` },
        problems,
      );
      return { kind: 'kept', reason: `its file could not be read (${describe(error)})` };
    } finally {
      await handle?.close().catch(() => undefined);
    }
    let json: unknown;
    try {
      json = JSON.parse(text);
    } catch {
      await this.setAsideCorrupt(id, 'it is not valid JSON', problems);
      return { kind: 'absent' };
    }
    const parsed = parseStoredConversation(json);
    switch (parsed.kind) {
      case 'ok':
        if (parsed.conversation.id.toLowerCase() === id.toLowerCase())
          return { kind: 'ok', file: { fingerprint, hash: hashOf(text), conversation: parsed.conversation } };
        await this.setAsideCorrupt(id, `it holds the conversation ${parsed.conversation.id}, not ${id}`, problems);
        return { kind: 'absent' };
      case 'newer-version':
        this.newer.set(id, parsed.version);
        this.index?.delete(id);
        this.report(this.newerProblem(id, parsed.version), problems);
        return { kind: 'kept', reason: 'its file was written by a newer version of Switchboard' };
      case 'invalid':
        await this.setAsideCorrupt(id, parsed.reason, problems);
        return { kind: 'absent' };
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

/** Sets `key` as the newest entry, forgetting the oldest past the bound. */
function remember<T>(map: Map<string, T>, key: string, value: T): void {
  map.delete(key);
  map.set(key, value);
  for (const oldest of map.keys()) {
    if (map.size <= rememberedConversations) break;
    map.delete(oldest);
  }
}

function hashOf(text: string): string {
  return createHash('sha256').update(text).digest('base64');
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
  return errorDetail(error);
}
