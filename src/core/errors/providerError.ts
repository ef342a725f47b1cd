// One error type for everything that can go wrong talking to a provider (docs/architecture.md). It carries what the UI needs
// to say something a person can act on, and never the key. Its words are data (`messageId` + `params`, see
// errorText.ts): `message` is their English text, and the VS Code layer shows them in the UI's language.
import { englishErrorText, type ErrorParams, type ErrorText } from './errorText';
import type { ErrorMessageId } from './errorTemplates';

export type ProviderErrorKind =
  | 'auth'
  | 'rate-limit'
  | 'quota'
  | 'bad-request'
  | 'not-found'
  | 'server'
  | 'overloaded'
  | 'network'
  | 'timeout'
  | 'invalid-response'
  | 'content-filtered'
  | 'cancelled';

/**
 * The words of an error: a message id and its parameters (preferred: translated in the UI), or one English
 * sentence (kept for sites not yet converted; shown as it is, under the id `text`).
 */
export type ProviderErrorWords = { text: ErrorText; message?: never } | { message: string; text?: never };

export type ProviderErrorOptions = ProviderErrorFields & ProviderErrorWords;

export interface ProviderErrorFields {
  kind: ProviderErrorKind;
  /** The provider entry id, e.g. `openai`. */
  provider: string;
  /** HTTP status when there was one. */
  status?: number | undefined;
  /** Whether trying the same request again may succeed (decides retries and fallback). */
  retryable?: boolean;
  /** The provider's own error code/type, e.g. `insufficient_quota`, `overloaded_error`. */
  code?: string | undefined;
  /** How long the provider asked us to wait, when it said so. */
  retryAfterMs?: number | undefined;
  /** The model the request was for. */
  model?: string | undefined;
  /** A billable request (an image, a non-streamed answer) failed after it may have reached the provider. */
  possiblyBilled?: boolean;
  cause?: unknown;
}

const retryableByDefault: Record<ProviderErrorKind, boolean> = {
  auth: false,
  'rate-limit': true,
  quota: false,
  'bad-request': false,
  'not-found': false,
  server: true,
  overloaded: true,
  network: true,
  timeout: true,
  'invalid-response': false,
  'content-filtered': false,
  cancelled: false,
};

export class ProviderError extends Error {
  readonly kind: ProviderErrorKind;
  readonly provider: string;
  readonly status: number | undefined;
  readonly retryable: boolean;
  readonly code: string | undefined;
  readonly retryAfterMs: number | undefined;
  readonly model: string | undefined;
  readonly possiblyBilled: boolean;
  /** The stable key of the message (errorTemplates.ts); its English text is `message`. Never contains a key. */
  readonly messageId: ErrorMessageId;
  /** The message's parameters: names, numbers and quoted provider text (already redacted), or nested phrases. */
  readonly params: ErrorParams;

  constructor(options: ProviderErrorOptions) {
    const text: ErrorText = options.text ?? { id: 'text', params: { text: options.message ?? '' } };
    super(englishErrorText(text), options.cause === undefined ? undefined : { cause: options.cause });
    this.messageId = text.id;
    this.params = text.params;
    this.name = 'ProviderError';
    this.kind = options.kind;
    this.provider = options.provider;
    this.status = options.status;
    this.retryable = options.retryable ?? retryableByDefault[options.kind];
    this.code = options.code;
    this.retryAfterMs = options.retryAfterMs;
    this.model = options.model;
    this.possiblyBilled = options.possiblyBilled ?? false;
  }

  /** A plain object safe to log or post to the webview (no cause chain, no headers, no key). */
  toJSON(): Record<string, unknown> {
    return {
      kind: this.kind,
      provider: this.provider,
      status: this.status,
      retryable: this.retryable,
      code: this.code,
      retryAfterMs: this.retryAfterMs,
      model: this.model,
      ...(this.possiblyBilled ? { possiblyBilled: true } : {}),
      message: this.message,
      messageId: this.messageId,
      params: this.params,
    };
  }
}
