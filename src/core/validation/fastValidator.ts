import type * as z from 'zod/mini';
import type { ErrorContext } from '../errors/errorContext';
import { parseResponse } from './parseResponse';

/**
 * A validator for values read once per streamed chunk, where running the zod schema on every chunk would cost
 * more CPU than the rest of the client together (the streaming budget of docs/performance.md). `accepts` is a hand-written check of
 * the common shape that must only accept values the schema also accepts (a property test holds it to that); what it
 * does not accept goes to the schema, which decides and words the error. So the result is exactly the schema's
 * verdict, only faster on the hot path. (An accepted value keeps fields the schema would have stripped.)
 */
export function fastValidator<S extends z.ZodMiniType>(
  schema: S,
  accepts: (value: unknown) => value is z.infer<S>,
  what: string,
): (value: unknown, context: ErrorContext) => z.infer<S> {
  return (value, context) => (accepts(value) ? value : parseResponse(schema, value, context, what));
}
