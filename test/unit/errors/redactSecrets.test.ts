import * as assert from 'node:assert/strict';
import * as fc from 'fast-check';
import { createRedactor } from '../../../src/core/errors/redactSecrets';

describe('redactSecrets', () => {
  it('removes the key, key fragments a provider echoes, and well-known key shapes', () => {
    const key = 'my-gateway-key-7f3a9c2e1d';
    const redact = createRedactor([key]);
    assert.equal(redact(`key ${key} rejected`), 'key *** rejected');
    assert.equal(redact('provided: my-gateway-key-7f3a****2e1d'), 'provided: ***');
    assert.equal(redact('Authorization: Bearer abcdefghijklmnop'), 'Authorization: Bearer ***');
    assert.equal(redact('sk-proj-abc123def456 and AIzaSyA-0123456789abcdefghijklmnopqrstu'), '*** and ***');
    assert.equal(redact('gsk_abcdefghijklmnop and ddosxd-api-abc123'), '*** and ***');
    assert.equal(redact('the model gpt-4o-mini is busy'), 'the model gpt-4o-mini is busy');
  });

  it('ignores empty or tiny secrets instead of mangling every message', () => {
    const redact = createRedactor(['', undefined, 'ab']);
    assert.equal(redact('about abstractions'), 'about abstractions');
  });

  it('never lets a key through, wherever it sits in the text (property)', () => {
    fc.assert(
      fc.property(
        fc.string({
          unit: fc.constantFrom(...'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-_'),
          minLength: 12,
          maxLength: 60,
        }),
        fc.string({ maxLength: 40 }),
        fc.string({ maxLength: 40 }),
        (key, before, after) => {
          const redacted = createRedactor([key])(`${before}${key}${after}`);
          assert.ok(!redacted.includes(key));
        },
      ),
      { numRuns: 300 },
    );
  });
});
