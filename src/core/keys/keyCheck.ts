// What checking a key against its provider found (checkProviderKey, checkOpenRouterKey).
import type { ProviderError } from '../errors/providerError';

export type KeyCheck =
  | {
      result: 'works';
      models?: number;
      /** What the key may still spend: Stability's credits, or OpenRouter's `limit_remaining` when the key has a limit. */
      credits?: number;
      /** The unit of the amounts: the provider's own credits (when absent) or US dollars (OpenRouter). */
      creditUnit?: 'usd';
      /** Spent so far with the key (OpenRouter's `usage`). */
      creditsUsed?: number;
      /** The key's own spending limit; null when it has none (OpenRouter's `limit`). */
      creditLimit?: number | null;
    }
  | { result: 'rejected'; error: ProviderError }
  | { result: 'unreachable'; error: ProviderError }
  | { result: 'unverified' };
