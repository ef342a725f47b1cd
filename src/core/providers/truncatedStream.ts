import type { ErrorContext } from '../errors/errorContext';
import { errorText } from '../errors/errorText';
import { ProviderError } from '../errors/providerError';

/** A stream that ended cleanly at the TCP level but before the protocol's end marker: the answer was cut off. */
export function truncatedStream(context: ErrorContext, partial: boolean): ProviderError {
  return new ProviderError({
    kind: 'network',
    provider: context.provider,
    text: errorText('chat.truncated', { provider: context.provider, kept: partial ? errorText('chat.truncated.partKept') : '' }),
    ...(context.model !== undefined ? { model: context.model } : {}),
  });
}
