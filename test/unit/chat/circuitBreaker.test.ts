import * as assert from 'node:assert/strict';
import { CircuitBreaker, type CircuitState } from '../../../src/core/chat/circuitBreaker';
import { isProviderSideFailure } from '../../../src/core/chat/isProviderSideFailure';
import type { ProviderErrorKind } from '../../../src/core/errors/providerError';
import { FakeClock } from './fakeClock';
import { providerError } from './fakeProvider';

function setup(): { breaker: CircuitBreaker; clock: FakeClock; changes: [string, CircuitState][] } {
  const clock = new FakeClock();
  const changes: [string, CircuitState][] = [];
  const breaker = new CircuitBreaker({
    clock,
    failureThreshold: 3,
    failureWindowMs: 60_000,
    coolDownMs: 30_000,
    onStateChange: (id, state) => void changes.push([id, state]),
  });
  return { breaker, clock, changes };
}

describe('CircuitBreaker', () => {
  it('opens after N consecutive provider-side failures and refuses requests with the time left', () => {
    const { breaker, clock, changes } = setup();
    breaker.recordFailure('openai', providerError('server', 'openai', { status: 503 }));
    breaker.recordFailure('openai', providerError('timeout', 'openai'));
    assert.equal(breaker.state('openai'), 'closed');
    assert.deepEqual(breaker.tryPass('openai'), { allowed: true, state: 'closed' });
    breaker.recordFailure('openai', providerError('network', 'openai'));
    assert.equal(breaker.state('openai'), 'open');
    clock.time += 10_000;
    assert.deepEqual(breaker.tryPass('openai'), { allowed: false, state: 'open', retryInMs: 20_000 });
    assert.deepEqual(breaker.tryPass('anthropic'), { allowed: true, state: 'closed' }, 'per provider id');
    assert.deepEqual(changes, [['openai', 'open']]);
  });

  it('does not count auth, bad-request, quota, not-found, content-filtered or cancelled failures', () => {
    const { breaker } = setup();
    for (const kind of ['auth', 'bad-request', 'quota', 'not-found', 'content-filtered', 'cancelled'] as const) {
      for (let i = 0; i < 5; i += 1) breaker.recordFailure('p', providerError(kind, 'p'));
    }
    assert.equal(breaker.state('p'), 'closed');
  });

  it('classifies every error kind', () => {
    const providerSide: ProviderErrorKind[] = ['server', 'overloaded', 'network', 'timeout', 'rate-limit', 'invalid-response'];
    const all: ProviderErrorKind[] = [...providerSide, 'auth', 'quota', 'bad-request', 'not-found', 'content-filtered', 'cancelled'];
    for (const kind of all) assert.equal(isProviderSideFailure(providerError(kind, 'p')), providerSide.includes(kind), kind);
  });

  it('needs the failures to be consecutive and within the window', () => {
    const { breaker, clock } = setup();
    breaker.recordFailure('p', providerError('server', 'p'));
    breaker.recordFailure('p', providerError('server', 'p'));
    breaker.recordSuccess('p');
    breaker.recordFailure('p', providerError('server', 'p'));
    assert.equal(breaker.state('p'), 'closed', 'a success resets the count');
    clock.time += 61_000;
    breaker.recordFailure('p', providerError('server', 'p'));
    breaker.recordFailure('p', providerError('server', 'p'));
    assert.equal(breaker.state('p'), 'closed', 'the first failure fell out of the window');
    breaker.recordFailure('p', providerError('server', 'p'));
    assert.equal(breaker.state('p'), 'open');
  });

  it('half-opens after the cool-down: one trial passes, others wait; success closes it', () => {
    const { breaker, clock, changes } = setup();
    for (let i = 0; i < 3; i += 1) breaker.recordFailure('p', providerError('overloaded', 'p'));
    clock.time += 30_000;
    assert.equal(breaker.state('p'), 'half-open');
    assert.deepEqual(breaker.tryPass('p'), { allowed: true, state: 'half-open' });
    assert.equal(breaker.tryPass('p').allowed, false, 'only one trial at a time');
    breaker.recordSuccess('p');
    assert.equal(breaker.state('p'), 'closed');
    assert.equal(breaker.tryPass('p').allowed, true);
    assert.deepEqual(changes, [
      ['p', 'open'],
      ['p', 'half-open'],
      ['p', 'closed'],
    ]);
  });

  it('re-opens for another cool-down when the trial fails; a neutral outcome frees the trial slot', () => {
    const { breaker, clock } = setup();
    for (let i = 0; i < 3; i += 1) breaker.recordFailure('p', providerError('server', 'p'));
    clock.time += 30_000;
    assert.equal(breaker.tryPass('p').allowed, true);
    breaker.recordFailure('p', providerError('server', 'p'));
    assert.equal(breaker.state('p'), 'open');
    clock.time += 29_000;
    assert.equal(breaker.tryPass('p').allowed, false);
    clock.time += 1_000;
    assert.equal(breaker.tryPass('p').allowed, true);
    breaker.recordFailure('p', providerError('cancelled', 'p'));
    assert.equal(breaker.state('p'), 'half-open');
    assert.equal(breaker.tryPass('p').allowed, true, 'the stopped trial gave its slot back');
  });

  it('frees a trial slot that never reported after another cool-down', () => {
    const { breaker, clock } = setup();
    for (let i = 0; i < 3; i += 1) breaker.recordFailure('p', providerError('server', 'p'));
    clock.time += 30_000;
    assert.equal(breaker.tryPass('p').allowed, true);
    clock.time += 10_000;
    assert.deepEqual(breaker.tryPass('p'), { allowed: false, state: 'half-open', retryInMs: 20_000 });
    clock.time += 20_000;
    assert.equal(breaker.tryPass('p').allowed, true);
  });

  it('has sensible defaults (3 failures, 60 s)', () => {
    const clock = new FakeClock();
    const breaker = new CircuitBreaker({ clock });
    for (let i = 0; i < 3; i += 1) breaker.recordFailure('p', providerError('server', 'p'));
    assert.equal(breaker.state('p'), 'open');
    clock.time += 59_999;
    assert.equal(breaker.state('p'), 'open');
    clock.time += 1;
    assert.equal(breaker.state('p'), 'half-open');
  });
});
