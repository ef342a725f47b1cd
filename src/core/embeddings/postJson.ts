// One JSON request and its checked answer, for the small non-streamed calls beside the chat protocols: embeddings
// (docs/moderation-and-caching.md) and moderation. Errors are the usual ProviderErrors (mapHttpError words a 401, a 429,
// a 400 for a bad model), the key is scrubbed from anything quoted, and an answer of the wrong shape is an
// `invalid-response` error that says what was expected.
import type * as z from 'zod/mini';
import type { ErrorContext } from '../errors/errorContext';
import { createRedactor } from '../errors/redactSecrets';
import type { HttpClient } from '../http/httpClient';
import { parseJsonText, parseResponse } from '../validation/parseResponse';

export interface JsonPost<S extends z.ZodMiniType> {
  http: HttpClient;
  url: string;
  headers: Readonly<Record<string, string>>;
  body: unknown;
  schema: S;
  /** Names the answer in an invalid-response message, e.g. "The embeddings answer". */
  what: string;
  provider: string;
  model?: string;
  /** Scrubbed from anything quoted back (the key). */
  secrets: readonly (string | undefined)[];
  signal?: AbortSignal | undefined;
  /** Overrides the client's retries (embeddings take none: the cache is only worth it when it is quick). */
  maxRetries?: number;
}

/** The largest answer read: a batch of embeddings of 3,072 dimensions is a few hundred KB of JSON. */
const maxAnswerBytes = 32 * 1024 * 1024;

export async function postJson<S extends z.ZodMiniType>(post: JsonPost<S>): Promise<z.infer<S>> {
  const context: ErrorContext = {
    provider: post.provider,
    operation: 'chat',
    redact: createRedactor(post.secrets),
    ...(post.model !== undefined ? { model: post.model } : {}),
  };
  const response = await post.http.request({
    method: 'POST',
    url: post.url,
    headers: { ...post.headers, 'content-type': 'application/json', accept: 'application/json' },
    body: JSON.stringify(post.body),
    context,
    ...(post.signal !== undefined ? { signal: post.signal } : {}),
    ...(post.maxRetries !== undefined ? { maxRetries: post.maxRetries } : {}),
  });
  return parseResponse(post.schema, parseJsonText(await response.text(maxAnswerBytes), context, post.what), context, post.what);
}
