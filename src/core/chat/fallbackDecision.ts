// What the fallback chain does after an attempt failed BEFORE any text of it was streamed (an answer that has
// started is never replaced: its text stands and the error is shown). The rule (docs/requests.md, "Fallback"):
//
// - `next` — provider-side trouble that another model may not have: server, overloaded, network, timeout,
//   rate-limit (the client has already retried), invalid-response, and not-found (the model is unknown or
//   unavailable there; another model may well exist). Also our own per-day limit of ONE model
//   (code `daily-request-limit`).
// - `next-provider` — quota (billing, credits, a provider's daily quota): every model of that provider will fail
//   the same way, so the chain skips the provider's remaining entries and goes on with other providers.
// - `stop` — the user has to act, and trying elsewhere would hide it or repeat it: auth (fix the key),
//   bad-request (the request itself is wrong), content-filtered (no routing around a safety filter),
//   cancelled (the user pressed stop).
import type { ProviderError } from '../errors/providerError';
import { assertNever } from '../assertNever';
import { dailyLimitErrorCode } from './rateLimiter';

export type FallbackDecision = 'next' | 'next-provider' | 'stop';

export function fallbackDecision(error: ProviderError): FallbackDecision {
  switch (error.kind) {
    case 'server':
    case 'overloaded':
    case 'network':
    case 'timeout':
    case 'rate-limit':
    case 'invalid-response':
    case 'not-found':
      return 'next';
    case 'quota':
      return error.code === dailyLimitErrorCode ? 'next' : 'next-provider';
    case 'auth':
    case 'bad-request':
    case 'content-filtered':
    case 'cancelled':
      return 'stop';
    default:
      return assertNever(error.kind, 'provider error kind');
  }
}
