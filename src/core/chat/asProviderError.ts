// The reliability wrappers turn anything unexpected (a provider client that throws instead of emitting an
// `error` event, a bug) into a ProviderError, so the stream still ends with an `error` event the UI can show.
import { toProviderError } from '../errors/errorFactories';
import type { ProviderError } from '../errors/providerError';

export function asProviderError(error: unknown, provider: string, model: string, signal?: AbortSignal): ProviderError {
  return toProviderError(error, { provider, model, signal, stage: 'client' });
}
