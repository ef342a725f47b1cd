// The spend ledger (docs/spend.md, "Ledger and files"): what money went to, kept in the extension's global storage
// as one small file per local month, `<directory>/<yyyy-mm>.json` (spendFile.ts), each written atomically.
//
// - `record` puts the entry into memory at once (so totals include it and no two records can lose each other) and
//   writes within `flushDelayMs`; `flush`/`dispose` write at once (the extension disposes on deactivate).
// - Two VS Code windows share the directory. Every write holds a lock file (`<yyyy-mm>.lock`, created exclusively;
//   one older than 10 s is a crashed window's and is taken over), reads the file again and unites its records with
//   this ledger's (records carry ids unique across windows; see spendRecord.ts), so neither window drops the other's
//   spend. The file is also compared once more just before the rename replaces it (a window that could not get the
//   lock in time writes without it), and a change there means read, unite and write again. Reading totals re-reads
//   a month whose file another window has replaced since (one stat).
// - A damaged file (not JSON, not the shape of spendFile.ts) is moved aside to `<yyyy-mm>.damaged-<time>.json`,
//   reported once through `onProblem`, and the month counts from empty again. A file written by a newer Switchboard
//   is left alone: not counted, never overwritten (this window's entries of that month stay in memory only).
// - Nothing here throws at the caller: a write that fails is logged and reported, and tried again on the next write.
import { randomBytes } from 'node:crypto';
import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import { atomicWriteFile, isTempFileName } from '../conversations/atomicWriteFile';
import { fileFingerprint, fingerprintOf, sameFingerprint, type FileFingerprint } from '../conversations/fileFingerprint';
import { assertNever } from '../assertNever';
import { localDay, localMonth, systemTimezoneOffset, type TimezoneOffset } from './localDay';
import { parseSpendFile, serializeSpendFile } from './spendFile';
import { withFileLock } from './withFileLock';
import { addToRecord, newerRecord, recordOf, type SpendRecord } from './spendRecord';
import { buildSpendReport, type SpendReport } from './spendReport';
import type { SpendEntry, SpendRecorder, SpendSum, SpendTotals } from './spendTypes';

export interface SpendProblem {
  kind: 'damaged' | 'newer-version' | 'write-failed' | 'read-failed';
  /** The month file concerned. */
  file: string;
  /** Where a damaged file was moved. */
  movedTo?: string;
  /** English, naming the file, for the log. */
  message: string;
}

export interface SpendLedgerOptions {
  /** The folder of the month files (the extension passes `<globalStorage>/spend`). */
  directory: string;
  /** How long a record waits to be written with the ones after it; default 1000 ms. */
  flushDelayMs?: number;
  /** Default Date.now; also names moved-aside files. */
  now?: () => number;
  /** Default: the system's time zone. */
  timezoneOffset?: TimezoneOffset;
  /** Each problem once per file and kind (a write failure again after a write succeeded in between). */
  onProblem?: (problem: SpendProblem) => void;
  /** After every `record`, with the entry (the status bar updates from it). */
  onRecorded?: (entry: SpendEntry) => void;
  log?: (message: string) => void;
}

interface MonthState {
  records: Map<string, SpendRecord>;
  titles: Map<string, string>;
  /** Titles recorded here, which win over the file's. */
  ownTitles: Set<string>;
  /** The file as last read or written here; undefined: not read yet, or no file. */
  fingerprint: FileFingerprint | undefined;
  /** Its text then: the check before a rename compares the bytes, which a reused inode cannot fake. */
  text: string | undefined;
  /** When it was last read or written here (the wall clock, as file times are). */
  checkedAt: number;
  read: boolean;
  /** Bumped by every change here; the write that saw this version leaves the month clean. */
  version: number;
  written: number;
  /** A newer Switchboard's file: this month is not written. */
  newer: boolean;
}

/** Another window replaced the file between our read and our rename: read, unite and write again. */
class ReplacedMeanwhile extends Error {}

const writeAttempts = 5;
/** File times may be this coarse (FAT: 2 s): a file changed so close to a look at it is not trusted by its stat. */
const racyMs = 2000;
const staleTempMs = 60_000;

export class SpendLedger implements SpendRecorder {
  readonly directory: string;
  private readonly now: () => number;
  private readonly offset: TimezoneOffset;
  private readonly flushDelayMs: number;
  /** This instance's part of every record id. */
  private readonly writer = randomBytes(4).toString('hex');
  private sequence = 0;
  private readonly months = new Map<string, MonthState>();
  /** Completion records this instance adds to: `day|provider|model` → record. */
  private readonly completionRecords = new Map<string, SpendRecord>();
  private readonly reported = new Set<string>();
  private queue: Promise<void> = Promise.resolve();
  private timer: ReturnType<typeof setTimeout> | undefined;
  private disposed = false;
  private cleaned = false;

  constructor(private readonly options: SpendLedgerOptions) {
    this.directory = options.directory;
    this.now = options.now ?? Date.now;
    this.offset = options.timezoneOffset ?? systemTimezoneOffset;
    this.flushDelayMs = Math.max(0, options.flushDelayMs ?? 1000);
  }

  record(entry: SpendEntry): Promise<void> {
    try {
      if (!Number.isFinite(entry.at)) entry = { ...entry, at: this.now() };
      const month = this.month(localMonth(entry.at, this.offset));
      if (entry.kind === 'completion') {
        const key = JSON.stringify([localDay(entry.at, this.offset), entry.provider, entry.model]);
        const existing = this.completionRecords.get(key);
        if (existing !== undefined && month.records.get(existing.id) === existing) addToRecord(existing, entry);
        else {
          const record = recordOf(entry, this.nextId());
          this.completionRecords.set(key, record);
          month.records.set(record.id, record);
        }
      } else {
        const record = recordOf(entry, this.nextId());
        month.records.set(record.id, record);
        if (record.conversationId !== undefined && entry.conversationTitle !== undefined && entry.conversationTitle !== '') {
          month.titles.set(record.conversationId, entry.conversationTitle);
          month.ownTitles.add(record.conversationId);
        }
      }
      month.version++;
      this.scheduleFlush();
      this.options.onRecorded?.(entry);
    } catch (error) {
      this.log(`Spend: could not record an entry: ${errorDetail(error)}`);
    }
    return Promise.resolve();
  }

  /** Today's and this month's spend (local), with what other windows have written. */
  async totals(now: number = this.now()): Promise<SpendTotals> {
    const monthName = localMonth(now, this.offset);
    const today = localDay(now, this.offset);
    await this.exclusive(() => this.refresh(monthName));
    const totals: SpendTotals = { day: { ...emptySum(), byProvider: {} }, month: { ...emptySum(), byProvider: {} } };
    for (const record of this.months.get(monthName)?.records.values() ?? []) {
      add(totals.month, record);
      add((totals.month.byProvider[record.provider] ??= emptySum()), record);
      if (localDay(record.at, this.offset) !== today) continue;
      add(totals.day, record);
      add((totals.day.byProvider[record.provider] ??= emptySum()), record);
    }
    return totals;
  }

  /** The spend view's figures for the `days` local days ending with the day of `now`. */
  async report(now: number = this.now(), days = 30, top = 10): Promise<SpendReport> {
    const first = now - (days + 1) * 24 * 60 * 60 * 1000;
    const monthNames = new Set<string>();
    for (let at = first; at <= now; at += 24 * 60 * 60 * 1000) monthNames.add(localMonth(at, this.offset));
    monthNames.add(localMonth(now, this.offset));
    await this.exclusive(async () => {
      for (const name of monthNames) await this.refresh(name);
    });
    const records: SpendRecord[] = [];
    const titles = new Map<string, string>();
    for (const name of [...monthNames].sort()) {
      const month = this.months.get(name);
      if (month === undefined) continue;
      records.push(...month.records.values());
      for (const [id, title] of month.titles) titles.set(id, title);
    }
    return buildSpendReport(records, { now, days, top, offset: this.offset, titles });
  }

  /** Whether anything was spent (or recorded unpriced) on the local day of `now`. */
  async hasSpendToday(now: number = this.now()): Promise<boolean> {
    const totals = await this.totals(now);
    return totals.day.usd > 0 || totals.day.unpriced > 0 || Object.keys(totals.day.byProvider).length > 0;
  }

  /** Writes every month changed here, now. Never rejects. */
  async flush(): Promise<void> {
    if (this.timer !== undefined) {
      clearTimeout(this.timer);
      this.timer = undefined;
    }
    await this.exclusive(() => this.writeDirty());
  }

  /** For shutdown: writes what is pending; from now on every record is written without waiting. */
  async dispose(): Promise<void> {
    this.disposed = true;
    await this.flush();
  }

  private nextId(): string {
    return `${this.writer}.${(this.sequence++).toString(36)}`;
  }

  private month(name: string): MonthState {
    let month = this.months.get(name);
    if (month === undefined) {
      month = {
        records: new Map(),
        titles: new Map(),
        ownTitles: new Set(),
        fingerprint: undefined,
        text: undefined,
        checkedAt: 0,
        read: false,
        version: 0,
        written: 0,
        newer: false,
      };
      this.months.set(name, month);
    }
    return month;
  }

  private fileOf(month: string): string {
    return path.join(this.directory, `${month}.json`);
  }

  private scheduleFlush(): void {
    if (this.disposed) {
      void this.flush();
      return;
    }
    if (this.timer !== undefined) return;
    this.timer = setTimeout(() => {
      this.timer = undefined;
      void this.exclusive(() => this.writeDirty());
    }, this.flushDelayMs);
    // A pending write must not keep a process alive by itself; the extension flushes on deactivate.
    this.timer.unref?.();
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

  /** Reads the month's file when this ledger has not, or another window replaced it since. */
  private async refresh(name: string): Promise<void> {
    const month = this.month(name);
    try {
      if (month.read && (await this.unchanged(name, month))) return;
      await this.readInto(name, month);
    } catch (error) {
      this.reportProblem({
        kind: 'read-failed',
        file: this.fileOf(name),
        message: `Could not read ${this.fileOf(name)}: ${errorDetail(error)}`,
      });
    }
  }

  /**
   * Whether the file is as this ledger last saw it, from one stat. A file changed within a moment of that look may
   * share its stat with the one seen (a reused inode, the same size, a coarse clock), so it is read again.
   */
  private async unchanged(name: string, month: MonthState): Promise<boolean> {
    const file = this.fileOf(name);
    if (month.fingerprint === undefined) return (await fileFingerprint(file)) === undefined;
    let stat;
    try {
      stat = await fs.stat(file, { bigint: true });
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return false;
      throw error;
    }
    const racy = Number(stat.mtimeMs) >= month.checkedAt - racyMs;
    return !racy && month.fingerprint.reliable && sameFingerprint(fingerprintOf(stat), month.fingerprint);
  }

  /** Reads the file and unites its records with the ones in memory; moves a damaged file aside. */
  private async readInto(name: string, month: MonthState): Promise<void> {
    const file = this.fileOf(name);
    let text: string;
    let fingerprint: FileFingerprint;
    let handle: fs.FileHandle | undefined;
    const checkedAt = Date.now();
    try {
      handle = await fs.open(file, 'r');
      fingerprint = fingerprintOf(await handle.stat({ bigint: true }));
      text = await handle.readFile('utf8');
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
      month.read = true;
      month.fingerprint = undefined;
      month.text = undefined;
      month.checkedAt = checkedAt;
      return;
    } finally {
      await handle?.close().catch(() => undefined);
    }
    const parsed = parseSpendFile(text, name);
    month.read = true;
    month.checkedAt = checkedAt;
    switch (parsed.kind) {
      case 'ok':
        month.newer = false;
        month.fingerprint = fingerprint;
        month.text = text;
        for (const record of parsed.content.records) {
          const ours = month.records.get(record.id);
          month.records.set(record.id, ours === undefined ? record : newerRecord(ours, record));
        }
        for (const [id, title] of Object.entries(parsed.content.titles)) if (!month.ownTitles.has(id)) month.titles.set(id, title);
        return;
      case 'newer':
        month.newer = true;
        month.fingerprint = fingerprint;
        month.text = text;
        this.reportProblem({
          kind: 'newer-version',
          file,
          message: `${file} was written by a newer Switchboard (format ${parsed.version}): it is not counted here and is left as it is.`,
        });
        return;
      case 'damaged': {
        const movedTo = path.join(this.directory, `${name}.damaged-${this.now()}.json`);
        await fs.rename(file, movedTo);
        month.fingerprint = undefined;
        month.text = undefined;
        month.newer = false;
        // What this window recorded is still good; the month goes on from it (and is written without the damage).
        if (month.records.size > 0) month.version++;
        this.reportProblem({
          kind: 'damaged',
          file,
          movedTo,
          message: `${file} was damaged (${parsed.reason}); it was moved to ${movedTo} and the month's spend counts from empty again.`,
        });
        return;
      }
      default:
        assertNever(parsed, 'spend file');
    }
  }

  private async writeDirty(): Promise<void> {
    for (const [name, month] of this.months) {
      if (month.written === month.version || month.newer) continue;
      await this.write(name, month);
    }
  }

  private async write(name: string, month: MonthState): Promise<void> {
    const file = this.fileOf(name);
    try {
      await fs.mkdir(this.directory, { recursive: true });
      await this.cleanTempFiles();
      await withFileLock(
        path.join(this.directory, `${name}.lock`),
        (message) => this.log(message),
        () => this.writeLocked(name, month),
      );
    } catch (error) {
      this.reportProblem({ kind: 'write-failed', file, message: `Could not write ${file}: ${errorDetail(error)}` });
    }
  }

  private async writeLocked(name: string, month: MonthState): Promise<void> {
    const file = this.fileOf(name);
    for (let attempt = 1; ; attempt++) {
      await this.readInto(name, month);
      if (month.newer) return;
      const expected = month.text;
      const version = month.version;
      const text = serializeSpendFile({ month: name, records: [...month.records.values()], titles: Object.fromEntries(month.titles) });
      try {
        await atomicWriteFile(file, text, {
          beforeRename: async () => {
            if ((await readIfThere(file)) !== expected) throw new ReplacedMeanwhile();
          },
        });
      } catch (error) {
        if (error instanceof ReplacedMeanwhile && attempt < writeAttempts) continue;
        throw error;
      }
      month.fingerprint = await fileFingerprint(file);
      month.text = text;
      month.checkedAt = Date.now();
      month.written = version;
      this.reported.delete(`write-failed:${file}`);
      if (month.written !== month.version) this.scheduleFlush();
      return;
    }
  }

  /** Leftovers of writes a crash interrupted (never a temporary file another window is writing right now). */
  private async cleanTempFiles(): Promise<void> {
    if (this.cleaned) return;
    this.cleaned = true;
    for (const name of await fs.readdir(this.directory).catch(() => [] as string[])) {
      if (!isTempFileName(name)) continue;
      const file = path.join(this.directory, name);
      const stat = await fs.stat(file).catch(() => undefined);
      if (stat !== undefined && this.now() - stat.mtimeMs > staleTempMs) await fs.rm(file, { force: true }).catch(() => undefined);
    }
  }

  private reportProblem(problem: SpendProblem): void {
    const key = `${problem.kind}:${problem.movedTo ?? problem.file}`;
    this.log(problem.message);
    if (this.reported.has(key)) return;
    this.reported.add(key);
    this.options.onProblem?.(problem);
  }

  private log(message: string): void {
    this.options.log?.(message);
  }
}

/** The file's text, or undefined when there is none. */
async function readIfThere(file: string): Promise<string | undefined> {
  try {
    return await fs.readFile(file, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw error;
  }
}

/** The ledger lives in its own small bundle (src/vscode/spend/loadSpend.ts): not worth the error module's tables. */
function errorDetail(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

function emptySum(): SpendSum {
  return { usd: 0, unpriced: 0 };
}

function add(sum: SpendSum, record: SpendRecord): void {
  sum.usd += record.usd;
  sum.unpriced += record.unpriced;
}
