// The reliability wrappers turn anything unexpected (a provider client that throws instead of emitting an
// `error` event, a bug) into a ProviderError, so the stream still ends with an `error` event the UI can show.
import { ProviderError } from '../errors/providerError';

export function asProviderError(error: unknown, provider: string, model: string, signal?: AbortSignal): ProviderError {
  if (error instanceof ProviderError) return error;
  if (signal?.aborted || (error instanceof Error && error.name === 'AbortError')) {
    return new ProviderError({ kind: 'cancelled', provider, model, message: 'The request was stopped.', cause: error });
  }
  const detail = error instanceof Error ? error.message : String(error);
  return new ProviderError({
    kind: 'invalid-response',
    provider,
    model,
    message: `The ${provider} client failed unexpectedly: ${detail}`,
    cause: error,
  });
}
