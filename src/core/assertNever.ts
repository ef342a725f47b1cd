/** Ends a `switch` over a tagged union: adding a variant without handling it becomes a type error. */
export function assertNever(value: never, what = 'value'): never {
  throw new Error(`Unhandled ${what}: ${JSON.stringify(value)}`);
}
