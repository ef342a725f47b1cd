import * as assert from 'node:assert/strict';
import type { ChatEvent } from '../../../src/core/chat/chatTypes';
import { RateLimiter } from '../../../src/core/chat/rateLimiter';
import { withRateLimit } from '../../../src/core/chat/withRateLimit';
import { FakeClock, settle } from './fakeClock';
import { answer, collect, fakeProvider, types } from './fakeProvider';

const request = { model: 'sdxl', messages: [{ role: 'user' as const, parts: [{ type: 'text' as const, text: 'hi' }] }], maxTokens: 100 };

describe('withRateLimit', () => {
  it('emits rate-limit-wait before the model events when it has to wait, and passes the answer through', async () => {
    const clock = new FakeClock();
    const limiter = new RateLimiter({ clock, limitsFor: () => ({ requestsPerMinute: 1 }) });
    const inner = fakeProvider('sydney', [answer('sydney', 'sdxl', 'one'), answer('sydney', 'sdxl', 'two')], 'sydney');
    const provider = withRateLimit(inner, limiter);
    assert.equal(provider.id, 'sydney');
    assert.equal(provider.kind, 'sydney');

    assert.deepEqual(types(await collect(provider.streamChat(request))), ['model', 'text-delta', 'done']);
    clock.time += 12_000;
    const events = await collect(provider.streamChat(request));
    assert.deepEqual(events[0], {
      type: 'rate-limit-wait',
      provider: 'sydney',
      model: 'sdxl',
      waitMs: 48_000,
      reason: 'requests-per-minute',
    });
    assert.deepEqual(types(events), ['rate-limit-wait', 'model', 'text-delta', 'done']);
    assert.equal(inner.requests.length, 2);
  });

  it('yields the wait event while still waiting (so the UI can show it), not after', async () => {
    const clock = new FakeClock(Date.UTC(2026, 0, 1), 'manual');
    const limiter = new RateLimiter({ clock, limitsFor: () => ({ requestsPerMinute: 1 }) });
    const provider = withRateLimit(fakeProvider('p', [answer('p', 'sdxl', 'x')]), limiter);
    await collect(provider.streamChat(request));
    const iterator = provider.streamChat(request)[Symbol.asyncIterator]();
    const first = await iterator.next();
    assert.equal(first.value?.type, 'rate-limit-wait');
    assert.equal(clock.pending, 1, 'still waiting');
    const next = iterator.next();
    clock.advance(60_000);
    assert.equal((await next).value?.type, 'model');
  });

  it('records the real usage so the next request waits only as much as needed', async () => {
    const clock = new FakeClock();
    const limiter = new RateLimiter({ clock, limitsFor: () => ({ tokensPerMinute: 1_000 }) });
    const inner = fakeProvider('p', [answer('p', 'm', 'ok', { inputTokens: 10, outputTokens: 20 })]);
    const provider = withRateLimit(inner, limiter);
    const big = { ...request, model: 'm', maxTokens: 900 };
    await collect(provider.streamChat(big));
    const events = await collect(provider.streamChat(big));
    assert.ok(!events.some((event) => event.type === 'rate-limit-wait'), 'estimate of ~900 was replaced by 30');
  });

  it('ends with a quota error event when the daily budget is used up, without calling the provider', async () => {
    const limiter = new RateLimiter({ clock: new FakeClock(), limitsFor: () => ({ requestsPerDay: 1 }) });
    const inner = fakeProvider('sydney', [answer('sydney', 'sdxl', 'x')]);
    const provider = withRateLimit(inner, limiter);
    await collect(provider.streamChat(request));
    const events = await collect(provider.streamChat(request));
    assert.deepEqual(types(events), ['error']);
    const last = events[0] as Extract<ChatEvent, { type: 'error' }>;
    assert.equal(last.error.kind, 'quota');
    assert.equal(inner.requests.length, 1);
  });

  it('ends with done (cancelled) when stopped while waiting, without calling the provider', async () => {
    const clock = new FakeClock(Date.UTC(2026, 0, 1), 'manual');
    const limiter = new RateLimiter({ clock, limitsFor: () => ({ requestsPerMinute: 1 }) });
    const inner = fakeProvider('p', [answer('p', 'sdxl', 'x')]);
    const provider = withRateLimit(inner, limiter);
    await collect(provider.streamChat(request));
    const controller = new AbortController();
    const pending = collect(provider.streamChat({ ...request, signal: controller.signal }));
    await settle();
    controller.abort();
    assert.deepEqual(await pending, [
      { type: 'rate-limit-wait', provider: 'p', model: 'sdxl', waitMs: 60_000, reason: 'requests-per-minute' },
      { type: 'done', finishReason: 'cancelled' },
    ]);
    assert.equal(inner.requests.length, 1);
    assert.equal(clock.pending, 0);
  });

  it('releases the wait when the consumer stops listening', async () => {
    const clock = new FakeClock(Date.UTC(2026, 0, 1), 'manual');
    const limiter = new RateLimiter({ clock, limitsFor: () => ({ requestsPerMinute: 1 }) });
    const provider = withRateLimit(fakeProvider('p', [answer('p', 'sdxl', 'x')]), limiter);
    await collect(provider.streamChat(request));
    const iterator = provider.streamChat(request)[Symbol.asyncIterator]();
    await iterator.next();
    await iterator.return?.(undefined);
    await settle();
    assert.equal(clock.pending, 0);
  });

  it('turns a provider that throws into an error event', async () => {
    const limiter = new RateLimiter({ clock: new FakeClock(), limitsFor: () => undefined });
    const inner = fakeProvider('p', [
      () => {
        throw new Error('boom');
      },
    ]);
    const events = await collect(withRateLimit(inner, limiter).streamChat(request));
    assert.deepEqual(types(events), ['error']);
  });
});
