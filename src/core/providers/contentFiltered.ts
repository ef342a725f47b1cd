import type { ErrorContext } from '../errors/errorContext';
import { ProviderError } from '../errors/providerError';

/**
 * The provider's safety filter stopped the answer before any of it arrived. (When part of the answer did arrive,
 * the stream ends with `done` and finishReason `content-filter` instead, keeping that part.)
 */
export function contentFiltered(context: ErrorContext, reason: string): ProviderError {
  return new ProviderError({
    kind: 'content-filtered',
    provider: context.provider,
    message: `${context.provider} blocked this request with its content filter (${context.redact(reason)}). Rephrase the request, or pick another model.`,
    code: reason,
    ...(context.model !== undefined ? { model: context.model } : {}),
  });
}
