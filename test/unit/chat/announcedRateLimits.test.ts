// The rate-limit headers of each provider dialect, as their public documents show them: OpenAI's "Rate limits"
// guide (Go durations), Groq's "Rate Limits" docs (`2m59.56s`, `7.66s`), Anthropic's "Rate limits" docs (RFC 3339
// resets, token counts in thousands) and OpenRouter's "Limits" docs (epoch-millisecond reset).
import * as assert from 'node:assert/strict';
import { parseAnnouncedRateLimits, parseResetDuration } from '../../../src/core/chat/announcedRateLimits';

const now = Date.UTC(2026, 0, 15, 9, 0, 0);

describe('parseAnnouncedRateLimits', () => {
  it('reads OpenAI’s x-ratelimit-*-requests/-tokens with Go-duration resets as refilling budgets', () => {
    const announced = parseAnnouncedRateLimits(
      {
        'x-ratelimit-limit-requests': '60',
        'x-ratelimit-limit-tokens': '150000',
        'x-ratelimit-remaining-requests': '59',
        'x-ratelimit-remaining-tokens': '149984',
        'x-ratelimit-reset-requests': '1s',
        'x-ratelimit-reset-tokens': '6m0s',
      },
      now,
    );
    assert.deepEqual(announced, {
      requests: { remaining: 59, limit: 60, resetAt: now + 1_000, refill: 'gradual' },
      tokens: { remaining: 149_984, limit: 150_000, resetAt: now + 360_000, refill: 'gradual' },
    });
  });

  it('reads Groq’s fractional resets', () => {
    const announced = parseAnnouncedRateLimits(
      {
        'x-ratelimit-limit-requests': '14400',
        'x-ratelimit-limit-tokens': '18000',
        'x-ratelimit-remaining-requests': '14370',
        'x-ratelimit-remaining-tokens': '17997',
        'x-ratelimit-reset-requests': '2m59.56s',
        'x-ratelimit-reset-tokens': '7.66s',
      },
      now,
    );
    assert.equal(announced?.requests?.resetAt, now + 179_560);
    assert.equal(announced?.tokens?.resetAt, now + 7_660);
    assert.equal(announced?.tokens?.remaining, 17_997);
  });

  it('reads Anthropic’s RFC 3339 resets, taking tokens-* (the most restrictive) over input-tokens-*, and output tokens on their own', () => {
    const announced = parseAnnouncedRateLimits(
      {
        'anthropic-ratelimit-requests-limit': '50',
        'anthropic-ratelimit-requests-remaining': '0',
        'anthropic-ratelimit-requests-reset': '2026-01-15T09:00:30Z',
        'anthropic-ratelimit-tokens-limit': '8000',
        'anthropic-ratelimit-tokens-remaining': '2000',
        'anthropic-ratelimit-tokens-reset': '2026-01-15T09:00:45.5Z',
        'anthropic-ratelimit-input-tokens-limit': '40000',
        'anthropic-ratelimit-input-tokens-remaining': '39000',
        'anthropic-ratelimit-input-tokens-reset': '2026-01-15T09:00:02Z',
        'anthropic-ratelimit-output-tokens-limit': '8000',
        'anthropic-ratelimit-output-tokens-remaining': '2000',
        'anthropic-ratelimit-output-tokens-reset': '2026-01-15T10:00:45+01:00',
      },
      now,
    );
    assert.deepEqual(announced, {
      requests: { remaining: 0, limit: 50, resetAt: now + 30_000, refill: 'gradual' },
      tokens: { remaining: 2_000, limit: 8_000, resetAt: now + 45_500, refill: 'gradual' },
      outputTokens: { remaining: 2_000, limit: 8_000, resetAt: now + 45_000, refill: 'gradual' },
    });
  });

  it('falls back to Anthropic’s input-tokens-* when tokens-* is missing', () => {
    const announced = parseAnnouncedRateLimits(
      {
        'anthropic-ratelimit-input-tokens-limit': '40000',
        'anthropic-ratelimit-input-tokens-remaining': '1000',
        'anthropic-ratelimit-input-tokens-reset': '2026-01-15T09:00:10Z',
      },
      now,
    );
    assert.deepEqual(announced, { tokens: { remaining: 1_000, limit: 40_000, resetAt: now + 10_000, refill: 'gradual' } });
  });

  it('moves an absolute reset onto our clock using the response’s date when the clocks disagree', () => {
    const serverAhead = {
      date: 'Thu, 15 Jan 2026 09:05:00 GMT',
      'anthropic-ratelimit-requests-remaining': '0',
      'anthropic-ratelimit-requests-reset': '2026-01-15T09:05:20Z',
    };
    assert.equal(parseAnnouncedRateLimits(serverAhead, now)?.requests?.resetAt, now + 20_000, 'our clock five minutes behind');
    const sameClock = {
      ...serverAhead,
      date: 'Thu, 15 Jan 2026 09:00:01 GMT',
      'anthropic-ratelimit-requests-reset': '2026-01-15T09:00:20.250Z',
    };
    assert.equal(
      parseAnnouncedRateLimits(sameClock, now)?.requests?.resetAt,
      now + 20_250,
      'within the date’s whole-second precision, our own clock counts',
    );
  });

  it('reads OpenRouter’s x-ratelimit-* with an epoch-millisecond reset as a window that restarts at the reset', () => {
    const announced = parseAnnouncedRateLimits(
      { 'x-ratelimit-limit': '20', 'x-ratelimit-remaining': '0', 'x-ratelimit-reset': String(now + 5_000) },
      now,
    );
    assert.deepEqual(announced, { requests: { remaining: 0, limit: 20, resetAt: now + 5_000, refill: 'window' } });
    const seconds = parseAnnouncedRateLimits({ 'x-ratelimit-remaining': '3', 'x-ratelimit-reset': String(now / 1000 + 60) }, now);
    assert.deepEqual(seconds, { requests: { remaining: 3, resetAt: now + 60_000, refill: 'window' } }, 'epoch seconds');
    const delta = parseAnnouncedRateLimits({ 'x-ratelimit-remaining': '0', 'x-ratelimit-reset': '12' }, now);
    assert.equal(delta?.requests?.resetAt, now + 12_000, 'delta seconds');
  });

  it('ignores headers it cannot read, keeping the budgets it can', () => {
    assert.equal(parseAnnouncedRateLimits({ 'content-type': 'text/event-stream' }, now), undefined);
    assert.equal(
      parseAnnouncedRateLimits({ 'x-ratelimit-remaining-requests': 'lots', 'x-ratelimit-reset-requests': '1s' }, now),
      undefined,
    );
    assert.equal(parseAnnouncedRateLimits({ 'x-ratelimit-remaining-requests': '-1', 'x-ratelimit-reset-requests': '1s' }, now), undefined);
    assert.equal(parseAnnouncedRateLimits({ 'x-ratelimit-remaining-requests': '0' }, now), undefined, 'no reset: nothing to wait for');
    assert.deepEqual(
      parseAnnouncedRateLimits(
        {
          'x-ratelimit-remaining-requests': '0',
          'x-ratelimit-reset-requests': 'soon',
          'x-ratelimit-remaining-tokens': '10',
          'x-ratelimit-reset-tokens': '20ms',
          'x-ratelimit-limit-tokens': 'n/a',
        },
        now,
      ),
      { tokens: { remaining: 10, resetAt: now + 20, refill: 'gradual' } },
    );
    assert.equal(
      parseAnnouncedRateLimits(
        { 'anthropic-ratelimit-requests-remaining': '0', 'anthropic-ratelimit-requests-reset': 'Thu, 15 Jan 2026 09:00:30 GMT' },
        now,
      ),
      undefined,
      'an HTTP date is not the RFC 3339 Anthropic documents',
    );
    assert.equal(parseAnnouncedRateLimits({ 'x-ratelimit-remaining': '0', 'x-ratelimit-reset': 'tomorrow' }, now), undefined);
  });
});

describe('parseResetDuration', () => {
  it('reads Go durations and bare seconds', () => {
    assert.equal(parseResetDuration('20ms'), 20);
    assert.equal(parseResetDuration('6m0s'), 360_000);
    assert.equal(parseResetDuration('1h2m3s'), 3_723_000);
    assert.equal(parseResetDuration('0s'), 0);
    assert.equal(parseResetDuration('500µs'), 0.5);
    assert.equal(parseResetDuration('1.5'), 1_500);
  });

  it('refuses anything else', () => {
    for (const bad of ['', 's', '5x', '-1s', '1s later', '1d', 'NaNs', undefined])
      assert.equal(parseResetDuration(bad), undefined, String(bad));
  });
});
