// The common ProviderErrors, each built once from a message id (errorTemplates.ts): stopped, timed out, an answer
// that cannot be read, a configuration the request cannot go out with, and anything else thrown. Every site that
// used to word these itself builds them here, so each reads the same in every language.
import { durationText, errorText, type ErrorParams } from './errorText';
import type { ErrorMessageId } from './errorTemplates';
import type { Redactor } from './redactSecrets';
import { ProviderError, type ProviderErrorKind } from './providerError';

/** Who the failed request was for. */
export interface ErrorSubject {
  provider: string;
  model?: string | undefined;
}

function base(subject: ErrorSubject): { provider: string; model?: string } {
  return subject.model !== undefined ? { provider: subject.provider, model: subject.model } : { provider: subject.provider };
}

/** The person stopped the request (`while` says what it was waiting for, when that is worth saying). */
export function cancelledError(subject: ErrorSubject, options: { while?: 'rate-limit'; cause?: unknown } = {}): ProviderError {
  return new ProviderError({
    ...base(subject),
    kind: 'cancelled',
    text: errorText(options.while === 'rate-limit' ? 'cancelled.rateLimitWait' : 'cancelled'),
    ...(options.cause !== undefined ? { cause: options.cause } : {}),
  });
}

export type TimeoutPhase = 'first-byte' | 'idle' | 'deadline' | 'generation';

/** A time limit ran out: `host` is who did not answer, `durationMs` the limit, `setting` the one that raises it. */
export function timeoutError(
  subject: ErrorSubject,
  phase: TimeoutPhase,
  options: { host: string; durationMs: number; setting?: string },
): ProviderError {
  const duration = durationText(options.durationMs);
  const id: ErrorMessageId =
    phase === 'first-byte'
      ? 'timeout.firstByte'
      : phase === 'idle'
        ? 'timeout.idle'
        : phase === 'deadline'
          ? 'timeout.deadline'
          : 'timeout.generation';
  const params: ErrorParams =
    phase === 'generation'
      ? { provider: subject.provider, duration }
      : {
          host: options.host,
          duration,
          ...(phase === 'first-byte' ? { setting: options.setting ?? 'switchboard.requests.timeoutSeconds' } : {}),
        };
  // The overall deadline already waited as long as one answer may take: asking again would only wait as long.
  return new ProviderError({
    ...base(subject),
    kind: 'timeout',
    text: errorText(id, params),
    ...(phase === 'deadline' ? { retryable: false } : {}),
  });
}

/** An answer too large to keep reading; `limit` is the cap that was reached, in characters. */
export function answerLimitError(subject: ErrorSubject, what: 'answer' | 'event', limit: number): ProviderError {
  return new ProviderError({
    ...base(subject),
    kind: 'invalid-response',
    retryable: false,
    code: what === 'answer' ? 'answer-too-large' : 'event-too-large',
    text: errorText(what === 'answer' ? 'invalid.answerTooLarge' : 'invalid.eventTooLarge', {
      provider: subject.provider,
      limit: limit.toLocaleString('en-US'),
    }),
  });
}

/** The provider answered, but not in a shape Switchboard can read; `detail` is already redacted. */
export function invalidResponseError(
  subject: ErrorSubject,
  detail: string,
  options: { code?: string; cause?: unknown } = {},
): ProviderError {
  return new ProviderError({
    ...base(subject),
    kind: 'invalid-response',
    text: errorText('invalid.response', { provider: subject.provider, detail }),
    ...(options.code !== undefined ? { code: options.code } : {}),
    ...(options.cause !== undefined ? { cause: options.cause } : {}),
  });
}

export type ConfigurationProblem =
  | { type: 'missing-key'; what?: 'API key' | (string & {}); envVars?: readonly string[] }
  | { type: 'bad-setting'; setting: string; detail: string }
  | { type: 'unknown-provider' };

/** A request that cannot go out as configured: no key, a setting that is wrong, a provider nobody defined. */
export function configurationError(subject: ErrorSubject, problem: ConfigurationProblem): ProviderError {
  switch (problem.type) {
    case 'missing-key': {
      const env = problem.envVars ?? [];
      const envHint =
        env.length === 0 ? '' : errorText(env.length > 1 ? 'config.missingKey.envs' : 'config.missingKey.env', { names: env.join(' or ') });
      const what = problem.what === undefined || problem.what === 'API key' ? errorText('config.missingKey.apiKey') : problem.what;
      return new ProviderError({
        ...base(subject),
        kind: 'auth',
        text: errorText('config.missingKey', { what, provider: subject.provider, envHint }),
      });
    }
    case 'bad-setting':
      return new ProviderError({
        ...base(subject),
        kind: 'bad-request',
        text: errorText('config.badSetting', { setting: problem.setting, detail: problem.detail }),
      });
    case 'unknown-provider':
      return new ProviderError({
        ...base(subject),
        kind: 'bad-request',
        text: errorText('config.unknownProvider', { provider: subject.provider }),
      });
  }
}

export interface ToProviderErrorContext extends ErrorSubject {
  /** When aborted, whatever was thrown means the person stopped the request. */
  signal?: AbortSignal | undefined;
  /** Scrubs secrets out of the thrown error's text before it is shown. */
  redact?: Redactor;
  /** Where it failed, for the wording: a provider client, reading an answer, or sending the request. */
  stage?: 'client' | 'reading' | 'request';
  /** The kind when it is not a ProviderError already (`invalid-response` unless said; `network` for `request`). */
  kind?: ProviderErrorKind;
}

/**
 * Anything thrown, as a ProviderError: a ProviderError stays as it is, an abort becomes `cancelled`, anything else
 * (a client that throws instead of emitting an `error` event, a bug) names the provider and quotes the redacted text.
 */
export function toProviderError(error: unknown, context: ToProviderErrorContext): ProviderError {
  if (error instanceof ProviderError) return error;
  if (context.signal?.aborted === true || (error instanceof Error && error.name === 'AbortError'))
    return cancelledError(context, { cause: error });
  const stage = context.stage ?? 'client';
  const id: ErrorMessageId = stage === 'client' ? 'unexpected.client' : stage === 'reading' ? 'unexpected.reading' : 'unexpected.request';
  const redact = context.redact ?? ((text: string) => text);
  return new ProviderError({
    ...base(context),
    kind: context.kind ?? (stage === 'request' ? 'network' : 'invalid-response'),
    text: errorText(id, { provider: context.provider, detail: redact(errorDetail(error)) }),
    cause: error,
  });
}

/** The text of anything thrown (an Error's message, else its string form) — the one place that asks. */
export function errorDetail(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
