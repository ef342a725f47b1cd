// Gemini wire format: data-only SSE frames separated by CRLF CRLF; the last one has finishReason and usage; no
// end marker (the stream ends when the response does). Errors are google.rpc.Status JSON,
// `{error: {code, message, status, details: [ErrorInfo | QuotaFailure | RetryInfo | Help | LocalizedMessage …]}}`,
// and Gemini sends no `retry-after` header: the wait is the RetryInfo detail.
// Follows the Gemini API reference ("Troubleshooting" error codes; "Rate limits") and Google's AIP-193 "Errors" with
// the google.rpc error_details.proto messages. How Gemini refuses a key (400 API_KEY_INVALID, 403 restrictions) is in
// geminiKeyErrors.
// Inline images (`geminiImageCheck`) as the "Image understanding" guide and the "Content"/"Blob" reference describe
// them: `inlineData {mimeType, data}` of PNG, JPEG, WebP, HEIC or HEIF, base64; a field that does not decode is refused
// with a BadRequest detail naming it by its proto name (`inline_data.data`), as the API does.
import type { ScriptedResponse } from './fakeHttpServer';
import { isBase64, sniffImageType } from './inlineImageChecks';

export interface GeminiStreamOptions {
  finishReason?: string;
  eol?: '\n' | '\r\n';
  cut?: boolean;
  /**
   * `usageMetadata.cachedContentTokenCount`: the prompt tokens read from a context cache, counted in promptTokenCount
   * (the "Context caching" guide; `UsageMetadata` in the API reference).
   */
  cachedTokens?: number;
  promptTokens?: number;
}

const sse = { 'content-type': 'text/event-stream' };
const json = { 'content-type': 'application/json; charset=UTF-8' };

export function geminiFrame(payload: unknown, eol = '\r\n'): string {
  return `data: ${JSON.stringify(payload)}${eol}${eol}`;
}

export function geminiStreamBody(pieces: readonly string[], options: GeminiStreamOptions = {}): string {
  const eol = options.eol ?? '\r\n';
  const frames = pieces.map((piece, i) =>
    geminiFrame(
      {
        candidates: [
          {
            content: { parts: [{ text: piece }], role: 'model' },
            index: 0,
            ...(i === pieces.length - 1 && !options.cut ? { finishReason: options.finishReason ?? 'STOP' } : {}),
          },
        ],
        usageMetadata: {
          promptTokenCount: options.promptTokens ?? 9,
          ...(options.cachedTokens !== undefined ? { cachedContentTokenCount: options.cachedTokens } : {}),
          candidatesTokenCount: i + 1,
          totalTokenCount: (options.promptTokens ?? 9) + 1 + i,
        },
        modelVersion: 'gemini-fake',
        responseId: 'fake-response-1',
      },
      eol,
    ),
  );
  return frames.join('');
}

export function geminiStream(pieces: readonly string[], options: GeminiStreamOptions = {}): ScriptedResponse {
  return { status: 200, headers: sse, chunks: [geminiStreamBody(pieces, options)] };
}

/** A google.rpc.Status error answer; `statusName` is the canonical code (`INVALID_ARGUMENT`, `RESOURCE_EXHAUSTED` …). */
export function geminiError(
  status: number,
  statusName: string,
  message: string,
  details: unknown[] = [],
  headers: Record<string, string> = {},
): ScriptedResponse {
  return {
    status,
    headers: { ...json, ...headers },
    chunks: [JSON.stringify({ error: { code: status, message, status: statusName, ...(details.length > 0 ? { details } : {}) } })],
  };
}

/** A google.rpc.ErrorInfo detail: the machine-readable reason (`API_KEY_INVALID`, `SERVICE_DISABLED` …). */
export function geminiErrorInfo(
  reason: string,
  metadata: Record<string, string> = { service: 'generativelanguage.googleapis.com' },
): unknown {
  return { '@type': 'type.googleapis.com/google.rpc.ErrorInfo', reason, domain: 'googleapis.com', metadata };
}

/** A google.rpc.QuotaFailure detail naming the quotas that ran out. */
export function geminiQuotaFailure(quotaIds: readonly string[], model = 'gemini-fake'): unknown {
  return {
    '@type': 'type.googleapis.com/google.rpc.QuotaFailure',
    violations: quotaIds.map((quotaId) => ({
      quotaMetric: /InputTokens/.test(quotaId)
        ? 'generativelanguage.googleapis.com/generate_content_free_tier_input_token_count'
        : 'generativelanguage.googleapis.com/generate_content_free_tier_requests',
      quotaId,
      quotaDimensions: { location: 'global', model },
      quotaValue: /PerDay/.test(quotaId) ? '250' : '10',
    })),
  };
}

/** A google.rpc.RetryInfo detail: how long to wait, as a protobuf Duration (`"37s"`). */
export function geminiRetryInfo(seconds: number): unknown {
  return { '@type': 'type.googleapis.com/google.rpc.RetryInfo', retryDelay: `${seconds}s` };
}

const quotaHelp = {
  '@type': 'type.googleapis.com/google.rpc.Help',
  links: [{ description: 'Learn more about Gemini API quotas', url: 'https://ai.google.dev/gemini-api/docs/rate-limits' }],
};

/**
 * 429 RESOURCE_EXHAUSTED with QuotaFailure, Help and RetryInfo details, as the free tier answers: per minute (worth
 * waiting `retryAfterSeconds`) or per day (not until tomorrow; Gemini still sends a RetryInfo).
 */
export function geminiRateLimited(options: { perDay?: boolean; retryAfterSeconds?: number; model?: string } = {}): ScriptedResponse {
  const seconds = options.retryAfterSeconds ?? 37;
  const model = options.model ?? 'gemini-fake';
  const quotaId = options.perDay
    ? 'GenerateRequestsPerDayPerProjectPerModel-FreeTier'
    : 'GenerateRequestsPerMinutePerProjectPerModel-FreeTier';
  return geminiError(
    429,
    'RESOURCE_EXHAUSTED',
    `You exceeded your current quota, please check your plan and billing details. For more information on this error, head to: https://ai.google.dev/gemini-api/docs/rate-limits.\n* Quota exceeded for metric: generativelanguage.googleapis.com/generate_content_free_tier_requests, limit: ${options.perDay ? 250 : 10}, model: ${model}\nPlease retry in ${seconds}.4s.`,
    [geminiQuotaFailure([quotaId], model), quotaHelp, geminiRetryInfo(seconds)],
  );
}

/** 404 NOT_FOUND for a model id Gemini does not have. */
export function geminiModelNotFound(model: string): ScriptedResponse {
  return geminiError(
    404,
    'NOT_FOUND',
    `models/${model} is not found for API version v1beta, or is not supported for generateContent. Call ListModels to see the list of available models and their supported methods.`,
  );
}

/** 503 UNAVAILABLE: "The model is overloaded". */
export function geminiOverloaded(): ScriptedResponse {
  return geminiError(503, 'UNAVAILABLE', 'The model is overloaded. Please try again later.');
}

/** 500 INTERNAL. */
export function geminiInternal(): ScriptedResponse {
  return geminiError(
    500,
    'INTERNAL',
    'An internal error has occurred. Please retry or report in https://developers.generativeai.google/guide/troubleshooting',
  );
}

/** The frame Gemini sends when a stream fails after `200 OK`: the Status object as the frame's data. */
export function geminiStreamErrorFrame(
  status = 503,
  statusName = 'UNAVAILABLE',
  message = 'The model is overloaded. Please try again later.',
  eol = '\r\n',
): string {
  return geminiFrame({ error: { code: status, message, status: statusName } }, eol);
}

/**
 * `models.list` as the Gemini API reference ("Models") shows it: Model resources with `inputTokenLimit` (default here
 * 1000; `null` leaves the field out, to check a list that does not say it) and `outputTokenLimit`.
 */
export function geminiModels(
  models: ReadonlyArray<{ name: string; methods: string[]; inputTokenLimit?: number | null }>,
  nextPageToken?: string,
): ScriptedResponse {
  return {
    status: 200,
    headers: json,
    chunks: [
      JSON.stringify({
        models: models.map((m) => ({
          name: m.name,
          version: '001',
          displayName: m.name.toUpperCase(),
          ...(m.inputTokenLimit === null ? {} : { inputTokenLimit: m.inputTokenLimit ?? 1000 }),
          outputTokenLimit: 8192,
          supportedGenerationMethods: m.methods,
        })),
        ...(nextPageToken !== undefined ? { nextPageToken } : {}),
      }),
    ],
  };
}

export const geminiSseHeaders = sse;

const geminiImageTypes = ['image/png', 'image/jpeg', 'image/webp', 'image/heic', 'image/heif'];

/**
 * How generateContent refuses a request whose inline images are malformed, or undefined when they are fine: data
 * that is not base64 (400 INVALID_ARGUMENT with a BadRequest field violation), a MIME type it does not read, and
 * bytes that are no image at all.
 */
export function geminiImageCheck(body: string): ScriptedResponse | undefined {
  const request = JSON.parse(body) as { contents?: Array<{ parts?: Array<Record<string, unknown>> }> };
  for (const [i, content] of (request.contents ?? []).entries()) {
    for (const [j, part] of (content.parts ?? []).entries()) {
      const inline = (part.inlineData ?? part.inline_data) as { mimeType?: unknown; data?: unknown } | undefined;
      if (inline === undefined) continue;
      const field = `contents[${i}].parts[${j}].inline_data.data`;
      const data = typeof inline.data === 'string' ? inline.data : '';
      if (!isBase64(data)) {
        const description = `Invalid value at '${field}' (TYPE_BYTES), Base64 decoding failed for "${data.slice(0, 40)}"`;
        return geminiError(400, 'INVALID_ARGUMENT', description, [
          { '@type': 'type.googleapis.com/google.rpc.BadRequest', fieldViolations: [{ field, description }] },
        ]);
      }
      const mime = typeof inline.mimeType === 'string' ? inline.mimeType : '';
      if (!geminiImageTypes.includes(mime)) return geminiError(400, 'INVALID_ARGUMENT', `Unsupported MIME type: ${mime}`);
      // (HEIC and HEIF are taken as they are: the signatures checked here are those of the formats Switchboard sends.)
      if (data === '' || (!/^image\/hei[cf]$/.test(mime) && sniffImageType(data) === undefined)) {
        return geminiError(
          400,
          'INVALID_ARGUMENT',
          'Unable to process input image. Please retry or report in https://developers.generativeai.google/guide/troubleshooting',
        );
      }
    }
  }
  return undefined;
}
