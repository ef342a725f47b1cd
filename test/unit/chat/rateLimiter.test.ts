import * as assert from 'node:assert/strict';
import * as z from 'zod/mini';
import { RateLimiter, dailyLimitErrorCode, type RateLimitWait } from '../../../src/core/chat/rateLimiter';
import { rateLimitsSchema, resolveModelRateLimits, type RateLimits } from '../../../src/core/chat/rateLimits';
import { sydneyRateLimitDefaults } from '../../../src/core/chat/sydneyRateLimits';
import { estimateTokens } from '../../../src/core/chat/estimateTokens';
import { ProviderError } from '../../../src/core/errors/providerError';
import { FakeClock, settle } from './fakeClock';

const key = { provider: 'openai', model: 'gpt-4o-mini' };

function limiterWith(limits: RateLimits, clock = new FakeClock()): { limiter: RateLimiter; clock: FakeClock; waits: RateLimitWait[] } {
  const waits: RateLimitWait[] = [];
  return { limiter: new RateLimiter({ clock, limitsFor: () => limits }), clock, waits };
}

describe('RateLimiter', () => {
  it('lets requests through while under requests-per-minute, then waits exactly until a slot frees and reports why', async () => {
    const { limiter, clock, waits } = limiterWith({ requestsPerMinute: 2 });
    const onWait = (wait: RateLimitWait): void => void waits.push(wait);
    await limiter.acquire(key, 10, { onWait });
    clock.time += 5_000;
    await limiter.acquire(key, 10, { onWait });
    assert.deepEqual(waits, []);
    clock.time += 5_000;
    await limiter.acquire(key, 10, { onWait });
    assert.deepEqual(waits, [{ key, waitMs: 50_000, reason: 'requests-per-minute' }]);
    assert.deepEqual(clock.sleeps, [50_000]);
  });

  it('keeps separate budgets per provider and model', async () => {
    const { limiter, clock } = limiterWith({ requestsPerMinute: 1 });
    await limiter.acquire(key, 0);
    await limiter.acquire({ provider: 'openai', model: 'gpt-4o' }, 0);
    await limiter.acquire({ provider: 'groq', model: 'gpt-4o-mini' }, 0);
    assert.deepEqual(clock.sleeps, []);
  });

  it('waits for tokens-per-minute and reports that reason', async () => {
    const { limiter, clock, waits } = limiterWith({ tokensPerMinute: 1_000 });
    const onWait = (wait: RateLimitWait): void => void waits.push(wait);
    await limiter.acquire(key, 700, { onWait });
    clock.time += 15_000;
    await limiter.acquire(key, 200, { onWait });
    clock.time += 15_000;
    await limiter.acquire(key, 400, { onWait });
    assert.deepEqual(waits, [{ key, waitMs: 30_000, reason: 'tokens-per-minute' }]);
  });

  it('recordUsage replaces the token estimate with the real count', async () => {
    const { limiter, clock } = limiterWith({ tokensPerMinute: 1_000 });
    const ticket = await limiter.acquire(key, 900);
    limiter.recordUsage(ticket, 100);
    await limiter.acquire(key, 800);
    assert.deepEqual(clock.sleeps, [], 'the corrected first request left room');

    const { limiter: strict, clock: strictClock } = limiterWith({ tokensPerMinute: 1_000 });
    const under = await strict.acquire(key, 100);
    strict.recordUsage(under, 900);
    await strict.acquire(key, 500);
    assert.deepEqual(strictClock.sleeps, [60_000], 'an underestimate is charged in full');
  });

  it('fails fast with a quota error when the daily limit is used up, saying when it resets', async () => {
    const { limiter, clock } = limiterWith({ requestsPerDay: 2 });
    await limiter.acquire({ provider: 'sydney', model: 'sdxl' }, 0);
    clock.time += 60 * 60_000;
    await limiter.acquire({ provider: 'sydney', model: 'sdxl' }, 0);
    clock.time += 60_000;
    await assert.rejects(limiter.acquire({ provider: 'sydney', model: 'sdxl' }, 0), (error: unknown) => {
      assert.ok(error instanceof ProviderError);
      assert.equal(error.kind, 'quota');
      assert.equal(error.code, dailyLimitErrorCode);
      assert.equal(error.retryable, false);
      assert.equal(error.retryAfterMs, 23 * 60 * 60_000 - 60_000);
      assert.match(error.message, /daily limit of 2 requests for sydney\/sdxl is used up; it resets in 22 h 59 min/);
      return true;
    });
    assert.deepEqual(clock.sleeps, [], 'did not wait for hours');
    assert.equal(limiter.remainingToday({ provider: 'sydney', model: 'sdxl' }), 0);
  });

  it('waits for a daily slot that frees up within a minute instead of failing', async () => {
    const { limiter, clock, waits } = limiterWith({ requestsPerDay: 1 });
    await limiter.acquire(key, 0);
    clock.time += 24 * 60 * 60_000 - 20_000;
    await limiter.acquire(key, 0, { onWait: (wait) => void waits.push(wait) });
    assert.deepEqual(waits, [{ key, waitMs: 20_000, reason: 'requests-per-day' }]);
  });

  it('rejects with a cancelled error when aborted while waiting, and does not spend the budget', async () => {
    const clock = new FakeClock(Date.UTC(2026, 0, 1), 'manual');
    const limiter = new RateLimiter({ clock, limitsFor: () => ({ requestsPerMinute: 1 }) });
    await limiter.acquire(key, 0);
    const controller = new AbortController();
    const waiting = limiter.acquire(key, 0, { signal: controller.signal });
    await settle();
    assert.equal(clock.pending, 1);
    controller.abort();
    await assert.rejects(waiting, (error: unknown) => error instanceof ProviderError && error.kind === 'cancelled');
    clock.advance(60_000);
    await limiter.acquire(key, 0);
    assert.equal(clock.pending, 0, 'the slot freed after a minute was still there for the next request');
  });

  it('rejects at once when the signal is already aborted', async () => {
    const { limiter } = limiterWith({});
    await assert.rejects(
      limiter.acquire(key, 0, { signal: AbortSignal.abort() }),
      (error: unknown) => error instanceof ProviderError && error.kind === 'cancelled',
    );
  });

  it('applies settings changes on the next acquire', async () => {
    let limits: RateLimits = { requestsPerMinute: 1 };
    const clock = new FakeClock();
    const limiter = new RateLimiter({ clock, limitsFor: () => limits });
    await limiter.acquire(key, 0);
    limits = { requestsPerMinute: 5 };
    await limiter.acquire(key, 0);
    assert.deepEqual(clock.sleeps, []);
  });

  it('uses the Sydney defaults: 3 sdxl images per minute, a shared claude budget', async () => {
    const clock = new FakeClock();
    const limiter = new RateLimiter({ clock, limitsFor: (id) => (id === 'sydney' ? sydneyRateLimitDefaults : undefined) });
    const waits: RateLimitWait[] = [];
    for (let i = 0; i < 4; i += 1)
      await limiter.acquire({ provider: 'sydney', model: 'sdxl' }, 0, { onWait: (wait) => void waits.push(wait) });
    assert.deepEqual(
      waits.map((w) => [w.reason, w.waitMs]),
      [['requests-per-minute', 60_000]],
    );
    assert.equal(limiter.remainingToday({ provider: 'sydney', model: 'sdxl' }), 996);
    await limiter.acquire({ provider: 'sydney', model: 'claude-2-100k' }, 0);
    assert.equal(limiter.remainingToday({ provider: 'sydney', model: 'claude-instant-1-100k' }), 1499);
    assert.equal(limiter.remainingToday({ provider: 'openai', model: 'gpt-4o' }), undefined);
  });
});

describe('rate limit configuration', () => {
  it('validates entries with the zod/mini schema, naming the bad field', () => {
    assert.ok(z.safeParse(rateLimitsSchema, sydneyRateLimitDefaults).success);
    assert.ok(z.safeParse(rateLimitsSchema, { requestsPerMinute: 10, perModel: { 'gpt-4o': { tokensPerMinute: 30_000 } } }).success);
    const bad = z.safeParse(rateLimitsSchema, { perModel: { 'gpt-4o': { requestsPerMinute: -1 } } });
    assert.ok(!bad.success);
    assert.deepEqual(bad.error.issues[0]?.path, ['perModel', 'gpt-4o', 'requestsPerMinute']);
    assert.ok(!z.safeParse(rateLimitsSchema, { requestPerMinute: 10 }).success, 'a misspelt field is an error, not ignored');
    assert.ok(!z.safeParse(rateLimitsSchema, { requestsPerDay: 1.5 }).success);
  });

  it('resolves per-model overrides field by field: exact id, then the longest prefix*', () => {
    const config: RateLimits = {
      requestsPerMinute: 10,
      tokensPerMinute: 1_000,
      perModel: { 'claude*': { requestsPerMinute: 7 }, 'claude-3*': { requestsPerMinute: 5 }, 'claude-3-opus': { requestsPerDay: 50 } },
    };
    assert.deepEqual(resolveModelRateLimits(config, 'gpt-4o'), {
      bucket: 'gpt-4o',
      limits: { requestsPerMinute: 10, tokensPerMinute: 1_000, requestsPerDay: undefined },
    });
    assert.deepEqual(resolveModelRateLimits(config, 'claude-2'), {
      bucket: 'claude*',
      limits: { requestsPerMinute: 7, tokensPerMinute: 1_000, requestsPerDay: undefined },
    });
    assert.equal(resolveModelRateLimits(config, 'claude-3-haiku').bucket, 'claude-3*');
    assert.deepEqual(resolveModelRateLimits(config, 'claude-3-opus').limits, {
      requestsPerMinute: 10,
      tokensPerMinute: 1_000,
      requestsPerDay: 50,
    });
    assert.deepEqual(resolveModelRateLimits(undefined, 'x').limits, {
      requestsPerMinute: undefined,
      tokensPerMinute: undefined,
      requestsPerDay: undefined,
    });
  });
});

describe('estimateTokens', () => {
  it('counts about four characters per token plus the answer allowance', () => {
    const messages = [{ role: 'user' as const, parts: [{ type: 'text' as const, text: 'x'.repeat(400) }] }];
    assert.equal(estimateTokens({ messages, maxTokens: 50 }), 100 + 4 + 50);
    assert.equal(estimateTokens({ messages, systemPrompt: 'y'.repeat(40), maxTokens: 0 }), 110 + 8);
    assert.equal(estimateTokens({ messages: [] }), 1024);
  });
});
