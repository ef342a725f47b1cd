// What every HTTP image client shares: validation before anything else, the key check, retries and rate-limit
// waits reported as progress, responses validated with zod, every image checked by its magic number, and the
// rule that whatever fails leaves as a ProviderError — `cancelled` when the person stopped it.
import type * as z from 'zod/mini';
import { assertNever } from '../assertNever';
import type { RateLimitReason } from '../chat/chatTypes';
import type { RateLimiter } from '../chat/rateLimiter';
import { parseErrorBody } from '../errors/errorBodyInfo';
import type { ErrorContext } from '../errors/errorContext';
import { type HttpErrorResponse, mapErrorInfo, mapHttpError } from '../errors/mapHttpError';
import { errorText } from '../errors/errorText';
import { ProviderError } from '../errors/providerError';
import { cancelledError, toProviderError } from '../errors/errorFactories';
import { formatDuration } from '../formatDuration';
import type { HttpRequest, HttpResponse } from '../http/httpClient';
import { HttpProviderBase, type HttpProviderBaseConfig } from '../providers/httpProviderBase';
import { invalidResponse, parseJsonText, parseResponse } from '../validation/parseResponse';
import { downloadImage } from './downloadImage';
import type {
  GeneratedImage,
  ImageKeyCheck,
  ImageModelInfo,
  ImageProgress,
  ImageProgressListener,
  ImageProvider,
  ImageProviderKind,
  ImageRequest,
  ImageResult,
  ImageStyle,
} from './imageTypes';
import { BodyTooLargeError, readLimitedBytes } from './readLimitedBytes';
import { requireImageBytes } from './requireImageBytes';
import { formatBytes } from './formatBytes';

export interface ImageProviderConfig extends HttpProviderBaseConfig {
  /** Fusion Brain's second secret. */
  apiSecret?: string;
  secretEnvVars?: readonly string[];
  /** Client-side limits (the Sydney gateway's sdxl 3/min…); each generation request acquires one slot. */
  rateLimiter?: RateLimiter;
  /** Images fetched from a URL (Sydney, OpenAI-compatible servers answering with `url`) are cut off above this. Default 20 MiB. */
  downloadMaxBytes?: number;
  /** …and must arrive within this. Default 60 s. */
  downloadTimeLimitMs?: number;
}

/** Images larger than this are refused, whoever sends them. */
export const defaultMaxImageBytes = 20 * 1024 * 1024;

/** JSON answers that carry base64 images may be this large per image. */
export const maxBase64ImageBytes = Math.ceil((defaultMaxImageBytes * 4) / 3) + 64 * 1024;

/** A progress reporter that never lets a listener's exception break the generation. */
export type Progress = (event: ImageProgress) => void;

export abstract class HttpImageProvider extends HttpProviderBase<ImageProviderConfig> implements ImageProvider {
  abstract readonly kind: ImageProviderKind;

  constructor(config: ImageProviderConfig) {
    super(config, [config.apiKey, config.apiSecret]);
  }

  abstract validate(request: ImageRequest): void;

  async generate(request: ImageRequest, onProgress?: ImageProgressListener): Promise<ImageResult> {
    this.validate(request);
    const context = this.context('chat', request.model);
    const progress: Progress = (event) => {
      try {
        onProgress?.(event);
      } catch {
        // A broken listener must not break the generation.
      }
    };
    try {
      this.requireKey(context);
      if (request.signal?.aborted) throw this.cancelled(context);
      return await this.run(request, context, progress);
    } catch (error) {
      throw this.asProviderError(error, context, request.signal);
    }
  }

  async listImageModels(signal?: AbortSignal): Promise<ImageModelInfo[]> {
    const context = this.context('models');
    try {
      return await this.fetchImageModels(context, signal);
    } catch (error) {
      throw this.asProviderError(error, context, signal);
    }
  }

  async listStyles(signal?: AbortSignal): Promise<ImageStyle[]> {
    const context = this.context('models');
    try {
      return await this.fetchStyles(context, signal);
    } catch (error) {
      throw this.asProviderError(error, context, signal);
    }
  }

  async checkKey(signal?: AbortSignal): Promise<ImageKeyCheck> {
    const context = this.context('models');
    try {
      this.requireKey(context);
      return await this.probeKey(context, signal);
    } catch (caught) {
      const error = this.asProviderError(caught, context, signal);
      return error.kind === 'auth' || error.kind === 'quota' ? { result: 'rejected', error } : { result: 'unreachable', error };
    }
  }

  /** The protocol: make the images (validation and the key check have passed). */
  protected abstract run(request: ImageRequest, context: ErrorContext, progress: Progress): Promise<ImageResult>;

  protected abstract fetchImageModels(context: ErrorContext, signal: AbortSignal | undefined): Promise<ImageModelInfo[]>;

  protected fetchStyles(_context: ErrorContext, _signal: AbortSignal | undefined): Promise<ImageStyle[]> {
    return Promise.resolve([]);
  }

  /** A request that costs nothing and fails on a bad key; `unverified` when there is none. */
  protected abstract probeKey(context: ErrorContext, signal: AbortSignal | undefined): Promise<ImageKeyCheck>;

  /** Sends a request, reporting each retry as progress; returns the 2xx response. */
  protected send(request: HttpRequest, progress: Progress, imageIndex?: ImageIndex): Promise<HttpResponse> {
    const mapError = request.mapError ?? ((response: HttpErrorResponse) => mapHttpError(response, request.context));
    const imageRequest: HttpRequest = { ...request, mapError: (response) => forImages(mapError(response)) };
    return this.config.http.request(imageRequest, (retry) =>
      progress({
        type: 'retry',
        attempt: retry.attempt,
        waitMs: retry.delayMs,
        error: retry.error,
        detail: `${retry.error.message} Retrying in ${formatDuration(retry.delayMs)}.`,
        ...imageIndex,
      }),
    );
  }

  /**
   * Reads and validates a JSON body of at most `maxBytes` (default 8 MiB; answers carrying base64 images pass
   * more). A longer body is cut off with an error that says so, rather than parsed half.
   */
  protected async readJson<S extends z.ZodMiniType>(
    response: HttpResponse,
    schema: S,
    context: ErrorContext,
    what: string,
    maxBytes = 8 * 1024 * 1024,
  ): Promise<z.infer<S>> {
    let bytes: Uint8Array;
    try {
      bytes = await readLimitedBytes(response, maxBytes);
    } catch (error) {
      if (!(error instanceof BodyTooLargeError)) throw error;
      throw invalidResponse(context, `${what} is larger than ${formatBytes(maxBytes)}; Switchboard stopped reading it`);
    }
    const text = new TextDecoder('utf-8').decode(bytes);
    const info = parseErrorBody(text, response.headers['content-type'] ?? '');
    if (info.format === 'html') throw mapErrorInfo(undefined, info, context);
    return parseResponse(schema, parseJsonText(text, context, what), context, what);
  }

  /** GET a JSON document under the base URL (with the key) and validate it. */
  protected async getJson<S extends z.ZodMiniType>(
    path: string,
    schema: S,
    context: ErrorContext,
    signal: AbortSignal | undefined,
    what: string,
    progress: Progress = () => undefined,
    maxBytes?: number,
  ): Promise<z.infer<S>> {
    const response = await this.send(
      {
        method: 'GET',
        url: this.url(path),
        headers: this.headers({ accept: 'application/json' }),
        context,
        ...(signal !== undefined ? { signal } : {}),
      },
      progress,
    );
    return this.readJson(response, schema, context, what, maxBytes);
  }

  /** Waits for the rate limiter (when there is one), reporting each wait. */
  protected async acquireRateLimit(
    model: string,
    signal: AbortSignal | undefined,
    progress: Progress,
    imageIndex?: ImageIndex,
  ): Promise<void> {
    const limiter = this.config.rateLimiter;
    if (limiter === undefined) return;
    await limiter.acquire({ provider: this.id, model }, 0, {
      ...(signal !== undefined ? { signal } : {}),
      onWait: (wait) =>
        progress({
          type: 'waiting-rate-limit',
          waitMs: wait.waitMs,
          detail: `Waiting ${formatDuration(wait.waitMs)} for the ${describeReason(wait.reason)} limit of ${this.id}/${model}.`,
          ...imageIndex,
        }),
    });
  }

  /**
   * Downloads an image from a public URL: never with the key, bounded in size and time, and only from public
   * addresses unless this provider's own base URL is on a non-public one (a local gateway; see downloadImage).
   */
  protected download(
    url: string,
    context: ErrorContext,
    signal: AbortSignal | undefined,
    progress: Progress,
    imageIndex?: ImageIndex,
  ): Promise<Uint8Array> {
    progress({ type: 'downloading', detail: `Downloading the image from ${safeHost(url)}.`, ...imageIndex });
    return downloadImage(url, {
      http: this.config.http,
      context,
      providerBaseUrl: this.config.baseUrl,
      maxBytes: this.config.downloadMaxBytes ?? defaultMaxImageBytes,
      timeLimitMs: this.config.downloadTimeLimitMs ?? 60_000,
      ...(signal !== undefined ? { signal } : {}),
      onRetry: (retry) =>
        progress({
          type: 'retry',
          attempt: retry.attempt,
          waitMs: retry.delayMs,
          error: retry.error,
          detail: retry.error.message,
          ...imageIndex,
        }),
    });
  }

  /** Bytes checked by magic number, as a GeneratedImage. */
  protected image(
    bytes: Uint8Array,
    context: ErrorContext,
    extra: { seed?: number | string | undefined; contentFiltered?: boolean } = {},
  ): GeneratedImage {
    const mimeType = requireImageBytes(bytes, context);
    return {
      bytes,
      mimeType,
      contentFiltered: extra.contentFiltered ?? false,
      ...(extra.seed !== undefined ? { seed: extra.seed } : {}),
    };
  }

  /** Base64 (optionally a `data:` URL) to bytes; text that is not base64 is an invalid-response error. */
  protected decodeBase64(text: string, context: ErrorContext, what: string): Uint8Array {
    const payload = text.replace(/^data:[^,]*;base64,/, '').replace(/\s+/g, '');
    if (!/^[A-Za-z0-9+/_-]*={0,2}$/.test(payload)) {
      throw new ProviderError({
        kind: 'invalid-response',
        provider: this.id,
        text: errorText('image.notBase64', { provider: this.id, what, start: this.redact(payload.slice(0, 24)) }),
        ...(context.model !== undefined ? { model: context.model } : {}),
      });
    }
    return new Uint8Array(Buffer.from(payload, 'base64'));
  }

  protected cancelled(context: ErrorContext): ProviderError {
    return cancelledError({ provider: this.id, model: context.model });
  }

  protected asProviderError(error: unknown, context: ErrorContext, signal: AbortSignal | undefined): ProviderError {
    if (signal?.aborted) return error instanceof ProviderError && error.kind === 'cancelled' ? error : this.cancelled(context);
    return toProviderError(error, { provider: this.id, model: context.model, redact: this.redact, stage: 'reading' });
  }

  /** Refuses up front when a required key (or Fusion Brain's secret) is missing. */
  protected requireKey(context: ErrorContext): void {
    if (!this.config.requiresKey) return;
    if ((this.config.apiKey ?? '').trim() === '') throw this.missingSecret(context, 'API key', this.config.keyEnvVars ?? []);
    if (this.needsSecret() && (this.config.apiSecret ?? '').trim() === '') {
      throw this.missingSecret(context, 'secret', this.config.secretEnvVars ?? []);
    }
  }

  protected needsSecret(): boolean {
    return false;
  }
}

/** Which image of several a progress event is about. */
export interface ImageIndex {
  imageIndex: number;
  imageCount: number;
}

/** `{imageIndex, imageCount}` when more than one image is made one after another, else nothing. */
export function imageIndex(index: number, count: number): ImageIndex | undefined {
  return count > 1 ? { imageIndex: index + 1, imageCount: count } : undefined;
}

/** The shared mapper points a missing model to the chat model picker; for images, the image model is the one to change. */
function forImages(error: ProviderError): ProviderError {
  if (error.kind !== 'not-found' || (error.messageId !== 'http.modelNotFound' && error.messageId !== 'http.notFound')) return error;
  return new ProviderError({
    kind: error.kind,
    provider: error.provider,
    text: errorText(error.messageId === 'http.modelNotFound' ? 'http.modelNotFound.image' : 'http.notFound.image', error.params),
    retryable: error.retryable,
    ...(error.status !== undefined ? { status: error.status } : {}),
    ...(error.code !== undefined ? { code: error.code } : {}),
    ...(error.model !== undefined ? { model: error.model } : {}),
  });
}

function describeReason(reason: RateLimitReason): string {
  switch (reason) {
    case 'requests-per-minute':
      return 'requests-per-minute';
    case 'tokens-per-minute':
      return 'tokens-per-minute';
    case 'requests-per-day':
      return 'daily';
    default:
      return assertNever(reason, 'rate-limit reason');
  }
}

function safeHost(url: string): string {
  try {
    return new URL(url).host;
  } catch {
    return 'the address the provider gave';
  }
}
