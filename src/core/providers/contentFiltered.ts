import type { ErrorContext } from '../errors/errorContext';
import { errorText } from '../errors/errorText';
import { ProviderError } from '../errors/providerError';

/**
 * The provider's safety filter stopped the answer before any of it arrived. (When part of the answer did arrive,
 * the stream ends with `done` and finishReason `content-filter` instead, keeping that part.)
 */
export function contentFiltered(context: ErrorContext, reason: string): ProviderError {
  return new ProviderError({
    kind: 'content-filtered',
    provider: context.provider,
    text: errorText('chat.contentFiltered', { provider: context.provider, reason: context.redact(reason) }),
    code: reason,
    ...(context.model !== undefined ? { model: context.model } : {}),
  });
}
