// A cheap check of a key against its provider (issue 4): the model list (or Stability's balance, Fusion Brain's
// pipeline list, OpenRouter's key endpoint, since its model list is public), which costs nothing, answers whether
// the key works. Providers without a free endpoint (the Sydney gateway) are reported as unverified rather than
// charged for a request.
import type { ProviderError } from '../errors/providerError';
import type { HttpClient } from '../http/httpClient';
import { createImageProvider } from '../images/createImageProvider';
import { createChatProvider, type ResolvedProviderEntry } from '../providers/createChatProvider';
import { checkOpenRouterKey, isOpenRouter } from './checkOpenRouterKey';
import type { ProviderCredentials } from './keyStore';
import type { KeyCheck } from './keyCheck';

export type { KeyCheck } from './keyCheck';

export async function checkProviderKey(
  entry: ResolvedProviderEntry,
  credentials: ProviderCredentials,
  http: HttpClient,
  signal?: AbortSignal,
): Promise<KeyCheck> {
  if (entry.kind === 'sydney') return { result: 'unverified' };
  if (entry.kind === 'stability' || entry.kind === 'fusionbrain') {
    const check = await createImageProvider(entry, credentials, { http }).checkKey(signal);
    return check.result === 'works'
      ? {
          result: 'works',
          ...(check.models !== undefined ? { models: check.models } : {}),
          ...(check.credits !== undefined ? { credits: check.credits } : {}),
        }
      : check;
  }
  const apiKey = credentials.apiKey?.trim();
  if (apiKey && isOpenRouter(entry)) {
    const check = await checkOpenRouterKey(entry, apiKey, http, signal);
    if (check !== undefined) return check;
  }
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
