// OpenRouter's streamed chat on top of the OpenAI-compatible format: `: OPENROUTER PROCESSING` comments while the
// model has not started (or pauses), errors after `200 OK` as a chunk with `error` and `finish_reason: "error"`, and
// 429/402 before the stream with OpenRouter's `{error: {code, message}}` (see openRouterKeyFake for keys, the model
// list and moderation).
// Follows OpenRouter's API reference: "Streaming" (SSE comments; "Handling Errors During Streaming") and "Errors"
// (error codes, the Retry-After header).
import type { ScriptedResponse, ScriptStep } from './fakeHttpServer';
import { openAiFrame, openAiSseHeaders, openAiStreamBody } from './openAiFake';
import { openRouterError } from './openRouterKeyFake';

/** The comment OpenRouter sends "occasionally … to prevent connection timeouts". */
export const openRouterKeepAlive = ': OPENROUTER PROCESSING\n\n';

/** 429, optionally with `Retry-After` (seconds), which OpenRouter "may include". */
export function openRouterRateLimited(retryAfterSeconds?: number): ScriptedResponse {
  const answer = openRouterError(429, 'Rate limit exceeded: free-models-per-min.');
  return retryAfterSeconds === undefined ? answer : { ...answer, headers: { ...answer.headers, 'retry-after': String(retryAfterSeconds) } };
}

/** 402: the account or key has no credits left. */
export function openRouterNoCredits(): ScriptedResponse {
  return openRouterError(402, 'Insufficient credits. Add more using https://openrouter.ai/settings/credits');
}

/** The chunk OpenRouter sends when the model fails after tokens have been streamed. */
export function openRouterStreamErrorFrame(message = 'Provider disconnected unexpectedly', code: string | number = 'server_error'): string {
  return openAiFrame({
    id: 'gen-fake-1',
    object: 'chat.completion.chunk',
    created: 1_767_225_600,
    model: 'openai/gpt-4o-mini',
    provider: 'OpenAI',
    error: { code, message },
    choices: [{ index: 0, delta: { content: '' }, finish_reason: 'error' }],
  });
}

export interface KeepAliveOptions {
  /** Text streamed before the keep-alives start (kept as the partial answer). Default: none. */
  before?: readonly string[];
  /** Time between two comments. Default 20 ms (OpenRouter's real pace is seconds; tests need not wait that long). */
  everyMs?: number;
  /**
   * Stop after this many comments and end the response: with `then` if given, else without `[DONE]` (cut). Default:
   * never stop while the client listens.
   */
  count?: number;
  /** The answer that follows the keep-alives when `count` is set (a model that finally started). */
  then?: readonly string[];
}

/**
 * A streamed chat answer that, after `200 OK` and its headers, sends only `: OPENROUTER PROCESSING` comments: what
 * OpenRouter does while a model is queued or thinking, for as long as that takes. With no `count` it never ends on
 * its own (the fake stops writing when the client hangs up or the server closes), so a client with no overall
 * deadline would wait forever; an idle timeout never fires, because bytes keep arriving.
 */
export function openRouterKeepAliveStream(options: KeepAliveOptions = {}): ScriptedResponse {
  const everyMs = options.everyMs ?? 20;
  const before = options.before ?? [];
  const prefix = before.length > 0 ? [openAiStreamBody(before, { cut: true, model: 'openai/gpt-4o-mini' })] : [];
  return {
    status: 200,
    headers: { ...openAiSseHeaders, 'x-generation-id': 'gen-fake-1' },
    chunks: [...prefix, openRouterKeepAlive],
    tail: keepAlives(everyMs, options.count, options.then),
  };
}

function* keepAlives(everyMs: number, count: number | undefined, then: readonly string[] | undefined): Generator<ScriptStep> {
  for (let sent = 1; count === undefined || sent < count; sent++) {
    yield { delayMs: everyMs };
    yield openRouterKeepAlive;
  }
  if (then !== undefined) {
    // The opening role chunk was sent with `before` (if any); a late answer repeats it harmlessly.
    yield openAiStreamBody(then, { model: 'openai/gpt-4o-mini' });
  }
}
