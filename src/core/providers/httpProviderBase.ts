// What every HTTP client of a provider shares, chat or images: its id, the redactor that keeps its secrets out of
// messages, URLs built only under its own base URL (the key goes nowhere else), the headers (the entry's own, then
// the protocol's auth headers), and the "no key" error that names the environment variables to use instead.
import type { ErrorContext } from '../errors/errorContext';
import { configurationError } from '../errors/errorFactories';
import type { ProviderError } from '../errors/providerError';
import { createRedactor, type Redactor } from '../errors/redactSecrets';
import type { HttpClient } from '../http/httpClient';
import { joinUrl } from './joinUrl';

export interface HttpProviderBaseConfig {
  /** The provider entry id, e.g. `openai` or `work-vllm`. */
  id: string;
  /** Every URL this client calls is built under it; the key goes nowhere else. */
  baseUrl: string;
  apiKey?: string;
  /** Extra headers (a preset's attribution headers, then the entry's own). */
  headers?: Readonly<Record<string, string>>;
  http: HttpClient;
  /** Whether requests are refused up front when no key is set (local servers need none). */
  requiresKey: boolean;
  /** Named in the "no key" message, e.g. `OPENAI_API_KEY`. */
  keyEnvVars?: readonly string[];
}

export abstract class HttpProviderBase<C extends HttpProviderBaseConfig> {
  readonly id: string;
  protected readonly redact: Redactor;

  /** `secrets`: everything to scrub from messages (the key, and e.g. Fusion Brain's secret). */
  constructor(
    protected readonly config: C,
    secrets: readonly (string | undefined)[],
  ) {
    this.id = config.id;
    this.redact = createRedactor(secrets);
  }

  /** The headers the protocol needs: the key (when there is one) and any version header. */
  protected abstract authHeaders(): Record<string, string>;

  protected context(operation: ErrorContext['operation'], model?: string): ErrorContext {
    return { provider: this.id, operation, redact: this.redact, ...(model !== undefined ? { model } : {}) };
  }

  protected url(path: string): string {
    return joinUrl(this.config.baseUrl, path);
  }

  protected headers(extra: Record<string, string> = {}): Record<string, string> {
    return { ...extra, ...this.config.headers, ...this.authHeaders() };
  }

  /** The error for a missing key or secret (`what`), before any request is sent. */
  protected missingSecret(context: ErrorContext, what: string, env: readonly string[]): ProviderError {
    return configurationError({ provider: this.id, model: context.model }, { type: 'missing-key', what, envVars: env });
  }
}
