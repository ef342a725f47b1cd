// The ProviderErrors only completions have (messages in errorTemplates.ts, `completion.*`). Each says what to do
// once, in the status item: a completion that fails is dropped quietly, never a popup per keystroke.
import { circuitOpenErrorCode } from '../chat/circuitBreaker';
import { durationText, errorText } from '../errors/errorText';
import { ProviderError } from '../errors/providerError';

/** The completion model setting is empty or not `providerId/modelId`. */
export function noCompletionModelError(): ProviderError {
  return new ProviderError({ kind: 'bad-request', provider: 'switchboard', text: errorText('completion.noModel') });
}

/** A provider that has no way to complete code (the Sydney gateway, the image-only providers). */
export function unsupportedCompletionProviderError(provider: string, label: string, model?: string): ProviderError {
  return new ProviderError({
    kind: 'bad-request',
    provider,
    ...(model !== undefined ? { model } : {}),
    text: errorText('completion.unsupportedProvider', { label }),
  });
}

/**
 * The server does not have the model, or the model cannot fill in the middle: a `not-found` whatever the status
 * (Ollama says it with a 400), worded from the HTTP error `mapped` (its status and the provider's words).
 */
export function noFimError(mapped: ProviderError, model: string): ProviderError {
  return fromHttpError(mapped, model, 'not-found', 'completion.noFim');
}

/** The server refused `suffix` and the model's family has no template Switchboard knows. */
export function suffixRefusedError(mapped: ProviderError, model: string): ProviderError {
  return fromHttpError(mapped, model, 'bad-request', 'completion.suffixRefused');
}

/** Nothing came within the completion's time limit (a stall, a model still loading): dropped, and said so. */
export function completionTimeoutError(provider: string, model: string, durationMs: number, cause?: unknown): ProviderError {
  return new ProviderError({
    kind: 'timeout',
    provider,
    model,
    text: errorText('completion.timeout', { provider, model, duration: durationText(durationMs) }),
    ...(cause !== undefined ? { cause } : {}),
  });
}

/** Completions' own budget is spent for now: the completion is not sent, rather than waiting behind typing. */
export function completionRateLimitedError(provider: string, model: string, waitMs: number): ProviderError {
  return new ProviderError({
    kind: 'rate-limit',
    provider,
    model,
    retryAfterMs: waitMs,
    text: errorText('completion.rateLimited', { provider, model, duration: durationText(waitMs) }),
  });
}

/** The completions' circuit breaker is open: nothing is sent to this provider for a while (code `circuit-open`). */
export function completionsPausedError(provider: string, model: string, retryInMs: number): ProviderError {
  return new ProviderError({
    kind: 'server',
    provider,
    model,
    code: circuitOpenErrorCode,
    retryable: true,
    retryAfterMs: retryInMs,
    text: errorText('completion.paused', { provider, duration: durationText(Math.max(1_000, retryInMs)) }),
  });
}

function fromHttpError(
  mapped: ProviderError,
  model: string,
  kind: 'not-found' | 'bad-request',
  id: 'completion.noFim' | 'completion.suffixRefused',
): ProviderError {
  const detail = mapped.params['detail'] ?? '';
  return new ProviderError({
    kind,
    provider: mapped.provider,
    model,
    retryable: false,
    ...(mapped.status !== undefined ? { status: mapped.status } : {}),
    ...(mapped.code !== undefined ? { code: mapped.code } : {}),
    text: errorText(id, {
      provider: mapped.provider,
      model,
      status: mapped.status !== undefined ? ` (${mapped.status})` : '',
      detail,
    }),
    cause: mapped,
  });
}
