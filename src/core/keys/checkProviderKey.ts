// A cheap check of a key against its provider (issue 4): the model list, which costs nothing, answers whether the
// key works. Providers without a free endpoint are reported as unverified rather than charged for a request.
import type { ProviderError } from '../errors/providerError';
import type { HttpClient } from '../http/httpClient';
import { createChatProvider, type ResolvedProviderEntry } from '../providers/createChatProvider';
import type { ProviderCredentials } from './keyStore';

export type KeyCheck =
  | { result: 'works'; models: number }
  | { result: 'rejected'; error: ProviderError }
  | { result: 'unreachable'; error: ProviderError }
  | { result: 'unverified' };

export async function checkProviderKey(
  entry: ResolvedProviderEntry,
  credentials: ProviderCredentials,
  http: HttpClient,
  signal?: AbortSignal,
): Promise<KeyCheck> {
  if (entry.kind === 'sydney' || entry.kind === 'stability' || entry.kind === 'fusionbrain') return { result: 'unverified' };
  try {
    const models = await createChatProvider(entry, credentials, { http }).listModels(signal);
    return { result: 'works', models: models.length };
  } catch (error) {
    const providerError = error as ProviderError;
    return providerError.kind === 'auth' || providerError.kind === 'quota'
      ? { result: 'rejected', error: providerError }
      : { result: 'unreachable', error: providerError };
  }
}
