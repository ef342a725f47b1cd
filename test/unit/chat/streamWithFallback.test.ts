import * as assert from 'node:assert/strict';
import type { ChatEvent } from '../../../src/core/chat/chatTypes';
import { CircuitBreaker } from '../../../src/core/chat/circuitBreaker';
import { fallbackDecision } from '../../../src/core/chat/fallbackDecision';
import { RateLimiter, dailyLimitErrorCode } from '../../../src/core/chat/rateLimiter';
import { streamWithFallback } from '../../../src/core/chat/streamWithFallback';
import { withRateLimit } from '../../../src/core/chat/withRateLimit';
import { FakeClock } from './fakeClock';
import { answer, collect, failure, fakeProvider, providerError, textOf, types } from './fakeProvider';

const request = { messages: [{ role: 'user' as const, parts: [{ type: 'text' as const, text: 'hello' }] }] };

type Of<T extends ChatEvent['type']> = Extract<ChatEvent, { type: T }>;
function only<T extends ChatEvent['type']>(events: readonly ChatEvent[], type: T): Of<T>[] {
  return events.filter((event): event is Of<T> => event.type === type);
}

describe('streamWithFallback', () => {
  it('moves to the next model on a 503 server error, says so, and the answer names the model that answered', async () => {
    const a = fakeProvider('openai', [failure('server', 'openai', 'gpt-4o', { status: 503 })]);
    const b = fakeProvider('anthropic', [answer('anthropic', 'claude-x', 'Hello!')]);
    const events = await collect(
      streamWithFallback(
        [
          { provider: a, model: 'gpt-4o' },
          { provider: b, model: 'claude-x' },
        ],
        request,
      ),
    );
    assert.deepEqual(types(events), ['model', 'fallback', 'model', 'text-delta', 'done']);
    const [fallback] = only(events, 'fallback');
    assert.deepEqual(fallback?.from, { provider: 'openai', model: 'gpt-4o' });
    assert.deepEqual(fallback?.to, { provider: 'anthropic', model: 'claude-x' });
    assert.equal(fallback?.error.status, 503);
    assert.deepEqual(only(events, 'model').at(-1), { type: 'model', provider: 'anthropic', model: 'claude-x' });
    assert.equal(textOf(events), 'Hello!');
    assert.equal(a.requests[0]?.model, 'gpt-4o');
    assert.equal(b.requests[0]?.model, 'claude-x');
  });

  it('does NOT fall back on a 401 auth error: the user has to fix the key', async () => {
    const a = fakeProvider('openai', [failure('auth', 'openai', 'gpt-4o', { status: 401 })]);
    const b = fakeProvider('anthropic', [answer('anthropic', 'claude-x', 'Hello!')]);
    const events = await collect(
      streamWithFallback(
        [
          { provider: a, model: 'gpt-4o' },
          { provider: b, model: 'claude-x' },
        ],
        request,
      ),
    );
    assert.deepEqual(types(events), ['model', 'error']);
    assert.equal(only(events, 'error')[0]?.error.kind, 'auth');
    assert.equal(b.requests.length, 0);
  });

  it('does not replace an answer that has started: the partial text stands and the error ends it', async () => {
    const a = fakeProvider('openai', [
      [
        { type: 'model', provider: 'openai', model: 'gpt-4o' },
        { type: 'text-delta', text: 'Half an ans' },
        { type: 'error', error: providerError('network', 'openai') },
      ],
    ]);
    const b = fakeProvider('anthropic', [answer('anthropic', 'claude-x', 'Hello!')]);
    const events = await collect(
      streamWithFallback(
        [
          { provider: a, model: 'gpt-4o' },
          { provider: b, model: 'claude-x' },
        ],
        request,
      ),
    );
    assert.deepEqual(types(events), ['model', 'text-delta', 'error']);
    assert.equal(textOf(events), 'Half an ans');
    assert.equal(b.requests.length, 0);
  });

  it('falls back on each provider-side kind and not-found, stops on the user-side kinds', () => {
    for (const kind of ['server', 'overloaded', 'network', 'timeout', 'rate-limit', 'invalid-response', 'not-found'] as const) {
      assert.equal(fallbackDecision(providerError(kind, 'p')), 'next', kind);
    }
    for (const kind of ['auth', 'bad-request', 'content-filtered', 'cancelled'] as const) {
      assert.equal(fallbackDecision(providerError(kind, 'p')), 'stop', kind);
    }
    assert.equal(fallbackDecision(providerError('quota', 'p', { code: 'insufficient_quota' })), 'next-provider');
    assert.equal(fallbackDecision(providerError('quota', 'p', { code: dailyLimitErrorCode })), 'next');
  });

  it('on a billing quota error skips the rest of that provider and goes on with another provider', async () => {
    const openai = fakeProvider('openai', [failure('quota', 'openai', 'gpt-4o', { status: 429, code: 'insufficient_quota' })]);
    const groq = fakeProvider('groq', [answer('groq', 'llama', 'Hi')]);
    const events = await collect(
      streamWithFallback(
        [
          { provider: openai, model: 'gpt-4o' },
          { provider: openai, model: 'gpt-4o-mini' },
          { provider: groq, model: 'llama' },
        ],
        request,
      ),
    );
    assert.equal(openai.requests.length, 1, 'gpt-4o-mini of the same account was not tried');
    const [fallback] = only(events, 'fallback');
    assert.deepEqual(fallback?.to, { provider: 'groq', model: 'llama' });
    assert.equal(textOf(events), 'Hi');
  });

  it("on our own per-day limit of one model tries the provider's next model", async () => {
    const limiter = new RateLimiter({ clock: new FakeClock(), limitsFor: () => ({ perModel: { 'gpt-4': { requestsPerDay: 1 } } }) });
    const inner = fakeProvider('sydney', [(r) => answer('sydney', r.model, `from ${r.model}`)], 'sydney');
    const sydney = withRateLimit(inner, limiter);
    const chain = [
      { provider: sydney, model: 'gpt-4' },
      { provider: sydney, model: 'gpt-3.5-turbo' },
    ];
    assert.equal(textOf(await collect(streamWithFallback(chain, request))), 'from gpt-4');
    const events = await collect(streamWithFallback(chain, request));
    assert.equal(only(events, 'fallback')[0]?.error.code, dailyLimitErrorCode);
    assert.equal(textOf(events), 'from gpt-3.5-turbo');
  });

  it('falls back on not-found of the model, and ends with the last error when every model fails', async () => {
    const a = fakeProvider('openrouter', [failure('not-found', 'openrouter', 'gone/model', { status: 404 })]);
    const b = fakeProvider('groq', [failure('overloaded', 'groq', 'llama', { status: 503 })]);
    const events = await collect(
      streamWithFallback(
        [
          { provider: a, model: 'gone/model' },
          { provider: b, model: 'llama' },
        ],
        request,
      ),
    );
    assert.deepEqual(types(events), ['model', 'fallback', 'model', 'error']);
    assert.equal(only(events, 'error')[0]?.error.kind, 'overloaded');
  });

  it('adds the model event when a provider leaves it out', async () => {
    const a = fakeProvider('sydney', [
      [
        { type: 'text-delta', text: 'reply' },
        { type: 'done', finishReason: 'stop' },
      ],
    ]);
    const events = await collect(streamWithFallback([{ provider: a, model: 'gpt-4' }], request));
    assert.deepEqual(events, [
      { type: 'model', provider: 'sydney', model: 'gpt-4' },
      { type: 'text-delta', text: 'reply' },
      { type: 'done', finishReason: 'stop' },
    ]);
  });

  it('passes rate-limit waits and retries through, and treats a stream that stops without done as a failure', async () => {
    const a = fakeProvider('openai', [
      [
        { type: 'rate-limit-wait', provider: 'openai', model: 'gpt-4o', waitMs: 1000, reason: 'tokens-per-minute' },
        { type: 'retry', provider: 'openai', model: 'gpt-4o', attempt: 1, delayMs: 500, error: providerError('server', 'openai') },
        { type: 'model', provider: 'openai', model: 'gpt-4o' },
      ],
    ]);
    const b = fakeProvider('groq', [answer('groq', 'llama', 'Hi')]);
    const events = await collect(
      streamWithFallback(
        [
          { provider: a, model: 'gpt-4o' },
          { provider: b, model: 'llama' },
        ],
        request,
      ),
    );
    assert.deepEqual(types(events), ['rate-limit-wait', 'retry', 'model', 'fallback', 'model', 'text-delta', 'done']);
    assert.equal(only(events, 'fallback')[0]?.error.kind, 'invalid-response');
  });

  it('turns a provider that throws into a fallback, not a crash', async () => {
    const a = fakeProvider('openai', [
      () => {
        throw new TypeError('bug');
      },
    ]);
    const b = fakeProvider('groq', [answer('groq', 'llama', 'Hi')]);
    const events = await collect(
      streamWithFallback(
        [
          { provider: a, model: 'gpt-4o' },
          { provider: b, model: 'llama' },
        ],
        request,
      ),
    );
    assert.equal(textOf(events), 'Hi');
  });

  it('stops at once when cancelled: no fallback, done (cancelled)', async () => {
    const controller = new AbortController();
    const a = fakeProvider('openai', [
      async function* () {
        yield { type: 'model', provider: 'openai', model: 'gpt-4o' } as const;
        controller.abort();
        yield { type: 'error', error: providerError('network', 'openai') } as const;
      },
    ]);
    const b = fakeProvider('groq', [answer('groq', 'llama', 'Hi')]);
    const breaker = new CircuitBreaker({ clock: new FakeClock(), failureThreshold: 1 });
    const events = await collect(
      streamWithFallback(
        [
          { provider: a, model: 'gpt-4o' },
          { provider: b, model: 'llama' },
        ],
        { ...request, signal: controller.signal },
        { breaker },
      ),
    );
    assert.deepEqual(events.at(-1), { type: 'done', finishReason: 'cancelled' });
    assert.equal(b.requests.length, 0);
    assert.equal(breaker.state('openai'), 'closed', 'a stopped request says nothing about the provider');

    const before = await collect(streamWithFallback([{ provider: b, model: 'llama' }], { ...request, signal: AbortSignal.abort() }));
    assert.deepEqual(before, [{ type: 'done', finishReason: 'cancelled' }]);
  });

  it('ends with a clear error for an empty chain', async () => {
    const events = await collect(streamWithFallback([], request));
    assert.equal(only(events, 'error')[0]?.error.kind, 'bad-request');
  });

  describe('with a circuit breaker', () => {
    it('records failures, skips an open provider with a fallback event that says why, and closes after a successful trial', async () => {
      const clock = new FakeClock();
      const breaker = new CircuitBreaker({ clock, failureThreshold: 2, coolDownMs: 60_000 });
      let healthy = false;
      const a = fakeProvider('openai', [
        (r) => (healthy ? answer('openai', r.model, 'A') : failure('server', 'openai', r.model, { status: 500 })),
      ]);
      const b = fakeProvider('groq', [answer('groq', 'llama', 'B')]);
      const chain = [
        { provider: a, model: 'gpt-4o' },
        { provider: b, model: 'llama' },
      ];

      assert.equal(textOf(await collect(streamWithFallback(chain, request, { breaker }))), 'B');
      assert.equal(textOf(await collect(streamWithFallback(chain, request, { breaker }))), 'B');
      assert.equal(breaker.state('openai'), 'open');
      assert.equal(breaker.state('groq'), 'closed');

      const skipped = await collect(streamWithFallback(chain, request, { breaker }));
      assert.equal(a.requests.length, 2, 'openai was not called while open');
      assert.deepEqual(types(skipped), ['fallback', 'model', 'text-delta', 'done']);
      const [fallback] = only(skipped, 'fallback');
      assert.equal(fallback?.error.code, 'circuit-open');
      assert.match(fallback?.error.message ?? '', /openai failed several times in a row, so it is skipped for about 60 s/);

      clock.time += 60_000;
      healthy = true;
      assert.equal(textOf(await collect(streamWithFallback(chain, request, { breaker }))), 'A', 'half-open trial');
      assert.equal(breaker.state('openai'), 'closed');
    });

    it('does not count a 401 towards opening the breaker', async () => {
      const breaker = new CircuitBreaker({ clock: new FakeClock(), failureThreshold: 1 });
      const a = fakeProvider('openai', [failure('auth', 'openai', 'gpt-4o', { status: 401 })]);
      await collect(streamWithFallback([{ provider: a, model: 'gpt-4o' }], request, { breaker }));
      assert.equal(breaker.state('openai'), 'closed');
    });

    it('ends with one clear error when every provider of the chain is open', async () => {
      const breaker = new CircuitBreaker({ clock: new FakeClock(), failureThreshold: 1 });
      breaker.recordFailure('openai', providerError('server', 'openai'));
      breaker.recordFailure('groq', providerError('timeout', 'groq'));
      const a = fakeProvider('openai', [answer('openai', 'gpt-4o', 'A')]);
      const b = fakeProvider('groq', [answer('groq', 'llama', 'B')]);
      const events = await collect(
        streamWithFallback(
          [
            { provider: a, model: 'gpt-4o' },
            { provider: b, model: 'llama' },
          ],
          request,
          { breaker },
        ),
      );
      assert.deepEqual(types(events), ['fallback', 'error']);
      const error = only(events, 'error')[0]?.error;
      assert.equal(error?.code, 'circuit-open');
      assert.match(error?.message ?? '', /Every model of the fallback chain is skipped.*openai, groq/);
      assert.equal(a.requests.length + b.requests.length, 0);
    });

    it('gives the half-open trial slot back when the consumer stops listening', async () => {
      const clock = new FakeClock();
      const breaker = new CircuitBreaker({ clock, failureThreshold: 1, coolDownMs: 1_000 });
      breaker.recordFailure('openai', providerError('server', 'openai'));
      clock.time += 1_000;
      const a = fakeProvider('openai', [answer('openai', 'gpt-4o', 'A')]);
      const iterator = streamWithFallback([{ provider: a, model: 'gpt-4o' }], request, { breaker })[Symbol.asyncIterator]();
      await iterator.next();
      await iterator.return(undefined);
      assert.equal(breaker.tryPass('openai').allowed, true);
    });
  });
});
