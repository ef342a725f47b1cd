// A token limit read from a model list: a positive whole number, or nothing. Lists put `null` or `0` where they do
// not know (OpenRouter for some models; generated API examples show 0), and a window of 0 would read as "nothing fits".

/** `value` when it is a positive whole number of tokens; otherwise undefined. */
export function tokenCount(value: number | null | undefined): number | undefined {
  return typeof value === 'number' && Number.isSafeInteger(value) && value > 0 ? value : undefined;
}
