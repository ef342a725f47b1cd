import { parseErrorBody } from './errorBodyInfo';
import type { ErrorContext } from './errorContext';
import { mapErrorInfo } from './mapHttpError';
import type { ProviderError } from './providerError';

/**
 * An error the provider reported inside a stream that had started with `200 OK` (an OpenAI/OpenRouter
 * `data: {"error": ...}` frame, an Anthropic `event: error`, a Gemini error frame). A numeric code in the payload
 * (OpenRouter, Gemini) is read as the HTTP status it stands for.
 */
export function mapStreamError(data: string, context: ErrorContext): ProviderError {
  const info = parseErrorBody(data, 'application/json');
  const numeric = info.code !== undefined && /^\d{3}$/.test(info.code) ? Number(info.code) : undefined;
  return mapErrorInfo(numeric, info, context);
}
