import type { Redactor } from './redactSecrets';

/** What an error mapper needs to know to word a message a person can act on. */
export interface ErrorContext {
  /** The provider entry id, e.g. `openai`. */
  provider: string;
  /** The model the request was for, if any. */
  model?: string;
  /** What the request was for; changes the wording of a 404, for one. */
  operation: 'chat' | 'models';
  /** Scrubs the key (and key-looking text) out of anything quoted from the provider. */
  redact: Redactor;
}
