// OpenAI's error bodies are the chat ones (`{error: {message, type, code}}`); for images, code
// `moderation_blocked` (400) means the prompt or the image was refused by the safety system.
import type { ErrorContext } from '../errors/errorContext';
import { type HttpErrorResponse, mapHttpError } from '../errors/mapHttpError';
import { errorText } from '../errors/errorText';
import { ProviderError } from '../errors/providerError';

export function mapOpenAiImageError(response: HttpErrorResponse, context: ErrorContext): ProviderError {
  const error = mapHttpError(response, context);
  if (error.code !== 'moderation_blocked') return error;
  return new ProviderError({
    kind: 'content-filtered',
    provider: error.provider,
    status: error.status,
    code: error.code,
    text: errorText('image.moderationBlocked', { provider: context.provider }),
    ...(context.model !== undefined ? { model: context.model } : {}),
  });
}
