// OpenRouter's model list is public, so listing it says nothing about a key. `GET {base}/key` does: 401 for a bad
// key, and for a good one what it may still spend (OpenRouter's API reference, "Get current API key", and its
// "Limits" page): `limit` (null: the key has no limit of its own), `limit_remaining` and `usage`, in US dollars.
import * as z from 'zod/mini';
import type { ErrorContext } from '../errors/errorContext';
import { toProviderError } from '../errors/errorFactories';
import { createRedactor } from '../errors/redactSecrets';
import type { HttpClient } from '../http/httpClient';
import type { ResolvedProviderEntry } from '../providers/createChatProvider';
import { joinUrl } from '../providers/joinUrl';
import { parseJsonText, parseResponse } from '../validation/parseResponse';
import type { KeyCheck } from './keyCheck';

const money = z.optional(z.nullable(z.number()));

const openRouterKeySchema = z.object({
  data: z.object({
    limit: money,
    limit_remaining: money,
    usage: money,
  }),
});

/** The `openrouter` entry, or any OpenAI-compatible entry whose base URL is on openrouter.ai, whatever its id. */
export function isOpenRouter(entry: ResolvedProviderEntry): boolean {
  if (entry.kind !== 'openai') return false;
  if (entry.id === 'openrouter') return true;
  let host: string;
  try {
    host = new URL(entry.baseUrl).hostname.toLowerCase();
  } catch {
    return false;
  }
  return host === 'openrouter.ai' || host.endsWith('.openrouter.ai');
}

/**
 * Checks an OpenRouter key with `GET {base}/key`. Resolves to undefined when the server has no such endpoint
 * (an `openrouter` entry pointed at some other gateway): the caller then checks the key its usual way.
 */
export async function checkOpenRouterKey(
  entry: ResolvedProviderEntry,
  apiKey: string,
  http: HttpClient,
  signal?: AbortSignal,
): Promise<KeyCheck | undefined> {
  const context: ErrorContext = { provider: entry.id, operation: 'models', redact: createRedactor([apiKey]) };
  try {
    const response = await http.request({
      method: 'GET',
      url: joinUrl(entry.baseUrl, '/key'),
      headers: { accept: 'application/json', ...entry.headers, authorization: `Bearer ${apiKey}` },
      context,
      ...(signal !== undefined ? { signal } : {}),
    });
    const text = await response.text(64 * 1024);
    const { data } = parseResponse(
      openRouterKeySchema,
      parseJsonText(text, context, 'The key information'),
      context,
      'The key information',
    );
    return {
      result: 'works',
      creditUnit: 'usd',
      creditLimit: data.limit ?? null,
      // Without a limit OpenRouter reports no remainder: the account's balance is what is left.
      ...(data.limit !== null && data.limit !== undefined && typeof data.limit_remaining === 'number'
        ? { credits: data.limit_remaining }
        : {}),
      ...(typeof data.usage === 'number' ? { creditsUsed: data.usage } : {}),
    };
  } catch (caught) {
    const error = toProviderError(caught, { provider: entry.id, redact: context.redact, stage: 'reading' });
    if (error.kind === 'not-found') return undefined;
    return error.kind === 'auth' || error.kind === 'quota' ? { result: 'rejected', error } : { result: 'unreachable', error };
  }
}
