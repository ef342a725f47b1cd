import type { ProviderError } from '../errors/providerError';
import type { HttpHeaders } from './httpHeaders';

/**
 * Whether a failure before the first byte of the body is worth another attempt. Some failures are never retried,
 * whatever the server says (a rejected key, a bad request, a missing model, an empty account or a used-up daily
 * quota do not get better by asking again); otherwise `x-should-retry: true|false` from the server wins; otherwise
 * the error's own `retryable` flag decides (network, timeout, 408, 409, 429, 5xx, 529).
 */
export function shouldRetry(error: ProviderError, headers: HttpHeaders = {}): boolean {
  switch (error.kind) {
    case 'auth':
    case 'bad-request':
    case 'not-found':
    case 'quota':
    case 'content-filtered':
    case 'invalid-response':
    case 'cancelled':
      return false;
    default:
      break;
  }
  const header = headers['x-should-retry']?.trim().toLowerCase();
  if (header === 'true') return true;
  if (header === 'false') return false;
  return error.retryable;
}
