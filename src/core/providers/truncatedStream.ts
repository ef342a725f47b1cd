import type { ErrorContext } from '../errors/errorContext';
import { ProviderError } from '../errors/providerError';

/** A stream that ended cleanly at the TCP level but before the protocol's end marker: the answer was cut off. */
export function truncatedStream(context: ErrorContext, partial: boolean): ProviderError {
  return new ProviderError({
    kind: 'network',
    provider: context.provider,
    message: `The connection to ${context.provider} closed before the answer finished${partial ? '; the part received is kept' : ''}.`,
    ...(context.model !== undefined ? { model: context.model } : {}),
  });
}
