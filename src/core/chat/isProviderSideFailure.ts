// Which failures say "this provider is unwell right now" — the ones the circuit breaker counts. The rest say
// something about the request, the key, the account or the user (auth, bad request, quota, unknown model,
// content filter, stop button) and neither open nor close the breaker.
import type { ProviderError } from '../errors/providerError';
import { assertNever } from '../assertNever';

export function isProviderSideFailure(error: ProviderError): boolean {
  switch (error.kind) {
    case 'server':
    case 'overloaded':
    case 'network':
    case 'timeout':
    case 'rate-limit':
    case 'invalid-response':
      return true;
    case 'auth':
    case 'quota':
    case 'bad-request':
    case 'not-found':
    case 'content-filtered':
    case 'cancelled':
      return false;
    default:
      return assertNever(error.kind, 'provider error kind');
  }
}
