// Errors below HTTP (refused connections, DNS, resets, TLS, proxies) as a ProviderError naming the host, so the
// person knows which server to look at.
import type { ErrorContext } from './errorContext';
import { ProviderError } from './providerError';

export interface NetworkErrorContext extends ErrorContext {
  /** `host:port` of the server we talked to (never the proxy's credentials). */
  host: string;
  /** Whether the body had started arriving: a failure then means the answer was cut off. */
  phase: 'connect' | 'stream';
  /** The proxy in use, if any (shown without credentials). */
  proxyHost?: string;
}

const certificateCodes = new Set([
  'DEPTH_ZERO_SELF_SIGNED_CERT',
  'SELF_SIGNED_CERT_IN_CHAIN',
  'UNABLE_TO_VERIFY_LEAF_SIGNATURE',
  'UNABLE_TO_GET_ISSUER_CERT_LOCALLY',
  'CERT_HAS_EXPIRED',
  'ERR_TLS_CERT_ALTNAME_INVALID',
  'CERT_UNTRUSTED',
]);

export function mapNetworkError(error: unknown, context: NetworkErrorContext): ProviderError {
  if (error instanceof ProviderError) return error;
  const code = findCode(error);
  const raw = error instanceof Error ? error.message : String(error);
  const base = {
    provider: context.provider,
    ...(context.model !== undefined ? { model: context.model } : {}),
    ...(code !== undefined ? { code } : {}),
    cause: error,
  };
  const host = context.host;

  if (context.proxyHost !== undefined && /proxy/i.test(raw)) {
    return new ProviderError({
      ...base,
      kind: 'network',
      message: `The proxy ${context.proxyHost} refused to connect to ${host} (${context.redact(raw)}). Check “http.proxy” and the HTTPS_PROXY / NO_PROXY environment.`,
      retryable: false,
    });
  }
  if (code !== undefined && certificateCodes.has(code)) {
    return new ProviderError({
      ...base,
      kind: 'network',
      message: `The TLS certificate of ${host} could not be verified (${code}). If a corporate proxy inspects TLS, add its certificate to the system, or set “http.proxyStrictSSL” to false.`,
      retryable: false,
    });
  }
  if (context.phase === 'stream') {
    return new ProviderError({
      ...base,
      kind: 'network',
      // undici's own codes (UND_ERR_*) mean nothing to a person; system ones like ECONNRESET are worth showing.
      message: `The connection to ${host} closed before the answer finished${code && !code.startsWith('UND_ERR') ? ` (${code})` : ''}.`,
    });
  }
  switch (code) {
    case 'ECONNREFUSED':
      return new ProviderError({
        ...base,
        kind: 'network',
        message: `Could not connect to ${host}: the connection was refused. Is the server running, and is the base URL right?`,
      });
    case 'ENOTFOUND':
      return new ProviderError({
        ...base,
        kind: 'network',
        message: `Could not find the host ${host} (DNS lookup failed). Check the base URL and your network or proxy settings.`,
        retryable: false,
      });
    case 'EAI_AGAIN':
      return new ProviderError({ ...base, kind: 'network', message: `Could not look up ${host} (DNS is not answering). Check your network.` });
    case 'UND_ERR_CONNECT_TIMEOUT':
    case 'ETIMEDOUT':
      return new ProviderError({ ...base, kind: 'timeout', message: `Connecting to ${host} timed out. Check your network or proxy settings.` });
    default:
      return new ProviderError({
        ...base,
        kind: 'network',
        message: `The connection to ${host} failed (${code ?? context.redact(raw)}). Check your network or proxy settings.`,
      });
  }
}

/** The first `code` found on the error, its `cause` chain, or inside an AggregateError (happy eyeballs). */
function findCode(error: unknown, depth = 0): string | undefined {
  if (depth > 5 || typeof error !== 'object' || error === null) return undefined;
  const code = (error as { code?: unknown }).code;
  if (typeof code === 'string' && code !== 'UND_ERR_SOCKET' && code !== 'UND_ERR') {
    return code;
  }
  const nested = (error as { errors?: unknown }).errors;
  if (Array.isArray(nested)) {
    for (const inner of nested) {
      const found = findCode(inner, depth + 1);
      if (found !== undefined) return found;
    }
  }
  return findCode((error as { cause?: unknown }).cause, depth + 1) ?? (typeof code === 'string' ? code : undefined);
}
