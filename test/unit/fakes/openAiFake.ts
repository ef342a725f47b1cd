// OpenAI-compatible wire format: `data: {chunk}` frames, `data: [DONE]`, an optional usage chunk with `choices: []`,
// and errors as `{error: {message, type, param, code}}` with an `x-request-id` header.
// Follows OpenAI's API reference (Chat Completions, "Streaming"; the "Error codes" guide; "Rate limits" headers) and
// openai-node src/client.ts (which reads x-request-id, retry-after-ms, retry-after and x-should-retry).
// Images in chat messages (`openAiImageCheck`) as the "Images and vision" guide describes them: `image_url` content
// parts of user messages, base64 `data:` URLs of PNG, JPEG, WebP or non-animated GIF; the refusals are worded as the API
// answers them (`invalid_value` naming the field, `invalid_image_format`).
import type { ScriptedResponse } from './fakeHttpServer';
import { isBase64, sniffImageType } from './inlineImageChecks';

export interface OpenAiStreamOptions {
  finishReason?: string | null;
  /**
   * The final usage chunk's counts; `prompt_tokens_details.cached_tokens` is the part of the prompt read from the
   * prompt cache (the "Prompt caching" guide; the chat object's `usage` in the API reference), counted in prompt_tokens.
   */
  usage?: { prompt_tokens: number; completion_tokens: number; prompt_tokens_details?: { cached_tokens: number; audio_tokens?: number } };
  /** Line ending; `\r\n` exercises CRLF framing. */
  eol?: '\n' | '\r\n';
  /** Put an OpenRouter-style `: OPENROUTER PROCESSING` comment before every frame. */
  keepAlive?: boolean;
  /** Leave out `data: [DONE]` (and everything after the text). */
  cut?: boolean;
  /** The model the chunks name (a real server echoes the one asked for). */
  model?: string;
  /** More response headers, e.g. `openAiRateLimitHeaders(…)`. */
  headers?: Record<string, string>;
}

const sse = { 'content-type': 'text/event-stream; charset=utf-8', 'cache-control': 'no-cache' };
const json = { 'content-type': 'application/json' };

/** 2026-01-01T00:00:00Z, as the `created` of every chunk (a real server sends its clock; nothing reads it). */
const created = 1_767_225_600;

let requestCounter = 0;

/** The headers OpenAI puts on every answer: a request id (quote it to support), the API version, the time taken. */
export function openAiResponseHeaders(): Record<string, string> {
  requestCounter++;
  return {
    'x-request-id': `req_fake${String(requestCounter).padStart(24, '0')}`,
    'openai-version': '2020-10-01',
    'openai-processing-ms': '87',
  };
}

export function openAiFrame(payload: unknown, eol = '\n'): string {
  return `data: ${typeof payload === 'string' ? payload : JSON.stringify(payload)}${eol}${eol}`;
}

export function openAiStreamBody(pieces: readonly string[], options: OpenAiStreamOptions = {}): string {
  const eol = options.eol ?? '\n';
  const model = options.model ?? 'fake-model';
  const frames: string[] = [];
  const push = (payload: unknown): void => {
    if (options.keepAlive) frames.push(`: OPENROUTER PROCESSING${eol}${eol}`);
    frames.push(openAiFrame(payload, eol));
  };
  const chunk = (delta: Record<string, unknown>, finish: string | null): unknown => ({
    id: 'chatcmpl-fake1',
    object: 'chat.completion.chunk',
    created,
    model,
    system_fingerprint: 'fp_fake',
    choices: [{ index: 0, delta, logprobs: null, finish_reason: finish }],
    // With `stream_options.include_usage` every chunk carries `usage: null` until the last one.
    ...(options.usage ? { usage: null } : {}),
  });
  push(chunk({ role: 'assistant', content: '', refusal: null }, null));
  for (const piece of pieces) push(chunk({ content: piece }, null));
  if (options.cut) return frames.join('');
  push(chunk({}, options.finishReason === undefined ? 'stop' : options.finishReason));
  if (options.usage) {
    push({
      id: 'chatcmpl-fake1',
      object: 'chat.completion.chunk',
      created,
      model,
      system_fingerprint: 'fp_fake',
      choices: [],
      usage: { ...options.usage, total_tokens: options.usage.prompt_tokens + options.usage.completion_tokens },
    });
  }
  frames.push(`data: [DONE]${eol}${eol}`);
  return frames.join('');
}

export function openAiStream(pieces: readonly string[], options: OpenAiStreamOptions = {}): ScriptedResponse {
  return { status: 200, headers: { ...sse, ...options.headers }, chunks: [openAiStreamBody(pieces, options)] };
}

/** The `type` OpenAI gives each status when a test does not name one. */
function defaultType(status: number): string {
  if (status === 429) return 'requests';
  if (status >= 500) return 'server_error';
  return 'invalid_request_error';
}

/**
 * An OpenAI error answer. `type` defaults to what OpenAI sends for the status (`invalid_request_error` for 4xx,
 * `requests` for 429, `server_error` for 5xx); `param` and `code` default to null, as in OpenAI's bodies.
 */
export function openAiError(
  status: number,
  error: { message: string; type?: string; code?: string | null; param?: string | null },
  headers: Record<string, string> = {},
): ScriptedResponse {
  return {
    status,
    headers: { ...json, ...openAiResponseHeaders(), ...headers },
    chunks: [
      JSON.stringify({
        error: { message: error.message, type: error.type ?? defaultType(status), param: error.param ?? null, code: error.code ?? null },
      }),
    ],
  };
}

/** How OpenAI shows a key it rejects: the start and the last four characters, the rest as asterisks. */
export function maskedKey(key: string): string {
  if (key.length <= 12) return `${key.slice(0, 3)}***`;
  return `${key.slice(0, 8)}${'*'.repeat(key.length - 12)}${key.slice(-4)}`;
}

/** 401 for a wrong key (the "Error codes" guide: "Incorrect API key provided"). */
export function openAiInvalidKey(key = 'sk-proj-WRONGKEYWRONGKEY0000'): ScriptedResponse {
  return openAiError(401, {
    message: `Incorrect API key provided: ${maskedKey(key)}. You can find your API key at https://platform.openai.com/account/api-keys.`,
    type: 'invalid_request_error',
    code: 'invalid_api_key',
  });
}

export interface OpenAiRateLimitState {
  limitRequests?: number;
  remainingRequests?: number;
  /** A duration as OpenAI writes it: `1s`, `6m0s`, `12ms`. */
  resetRequests?: string;
  limitTokens?: number;
  remainingTokens?: number;
  resetTokens?: string;
}

/** The `x-ratelimit-*` headers OpenAI (and Groq) put on every answer ("Rate limits" guide, "Rate limits in headers"). */
export function openAiRateLimitHeaders(state: OpenAiRateLimitState = {}): Record<string, string> {
  return {
    'x-ratelimit-limit-requests': String(state.limitRequests ?? 5000),
    'x-ratelimit-remaining-requests': String(state.remainingRequests ?? 4999),
    'x-ratelimit-reset-requests': state.resetRequests ?? '12ms',
    'x-ratelimit-limit-tokens': String(state.limitTokens ?? 160000),
    'x-ratelimit-remaining-tokens': String(state.remainingTokens ?? 159976),
    'x-ratelimit-reset-tokens': state.resetTokens ?? '9ms',
  };
}

/**
 * 429 "Rate limit reached for requests" (or tokens), with the exhausted `x-ratelimit-*` headers; `retry-after`
 * (seconds) only when given, since OpenAI does not always send it.
 */
export function openAiRateLimited(
  options: { model?: string; limit?: 'requests' | 'tokens'; retryAfterSeconds?: number; resetIn?: string } = {},
): ScriptedResponse {
  const model = options.model ?? 'gpt-4o-mini';
  const limit = options.limit ?? 'requests';
  const resetIn = options.resetIn ?? '20s';
  const unit =
    limit === 'requests'
      ? 'requests per min (RPM): Limit 3, Used 3, Requested 1'
      : 'tokens per min (TPM): Limit 30000, Used 29800, Requested 900';
  const state: OpenAiRateLimitState =
    limit === 'requests'
      ? { limitRequests: 3, remainingRequests: 0, resetRequests: resetIn }
      : { limitTokens: 30000, remainingTokens: 200, resetTokens: resetIn };
  return openAiError(
    429,
    {
      message: `Rate limit reached for ${model} in organization org-fake on ${unit}. Please try again in ${resetIn}. Visit https://platform.openai.com/account/rate-limits to learn more.`,
      type: limit,
      code: 'rate_limit_exceeded',
    },
    {
      ...openAiRateLimitHeaders(state),
      ...(options.retryAfterSeconds === undefined ? {} : { 'retry-after': String(options.retryAfterSeconds) }),
    },
  );
}

/** 429 `insufficient_quota`: out of credits or over the monthly budget, which waiting does not fix. */
export function openAiInsufficientQuota(): ScriptedResponse {
  return openAiError(429, {
    message:
      'You exceeded your current quota, please check your plan and billing details. For more information on this error, read the docs: https://platform.openai.com/docs/guides/error-codes/api-errors.',
    type: 'insufficient_quota',
    code: 'insufficient_quota',
  });
}

/** 404 `model_not_found`. */
export function openAiModelNotFound(model: string): ScriptedResponse {
  return openAiError(404, {
    message: `The model \`${model}\` does not exist or you do not have access to it.`,
    type: 'invalid_request_error',
    code: 'model_not_found',
  });
}

/** 400 `context_length_exceeded`. */
export function openAiContextTooLong(limit = 128000, asked = 130012): ScriptedResponse {
  return openAiError(400, {
    message: `This model's maximum context length is ${limit} tokens. However, your messages resulted in ${asked} tokens. Please reduce the length of the messages.`,
    type: 'invalid_request_error',
    param: 'messages',
    code: 'context_length_exceeded',
  });
}

/**
 * An error of an OpenAI-compatible server with vLLM's older top-level shape `{object: "error", message, type, param,
 * code}` (vLLM's OpenAI-compatible server, its ErrorResponse model); `extraForbidden` words the 400 it gives a field
 * it does not accept, in pydantic's words.
 */
export function vllmError(status: number, message: string, type = 'BadRequestError'): ScriptedResponse {
  return { status, headers: json, chunks: [JSON.stringify({ object: 'error', message, type, param: null, code: status })] };
}

/** vLLM's 400 for a request field it does not know (e.g. `stream_options` on a server too old for it). */
export function vllmExtraForbidden(field: string, input: string): ScriptedResponse {
  return vllmError(
    400,
    `[{'type': 'extra_forbidden', 'loc': ('body', '${field}'), 'msg': 'Extra inputs are not permitted', 'input': ${input}}]`,
  );
}

/** 500 "The server had an error while processing your request". */
export function openAiServerError(headers: Record<string, string> = {}): ScriptedResponse {
  return openAiError(
    500,
    { message: 'The server had an error while processing your request. Sorry about that!', type: 'server_error' },
    headers,
  );
}

/** 503 "The engine is currently overloaded, please try again later". */
export function openAiOverloaded(headers: Record<string, string> = {}): ScriptedResponse {
  return openAiError(503, { message: 'The engine is currently overloaded, please try again later.', type: 'server_error' }, headers);
}

/** The frame OpenAI sends when a stream fails after `200 OK`: an `error` object and nothing after it. */
export function openAiStreamErrorFrame(
  message = 'The server had an error while processing your request. Sorry about that!',
  eol = '\n',
): string {
  return openAiFrame({ error: { message, type: 'server_error', param: null, code: null } }, eol);
}

export function openAiModels(ids: readonly string[]): ScriptedResponse {
  return {
    status: 200,
    headers: { ...json, ...openAiResponseHeaders() },
    chunks: [JSON.stringify({ object: 'list', data: ids.map((id) => ({ id, object: 'model', created, owned_by: 'system' })) })],
  };
}

export const openAiSseHeaders = sse;

/** The image formats the vision guide lists for inline images. */
const openAiImageTypes = ['image/png', 'image/jpeg', 'image/webp', 'image/gif'];

/**
 * How OpenAI's Chat Completions refuses a request whose images are malformed, or undefined when they are fine (or it
 * has none): an image part outside a user message, a URL without the `data:` prefix or with empty bytes, bytes that
 * are not base64 or not an image format it reads, and (when `visionModels` is given) any image for a model not
 * in it — what a text-only model such as gpt-3.5-turbo answers.
 */
export function openAiImageCheck(body: string, options: { visionModels?: readonly string[] } = {}): ScriptedResponse | undefined {
  const request = JSON.parse(body) as { model?: string; messages?: Array<{ role?: string; content?: unknown }> };
  for (const [i, message] of (request.messages ?? []).entries()) {
    if (!Array.isArray(message.content)) continue;
    for (const [j, part] of (message.content as Array<Record<string, unknown>>).entries()) {
      const where = `messages[${i}].content[${j}]`;
      if (part.type === 'text') {
        if (typeof part.text !== 'string') return invalidValue(`${where}.text`, `Invalid type for '${where}.text': expected a string.`);
        continue;
      }
      if (part.type !== 'image_url') return invalidValue(`${where}.type`, `Invalid value: '${String(part.type)}'.`);
      if (message.role !== 'user') {
        return invalidValue(`${where}.type`, "Invalid value: 'image_url'. Supported values are: 'text' and 'refusal'.");
      }
      if (options.visionModels !== undefined && !options.visionModels.includes(request.model ?? '')) {
        return openAiError(400, {
          message: 'Invalid content type. image_url is only supported by certain models.',
          param: `messages.[${i}].content.[${j}].type`,
        });
      }
      const url = (part.image_url as { url?: unknown } | undefined)?.url;
      const field = `${where}.image_url.url`;
      const expected = `Invalid image URL: '${field}'. Expected a base64-encoded data URL with an image MIME type (e.g. 'data:image/png;base64,aW1nIGJ5dGVzIGhlcmU='), but got`;
      if (typeof url !== 'string' || !url.startsWith('data:'))
        return invalidValue(field, `${expected} a value without the 'data:' prefix.`);
      const match = /^data:([^;,]+);base64,(.*)$/s.exec(url);
      if (match === null) return invalidValue(field, `${expected} a value that is not base64-encoded.`);
      const [, mime = '', data = ''] = match;
      if (data === '') return invalidValue(field, `${expected} empty base64-encoded bytes.`);
      if (!isBase64(data)) return invalidValue(field, `${expected} a value that is not base64-encoded.`);
      const actual = sniffImageType(data);
      if (!mime.startsWith('image/') || actual === undefined || !openAiImageTypes.includes(actual)) {
        return openAiError(400, {
          message:
            "You uploaded an unsupported image. Please make sure your image has of one the following formats: ['png', 'jpeg', 'gif', 'webp'].",
          code: 'invalid_image_format',
        });
      }
    }
  }
  return undefined;
}

function invalidValue(param: string, message: string): ScriptedResponse {
  return openAiError(400, { message, param, code: 'invalid_value' });
}
