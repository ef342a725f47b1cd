// The name a structured answer's format goes by: OpenAI requires one for a `json_schema`, and Anthropic's forced
// answer tool is called by it (anthropicToolFields.ts).

/** The name used when the request gives none. */
export const defaultFormatName = 'answer';

/** `name` as the strictest protocol takes it: letters, digits, `_` and `-`, at most 64 characters. */
export function responseFormatName(name: string | undefined): string {
  const cleaned = (name ?? '').replace(/[^A-Za-z0-9_-]/g, '_').slice(0, 64);
  return /[A-Za-z0-9]/.test(cleaned) ? cleaned : defaultFormatName;
}
