// The per-day request counts of the rate limiter (docs/requests.md, rate limits; docs/spend.md, "Ledger and files"),
// kept on disk so that a restart of VS Code no longer hands out a fresh day's budget: `rate-limits.json` in the
// extension's global storage, beside the spend ledger's month files, written atomically.
//
// The limiter's day is a rolling 24 hours (rateLimiter.ts), so what is kept is when each request of the last 24
// hours was sent, per budget (the limiter's bucket id): `{"v":1,"buckets":{"<id>":[ms, ...]}}`. A budget holds at
// most its per-day limit of times (the Sydney gateway's largest is 10,000: ~140 KB), and anything older than a day
// is dropped on every write.
//
// Two windows share the file: a write reads it first and unites its times with this window's (a union of the
// times, so neither window's requests are dropped); a window learns the other's requests when it starts. A damaged
// file is logged and replaced: losing a day's counts once costs at most one day's budget.
import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import { atomicWriteFile } from '../conversations/atomicWriteFile';

/** Bucket id → the times (ms since the epoch) of its requests in the last 24 hours, oldest first. */
export type DayCounts = Map<string, number[]>;

/** What the rate limiter needs: the counts from the last run, and a way to save its own. */
export interface DayCountPersistence {
  load(): Promise<DayCounts>;
  /** Saves soon (debounced); `snapshot` is called when the write happens. */
  changed(snapshot: () => DayCounts): void;
}

export interface DayCountFileOptions {
  file: string;
  /** Default 1000 ms. */
  saveDelayMs?: number;
  now?: () => number;
  log?: (message: string) => void;
}

const dayMs = 24 * 60 * 60 * 1000;
const version = 1;

export class DayCountFile implements DayCountPersistence {
  private readonly now: () => number;
  private timer: ReturnType<typeof setTimeout> | undefined;
  private snapshot: (() => DayCounts) | undefined;
  private queue: Promise<void> = Promise.resolve();

  constructor(private readonly options: DayCountFileOptions) {
    this.now = options.now ?? Date.now;
  }

  async load(): Promise<DayCounts> {
    return this.read();
  }

  changed(snapshot: () => DayCounts): void {
    this.snapshot = snapshot;
    if (this.timer !== undefined) return;
    this.timer = setTimeout(() => {
      this.timer = undefined;
      void this.flush();
    }, this.options.saveDelayMs ?? 1000);
    // The extension flushes on deactivate; a pending save alone must not keep a process alive.
    this.timer.unref?.();
  }

  /** Writes the latest snapshot now, if there is one to write. Never rejects. */
  flush(): Promise<void> {
    if (this.timer !== undefined) {
      clearTimeout(this.timer);
      this.timer = undefined;
    }
    const snapshot = this.snapshot;
    this.snapshot = undefined;
    if (snapshot === undefined) return this.queue;
    const run = this.queue.then(() => this.write(snapshot()));
    this.queue = run.catch((error: unknown) => this.options.log?.(`Rate limits: could not save ${this.options.file}: ${String(error)}`));
    return this.queue;
  }

  private async write(ours: DayCounts): Promise<void> {
    const merged = await this.read();
    for (const [id, times] of ours) merged.set(id, unite(merged.get(id) ?? [], times));
    const since = this.now() - dayMs;
    const buckets: Record<string, number[]> = {};
    for (const [id, times] of merged) {
      const recent = times.filter((at) => at > since);
      if (recent.length > 0) buckets[id] = recent;
    }
    await fs.mkdir(path.dirname(this.options.file), { recursive: true });
    await atomicWriteFile(this.options.file, `${JSON.stringify({ v: version, buckets })}\n`);
  }

  private async read(): Promise<DayCounts> {
    let text: string;
    try {
      text = await fs.readFile(this.options.file, 'utf8');
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT')
        this.options.log?.(`Rate limits: could not read ${this.options.file}: ${String(error)}`);
      return new Map();
    }
    const counts: DayCounts = new Map();
    try {
      const parsed = JSON.parse(text) as { v?: unknown; buckets?: unknown };
      if (parsed.v !== version || typeof parsed.buckets !== 'object' || parsed.buckets === null) throw new Error('not a rate-limit file');
      const since = this.now() - dayMs;
      for (const [id, times] of Object.entries(parsed.buckets as Record<string, unknown>)) {
        if (!Array.isArray(times) || !times.every((at) => typeof at === 'number' && Number.isFinite(at)))
          throw new Error(`bad bucket ${id}`);
        const recent = (times as number[]).filter((at) => at > since).sort((a, b) => a - b);
        if (recent.length > 0) counts.set(id, recent);
      }
    } catch (error) {
      this.options.log?.(`Rate limits: ${this.options.file} is damaged (${String(error)}); the per-day counts start again.`);
      return new Map();
    }
    return counts;
  }
}

/**
 * Both lists' times, oldest first; a time in both counts as often as in the list that has it more often (the same
 * request seen again, while two requests of this window in one millisecond stay two).
 */
function unite(a: readonly number[], b: readonly number[]): number[] {
  const counts = new Map<number, number>();
  const tally = (list: readonly number[]): Map<number, number> => {
    const own = new Map<number, number>();
    for (const at of list) own.set(at, (own.get(at) ?? 0) + 1);
    return own;
  };
  for (const list of [tally(a), tally(b)]) for (const [at, count] of list) counts.set(at, Math.max(counts.get(at) ?? 0, count));
  return [...counts].sort((x, y) => x[0] - y[0]).flatMap(([at, count]) => Array<number>(count).fill(at));
}
