// The RateLimiter honouring what providers announce in their headers: it waits before a request the provider
// would refuse, reports the wait like its own, and never hangs a chat for a reset hours away.
import * as assert from 'node:assert/strict';
import { RateLimiter, type RateLimitWait } from '../../../src/core/chat/rateLimiter';
import { ProviderError } from '../../../src/core/errors/providerError';
import { FakeClock, settle } from './fakeClock';

const key = { provider: 'openai', model: 'gpt-4o-mini' };

function setup(clock = new FakeClock()): {
  limiter: RateLimiter;
  clock: FakeClock;
  waits: RateLimitWait[];
  onWait: (wait: RateLimitWait) => void;
} {
  const waits: RateLimitWait[] = [];
  return { limiter: new RateLimiter({ clock, limitsFor: () => undefined }), clock, waits, onWait: (wait) => void waits.push(wait) };
}

describe('RateLimiter with announced limits', () => {
  it('waits until the announced reset when no request is left, reports it, and then lets requests through', async () => {
    const { limiter, clock, waits, onWait } = setup();
    limiter.observeHeaders(key, { 'x-ratelimit-remaining-requests': '0', 'x-ratelimit-reset-requests': '200ms' });
    await limiter.acquire(key, 100, { onWait });
    assert.deepEqual(waits, [{ key, waitMs: 200, reason: 'requests-per-minute' }]);
    assert.deepEqual(clock.sleeps, [200]);
    await limiter.acquire(key, 100, { onWait });
    assert.equal(waits.length, 1, 'after the reset the announcement no longer holds anything back');
  });

  it('waits only for the share of a refilling bucket this request needs when the limit is known', async () => {
    const { limiter, waits, onWait } = setup();
    // Anthropic: 50 requests a minute, none left, full again in 60 s → one request is back after 1.2 s.
    limiter.observeHeaders(key, {
      'anthropic-ratelimit-requests-limit': '50',
      'anthropic-ratelimit-requests-remaining': '0',
      'anthropic-ratelimit-requests-reset': new Date(Date.UTC(2026, 0, 15, 9, 1, 0)).toISOString(),
    });
    await limiter.acquire(key, 0, { onWait });
    assert.deepEqual(waits, [{ key, waitMs: 1_200, reason: 'requests-per-minute' }]);
  });

  it('waits when fewer tokens are left than this request’s estimate, and not when they suffice', async () => {
    const { limiter, clock, waits, onWait } = setup();
    // 30 000 tokens a minute, 500 left, full in 59 s: 0.5 tokens per ms come back.
    const headers = { 'x-ratelimit-limit-tokens': '30000', 'x-ratelimit-remaining-tokens': '500', 'x-ratelimit-reset-tokens': '59s' };
    limiter.observeHeaders(key, headers);
    await limiter.acquire(key, 400, { onWait });
    assert.deepEqual(waits, [], 'the estimate fits what is left');
    limiter.observeHeaders(key, headers);
    await limiter.acquire(key, 2_000, { onWait });
    assert.deepEqual(waits, [{ key, waitMs: 3_000, reason: 'tokens-per-minute' }]);
    assert.deepEqual(clock.sleeps, [3_000]);
  });

  it('counts the requests sent since the announcement', async () => {
    const { limiter, waits, onWait } = setup();
    limiter.observeHeaders(key, { 'x-ratelimit-remaining-requests': '1', 'x-ratelimit-reset-requests': '30s' });
    await limiter.acquire(key, 0, { onWait });
    assert.deepEqual(waits, []);
    await limiter.acquire(key, 0, { onWait });
    assert.deepEqual(waits, [{ key, waitMs: 30_000, reason: 'requests-per-minute' }]);
  });

  it('waits for Anthropic output tokens only when none are left', async () => {
    const { limiter, waits, onWait } = setup();
    const reset = new Date(Date.UTC(2026, 0, 15, 9, 0, 10)).toISOString();
    limiter.observeHeaders(key, {
      'anthropic-ratelimit-output-tokens-remaining': '1000',
      'anthropic-ratelimit-output-tokens-reset': reset,
    });
    await limiter.acquire(key, 5_000, { onWait });
    assert.deepEqual(waits, [], 'the answer’s length is unknown: some output tokens left is enough');
    limiter.observeHeaders(key, {
      'anthropic-ratelimit-output-tokens-remaining': '0',
      'anthropic-ratelimit-output-tokens-reset': new Date(Date.UTC(2026, 0, 15, 9, 0, 20)).toISOString(),
    });
    await limiter.acquire(key, 5_000, { onWait });
    assert.deepEqual(waits, [{ key, waitMs: 20_000, reason: 'tokens-per-minute' }]);
  });

  it('waits for the whole window of an OpenRouter-style reset, however large the limit', async () => {
    const { limiter, clock, waits, onWait } = setup();
    limiter.observeHeaders(key, {
      'x-ratelimit-limit': '20',
      'x-ratelimit-remaining': '0',
      'x-ratelimit-reset': String(clock.now() + 8_000),
    });
    await limiter.acquire(key, 0, { onWait });
    assert.deepEqual(waits, [{ key, waitMs: 8_000, reason: 'requests-per-minute' }]);
  });

  it('does not hang a chat on a reset hours away: the request goes (and the provider’s 429 speaks)', async () => {
    const { limiter, clock, waits, onWait } = setup();
    limiter.observeHeaders(key, {
      'x-ratelimit-limit': '50',
      'x-ratelimit-remaining': '0',
      'x-ratelimit-reset': String(clock.now() + 5 * 60 * 60_000),
    });
    await limiter.acquire(key, 0, { onWait });
    limiter.observeHeaders(key, {
      'x-ratelimit-remaining-requests': '0',
      'x-ratelimit-reset-requests': '61s',
      'x-ratelimit-remaining-tokens': '0',
      'x-ratelimit-reset-tokens': '1s',
    });
    await limiter.acquire(key, 10, { onWait });
    assert.deepEqual(waits, [], 'one budget past the cap means the request goes rather than waiting for the others');
    assert.deepEqual(clock.sleeps, []);
  });

  it('keeps announcements per provider and model', async () => {
    const { limiter, waits, onWait } = setup();
    limiter.observeHeaders(key, { 'x-ratelimit-remaining-requests': '0', 'x-ratelimit-reset-requests': '10s' });
    await limiter.acquire({ provider: 'openai', model: 'gpt-4o' }, 0, { onWait });
    await limiter.acquire({ provider: 'groq', model: key.model }, 0, { onWait });
    assert.deepEqual(waits, []);
  });

  it('a newer announcement replaces the older one', async () => {
    const { limiter, waits, onWait } = setup();
    limiter.observeHeaders(key, { 'x-ratelimit-remaining-requests': '0', 'x-ratelimit-reset-requests': '10s' });
    limiter.observeHeaders(key, { 'x-ratelimit-remaining-requests': '5', 'x-ratelimit-reset-requests': '1s' });
    await limiter.acquire(key, 0, { onWait });
    assert.deepEqual(waits, []);
  });

  it('stops waiting with a cancelled error when aborted', async () => {
    const clock = new FakeClock(Date.UTC(2026, 0, 15, 9, 0, 0), 'manual');
    const { limiter } = setup(clock);
    limiter.observeHeaders(key, { 'x-ratelimit-remaining-requests': '0', 'x-ratelimit-reset-requests': '20s' });
    const controller = new AbortController();
    const waiting = limiter.acquire(key, 0, { signal: controller.signal });
    await settle();
    assert.equal(clock.pending, 1);
    controller.abort();
    await assert.rejects(waiting, (error: unknown) => error instanceof ProviderError && error.kind === 'cancelled');
  });

  it('takes the longer of its own budget and the announced one', async () => {
    const clock = new FakeClock();
    const limiter = new RateLimiter({ clock, limitsFor: () => ({ requestsPerMinute: 1 }) });
    const waits: RateLimitWait[] = [];
    await limiter.acquire(key, 0);
    limiter.observeHeaders(key, { 'x-ratelimit-remaining-requests': '0', 'x-ratelimit-reset-requests': '5s' });
    await limiter.acquire(key, 0, { onWait: (wait) => void waits.push(wait) });
    assert.deepEqual(waits, [{ key, waitMs: 60_000, reason: 'requests-per-minute' }]);
  });
});
