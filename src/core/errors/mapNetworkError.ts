// Errors below HTTP (refused connections, DNS, resets, TLS, proxies) as a ProviderError naming the host, so the
// person knows which server to look at.
import type { ErrorContext } from './errorContext';
import { errorDetail } from './errorFactories';
import { errorText, type ErrorParams } from './errorText';
import type { ErrorMessageId } from './errorTemplates';
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
  const raw = errorDetail(error);
  const host = context.host;
  const make = (kind: 'network' | 'timeout', id: ErrorMessageId, params: ErrorParams, retryable?: boolean): ProviderError =>
    new ProviderError({
      provider: context.provider,
      ...(context.model !== undefined ? { model: context.model } : {}),
      ...(code !== undefined ? { code } : {}),
      cause: error,
      kind,
      text: errorText(id, { host, ...params }),
      ...(retryable !== undefined ? { retryable } : {}),
    });

  if (context.proxyHost !== undefined && /proxy/i.test(raw)) {
    return make('network', 'network.proxy', { proxy: context.proxyHost, detail: context.redact(raw) }, false);
  }
  if (code !== undefined && certificateCodes.has(code)) {
    return make('network', 'network.certificate', { code }, false);
  }
  if (context.phase === 'stream') {
    // undici's own codes (UND_ERR_*) mean nothing to a person; system ones like ECONNRESET are worth showing.
    return make('network', 'network.cutOff', { code: code && !code.startsWith('UND_ERR') ? ` (${code})` : '' });
  }
  switch (code) {
    case 'ECONNREFUSED':
      return make('network', 'network.refused', {});
    case 'ENOTFOUND':
      return make('network', 'network.hostNotFound', {}, false);
    case 'EAI_AGAIN':
      return make('network', 'network.dnsNotAnswering', {});
    case 'UND_ERR_CONNECT_TIMEOUT':
    case 'ETIMEDOUT':
      return make('timeout', 'network.connectTimeout', {});
    default:
      return make('network', 'network.failed', { detail: code ?? context.redact(raw) });
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
