import * as assert from 'node:assert/strict';
import { ProviderError } from '../../../src/core/errors/providerError';

/**
 * Awaits `promise`, which must reject with a ProviderError whose message holds none of `secrets` (the key, and
 * e.g. Fusion Brain's secret); returns the error for further checks.
 */
export async function expectProviderFailure(promise: Promise<unknown>, secrets: readonly string[] = []): Promise<ProviderError> {
  try {
    await promise;
  } catch (error) {
    assert.ok(error instanceof ProviderError, `expected a ProviderError, got ${String(error)}`);
    for (const secret of secrets) assert.ok(!error.message.includes(secret), 'a secret must never be in a message');
    return error;
  }
  assert.fail('expected a ProviderError');
}
