// One error type for everything that can go wrong talking to a provider (SPEC §1). It carries what the UI needs
// to say something a person can act on, and never the key.

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

export interface ProviderErrorOptions {
  kind: ProviderErrorKind;
  /** The provider entry id, e.g. `openai`. */
  provider: string;
  /** One sentence a person can act on; must never contain a key. */
  message: string;
  /** HTTP status when there was one. */
  status?: number;
  /** Whether trying the same request again may succeed (decides retries and fallback). */
  retryable?: boolean;
  /** The provider's own error code/type, e.g. `insufficient_quota`, `overloaded_error`. */
  code?: string;
  /** How long the provider asked us to wait, when it said so. */
  retryAfterMs?: number;
  /** The model the request was for. */
  model?: string;
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

  constructor(options: ProviderErrorOptions) {
    super(options.message, options.cause === undefined ? undefined : { cause: options.cause });
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
    };
  }
}
