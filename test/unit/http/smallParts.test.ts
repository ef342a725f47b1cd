import * as assert from 'node:assert/strict';
import * as z from 'zod/mini';
import { formatDuration } from '../../../src/core/formatDuration';
import { backoffDelay } from '../../../src/core/http/backoffDelay';
import { parseRetryAfter } from '../../../src/core/http/parseRetryAfter';
import { describeSchemaIssue } from '../../../src/core/validation/describeSchemaIssue';

describe('parseRetryAfter', () => {
  const now = Date.parse('2026-01-01T00:00:00Z');
  it('reads milliseconds, seconds and HTTP dates; ignores nonsense', () => {
    assert.equal(parseRetryAfter({ 'retry-after-ms': '250' }, now), 250);
    assert.equal(parseRetryAfter({ 'retry-after-ms': '250', 'retry-after': '9' }, now), 250);
    assert.equal(parseRetryAfter({ 'retry-after': '2' }, now), 2000);
    assert.equal(parseRetryAfter({ 'retry-after': '1.5' }, now), 1500);
    assert.equal(parseRetryAfter({ 'retry-after': 'Thu, 01 Jan 2026 00:00:30 GMT' }, now), 30_000);
    assert.equal(parseRetryAfter({ 'retry-after': 'Wed, 31 Dec 2025 00:00:00 GMT' }, now), 0);
    assert.equal(parseRetryAfter({ 'retry-after': 'soon' }, now), undefined);
    assert.equal(parseRetryAfter({ 'retry-after-ms': '-5' }, now), undefined);
    assert.equal(parseRetryAfter({}, now), undefined);
  });
});

describe('backoffDelay', () => {
  it('grows exponentially up to the cap, scaled by the jitter', () => {
    const options = { initialMs: 500, maxMs: 8000 };
    assert.deepEqual(
      [0, 1, 2, 3, 4, 5].map((a) => backoffDelay(a, options, () => 1)),
      [500, 1000, 2000, 4000, 8000, 8000],
    );
    assert.equal(
      backoffDelay(3, options, () => 0),
      0,
    );
    for (let i = 0; i < 100; i++) {
      const d = backoffDelay(2, options);
      assert.ok(d >= 0 && d <= 2000);
    }
  });
});

describe('formatDuration', () => {
  it('reads like a person would say it', () => {
    assert.deepEqual([0, 150, 1000, 1500, 12_000, 90_000, 3_600_000].map(formatDuration), [
      '0 ms',
      '150 ms',
      '1 s',
      '1.5 s',
      '12 s',
      '90 s',
      '60 min',
    ]);
  });
});

describe('describeSchemaIssue', () => {
  it('says which field was expected to be what', () => {
    const schema = z.object({ choices: z.array(z.object({ delta: z.object({ content: z.string() }) })) });
    const result = schema.safeParse({ choices: [{ delta: { content: 1 } }] });
    assert.ok(!result.success);
    assert.equal(describeSchemaIssue(result.error.issues, 'the body'), 'expected choices[0].delta.content to be a string');
    const top = schema.safeParse('x');
    assert.ok(!top.success);
    assert.equal(describeSchemaIssue(top.error.issues, 'the body'), 'expected the body to be an object');
  });
});
