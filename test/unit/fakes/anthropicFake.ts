// Anthropic Messages wire format: named SSE events from message_start to message_stop, with pings; errors as
// `{type: "error", error: {type, message}, request_id}` with a `request-id` header; `event: error` inside a stream.
// Follows Anthropic's API docs: "Streaming Messages" (event flow, error events), "Errors" (HTTP errors, error shapes,
// request id) and "Rate limits" (the `retry-after` and `anthropic-ratelimit-*` response headers).
// Image blocks (`anthropicImageCheck`) as the "Vision" guide and the Messages reference describe them: base64 sources
// of image/jpeg, image/png, image/gif or image/webp whose bytes are of that type; the refusals are the 400
// `invalid_request_error`s the API gives, naming the field by its path.
import type { ScriptedResponse } from './fakeHttpServer';
import { isBase64, sniffImageType } from './inlineImageChecks';

export interface AnthropicStreamOptions {
  stopReason?: string;
  inputTokens?: number;
  outputTokens?: number;
  /**
   * Prompt caching's counts in message_start's usage ("Prompt caching", "Tracking cache performance"): input tokens
   * read from the cache and written to it, reported beside `input_tokens` (which counts only the rest).
   */
  cacheReadTokens?: number;
  cacheWriteTokens?: number;
  eol?: '\n' | '\r\n';
  cut?: boolean;
  /** More response headers, e.g. `anthropicRateLimitHeaders(…)`. */
  headers?: Record<string, string>;
}

const sse = { 'content-type': 'text/event-stream; charset=utf-8', 'cache-control': 'no-cache' };
const json = { 'content-type': 'application/json' };

let requestCounter = 0;

/** A request id as Anthropic writes it (`req_011C…`); every answer, good or bad, has one. */
export function anthropicRequestId(): string {
  requestCounter++;
  return `req_011CFAKE${String(requestCounter).padStart(16, '0')}`;
}

export function anthropicEvent(name: string, data: unknown, eol = '\n'): string {
  return `event: ${name}${eol}data: ${JSON.stringify(data)}${eol}${eol}`;
}

export function anthropicStreamBody(pieces: readonly string[], options: AnthropicStreamOptions = {}): string {
  const eol = options.eol ?? '\n';
  const out: string[] = [
    anthropicEvent(
      'message_start',
      {
        type: 'message_start',
        message: {
          id: 'msg_1',
          type: 'message',
          role: 'assistant',
          content: [],
          model: 'claude-fake',
          stop_reason: null,
          stop_sequence: null,
          usage: {
            input_tokens: options.inputTokens ?? 12,
            ...(options.cacheReadTokens !== undefined || options.cacheWriteTokens !== undefined
              ? { cache_creation_input_tokens: options.cacheWriteTokens ?? 0, cache_read_input_tokens: options.cacheReadTokens ?? 0 }
              : {}),
            output_tokens: 1,
          },
        },
      },
      eol,
    ),
    anthropicEvent('content_block_start', { type: 'content_block_start', index: 0, content_block: { type: 'text', text: '' } }, eol),
    anthropicEvent('ping', { type: 'ping' }, eol),
  ];
  for (const piece of pieces) {
    out.push(
      anthropicEvent('content_block_delta', { type: 'content_block_delta', index: 0, delta: { type: 'text_delta', text: piece } }, eol),
    );
  }
  if (options.cut) return out.join('');
  out.push(
    anthropicEvent('content_block_stop', { type: 'content_block_stop', index: 0 }, eol),
    anthropicEvent(
      'message_delta',
      {
        type: 'message_delta',
        delta: { stop_reason: options.stopReason ?? 'end_turn', stop_sequence: null },
        usage: { output_tokens: options.outputTokens ?? 7 },
      },
      eol,
    ),
    anthropicEvent('message_stop', { type: 'message_stop' }, eol),
  );
  return out.join('');
}

export function anthropicStream(pieces: readonly string[], options: AnthropicStreamOptions = {}): ScriptedResponse {
  return {
    status: 200,
    headers: { ...sse, 'request-id': anthropicRequestId(), ...options.headers },
    chunks: [anthropicStreamBody(pieces, options)],
  };
}

/** An Anthropic error answer; `type` is one of the documented error types for that status (see the "Errors" page). */
export function anthropicError(status: number, type: string, message: string, headers: Record<string, string> = {}): ScriptedResponse {
  const requestId = anthropicRequestId();
  return {
    status,
    headers: { ...json, 'request-id': requestId, ...headers },
    chunks: [JSON.stringify({ type: 'error', error: { type, message }, request_id: requestId })],
  };
}

/** The `event: error` Anthropic sends after `200 OK` (e.g. `overloaded_error` in the middle of an answer). */
export function anthropicStreamErrorEvent(type = 'overloaded_error', message = 'Overloaded', eol = '\n'): string {
  return anthropicEvent('error', { type: 'error', error: { type, message } }, eol);
}

/** 401 `authentication_error`. */
export function anthropicInvalidKey(): ScriptedResponse {
  return anthropicError(401, 'authentication_error', 'invalid x-api-key');
}

/** 404 `not_found_error` for a model id Anthropic does not know. */
export function anthropicModelNotFound(model: string): ScriptedResponse {
  return anthropicError(404, 'not_found_error', `model: ${model}`);
}

/** 529 `overloaded_error`. */
export function anthropicOverloaded(headers: Record<string, string> = {}): ScriptedResponse {
  return anthropicError(529, 'overloaded_error', 'Overloaded', headers);
}

/** 500 `api_error`. */
export function anthropicApiError(headers: Record<string, string> = {}): ScriptedResponse {
  return anthropicError(500, 'api_error', 'Internal server error', headers);
}

export interface AnthropicRateLimitState {
  requestsLimit?: number;
  requestsRemaining?: number;
  tokensLimit?: number;
  tokensRemaining?: number;
  inputTokensRemaining?: number;
  outputTokensRemaining?: number;
  /** When the limits are back to full, as the RFC 3339 time Anthropic sends. Default: a minute from now. */
  reset?: Date;
}

/** The `anthropic-ratelimit-*` headers Anthropic puts on every answer. */
export function anthropicRateLimitHeaders(state: AnthropicRateLimitState = {}): Record<string, string> {
  const reset = (state.reset ?? new Date(Date.now() + 60_000)).toISOString().replace(/\.\d{3}Z$/, 'Z');
  const requestsLimit = state.requestsLimit ?? 1000;
  const tokensLimit = state.tokensLimit ?? 96000;
  return {
    'anthropic-ratelimit-requests-limit': String(requestsLimit),
    'anthropic-ratelimit-requests-remaining': String(state.requestsRemaining ?? requestsLimit - 1),
    'anthropic-ratelimit-requests-reset': reset,
    'anthropic-ratelimit-tokens-limit': String(tokensLimit),
    'anthropic-ratelimit-tokens-remaining': String(state.tokensRemaining ?? tokensLimit),
    'anthropic-ratelimit-tokens-reset': reset,
    'anthropic-ratelimit-input-tokens-limit': '80000',
    'anthropic-ratelimit-input-tokens-remaining': String(state.inputTokensRemaining ?? 80000),
    'anthropic-ratelimit-input-tokens-reset': reset,
    'anthropic-ratelimit-output-tokens-limit': '16000',
    'anthropic-ratelimit-output-tokens-remaining': String(state.outputTokensRemaining ?? 16000),
    'anthropic-ratelimit-output-tokens-reset': reset,
  };
}

/**
 * 429 `rate_limit_error`: `retry-after` in whole seconds, and the `anthropic-ratelimit-*` headers with the requests
 * used up until `retryAfterSeconds` from now.
 */
export function anthropicRateLimited(options: { retryAfterSeconds?: number; requestsLimit?: number } = {}): ScriptedResponse {
  const retryAfter = options.retryAfterSeconds ?? 20;
  const limit = options.requestsLimit ?? 50;
  return anthropicError(
    429,
    'rate_limit_error',
    `This request would exceed the rate limit for your organization of ${limit} requests per minute. For details, refer to: https://docs.claude.com/en/api/rate-limits. You can see the response headers for current usage. Please reduce the prompt length or the maximum tokens requested, or try again later.`,
    {
      'retry-after': String(retryAfter),
      ...anthropicRateLimitHeaders({ requestsLimit: limit, requestsRemaining: 0, reset: new Date(Date.now() + retryAfter * 1000) }),
    },
  );
}

/**
 * `GET /v1/models`. The current API reference ("List Models") adds `max_input_tokens` and `max_tokens` to each model;
 * give `limits` for that shape, leave it out for the older one without them.
 */
export function anthropicModels(
  ids: readonly string[],
  limits: Readonly<Record<string, { maxInputTokens: number; maxTokens: number }>> = {},
): ScriptedResponse {
  return {
    status: 200,
    headers: { ...json, 'request-id': anthropicRequestId() },
    chunks: [
      JSON.stringify({
        data: ids.map((id) => {
          const limit = limits[id];
          return {
            type: 'model',
            id,
            display_name: id.toUpperCase(),
            created_at: '2025-01-01T00:00:00Z',
            ...(limit !== undefined ? { max_input_tokens: limit.maxInputTokens, max_tokens: limit.maxTokens } : {}),
          };
        }),
        has_more: false,
        first_id: ids[0] ?? null,
        last_id: ids[ids.length - 1] ?? null,
      }),
    ],
  };
}

export const anthropicSseHeaders = sse;

const anthropicImageTypes = ['image/jpeg', 'image/png', 'image/gif', 'image/webp'];

/**
 * How the Messages API refuses a request whose content blocks are malformed, or undefined when they are fine: an
 * image whose `media_type` is not one it takes, whose data is not base64 or not an image of that type, and an empty
 * or whitespace-only text block.
 */
export function anthropicImageCheck(body: string): ScriptedResponse | undefined {
  const request = JSON.parse(body) as { messages?: Array<{ role?: string; content?: unknown }> };
  for (const [i, message] of (request.messages ?? []).entries()) {
    if (!Array.isArray(message.content)) continue;
    for (const [j, block] of (message.content as Array<Record<string, unknown>>).entries()) {
      const where = `messages.${i}.content.${j}`;
      if (block.type === 'text') {
        if (typeof block.text !== 'string' || block.text.trim() === '') {
          return anthropicError(400, 'invalid_request_error', 'messages: text content blocks must contain non-whitespace text');
        }
        continue;
      }
      if (block.type !== 'image') continue;
      if (message.role !== 'user') {
        return anthropicError(
          400,
          'invalid_request_error',
          `${where}.type: Input tag 'image' found using 'type' does not match any of the expected tags for assistant content`,
        );
      }
      const source = (block.source ?? {}) as { type?: unknown; media_type?: unknown; data?: unknown };
      if (source.type !== 'base64') {
        return anthropicError(
          400,
          'invalid_request_error',
          `${where}.image.source: Input tag '${String(source.type)}' found using 'type' does not match any of the expected tags: 'base64', 'url'`,
        );
      }
      if (typeof source.media_type !== 'string' || !anthropicImageTypes.includes(source.media_type)) {
        return anthropicError(
          400,
          'invalid_request_error',
          `${where}.image.source.base64.media_type: Input should be 'image/jpeg', 'image/png', 'image/gif' or 'image/webp'`,
        );
      }
      if (typeof source.data !== 'string' || source.data === '' || !isBase64(source.data)) {
        return anthropicError(400, 'invalid_request_error', `${where}.image.source.base64.data: invalid base64 data`);
      }
      if (sniffImageType(source.data) !== source.media_type) {
        return anthropicError(
          400,
          'invalid_request_error',
          `${where}.image.source.base64.data: Image does not match the provided media type ${source.media_type}`,
        );
      }
    }
  }
  return undefined;
}
