// Per-day rate-limit counts outlive a restart (docs/spend.md, "Ledger and files"): a new limiter on the same file
// starts from the requests the last one sent in the past 24 hours. Real temporary files; time from a fake clock.
import * as assert from 'node:assert/strict';
import { promises as fs } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { DayCountFile } from '../../../src/core/chat/dayCountFile';
import { RateLimiter, dailyLimitErrorCode } from '../../../src/core/chat/rateLimiter';
import { sydneyRateLimitDefaults } from '../../../src/core/chat/sydneyRateLimits';
import { ProviderError } from '../../../src/core/errors/providerError';
import { FakeClock } from '../chat/fakeClock';

const gpt4 = { provider: 'sydney', model: 'gpt-4' };

describe('per-day rate-limit counts on disk', () => {
  let directory: string;
  let file: string;
  beforeEach(async () => {
    directory = await fs.mkdtemp(path.join(os.tmpdir(), 'switchboard-limits-'));
    file = path.join(directory, 'spend', 'rate-limits.json');
  });
  afterEach(async () => {
    await fs.rm(directory, { recursive: true, force: true });
  });

  /** A limiter of the Sydney preset (gpt-4: 500 a day) with its counts in `file`, as the engine builds it. */
  function limiter(clock: FakeClock): { limiter: RateLimiter; counts: DayCountFile } {
    const counts = new DayCountFile({ file, now: () => clock.now(), saveDelayMs: 60_000 });
    return { limiter: new RateLimiter({ clock, limitsFor: () => sydneyRateLimitDefaults, dayCounts: counts }), counts };
  }

  it('a restarted limiter still counts the requests of the last 24 hours, and frees them a day after each', async () => {
    const clock = new FakeClock();
    const first = limiter(clock);
    // 500 requests, one every 10 s (gpt-4 also allows 2 a minute): ~83 minutes.
    for (let i = 0; i < 500; i++) {
      await first.limiter.acquire(gpt4, 10);
      clock.time += 30_000;
    }
    await first.counts.flush();
    const saved = JSON.parse(await fs.readFile(file, 'utf8')) as { buckets: Record<string, number[]> };
    assert.deepEqual(
      Object.values(saved.buckets).map((times) => times.length),
      [500],
    );

    // A restart an hour later: a new limiter on the same file.
    clock.time += 60 * 60_000;
    const second = limiter(clock);
    await assert.rejects(
      second.limiter.acquire(gpt4, 10),
      (error: unknown) => error instanceof ProviderError && error.code === dailyLimitErrorCode,
    );
    assert.equal(second.limiter.remainingToday(gpt4), 0);
    // A day after the first request, it is free again (and only it).
    clock.time = saved.buckets[Object.keys(saved.buckets)[0] ?? '']![0]! + 24 * 60 * 60_000 + 1;
    await second.limiter.acquire(gpt4, 10);
    assert.equal(second.limiter.remainingToday(gpt4), 0);
    // Other budgets are untouched: gpt-3.5-turbo has its own day.
    assert.equal(second.limiter.remainingToday({ provider: 'sydney', model: 'gpt-3.5-turbo' }), 2000);
  });

  it('two windows writing the same file keep each other’s requests; anything older than a day is dropped', async () => {
    const clock = new FakeClock();
    const a = limiter(clock);
    const b = limiter(clock);
    await a.limiter.acquire(gpt4, 10);
    clock.time += 40_000;
    await b.limiter.acquire(gpt4, 10);
    clock.time += 40_000;
    await a.limiter.acquire(gpt4, 10);
    await a.counts.flush();
    await b.counts.flush();
    const restarted = limiter(clock);
    assert.equal(restarted.limiter.remainingToday(gpt4), 500, 'nothing is counted before the first request has read the file');
    clock.time += 40_000;
    await restarted.limiter.acquire(gpt4, 10);
    assert.equal(restarted.limiter.remainingToday(gpt4), 496);
    await restarted.counts.flush();
    clock.time += 25 * 60 * 60_000;
    await b.limiter.acquire(gpt4, 10);
    await b.counts.flush();
    const saved = JSON.parse(await fs.readFile(file, 'utf8')) as { buckets: Record<string, number[]> };
    assert.deepEqual(Object.values(saved.buckets), [[clock.time]]);
  });

  it('a damaged file is replaced: the counts start again rather than failing requests', async () => {
    await fs.mkdir(path.dirname(file), { recursive: true });
    await fs.writeFile(file, '{"v":1,"buckets":{"x":["soon"]}}');
    const logs: string[] = [];
    const clock = new FakeClock();
    const counts = new DayCountFile({ file, now: () => clock.now(), log: (message) => logs.push(message) });
    const limiter = new RateLimiter({ clock, limitsFor: () => sydneyRateLimitDefaults, dayCounts: counts });
    await limiter.acquire(gpt4, 10);
    assert.equal(limiter.remainingToday(gpt4), 499);
    await counts.flush();
    assert.match(logs.join('\n'), /is damaged/);
    const saved = JSON.parse(await fs.readFile(file, 'utf8')) as { buckets: Record<string, number[]> };
    assert.deepEqual(Object.values(saved.buckets), [[clock.time]]);
  });
});
