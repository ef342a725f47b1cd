// The one way Switchboard talks HTTP (docs/requests.md): undici underneath, with
//   - a first-byte timeout (connect + request + response headers) and an idle timeout between body chunks,
//     both ours rather than undici's, so a slow consumer never counts as a silent server;
//   - cancellation through the caller's AbortSignal, which destroys the socket;
//   - proxies (`http.proxy`, HTTPS_PROXY / HTTP_PROXY / NO_PROXY) and `strictSSL`;
//   - retries only before the first byte of a successful body: exponential backoff with full jitter, the server's
//     `retry-after-ms` / `retry-after` honoured up to a cap, `x-should-retry` honoured, and every retry reported.
// Every failure leaves here as a ProviderError.
import { type Dispatcher, request as undiciRequest } from 'undici';
import type { ErrorContext } from '../errors/errorContext';
import { type HttpErrorResponse, mapHttpError } from '../errors/mapHttpError';
import { mapNetworkError } from '../errors/mapNetworkError';
import { ProviderError } from '../errors/providerError';
import { cancelledError, timeoutError, toProviderError } from '../errors/errorFactories';
import { errorText } from '../errors/errorText';
import { formatDuration } from '../formatDuration';
import { backoffDelay } from './backoffDelay';
import type { LookupFunction } from 'node:net';
import type { AddressPolicy } from './addressPolicy';
import { createDispatcher } from './createDispatcher';
import { type HttpHeaders, toHttpHeaders } from './httpHeaders';
import { type Environment, resolveProxy } from './resolveProxy';
import { shouldRetry } from './shouldRetry';
import { type Sleep, sleep as realSleep } from './sleep';

export interface HttpClientOptions {
  /** Connect, send and receive the response headers within this time. Default 60 s. */
  firstByteTimeoutMs?: number;
  /**
   * The first-byte limit of billable requests instead (`switchboard.images.timeoutSeconds`): a generation answers
   * only when its work is done, often after more than a minute. Default 5 min.
   */
  generationTimeoutMs?: number;
  /** Longest silence allowed between two chunks of a body while we wait for it. Default 60 s. */
  idleTimeoutMs?: number;
  /** Retries after the first attempt (so `2` means up to 3 attempts). Default 2. */
  maxRetries?: number;
  /** Backoff cap of the first retry; doubles each retry up to `maxBackoffMs`. Defaults 500 ms and 8 s. */
  initialBackoffMs?: number;
  maxBackoffMs?: number;
  /** A server asking for a longer wait than this gets no retry: the error goes back (with its retryAfterMs). Default 60 s. */
  maxRetryAfterMs?: number;
  /** VS Code's `http.proxy`. */
  proxy?: string;
  /** VS Code's `http.noProxy`. */
  noProxy?: readonly string[];
  /** VS Code's `http.proxyStrictSSL`. Default true. */
  strictSSL?: boolean;
  /** Where HTTPS_PROXY / HTTP_PROXY / NO_PROXY are read from. Default `process.env`. */
  env?: Environment;
  /** Injectable for tests: how backoff waits are slept. */
  sleep?: Sleep;
  /** Injectable for tests: how host names are resolved on direct connections. Default the system's (`dns.lookup`). */
  lookup?: LookupFunction;
  /** Injectable for tests: the jitter's random source, in [0, 1). */
  random?: () => number;
  /** Receives one line per retry and per proxy choice (never headers, bodies or keys). */
  log?: (message: string) => void;
  /** Error bodies are read up to this many bytes. Default 64 KiB. */
  maxErrorBodyBytes?: number;
  /**
   * The longest one request may take from sending to the last byte of its body, keep-alives or not
   * (`switchboard.requests.deadlineSeconds`). Default 15 min.
   */
  deadlineMs?: number;
  /**
   * Sees the status and headers of every response, 2xx or not, before it is read (the rate limiter learns the
   * provider's announced limits from them). Must not throw; an exception is ignored.
   */
  onResponse?: (response: ObservedResponse) => void;
}

/** What {@link HttpClientOptions.onResponse} is told about a response. */
export interface ObservedResponse {
  readonly context: ErrorContext;
  readonly url: URL;
  readonly status: number;
  readonly headers: HttpHeaders;
}

export interface HttpRequest {
  method: 'GET' | 'POST';
  url: string;
  headers?: Readonly<Record<string, string>>;
  /** Text, or bytes (multipart bodies that carry an image). */
  body?: string | Uint8Array;
  /** Aborting it cancels the request at any stage and closes the connection. */
  signal?: AbortSignal;
  /** Who the request is for; words the errors. */
  context: ErrorContext;
  /** Turns a non-2xx answer into a ProviderError. Default {@link mapHttpError}. */
  mapError?: (response: HttpErrorResponse) => ProviderError;
  /** Overrides the client's `maxRetries` for this request. */
  maxRetries?: number;
  /** Which addresses the request may connect to, checked on every connection after DNS (URLs named by an answer). */
  addressPolicy?: AddressPolicy;
  /**
   * The request creates something the provider bills (an image, a non-streamed answer): once it may have reached
   * the server it is never sent again. It is retried only when the server answered that it did not do the work
   * (429, 503) or the connection failed before anything was sent; any other failure after sending says that the
   * provider may still have charged for it. Billable requests wait `generationTimeoutMs` for their first byte.
   */
  billable?: boolean;
}

export interface HttpResponse {
  readonly status: number;
  readonly headers: HttpHeaders;
  /** The body's bytes, under the idle timeout; errors are ProviderErrors (`stream` phase). Read it once. */
  body(): AsyncIterable<Uint8Array>;
  /**
   * Pushes the body's bytes to `onChunk` as they arrive, without an async hop per chunk (streamed answers), under
   * the idle timeout. Read it once, instead of `body()`.
   */
  pipe(onChunk: (chunk: Uint8Array) => void): BodyPipe;
  /** The whole body as UTF-8 text (up to `maxBytes`, default 8 MiB, then cut). */
  text(maxBytes?: number): Promise<string>;
  /** Stops reading; if the body was not read to the end, the connection is closed. Safe to call twice. */
  dispose(): void;
}

/** A body being pushed to a callback (`HttpResponse.pipe`). */
export interface BodyPipe {
  /**
   * Settles when the body has ended (the connection is then released). Rejects with a ProviderError (`stream`
   * phase), or with what `onChunk` threw, which stops the reading and closes the connection.
   */
  readonly done: Promise<void>;
  /** Stops reading for now (the idle timeout does not run meanwhile); the server is held back by TCP. */
  pause(): void;
  resume(): void;
}

/** A failed attempt that will be retried after `delayMs`. */
export interface RetryNotice {
  /** 1 for the first retry. */
  attempt: number;
  delayMs: number;
  error: ProviderError;
}

/** What `send()` yields: retry notices while it retries, then the response. */
export type SendStep = { type: 'retry'; retry: RetryNotice } | { type: 'response'; response: HttpResponse };

const defaults = {
  firstByteTimeoutMs: 60_000,
  generationTimeoutMs: 300_000,
  deadlineMs: 15 * 60_000,
  idleTimeoutMs: 60_000,
  maxRetries: 2,
  initialBackoffMs: 500,
  maxBackoffMs: 8_000,
  maxRetryAfterMs: 60_000,
  maxErrorBodyBytes: 64 * 1024,
};

export class HttpClient {
  private readonly options: HttpClientOptions & typeof defaults;
  private readonly dispatchers = new Map<string, Dispatcher>();

  constructor(options: HttpClientOptions = {}) {
    const defined = Object.fromEntries(Object.entries(options).filter(([, v]) => v !== undefined)) as HttpClientOptions;
    this.options = { ...defaults, ...defined };
    // A timeout of zero or less would mean "hang forever", which docs/requests.md rules out.
    if (!(this.options.firstByteTimeoutMs > 0)) this.options.firstByteTimeoutMs = defaults.firstByteTimeoutMs;
    if (!(this.options.idleTimeoutMs > 0)) this.options.idleTimeoutMs = defaults.idleTimeoutMs;
    if (!(this.options.generationTimeoutMs > 0)) this.options.generationTimeoutMs = defaults.generationTimeoutMs;
    if (!(this.options.deadlineMs > 0)) this.options.deadlineMs = defaults.deadlineMs;
  }

  /**
   * Sends the request, retrying before the first byte of a successful body. Yields a `retry` step before each
   * wait, and finally the `response` step with a 2xx response. Throws a ProviderError when it gives up.
   */
  async *send(request: HttpRequest): AsyncGenerator<SendStep, void, undefined> {
    const maxRetries = Math.max(0, request.maxRetries ?? this.options.maxRetries);
    // One deadline for the whole request, retries included; a generation may use all of its own longer limit.
    const deadlineMs =
      request.billable === true ? Math.max(this.options.deadlineMs, this.options.generationTimeoutMs) : this.options.deadlineMs;
    const deadlineAt = Date.now() + deadlineMs;
    for (let attempt = 0; ; attempt++) {
      let error: ProviderError;
      let headers: HttpHeaders = {};
      try {
        const response = await this.attempt(request, deadlineAt, deadlineMs);
        if (response.status >= 200 && response.status < 300) {
          yield { type: 'response', response };
          return;
        }
        headers = response.headers;
        const body = await response.text(this.options.maxErrorBodyBytes);
        const mapper = request.mapError ?? ((r: HttpErrorResponse) => mapHttpError(r, request.context));
        error = mapper({ status: response.status, headers, body });
      } catch (caught) {
        error = caught instanceof ProviderError ? caught : cancelledOr(caught, request);
      }
      if (request.billable === true && !notDoneByServer(error)) throw billedMaybe(error, request.context);
      if (attempt >= maxRetries || !shouldRetry(error, headers)) throw error;
      const delayMs = this.retryDelay(attempt, error);
      // No attempt starts after the deadline: it could only be cut off at once.
      if (delayMs === undefined || Date.now() + delayMs >= deadlineAt) throw error;
      this.options.log?.(
        request.context.redact(
          `${request.context.provider}: ${describeFailure(error)}; retry ${attempt + 1} of ${maxRetries} in ${formatDuration(delayMs)}`,
        ),
      );
      yield { type: 'retry', retry: { attempt: attempt + 1, delayMs, error } };
      try {
        await (this.options.sleep ?? realSleep)(delayMs, request.signal);
      } catch (caught) {
        throw cancelledOr(caught, request);
      }
      if (request.signal?.aborted) throw cancelled(request.context);
    }
  }

  /** {@link send} for callers that want a promise (model lists); retries go to `onRetry`. */
  async request(request: HttpRequest, onRetry?: (retry: RetryNotice) => void): Promise<HttpResponse> {
    for await (const step of this.send(request)) {
      if (step.type === 'retry') onRetry?.(step.retry);
      else return step.response;
    }
    throw new Error('HttpClient.send ended without a response');
  }

  /** Closes every pooled connection. */
  async close(): Promise<void> {
    const all = [...this.dispatchers.values()];
    this.dispatchers.clear();
    await Promise.all(all.map((d) => d.destroy().catch(() => undefined)));
  }

  /** The wait before retry `attempt + 1`: what the server asked for (if within the cap), else jittered backoff. */
  private retryDelay(attempt: number, error: ProviderError): number | undefined {
    if (error.retryAfterMs !== undefined) {
      return error.retryAfterMs <= this.options.maxRetryAfterMs ? error.retryAfterMs : undefined;
    }
    return backoffDelay(attempt, { initialMs: this.options.initialBackoffMs, maxMs: this.options.maxBackoffMs }, this.options.random);
  }

  private dispatcherFor(proxy: string | undefined, addressPolicy: AddressPolicy | undefined): Dispatcher {
    // Requests under an address policy get connections of their own, each checked when it was opened.
    const key = `${proxy ?? ''}\n${addressPolicy?.key ?? ''}`;
    let dispatcher = this.dispatchers.get(key);
    if (dispatcher === undefined) {
      dispatcher = createDispatcher(proxy, {
        strictSSL: this.options.strictSSL ?? true,
        connectTimeoutMs: Math.min(this.options.firstByteTimeoutMs, 30_000),
        ...(this.options.lookup !== undefined ? { lookup: this.options.lookup } : {}),
        ...(addressPolicy !== undefined ? { addressPolicy } : {}),
      });
      this.dispatchers.set(key, dispatcher);
      if (proxy !== undefined) this.options.log?.(`Using the proxy ${proxyHost(proxy)}`);
    }
    return dispatcher;
  }

  private async attempt(request: HttpRequest, deadlineAt: number, deadlineMs: number): Promise<HttpResponse> {
    const url = new URL(request.url);
    const proxy = resolveProxy(url, this.options, this.options.env ?? process.env);
    const dispatcher = this.dispatcherFor(proxy, request.addressPolicy);
    if (request.signal?.aborted) throw cancelled(request.context);

    const controller = new AbortController();
    const state: AttemptState = { timedOut: undefined };
    const onUserAbort = (): void => controller.abort();
    request.signal?.addEventListener('abort', onUserAbort, { once: true });
    // Keep-alive comments reset the idle timer, so only this ends an answer that never finishes.
    const deadline = setTimeout(
      () => {
        state.timedOut = 'deadline';
        controller.abort();
      },
      Math.max(0, deadlineAt - Date.now()),
    );
    // A response nobody reads to the end must not keep the process alive for the rest of the deadline.
    deadline.unref();
    const detach = (): void => {
      clearTimeout(deadline);
      request.signal?.removeEventListener('abort', onUserAbort);
    };
    const firstByteTimeoutMs = request.billable === true ? this.options.generationTimeoutMs : this.options.firstByteTimeoutMs;
    const classify = (error: unknown, phase: 'connect' | 'stream'): ProviderError => {
      if (error instanceof ProviderError) return error;
      if (request.signal?.aborted) return cancelled(request.context);
      const host = url.host;
      if (state.timedOut === 'first-byte') {
        const setting = request.billable === true ? 'switchboard.images.timeoutSeconds' : 'switchboard.requests.timeoutSeconds';
        return timeoutError(request.context, 'first-byte', { host, durationMs: firstByteTimeoutMs, setting });
      }
      if (state.timedOut === 'deadline') return timeoutError(request.context, 'deadline', { host, durationMs: deadlineMs });
      if (state.timedOut === 'idle') return timeoutError(request.context, 'idle', { host, durationMs: this.options.idleTimeoutMs });
      return mapNetworkError(error, {
        ...request.context,
        host,
        phase,
        ...(proxy !== undefined ? { proxyHost: proxyHost(proxy) } : {}),
      });
    };

    const timer = setTimeout(() => {
      state.timedOut = 'first-byte';
      controller.abort();
    }, firstByteTimeoutMs);
    try {
      const raw = await undiciRequest(url, {
        method: request.method,
        headers: { ...request.headers },
        ...(request.body !== undefined ? { body: request.body } : {}),
        signal: controller.signal,
        dispatcher,
        // Our own timers replace undici's (0 disables them): see the file comment.
        headersTimeout: 0,
        bodyTimeout: 0,
      });
      clearTimeout(timer);
      const response = new UndiciResponse(raw, controller, state, this.options.idleTimeoutMs, classify, detach);
      try {
        this.options.onResponse?.({ context: request.context, url, status: response.status, headers: response.headers });
      } catch {
        // An observer's bug must not fail the request.
      }
      return response;
    } catch (error) {
      clearTimeout(timer);
      detach();
      throw classify(error, 'connect');
    }
  }
}

interface AttemptState {
  timedOut: 'first-byte' | 'idle' | 'deadline' | undefined;
}

class UndiciResponse implements HttpResponse {
  readonly status: number;
  readonly headers: HttpHeaders;
  private idleTimer: NodeJS.Timeout | undefined;
  private waiting = false;
  private finished = false;
  private disposed = false;
  private consumed = false;

  constructor(
    private readonly raw: Dispatcher.ResponseData,
    private readonly controller: AbortController,
    private readonly state: AttemptState,
    private readonly idleTimeoutMs: number,
    private readonly classify: (error: unknown, phase: 'connect' | 'stream') => ProviderError,
    private readonly detach: () => void,
  ) {
    this.status = raw.statusCode;
    this.headers = toHttpHeaders(raw.headers);
  }

  /**
   * A hand-written iterator rather than an async generator: it runs once per network chunk, and a generator hop
   * per chunk is a measurable share of the streaming CPU budget (docs/performance.md).
   */
  body(): AsyncIterable<Uint8Array> {
    if (this.consumed) throw new Error('The response body can be read only once');
    this.consumed = true;
    const source = this.raw.body[Symbol.asyncIterator]() as AsyncIterator<Uint8Array>;
    const ended: IteratorReturnResult<undefined> = { done: true, value: undefined };
    const iterator: AsyncIterator<Uint8Array, undefined> = {
      next: async () => {
        if (this.disposed) return ended;
        this.startWaiting();
        let next: IteratorResult<Uint8Array>;
        try {
          next = await source.next();
        } catch (error) {
          const mapped = this.classify(error, 'stream');
          this.dispose();
          throw mapped;
        } finally {
          this.waiting = false;
        }
        if (next.done === true) {
          this.finished = true;
          this.dispose();
          return ended;
        }
        return next;
      },
      return: async () => {
        this.dispose();
        await source.return?.();
        return ended;
      },
    };
    return { [Symbol.asyncIterator]: () => iterator };
  }

  pipe(onChunk: (chunk: Uint8Array) => void): BodyPipe {
    if (this.consumed) throw new Error('The response body can be read only once');
    this.consumed = true;
    const body = this.raw.body;
    if (this.disposed) {
      const closed = Promise.reject(this.classify(new Error('The response was closed before its body was read'), 'stream'));
      return { done: closed, pause: () => undefined, resume: () => undefined };
    }
    let settled = false;
    let resolveDone!: () => void;
    let rejectDone!: (error: unknown) => void;
    const done = new Promise<void>((resolve, reject) => {
      resolveDone = resolve;
      rejectDone = reject;
    });
    const stop = (): void => {
      settled = true;
      body.off('data', onData);
      body.off('end', onEnd);
      body.off('error', onError);
      body.off('close', onClose);
    };
    const fail = (error: unknown): void => {
      if (settled) return;
      stop();
      this.dispose();
      rejectDone(error);
    };
    const onData = (chunk: Uint8Array): void => {
      this.startWaiting(); // re-arms the idle timer
      try {
        onChunk(chunk);
      } catch (error) {
        fail(error);
      }
    };
    const onEnd = (): void => {
      if (settled) return;
      stop();
      this.finished = true;
      this.dispose();
      resolveDone();
    };
    const onError = (error: unknown): void => fail(this.classify(error, 'stream'));
    // Destroyed without an error event (our own dispose, an abort): the body did not end.
    const onClose = (): void => fail(this.classify(new Error('The response body was closed before its end'), 'stream'));
    body.on('data', onData);
    body.once('end', onEnd);
    body.once('error', onError);
    body.once('close', onClose);
    this.startWaiting();
    return {
      done,
      pause: () => {
        if (settled) return;
        this.waiting = false;
        body.pause();
      },
      resume: () => {
        if (settled) return;
        this.startWaiting();
        body.resume();
      },
    };
  }

  async text(maxBytes = 8 * 1024 * 1024): Promise<string> {
    const decoder = new TextDecoder('utf-8');
    let out = '';
    let bytes = 0;
    for await (const chunk of this.body()) {
      const room = maxBytes - bytes;
      out += decoder.decode(chunk.byteLength > room ? chunk.subarray(0, room) : chunk, { stream: true });
      bytes += chunk.byteLength;
      if (bytes >= maxBytes) break;
    }
    return out + decoder.decode();
  }

  dispose(): void {
    if (this.disposed) return;
    this.disposed = true;
    if (this.idleTimer !== undefined) clearTimeout(this.idleTimer);
    this.detach();
    if (!this.finished) {
      // Not read to the end: abort so undici destroys the socket instead of draining it into the pool.
      this.controller.abort();
      this.raw.body.on('error', () => undefined);
      this.raw.body.destroy();
    }
  }

  /** (Re)arms the idle timer; it only fires if we are still waiting for a chunk when it runs out. */
  private startWaiting(): void {
    this.waiting = true;
    if (this.idleTimer === undefined) {
      this.idleTimer = setTimeout(() => {
        if (!this.waiting) return;
        this.state.timedOut = 'idle';
        this.controller.abort();
      }, this.idleTimeoutMs);
    } else {
      this.idleTimer.refresh();
    }
  }
}

function cancelled(context: ErrorContext): ProviderError {
  return cancelledError(context);
}

function cancelledOr(error: unknown, request: HttpRequest): ProviderError {
  if (request.signal?.aborted) return cancelled(request.context);
  return toProviderError(error, { provider: request.context.provider, redact: request.context.redact, stage: 'request' });
}

/**
 * Network failures that happen before a request's bytes leave this machine: nothing reached the server, so even a
 * billable request may go again.
 */
const failedBeforeSending = new Set([
  'ECONNREFUSED',
  'ENOTFOUND',
  'EAI_AGAIN',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'UND_ERR_CONNECT_TIMEOUT',
  'ERR_TLS_CERT_ALTNAME_INVALID',
  'DEPTH_ZERO_SELF_SIGNED_CERT',
  'SELF_SIGNED_CERT_IN_CHAIN',
  'UNABLE_TO_VERIFY_LEAF_SIGNATURE',
  'UNABLE_TO_GET_ISSUER_CERT_LOCALLY',
  'CERT_HAS_EXPIRED',
]);

/**
 * Whether a failed billable request certainly did no work: the server said so (429: not accepted; 503: not
 * available), or a status that is a refusal rather than a failure half-way (4xx other than 408), or the connection
 * failed before anything was sent. A timeout or a reset after sending, and other 5xx, leave it open.
 */
function notDoneByServer(error: ProviderError): boolean {
  if (error.kind === 'cancelled') return true;
  const status = error.status;
  if (status !== undefined) return status === 429 || status === 503 || (status >= 400 && status < 500 && status !== 408);
  return error.code !== undefined && failedBeforeSending.has(error.code);
}

/** The failure of a billable request that may have reached the server: never retried, and it says so. */
function billedMaybe(error: ProviderError, context: ErrorContext): ProviderError {
  return new ProviderError({
    kind: error.kind,
    provider: error.provider,
    text: errorText('billing.maybeCharged', { message: { id: error.messageId, params: error.params }, provider: context.provider }),
    retryable: false,
    possiblyBilled: true,
    ...(error.status !== undefined ? { status: error.status } : {}),
    ...(error.code !== undefined ? { code: error.code } : {}),
    ...(error.retryAfterMs !== undefined ? { retryAfterMs: error.retryAfterMs } : {}),
    ...(error.model !== undefined ? { model: error.model } : {}),
    cause: error,
  });
}

function describeFailure(error: ProviderError): string {
  return `${error.kind}${error.status !== undefined ? ` ${error.status}` : ''}${error.code !== undefined ? ` ${error.code}` : ''}`;
}

/** `host:port` of a proxy URL, never its credentials. */
function proxyHost(proxy: string): string {
  try {
    return new URL(proxy).host;
  } catch {
    return 'the configured proxy';
  }
}
