// Tiny type guards for the hand-written fast paths of streamed-chunk validation (see fastValidator).

export function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export function isNullish(value: unknown): value is null | undefined {
  return value === null || value === undefined;
}

/** Missing, null, or of the given primitive type (for numbers: finite, as zod's `z.number()` wants). */
export function isOptional(value: unknown, type: 'string' | 'number' | 'boolean'): boolean {
  if (value === null || value === undefined) return true;
  if (typeof value !== type) return false;
  return type !== 'number' || Number.isFinite(value);
}
