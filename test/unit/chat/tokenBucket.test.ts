import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import { TokenBucket } from '../../../src/core/chat/tokenBucket';
import { RateLimiter } from '../../../src/core/chat/rateLimiter';
import { FakeClock } from './fakeClock';

const minute = 60_000;

describe('TokenBucket', () => {
  it('grants up to its capacity, then waits until the oldest spend leaves the window', () => {
    const bucket = new TokenBucket(3, minute);
    for (const at of [0, 1_000, 2_000]) {
      assert.equal(bucket.waitFor(1, at), 0);
      bucket.take(1, at);
    }
    assert.equal(bucket.waitFor(1, 10_000), 50_000);
    assert.equal(bucket.waitFor(1, 60_000), 0);
    assert.equal(bucket.available(61_500), 2);
  });

  it('waits for enough spends to expire for a larger amount, and clamps an amount above the capacity', () => {
    const bucket = new TokenBucket(100, minute);
    bucket.take(40, 0);
    bucket.take(40, 10_000);
    assert.equal(bucket.waitFor(30, 20_000), 40_000);
    assert.equal(bucket.waitFor(90, 20_000), 50_000);
    assert.equal(bucket.waitFor(1_000, 20_000), 50_000, 'too big: wait for an empty bucket');
  });

  it('corrects an earlier spend while it is in the window, and ignores it afterwards', () => {
    const bucket = new TokenBucket(100, minute);
    const spend = bucket.take(80, 0);
    bucket.correct(spend, 10);
    assert.equal(bucket.available(1), 90);
    bucket.correct(spend, 100);
    assert.equal(bucket.available(2), 0);
    assert.equal(bucket.available(minute), 100);
    bucket.correct(spend, 5);
    assert.equal(bucket.available(minute + 1), 100);
  });

  it('property: never grants more than its capacity in any window, whatever the request times', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 8 }),
        fc.array(fc.tuple(fc.integer({ min: 0, max: 300_000 }), fc.integer({ min: 1, max: 8 })), { minLength: 1, maxLength: 80 }),
        (capacity, requests) => {
          const bucket = new TokenBucket(capacity, minute);
          const granted: { at: number; amount: number }[] = [];
          let now = 0;
          for (const [arrival, rawAmount] of [...requests].sort((a, b) => a[0] - b[0])) {
            const amount = Math.min(rawAmount, capacity);
            now = Math.max(now, arrival);
            now += bucket.waitFor(amount, now);
            bucket.take(amount, now);
            granted.push({ at: now, amount });
          }
          for (const start of granted) {
            const inWindow = granted.filter((g) => g.at >= start.at && g.at < start.at + minute);
            const total = inWindow.reduce((sum, g) => sum + g.amount, 0);
            assert.ok(total <= capacity, `${total} > ${capacity} in the window from ${start.at}`);
          }
        },
      ),
      { numRuns: 300 },
    );
  });

  it('property: the RateLimiter grants each request as early as the per-minute limit allows, never earlier', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.integer({ min: 1, max: 6 }),
        fc.array(fc.integer({ min: 0, max: 240_000 }), { minLength: 1, maxLength: 40 }),
        async (limit, arrivals) => {
          const start = Date.UTC(2026, 0, 1);
          const clock = new FakeClock(start);
          const limiter = new RateLimiter({ clock, limitsFor: () => ({ requestsPerMinute: limit }) });
          const grants: number[] = [];
          for (const arrival of [...arrivals].sort((a, b) => a - b)) {
            clock.time = Math.max(clock.time, start + arrival);
            const arrivedAt = clock.time;
            await limiter.acquire({ provider: 'p', model: 'm' }, 0);
            const expected = Math.max(arrivedAt, (grants[grants.length - limit] ?? -Infinity) + minute);
            assert.equal(clock.now(), expected);
            grants.push(clock.now());
          }
          for (let i = limit; i < grants.length; i += 1) {
            assert.ok((grants[i] ?? 0) - (grants[i - limit] ?? 0) >= minute);
          }
        },
      ),
      { numRuns: 200 },
    );
  });
});
