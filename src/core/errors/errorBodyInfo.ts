// Reads what a provider said in an error body, whatever its dialect:
//   OpenAI / OpenRouter / Groq  {error: {message, type, code}}        (OpenRouter's code is a number; its
//                               moderation errors add `metadata: {reasons, flagged_input}`)
//   Anthropic                   {type: 'error', error: {type, message}}
//   Gemini                      {error: {code, message, status, details: [ErrorInfo, QuotaFailure, RetryInfo, ...]}}
//   Sydney                      {error: '...'}
//   vLLM (older) / others       {message, type, code} or {detail} at the top level
// plus HTML pages from proxies, empty bodies and plain text.
import * as z from 'zod/mini';

export interface ErrorBodyInfo {
  format: 'json' | 'html' | 'empty' | 'text';
  /** The provider's own message (raw: quote it only through a redactor). */
  message?: string;
  /** OpenAI `error.type`, Anthropic `error.type`, Gemini `error.status`. */
  type?: string;
  /** OpenAI `error.code` (e.g. `insufficient_quota`), Gemini numeric `code`, as a string. */
  code?: string;
  /** Gemini QuotaFailure violation quota ids, e.g. `GenerateRequestsPerDayPerProjectPerModel-FreeTier`. */
  quotaIds: string[];
  /** Gemini RetryInfo `retryDelay`, in milliseconds. */
  retryDelayMs?: number;
  /**
   * Google's `google.rpc.ErrorInfo` reason (Gemini), e.g. `API_KEY_INVALID`: the one field that tells a rejected
   * key (HTTP 400 INVALID_ARGUMENT) from any other bad request.
   */
  reason?: string;
  /**
   * OpenRouter's moderation verdict (its 403: the input was flagged): `error.metadata.reasons`. The flagged text
   * itself (`flagged_input`) is the user's own and is not kept.
   */
  moderation?: { reasons: string[] };
  /** The `<title>` of an HTML page. */
  title?: string;
  /** The raw text of a body that is not JSON. */
  text?: string;
}

const codeSchema = z.optional(z.nullable(z.union([z.string(), z.number()])));

const errorObjectSchema = z.object({
  message: z.optional(z.nullable(z.string())),
  type: z.optional(z.nullable(z.string())),
  code: codeSchema,
  status: z.optional(z.nullable(z.string())),
  details: z.optional(z.array(z.unknown())),
  metadata: z.optional(z.unknown()),
});

const errorBodySchema = z.object({
  error: z.optional(z.union([z.string(), errorObjectSchema])),
  message: z.optional(z.unknown()),
  type: z.optional(z.unknown()),
  code: codeSchema,
  detail: z.optional(z.unknown()),
  name: z.optional(z.unknown()),
  errors: z.optional(z.array(z.unknown())),
});

// One entry of Google's `details`: QuotaFailure (violations), RetryInfo (retryDelay) or ErrorInfo (reason).
const googleDetailSchema = z.object({
  '@type': z.string(),
  violations: z.optional(z.array(z.object({ quotaId: z.optional(z.string()) }))),
  retryDelay: z.optional(z.string()),
  reason: z.optional(z.string()),
});

// OpenRouter's ModerationErrorMetadata (its "Errors" page): `reasons` and `flagged_input`, sometimes with
// `provider_name` and `model_slug`.
const moderationMetadataSchema = z.object({
  reasons: z.optional(z.array(z.string())),
  flagged_input: z.optional(z.nullable(z.string())),
});

export function parseErrorBody(body: string, contentType = ''): ErrorBodyInfo {
  const trimmed = body.trim();
  if (trimmed === '') return { format: 'empty', quotaIds: [] };
  if (/text\/html/i.test(contentType) || /^<(!doctype\s+html|html[\s>]|head[\s>]|body[\s>])/i.test(trimmed)) {
    const title = /<title[^>]*>([^<]*)<\/title>/i.exec(trimmed)?.[1]?.replace(/\s+/g, ' ').trim();
    return { format: 'html', quotaIds: [], ...(title ? { title: decodeEntities(title) } : {}) };
  }
  let json: unknown;
  try {
    json = JSON.parse(trimmed);
  } catch {
    return { format: 'text', quotaIds: [], text: trimmed };
  }
  // Gemini without `alt=sse` wraps errors in an array.
  if (Array.isArray(json)) json = json[0];
  const parsed = errorBodySchema.safeParse(json);
  if (!parsed.success) return { format: 'text', quotaIds: [], text: trimmed };
  return { format: 'json', ...describe(parsed.data) };
}

function describe(body: z.infer<typeof errorBodySchema>): Omit<ErrorBodyInfo, 'format'> {
  const info: Omit<ErrorBodyInfo, 'format'> = { quotaIds: [] };
  const error = body.error;
  if (typeof error === 'string') {
    info.message = error;
  } else if (error) {
    if (error.message) info.message = error.message;
    if (error.type) info.type = error.type;
    else if (error.status) info.type = error.status;
    if (error.code !== undefined && error.code !== null) info.code = String(error.code);
    for (const detail of error.details ?? []) {
      const parsed = googleDetailSchema.safeParse(detail);
      if (!parsed.success) continue;
      for (const violation of parsed.data.violations ?? []) {
        if (violation.quotaId) info.quotaIds.push(violation.quotaId);
      }
      const delay = parsed.data.retryDelay === undefined ? undefined : parseDurationField(parsed.data.retryDelay);
      if (delay !== undefined) info.retryDelayMs = delay;
      if (info.reason === undefined && parsed.data.reason && parsed.data['@type'].endsWith('google.rpc.ErrorInfo')) {
        info.reason = parsed.data.reason;
      }
    }
    const moderation = moderationMetadataSchema.safeParse(error.metadata);
    if (moderation.success && (moderation.data.reasons !== undefined || moderation.data.flagged_input !== undefined)) {
      info.moderation = { reasons: moderation.data.reasons ?? [] };
    }
  }
  if (info.message === undefined) {
    const top = [body.message, body.detail, body.name].find((v): v is string => typeof v === 'string');
    const listed = body.errors?.filter((v): v is string => typeof v === 'string').join('; ');
    if (top !== undefined) info.message = top;
    else if (listed) info.message = listed;
  }
  if (info.type === undefined && typeof body.type === 'string' && body.type !== 'error') info.type = body.type;
  // Stability: `{id, name: 'content_moderation', message}`.
  if (info.type === undefined && typeof body.name === 'string' && /^[a-z_]+$/.test(body.name)) info.type = body.name;
  if (info.code === undefined && body.code !== undefined && body.code !== null) info.code = String(body.code);
  return info;
}

/** Google's protobuf Duration in JSON: `"37s"` or `"1.5s"`. */
function parseDurationField(value: string): number | undefined {
  const match = /^(\d+(?:\.\d+)?)s$/.exec(value.trim());
  return match?.[1] === undefined ? undefined : Math.round(Number(match[1]) * 1000);
}

function decodeEntities(text: string): string {
  return text
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&amp;/g, '&');
}
