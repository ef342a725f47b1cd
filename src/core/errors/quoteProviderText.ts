import type { Redactor } from './redactSecrets';

/**
 * A provider's own text, made safe to show: secrets scrubbed, whitespace collapsed, cut to `max` characters.
 * Redaction runs before truncation so that a cut can never leave half a key behind.
 */
export function quoteProviderText(text: string, redact: Redactor, max = 240): string {
  // A final full stop is dropped: the quote sits inside a sentence of ours that has its own.
  const clean = redact(text)
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/(?<!\.)\.$/, '');
  return clean.length <= max ? clean : `${clean.slice(0, max - 1).trimEnd()}…`;
}
