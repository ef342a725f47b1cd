// Fetches an image from the public URL a provider answered with (the Sydney gateway's `{url}`, an
// OpenAI-compatible server's `data[].url`). The URL is public, so no key and none of the entry's headers go with
// it, whatever its host. It is bounded: a body longer than `maxBytes` is cut off without being buffered (the
// connection is closed), and the whole download must finish within `timeLimitMs`. Redirects (image hosts and
// CDNs use them) are followed here, up to 5, to http(s) URLs only and never from https down to http — HttpClient
// itself never follows one, since for every other request a redirect could carry a key to another host.
// The URL and every redirect are the provider's (or the image host's) choice, not the person's, so each connection
// goes only to public addresses (checked after DNS, when it is made: see AddressPolicy), unless the provider's own
// base URL is itself on a non-public address: a local gateway's images may then come from the same kind of address.
import type { ErrorContext } from '../errors/errorContext';
import { durationText, errorText, type ErrorText } from '../errors/errorText';
import type { ErrorMessageId } from '../errors/errorTemplates';
import type { HttpErrorResponse } from '../errors/mapHttpError';
import { ProviderError, type ProviderErrorKind } from '../errors/providerError';
import { AddressPolicy, AddressRefusedError } from '../http/addressPolicy';
import type { AddressClass } from '../http/classifyAddress';
import type { HttpClient, RetryNotice } from '../http/httpClient';
import { bytesText } from './formatBytes';
import { BodyTooLargeError, readLimitedBytes } from './readLimitedBytes';

export interface DownloadImageOptions {
  http: HttpClient;
  /** The provider the image came from (named in errors; its redactor scrubs them). */
  context: ErrorContext;
  maxBytes: number;
  timeLimitMs: number;
  /**
   * The provider's own base URL. When it is on a non-public address (a gateway on this computer or the local
   * network), the image may come from an address of the same class; otherwise only from public addresses.
   */
  providerBaseUrl?: string;
  signal?: AbortSignal;
  onRetry?: (retry: RetryNotice) => void;
}

export async function downloadImage(url: string, options: DownloadImageOptions): Promise<Uint8Array> {
  const { context } = options;
  const target = parseDownloadUrl(url, context);
  const host = target.host;
  const addressPolicy = new AddressPolicy({
    provider: context.provider,
    ...(options.providerBaseUrl !== undefined ? { trustedUrl: options.providerBaseUrl } : {}),
  });
  const controller = new AbortController();
  let timedOut = false;
  const onAbort = (): void => controller.abort();
  options.signal?.addEventListener('abort', onAbort, { once: true });
  if (options.signal?.aborted) controller.abort();
  const timer = setTimeout(() => {
    timedOut = true;
    controller.abort();
  }, options.timeLimitMs);
  try {
    let current = target;
    for (let redirects = 0; ; redirects++) {
      const from = current;
      try {
        const response = await options.http.request(
          {
            method: 'GET',
            url: from.href,
            // Deliberately no key and no entry headers: the image URL is public and may be on any host.
            headers: { accept: 'image/png, image/jpeg, image/webp, image/*;q=0.8' },
            signal: controller.signal,
            context,
            addressPolicy,
            mapError: (answer) => downloadHttpError(answer, context, from),
          },
          options.onRetry,
        );
        return await readLimitedBytes(response, options.maxBytes);
      } catch (error) {
        if (!(error instanceof DownloadRedirect)) throw error;
        if (redirects >= maxRedirects) {
          throw fail(context, 'invalid-response', errorText('download.tooManyRedirects', { host, max: maxRedirects }));
        }
        const next = parseDownloadUrl(error.location, context);
        if (from.protocol === 'https:' && next.protocol === 'http:') {
          throw fail(context, 'invalid-response', errorText('download.insecureRedirect', { host: from.host, next: next.host }));
        }
        current = next;
      }
    }
  } catch (error) {
    if (timedOut && !options.signal?.aborted) {
      throw fail(context, 'timeout', errorText('download.timeout', { host, duration: durationText(options.timeLimitMs) }));
    }
    if (error instanceof AddressRefusedError) throw refused(error, context, options.providerBaseUrl);
    if (error instanceof BodyTooLargeError) {
      throw fail(context, 'invalid-response', errorText('download.tooLarge', { host, size: bytesText(options.maxBytes) }));
    }
    throw error;
  } finally {
    clearTimeout(timer);
    options.signal?.removeEventListener('abort', onAbort);
  }
}

function parseDownloadUrl(url: string, context: ErrorContext): URL {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    throw fail(
      context,
      'invalid-response',
      errorText('download.notUrl', { provider: context.provider, url: context.redact(url.slice(0, 120)) }),
    );
  }
  if (parsed.protocol !== 'https:' && parsed.protocol !== 'http:') {
    throw fail(
      context,
      'invalid-response',
      errorText('download.scheme', { provider: context.provider, scheme: context.redact(parsed.protocol).slice(0, 40) }),
    );
  }
  if (parsed.username !== '' || parsed.password !== '') {
    throw fail(context, 'invalid-response', errorText('download.credentials', { provider: context.provider }));
  }
  return parsed;
}

const maxRedirects = 5;

/** A 3xx with a `location`: not a failure, the next address to try. */
class DownloadRedirect extends ProviderError {
  constructor(
    readonly location: string,
    context: ErrorContext,
    status: number,
  ) {
    super({
      kind: 'bad-request',
      provider: context.provider,
      status,
      retryable: false,
      text: errorText('download.moved', { status: ` (${status})` }),
    });
  }
}

function downloadHttpError(response: HttpErrorResponse, context: ErrorContext, from: URL): ProviderError {
  const status = response.status;
  const host = from.host;
  const location = response.headers.location;
  if (status >= 300 && status < 400 && location !== undefined && location !== '') {
    let next: string;
    try {
      next = new URL(location, from).href;
    } catch {
      next = location;
    }
    return new DownloadRedirect(next, context, status);
  }
  const kind: ProviderErrorKind =
    status === 404 || status === 410
      ? 'not-found'
      : status === 429
        ? 'rate-limit'
        : status === 408
          ? 'timeout'
          : status === 503
            ? 'overloaded'
            : status >= 500
              ? 'server'
              : 'bad-request';
  // A signed image link that has run out answers 403 or 404 (410 on some hosts): making the image again gives a new one.
  const expired = status === 403 || status === 404 || status === 410;
  return new ProviderError({
    kind,
    provider: context.provider,
    status,
    text: errorText(expired ? 'download.expired' : 'download.failed', { host, status: ` (${status})` }),
    ...(context.model !== undefined ? { model: context.model } : {}),
  });
}

/**
 * 'invalid-response', as for an image URL that is not http(s): the provider's answer named something Switchboard
 * will not fetch; nothing in the person's request would change that, and asking again gets the same kind of answer.
 */
function refused(error: AddressRefusedError, context: ErrorContext, providerBaseUrl: string | undefined): ProviderError {
  const address = context.redact(error.address);
  const where = error.host === error.address ? address : errorText('download.resolvesTo', { host: context.redact(error.host), address });
  const kind = errorText(addressClassPhrase[error.addressClass]);
  return fail(
    context,
    'invalid-response',
    providerBaseUrl === undefined
      ? errorText('download.refused', { where, kind })
      : errorText('download.refused.trusted', { where, kind, provider: context.provider }),
  );
}

/** How a refusal names the kind of address: "… that is {kind}". */
const addressClassPhrase: Readonly<Record<AddressClass, ErrorMessageId>> = {
  public: 'address.public',
  loopback: 'address.loopback',
  unspecified: 'address.unspecified',
  private: 'address.private',
  shared: 'address.shared',
  'link-local': 'address.linkLocal',
  multicast: 'address.multicast',
  reserved: 'address.reserved',
};

function fail(context: ErrorContext, kind: ProviderErrorKind, text: ErrorText): ProviderError {
  return new ProviderError({ kind, provider: context.provider, text, ...(context.model !== undefined ? { model: context.model } : {}) });
}
