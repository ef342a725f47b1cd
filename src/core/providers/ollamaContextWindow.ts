// Ollama's context window for one model. Its OpenAI-compatible `GET /v1/models` does not say it; the native
// `POST /api/show {model}` does (Ollama's API reference, "Show Model Information"): `model_info` holds the length the
// model was trained for under `<general.architecture>.context_length`, and `parameters` (the Modelfile's PARAMETER
// lines, as text) may set `num_ctx`.
//
// Which number a request really gets. Ollama runs a model with `num_ctx` tokens of context and silently cuts a
// longer prompt; a request through `/v1` cannot set `num_ctx` (Ollama's "OpenAI compatibility" page: "The OpenAI API
// does not have a way of setting the context size for a model", use a Modelfile with `PARAMETER num_ctx`). So:
//   - the model's own `num_ctx` when its Modelfile sets one (never more than the trained length: Ollama lowers a
//     larger one to it);
//   - otherwise the server's default, which `/api/show` does not report: 2048 in older versions, then 4096, and in
//     recent ones set by VRAM (4k below 24 GiB, 32k to 48 GiB, 256k above: Ollama's "Context length" page), or
//     whatever OLLAMA_CONTEXT_LENGTH says. 4096 (capped by the trained length) is what a default install gets on a
//     common machine; a meter that assumed the trained 128k there would let the front of a long prompt be cut
//     without a word, and one that is too small only warns early. docs/providers.md tells how to make it exact.
//
// The same answer says whether the model sees images: `capabilities` lists `vision` for those that do (Ollama's API
// reference, "Show Model Information"; older versions leave the field out), so one request serves both
// (ProviderEngine keeps each answer for the session).
import * as z from 'zod/mini';
import type { ErrorContext } from '../errors/errorContext';
import { createRedactor } from '../errors/redactSecrets';
import type { HttpClient } from '../http/httpClient';
import { parseJsonText, parseResponse } from '../validation/parseResponse';
import type { ResolvedProviderEntry } from './createChatProvider';
import { joinUrl } from './joinUrl';
import { tokenCount } from './tokenCount';

/** What Ollama runs a model with when neither its Modelfile nor the request sets `num_ctx` (see above). */
export const ollamaDefaultContext = 4096;

/** Ollama's documented default port, for entries of its own that are not the `ollama` preset. */
const ollamaPort = '11434';

const showSchema = z.object({
  parameters: z.optional(z.nullable(z.string())),
  model_info: z.optional(z.nullable(z.record(z.string(), z.unknown()))),
  // Read loosely (ollamaVisionFromShow): an odd value must not cost the context window.
  capabilities: z.optional(z.unknown()),
});

export type OllamaShow = z.infer<typeof showSchema>;

/** Whether an entry talks to Ollama: the `ollama` preset (its base URL may be overridden) or Ollama's port. */
export function isOllamaEntry(entry: Pick<ResolvedProviderEntry, 'kind' | 'baseUrl' | 'preset'>): boolean {
  if (entry.kind !== 'openai') return false;
  if (entry.preset?.id === 'ollama') return true;
  try {
    return new URL(entry.baseUrl).port === ollamaPort;
  } catch {
    return false;
  }
}

/**
 * Where Ollama's native API lives for an OpenAI-compatible base URL: the same URL without its `/v1`. A base URL
 * without `/v1` is not Ollama's compatibility endpoint, and nothing is asked.
 */
export function ollamaNativeRoot(baseUrl: string): string | undefined {
  const trimmed = baseUrl.replace(/\/+$/, '');
  return /\/v1$/.test(trimmed) ? trimmed.slice(0, -'/v1'.length) : undefined;
}

/** The window a `/v1` request to this model gets, from an `/api/show` answer (the rules at the top). */
export function ollamaWindowFromShow(show: OllamaShow): number {
  const trained = trainedLength(show.model_info ?? undefined);
  const match = /^num_ctx\s+(\d+)\s*$/m.exec(show.parameters ?? '');
  const configured = match?.[1] !== undefined ? tokenCount(Number(match[1])) : undefined;
  const used = configured ?? ollamaDefaultContext;
  return trained !== undefined ? Math.min(used, trained) : used;
}

/** Whether the model takes images, from an `/api/show` answer; undefined when it does not say (an older Ollama). */
export function ollamaVisionFromShow(show: OllamaShow): boolean | undefined {
  const capabilities = show.capabilities;
  if (!Array.isArray(capabilities) || !capabilities.every((capability) => typeof capability === 'string')) return undefined;
  return capabilities.includes('vision');
}

function trainedLength(info: Record<string, unknown> | undefined): number | undefined {
  const architecture = info?.['general.architecture'];
  if (typeof architecture !== 'string') return undefined;
  const length = info?.[`${architecture}.context_length`];
  return typeof length === 'number' ? tokenCount(length) : undefined;
}

/** Asks the entry's Ollama for one model's window (see ollamaShow). */
export async function ollamaContextWindow(
  entry: Pick<ResolvedProviderEntry, 'id' | 'baseUrl' | 'headers'>,
  model: string,
  http: HttpClient,
  signal: AbortSignal,
): Promise<number | undefined> {
  const show = await ollamaShow(entry, model, http, signal);
  return show === undefined ? undefined : ollamaWindowFromShow(show);
}

/**
 * Asks the entry's Ollama about one model (once, no retry: the caller caches the answer and a failure means
 * "unknown"); undefined when the base URL has no native API beside it. Only the entry's own headers go with it, never
 * its key: the native API is beside the base URL, not under it (docs/security.md), and Ollama itself takes no key.
 * Throws a ProviderError (e.g. 404 "model … not found").
 */
export async function ollamaShow(
  entry: Pick<ResolvedProviderEntry, 'id' | 'baseUrl' | 'headers'>,
  model: string,
  http: HttpClient,
  signal: AbortSignal,
): Promise<OllamaShow | undefined> {
  const root = ollamaNativeRoot(entry.baseUrl);
  if (root === undefined) return undefined;
  const context: ErrorContext = { provider: entry.id, model, operation: 'models', redact: createRedactor([]) };
  const response = await http.request({
    method: 'POST',
    url: joinUrl(root, '/api/show'),
    headers: { ...entry.headers, 'content-type': 'application/json', accept: 'application/json' },
    body: JSON.stringify({ model }),
    context,
    maxRetries: 0,
    signal,
  });
  const what = 'The model information';
  return parseResponse(showSchema, parseJsonText(await response.text(1024 * 1024), context, what), context, what);
}
