// The error taxonomy (SPEC §1, §4): an HTTP status plus whatever the body says becomes one ProviderError with a
// `kind`, a `retryable` flag and one sentence a person can act on. Provider text is quoted only through the
// redactor, so a key echoed back by a server never reaches the UI or the log.
import { formatDuration } from '../formatDuration';
import type { HttpHeaders } from '../http/httpHeaders';
import { parseRetryAfter } from '../http/parseRetryAfter';
import { type ErrorBodyInfo, parseErrorBody } from './errorBodyInfo';
import type { ErrorContext } from './errorContext';
import { googleErrorReason } from './googleErrorReason';
import { ProviderError, type ProviderErrorKind } from './providerError';
import { quoteProviderText } from './quoteProviderText';

export interface HttpErrorResponse {
  status: number;
  headers: HttpHeaders;
  /** The body as text (possibly cut short by the reader). */
  body: string;
}

/** Names of the VS Code commands a message may point to (the UI offers them as buttons). */
const setKeyHint = 'Set a new key with “Switchboard: Set API Key”.';
const selectModelHint = 'Pick another model with “Switchboard: Select Model”.';

export function mapHttpError(response: HttpErrorResponse, context: ErrorContext): ProviderError {
  const info = parseErrorBody(response.body, response.headers['content-type']);
  const retryAfterMs = parseRetryAfter(response.headers) ?? info.retryDelayMs;
  return classify(response.status, info, context, retryAfterMs);
}

/**
 * Maps an error the provider reported without an HTTP error status (an SSE `error` frame after `200 OK`), given
 * the status it implies (OpenRouter's numeric `code`, Gemini's `code`, or one derived from Anthropic's type).
 */
export function mapErrorInfo(
  status: number | undefined,
  info: ErrorBodyInfo,
  context: ErrorContext,
): ProviderError {
  return classify(status, info, context, info.retryDelayMs);
}

function classify(
  status: number | undefined,
  info: ErrorBodyInfo,
  context: ErrorContext,
  retryAfterMs: number | undefined,
): ProviderError {
  const p = context.provider;
  const code = info.code;
  const type = info.type;
  const detail = quote(info, context);
  const statusText = status === undefined ? '' : ` (${status})`;
  // Google says what is wrong with a key in an ErrorInfo reason, whatever the status (an invalid key is a 400).
  const verdict = info.reason === undefined ? undefined : googleErrorReason(info.reason, p, statusText, info.message);
  // The most specific code the provider gave: that reason, else a non-numeric code, else the type.
  const providerCode = verdict !== undefined ? info.reason : code !== undefined && !/^\d+$/.test(code) ? code : type;
  const make = (kind: ProviderErrorKind, message: string, retryable?: boolean): ProviderError =>
    new ProviderError({
      kind,
      provider: p,
      message,
      ...(status !== undefined ? { status } : {}),
      ...(retryable !== undefined ? { retryable } : {}),
      ...(providerCode !== undefined ? { code: providerCode } : {}),
      ...(retryAfterMs !== undefined ? { retryAfterMs } : {}),
      ...(context.model !== undefined ? { model: context.model } : {}),
    });

  if (info.format === 'html') {
    const title = info.title && info.title.length <= 80 ? ` (“${context.redact(info.title)}”)` : '';
    const message = `${p} answered${statusText} with an HTML page instead of JSON — a proxy or gateway error${title}.`;
    return make(status === undefined ? 'invalid-response' : kindForStatus(status), message);
  }

  if (verdict !== undefined) return make(verdict.kind, verdict.message);
  // OpenRouter's moderation (its 403, or an error frame with that code): the input was flagged, the key is fine.
  if (info.moderation !== undefined) {
    const reasons = info.moderation.reasons.length === 0 ? '' : ` for “${quoteProviderText(info.moderation.reasons.join(', '), context.redact, 120)}”`;
    return make(
      'content-filtered',
      `${p} did not pass the request on: its moderation flagged the input${reasons}${statusText}. Rephrase the request, or pick another model.`,
    );
  }

  // Provider codes that mean the same thing whatever the status.
  if (code === 'insufficient_quota' || type === 'insufficient_quota' || type === 'billing_error') {
    return make(
      'quota',
      `Your ${p} account has run out of credits or reached its spending limit${statusText}${detail}. Check billing on the provider's website, or pick another model.`,
      false,
    );
  }
  const perDay = info.quotaIds.find((id) => /perday/i.test(id));
  if (perDay !== undefined) {
    return make(
      'quota',
      `The daily ${p} quota${modelPart(context)} is used up${statusText}: ${perDay}. It resets once a day; pick another model or try again tomorrow.`,
      false,
    );
  }
  if (code === 'model_not_found' || (type === 'not_found_error' && context.operation === 'chat')) {
    return notFound(make, context, statusText, detail);
  }
  if (code === 'context_length_exceeded' || type === 'request_too_large') {
    return make('bad-request', `The request is too large for ${p}${modelPart(context)}${statusText}${detail}. Start a new chat, or send less of the file or selection.`);
  }
  if (code === 'content_filter' || code === 'content_policy_violation' || type === 'content_moderation' || code === 'content_moderation') {
    return make('content-filtered', `${p} refused the request because of its content policy${statusText}${detail}.`);
  }
  if (type === 'overloaded_error') {
    return make('overloaded', `${p} is overloaded right now${statusText}${detail}. Try again in a moment, or pick another model.`);
  }
  // Gemini refuses regions it does not serve with 400 FAILED_PRECONDITION "User location is not supported…".
  if (type === 'FAILED_PRECONDITION' && /location is not supported/i.test(info.message ?? '')) {
    return make('bad-request', `${p} is not available in your region${statusText}${detail}. Pick a model of another provider.`, false);
  }

  const empty = info.format === 'empty' ? ' with an empty body' : '';
  const effective = status ?? statusFromType(type);
  switch (true) {
    case effective === 401 || type === 'authentication_error' || type === 'UNAUTHENTICATED':
      // Do not quote: a 401 body is where providers echo (part of) the key.
      return make('auth', `The ${p} API key was rejected${statusText}. ${setKeyHint}`);
    case effective === 402:
      return make('quota', `${p} says payment is required${statusText}${detail}. Add credits to your account, or pick another model.`);
    case effective === 403 || type === 'permission_error' || type === 'PERMISSION_DENIED':
      return make('auth', `${p} refused access${statusText}${detail}. The key may not be allowed to use this model, or the service may not be available in your region.`);
    case effective === 404:
      return context.operation === 'models'
        ? make('not-found', `${p} has no model list at its base URL${statusText}${detail}. Check the provider's base URL in “switchboard.providers”.`)
        : notFound(make, context, statusText, detail);
    case effective === 408:
      return make('timeout', `${p} timed out waiting for the request${statusText}${detail}.`, true);
    case effective === 409:
      return make('server', `${p} reported a conflict${statusText}${detail}. Trying again usually helps.`, true);
    case effective === 413:
      return make('bad-request', `The request is too large for ${p}${statusText}. Start a new chat, or send less of the file or selection.`);
    case effective === 429 || type === 'rate_limit_error' || type === 'RESOURCE_EXHAUSTED': {
      const wait = retryAfterMs === undefined ? '' : `; it asked to wait ${formatDuration(retryAfterMs)}`;
      return make('rate-limit', `${p} is rate-limiting requests${statusText}${wait}${detail}.`);
    }
    case effective === 529 || effective === 503 || type === 'UNAVAILABLE':
      return make('overloaded', `${p} is overloaded or temporarily unavailable${statusText}${empty}${detail}. Try again in a moment, or pick another model.`);
    case effective === 501 || effective === 505:
      // "Not implemented" does not change by asking again (unless the server says otherwise with x-should-retry).
      return make('server', `${p} does not support this request${statusText}${empty}${detail}.`, false);
    case effective !== undefined && effective >= 500:
      return make('server', `${p} had a server error${statusText}${empty}${detail}. Try again later.`);
    case effective !== undefined && effective >= 300 && effective < 400:
      return make('bad-request', `${p} answered with a redirect${statusText}. Set the provider's base URL to the final address.`);
    case effective !== undefined && effective >= 400:
      return make('bad-request', `${p} rejected the request${statusText}${empty}${detail}.`);
    default:
      return make('server', `${p} reported an error${statusText}${detail}.`);
  }
}

function notFound(
  make: (kind: ProviderErrorKind, message: string) => ProviderError,
  context: ErrorContext,
  statusText: string,
  detail: string,
): ProviderError {
  const what = context.model === undefined ? 'The requested model' : `The model “${context.model}”`;
  return make('not-found', `${what} was not found at ${context.provider}${statusText}${detail}. ${selectModelHint} Or check the provider's base URL.`);
}

function modelPart(context: ErrorContext): string {
  return context.model === undefined ? '' : ` for “${context.model}”`;
}

/** `: “provider text”`, redacted and cut short, or nothing. */
function quote(info: ErrorBodyInfo, context: ErrorContext): string {
  const text = info.message ?? (info.format === 'text' ? info.text : undefined);
  if (text === undefined || text.trim() === '') return '';
  const quoted = quoteProviderText(text, context.redact);
  return info.format === 'text' ? `: the body is not JSON: “${quoted}”` : `: “${quoted}”`;
}

function kindForStatus(status: number): ProviderErrorKind {
  if (status === 401 || status === 403) return 'auth';
  if (status === 404) return 'not-found';
  if (status === 408) return 'timeout';
  if (status === 429) return 'rate-limit';
  if (status === 503 || status === 529) return 'overloaded';
  if (status >= 500) return 'server';
  if (status >= 400) return 'bad-request';
  return 'invalid-response';
}

/** Anthropic's in-stream error types carry no status; give them the one their HTTP twin has. */
function statusFromType(type: string | undefined): number | undefined {
  switch (type) {
    case 'invalid_request_error':
      return 400;
    case 'authentication_error':
      return 401;
    case 'permission_error':
      return 403;
    case 'not_found_error':
      return 404;
    case 'rate_limit_error':
      return 429;
    case 'api_error':
      return 500;
    case 'overloaded_error':
      return 529;
    default:
      return undefined;
  }
}
