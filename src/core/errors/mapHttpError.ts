// The error taxonomy (docs/architecture.md, docs/requests.md): an HTTP status plus whatever the body says becomes one ProviderError with a
// `kind`, a `retryable` flag and one sentence a person can act on. Provider text is quoted only through the
// redactor, so a key echoed back by a server never reaches the UI or the log.
import type { HttpHeaders } from '../http/httpHeaders';
import { parseRetryAfter } from '../http/parseRetryAfter';
import { type ErrorBodyInfo, parseErrorBody } from './errorBodyInfo';
import type { ErrorContext } from './errorContext';
import { durationText, errorText, type ErrorParams, type ErrorText } from './errorText';
import type { ErrorMessageId } from './errorTemplates';
import { googleErrorReason } from './googleErrorReason';
import { ProviderError, type ProviderErrorKind } from './providerError';
import { quoteProviderText } from './quoteProviderText';

export interface HttpErrorResponse {
  status: number;
  headers: HttpHeaders;
  /** The body as text (possibly cut short by the reader). */
  body: string;
}

export function mapHttpError(response: HttpErrorResponse, context: ErrorContext): ProviderError {
  const info = parseErrorBody(response.body, response.headers['content-type']);
  const retryAfterMs = parseRetryAfter(response.headers) ?? info.retryDelayMs;
  return classify(response.status, info, context, retryAfterMs);
}

/**
 * Maps an error the provider reported without an HTTP error status (an SSE `error` frame after `200 OK`), given
 * the status it implies (OpenRouter's numeric `code`, Gemini's `code`, or one derived from Anthropic's type).
 */
export function mapErrorInfo(status: number | undefined, info: ErrorBodyInfo, context: ErrorContext): ProviderError {
  return classify(status, info, context, info.retryDelayMs);
}

function classify(status: number | undefined, info: ErrorBodyInfo, context: ErrorContext, retryAfterMs: number | undefined): ProviderError {
  const p = context.provider;
  const code = info.code;
  const type = info.type;
  const detail = quote(info, context);
  const statusText = status === undefined ? '' : ` (${status})`;
  // Google says what is wrong with a key in an ErrorInfo reason, whatever the status (an invalid key is a 400).
  const verdict = info.reason === undefined ? undefined : googleErrorReason(info.reason, p, statusText, info.message);
  // The most specific code the provider gave: that reason, else a non-numeric code, else the type.
  const providerCode = verdict !== undefined ? info.reason : code !== undefined && !/^\d+$/.test(code) ? code : type;
  const make = (kind: ProviderErrorKind, text: ErrorText, retryable?: boolean): ProviderError =>
    new ProviderError({
      kind,
      provider: p,
      text,
      ...(status !== undefined ? { status } : {}),
      ...(retryable !== undefined ? { retryable } : {}),
      ...(providerCode !== undefined ? { code: providerCode } : {}),
      ...(retryAfterMs !== undefined ? { retryAfterMs } : {}),
      ...(context.model !== undefined ? { model: context.model } : {}),
    });
  // Every message names the provider and the status; most quote what the provider said.
  const says = (id: ErrorMessageId, extra: ErrorParams = {}): ErrorText =>
    errorText(id, { provider: p, status: statusText, detail, ...extra });

  if (info.format === 'html') {
    const title = info.title && info.title.length <= 80 ? errorText('detail.pageTitle', { title: context.redact(info.title) }) : '';
    return make(status === undefined ? 'invalid-response' : kindForStatus(status), says('http.html', { title }));
  }

  if (verdict !== undefined) return make(verdict.kind, verdict.text);
  // OpenRouter's moderation (its 403, or an error frame with that code): the input was flagged, the key is fine.
  if (info.moderation !== undefined) {
    const reasons =
      info.moderation.reasons.length === 0
        ? ''
        : errorText('detail.flaggedFor', { reasons: quoteProviderText(info.moderation.reasons.join(', '), context.redact, 120) });
    return make('content-filtered', says('http.moderation', { reasons }));
  }

  // Provider codes that mean the same thing whatever the status.
  if (code === 'insufficient_quota' || type === 'insufficient_quota' || type === 'billing_error') {
    return make('quota', says('http.outOfCredits'), false);
  }
  const perDay = info.quotaIds.find((id) => /perday/i.test(id));
  if (perDay !== undefined) {
    return make('quota', says('http.dailyQuota', { model: modelPart(context), quotaId: perDay }), false);
  }
  if (code === 'model_not_found' || (type === 'not_found_error' && context.operation === 'chat')) {
    return make('not-found', notFound(context, says));
  }
  if (code === 'context_length_exceeded' || type === 'request_too_large') {
    return make('bad-request', says('http.contextTooLong', { model: modelPart(context) }));
  }
  if (code === 'content_filter' || code === 'content_policy_violation' || type === 'content_moderation' || code === 'content_moderation') {
    return make('content-filtered', says('http.contentPolicy'));
  }
  if (type === 'overloaded_error') {
    return make('overloaded', says('http.overloadedType'));
  }
  // Gemini refuses regions it does not serve with 400 FAILED_PRECONDITION "User location is not supported…".
  if (type === 'FAILED_PRECONDITION' && /location is not supported/i.test(info.message ?? '')) {
    return make('bad-request', says('http.region'), false);
  }

  const empty = info.format === 'empty' ? errorText('detail.emptyBody') : '';
  const effective = status ?? statusFromType(type);
  switch (true) {
    case effective === 401 || type === 'authentication_error' || type === 'UNAUTHENTICATED':
      // Do not quote: a 401 body is where providers echo (part of) the key.
      return make('auth', errorText('http.auth', { provider: p, status: statusText }));
    case effective === 402:
      return make('quota', says('http.paymentRequired'));
    case effective === 403 || type === 'permission_error' || type === 'PERMISSION_DENIED':
      return make('auth', says('http.forbidden'));
    case effective === 404:
      return context.operation === 'models' ? make('not-found', says('http.noModelList')) : make('not-found', notFound(context, says));
    case effective === 408:
      return make('timeout', says('http.requestTimeout'), true);
    case effective === 409:
      return make('server', says('http.conflict'), true);
    case effective === 413:
      return make('bad-request', errorText('http.tooLarge', { provider: p, status: statusText }));
    case effective === 429 || type === 'rate_limit_error' || type === 'RESOURCE_EXHAUSTED': {
      const wait = retryAfterMs === undefined ? '' : errorText('detail.askedToWait', { duration: durationText(retryAfterMs) });
      return make('rate-limit', says('http.rateLimited', { wait }));
    }
    case effective === 529 || effective === 503 || type === 'UNAVAILABLE':
      return make('overloaded', says('http.overloaded', { empty }));
    case effective === 501 || effective === 505:
      // "Not implemented" does not change by asking again (unless the server says otherwise with x-should-retry).
      return make('server', says('http.notImplemented', { empty }), false);
    case effective !== undefined && effective >= 500:
      return make('server', says('http.server', { empty }));
    case effective !== undefined && effective >= 300 && effective < 400:
      return make('bad-request', errorText('http.redirect', { provider: p, status: statusText }));
    case effective !== undefined && effective >= 400:
      return make('bad-request', says('http.rejected', { empty }));
    default:
      return make('server', says('http.other'));
  }
}

function notFound(context: ErrorContext, says: (id: ErrorMessageId, extra?: ErrorParams) => ErrorText): ErrorText {
  return context.model === undefined ? says('http.notFound') : says('http.modelNotFound', { model: context.model });
}

function modelPart(context: ErrorContext): ErrorText | '' {
  return context.model === undefined ? '' : errorText('detail.forModel', { model: context.model });
}

/** `: “provider text”`, redacted and cut short, or nothing. */
function quote(info: ErrorBodyInfo, context: ErrorContext): ErrorText | '' {
  const text = info.message ?? (info.format === 'text' ? info.text : undefined);
  if (text === undefined || text.trim() === '') return '';
  const quoted = quoteProviderText(text, context.redact);
  return errorText(info.format === 'text' ? 'detail.notJson' : 'detail.quoted', { text: quoted });
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
