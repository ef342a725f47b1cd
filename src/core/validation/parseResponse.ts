import type * as z from 'zod/mini';
import type { ErrorContext } from '../errors/errorContext';
import { invalidResponseError } from '../errors/errorFactories';
import type { ProviderError } from '../errors/providerError';
import { describeSchemaIssue } from './describeSchemaIssue';

/**
 * Validates a decoded response against its schema; a mismatch becomes an `invalid-response` ProviderError that
 * says what was expected (`what` names the thing, e.g. "the stream chunk"), never `undefined` further on.
 */
export function parseResponse<S extends z.ZodMiniType>(schema: S, value: unknown, context: ErrorContext, what: string): z.infer<S> {
  const result = schema.safeParse(value);
  if (result.success) return result.data;
  throw invalidResponse(context, `${what} did not have the expected shape: ${describeSchemaIssue(result.error.issues, 'the body')}`);
}

/** Parses JSON text, or throws an `invalid-response` ProviderError naming what was being read. */
export function parseJsonText(text: string, context: ErrorContext, what: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    const sample = context.redact(text.replace(/\s+/g, ' ').trim()).slice(0, 80);
    throw invalidResponse(context, `${what} is not JSON (it starts with “${sample}”)`);
  }
}

export function invalidResponse(context: Pick<ErrorContext, 'provider' | 'model'>, detail: string): ProviderError {
  return invalidResponseError(context, detail);
}
