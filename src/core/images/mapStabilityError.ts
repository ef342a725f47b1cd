// Stability's error bodies: v1 `{id, name, message}`, v2beta `{id, name, errors: [...]}`. The v2beta list is
// folded into `message` so the shared mapper quotes it (and `name: content_moderation` becomes content-filtered).
import type { ErrorContext } from '../errors/errorContext';
import { type HttpErrorResponse, mapHttpError } from '../errors/mapHttpError';
import type { ProviderError } from '../errors/providerError';

export function mapStabilityError(response: HttpErrorResponse, context: ErrorContext): ProviderError {
  let body = response.body;
  try {
    const parsed = JSON.parse(body) as unknown;
    if (typeof parsed === 'object' && parsed !== null && !Array.isArray(parsed)) {
      const { errors, message, name } = parsed as { errors?: unknown; message?: unknown; name?: unknown };
      const listed = Array.isArray(errors) ? errors.filter((e): e is string => typeof e === 'string') : [];
      if (typeof message !== 'string' && listed.length > 0) {
        body = JSON.stringify({ ...(typeof name === 'string' ? { name } : {}), message: listed.join('; ') });
      }
    }
  } catch {
    // Not JSON: the shared mapper words it.
  }
  return mapHttpError({ ...response, body }, context);
}
