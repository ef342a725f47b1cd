// Stability AI image-to-video (Stable Video Diffusion; its API reference, "Image-to-Video", and seed document 002):
//   POST /v2beta/image-to-video   multipart: image (a JPEG or PNG of 1024×576, 576×1024 or 768×768), optional
//                                 seed, cfg_scale (0–10), motion_bucket_id (1–255) → `{id}`
//   GET  /v2beta/image-to-video/result/{id}   `accept: video/*` → 202 `{id, status: "in-progress"}` while it runs,
//                                 then 200 with the MP4 (`finish-reason` and `seed` headers). Results are kept 24 h.
// The start is billable and never sent twice once it may have arrived (HttpRequest.billable); the polls are free GETs
// and may be retried. Polls back off from 2 s to 10 s (the reference asks for no more than one poll every 10 s; the
// first ones come sooner because short videos finish early) within the generation time limit
// (`switchboard.images.timeoutSeconds`); running out of time says the job id and that it may still be charged.
// If the service answers 404 or 410 to the start, the endpoint no longer exists, and the error says exactly that.
import type { ErrorContext } from '../errors/errorContext';
import { durationText, errorText } from '../errors/errorText';
import { type HttpErrorResponse } from '../errors/mapHttpError';
import { ProviderError } from '../errors/providerError';
import { quoteProviderText } from '../errors/quoteProviderText';
import type { HttpResponse } from '../http/httpClient';
import { type Sleep, sleep as realSleep } from '../http/sleep';
import { encodeFormData, type FormDataPart, imageFilePart } from './encodeFormData';
import { bytesText } from './formatBytes';
import type { ImageProviderConfig, Progress } from './httpImageProvider';
import { ImageEditChecks } from './imageEditChecks';
import type { ImageAnimator, ImageInputLimits, VideoRequest, VideoResult } from './imageEditTypes';
import type { ImageProgress, ImageProgressListener } from './imageTypes';
import { isMp4 } from './isMp4';
import { mapStabilityError } from './mapStabilityError';
import { BodyTooLargeError, readLimitedBytes } from './readLimitedBytes';
import { describeLeadingBytes } from './requireImageBytes';
import { stabilityVideoLimits } from './stabilityEditLimits';
import { StabilityImageProvider } from './stabilityImageProvider';
import { stabilityVideoJsonSchema, stabilityVideoStartSchema } from './stabilityVideoSchemas';

export interface StabilityAnimatorConfig extends ImageProviderConfig {
  /** The first wait before asking for the result; it grows by half each time up to `maxPollIntervalMs`. Default 2 s. */
  pollIntervalMs?: number;
  /** Default 10 s. */
  maxPollIntervalMs?: number;
  /** The video must be done within this, from the job's start to its result. Default 5 min. */
  timeLimitMs?: number;
  /** Injectable for tests: how the waits between polls are slept. */
  sleep?: Sleep;
  /** A longer video is cut off. Default 64 MiB. */
  videoMaxBytes?: number;
}

/** The model name results carry (the endpoint has no model parameter). */
export const stabilityVideoModel = 'stable-video-diffusion';

const maxSeed = 4_294_967_294;
const label = 'Stability image-to-video';

export class StabilityImageAnimator extends StabilityImageProvider implements ImageAnimator {
  constructor(protected override readonly config: StabilityAnimatorConfig) {
    super(config);
  }

  inputLimits(): ImageInputLimits {
    return stabilityVideoLimits;
  }

  validateAnimation(request: VideoRequest): void {
    const checks: ImageEditChecks = new ImageEditChecks(this.id, label, stabilityVideoModel);
    checks.image(request.image, stabilityVideoLimits);
    checks.seed(request.seed, maxSeed);
    checks.number('cfg_scale', request.cfgScale, 0, 10, false);
    checks.number('motion_bucket_id', request.motion, 1, 255, true);
  }

  async animate(request: VideoRequest, onProgress?: ImageProgressListener): Promise<VideoResult> {
    this.validateAnimation(request);
    const context = this.context('chat', stabilityVideoModel);
    const progress: Progress = (event: ImageProgress) => {
      try {
        onProgress?.(event);
      } catch {
        // A broken listener must not break the animation.
      }
    };
    try {
      this.requireKey(context);
      if (request.signal?.aborted) throw this.cancelled(context);
      await this.acquireRateLimit(stabilityVideoModel, request.signal, progress);
      const job = await this.start(request, context, progress);
      return await this.waitForVideo(job, request.signal, context, progress);
    } catch (error) {
      throw this.asProviderError(error, context, request.signal);
    }
  }

  private async start(request: VideoRequest, context: ErrorContext, progress: Progress): Promise<string> {
    const parts: FormDataPart[] = [imageFilePart('image', request.image)];
    if (request.seed !== undefined) parts.push({ name: 'seed', value: String(request.seed) });
    if (request.cfgScale !== undefined) parts.push({ name: 'cfg_scale', value: String(request.cfgScale) });
    if (request.motion !== undefined) parts.push({ name: 'motion_bucket_id', value: String(request.motion) });
    const form = encodeFormData(parts);
    progress({ type: 'processing', detail: `Sending ${request.image.name} to Stability AI.` });
    const response = await this.send(
      {
        method: 'POST',
        // Billable: never sent again once it may have reached the server (HttpRequest.billable).
        billable: true,
        url: this.url('v2beta/image-to-video'),
        headers: this.headers({ accept: 'application/json', 'content-type': form.contentType }),
        body: form.body,
        context,
        mapError: (answer) => this.mapStartError(answer, context),
        ...(request.signal !== undefined ? { signal: request.signal } : {}),
      },
      progress,
    );
    try {
      return (await this.readJson(response, stabilityVideoStartSchema, context, 'The answer to the video start')).id;
    } catch (error) {
      // The start was accepted, so it may be billed even though its answer cannot be read.
      if (!(error instanceof ProviderError) || error.kind === 'cancelled') throw error;
      throw withText(
        error,
        errorText('billing.maybeCharged', { message: { id: error.messageId, params: error.params }, provider: this.id }),
      );
    }
  }

  /** Polls the result with backoff until the video comes, the job fails, the person stops it, or time runs out. */
  private async waitForVideo(
    job: string,
    userSignal: AbortSignal | undefined,
    context: ErrorContext,
    progress: Progress,
  ): Promise<VideoResult> {
    const limitMs = this.config.timeLimitMs ?? 300_000;
    const sleep = this.config.sleep ?? realSleep;
    // Our own signal: the person's stop, or the time limit, aborts the wait and any poll in flight.
    const controller = new AbortController();
    const onAbort = (): void => controller.abort();
    userSignal?.addEventListener('abort', onAbort, { once: true });
    if (userSignal?.aborted) controller.abort();
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      controller.abort();
    }, limitMs);
    const signal = controller.signal;
    const started = Date.now();
    let slept = 0;
    const outOfTime = (): ProviderError =>
      new ProviderError({
        kind: 'timeout',
        provider: this.id,
        model: stabilityVideoModel,
        retryable: false,
        possiblyBilled: true,
        text: errorText('video.timeout', { provider: this.id, duration: durationText(limitMs), job: this.redact(job).slice(0, 80) }),
      });
    progress({ type: 'queued', detail: `Stability AI started the video (job ${this.redact(job).slice(0, 80)}).` });
    let delay = Math.max(1, this.config.pollIntervalMs ?? 2000);
    const maxDelay = Math.max(delay, this.config.maxPollIntervalMs ?? 10_000);
    let polls = 0;
    try {
      for (;;) {
        // Elapsed time is what the clock says or what was slept, whichever is more (tests sleep instantly).
        const remaining = limitMs - Math.max(Date.now() - started, slept);
        if (remaining <= 0) throw outOfTime();
        const wait = Math.min(delay, remaining);
        await sleep(wait, signal);
        slept += wait;
        if (signal.aborted) throw timedOut ? outOfTime() : this.cancelled(context);
        const response = await this.send(
          {
            method: 'GET',
            url: this.url(`v2beta/image-to-video/result/${encodeURIComponent(job)}`),
            headers: this.headers({ accept: 'video/*' }),
            context,
            signal,
            mapError: (answer) => this.mapPollError(answer, job, context),
          },
          progress,
        );
        polls++;
        if (response.status === 202) {
          // In progress: the body is `{id, status}`, nothing more to learn from it.
          response.dispose();
          progress({ type: 'processing', detail: `Stability AI is still making the video (check ${polls}).` });
          delay = Math.min(maxDelay, Math.round(delay * 1.5));
          continue;
        }
        return await this.readVideo(response, context);
      }
    } catch (error) {
      if (timedOut && !userSignal?.aborted) throw outOfTime();
      if (!(error instanceof ProviderError) || error.kind === 'cancelled' || error.possiblyBilled) throw error;
      // Whatever failed after the start, the job was started: say so, with its id.
      throw new ProviderError({
        kind: error.kind,
        provider: this.id,
        model: stabilityVideoModel,
        retryable: false,
        possiblyBilled: true,
        text: errorText('video.afterStart', {
          message: { id: error.messageId, params: error.params },
          job: this.redact(job).slice(0, 80),
          provider: this.id,
        }),
        ...(error.status !== undefined ? { status: error.status } : {}),
        ...(error.code !== undefined ? { code: error.code } : {}),
        cause: error,
      });
    } finally {
      clearTimeout(timer);
      userSignal?.removeEventListener('abort', onAbort);
    }
  }

  private async readVideo(response: HttpResponse, context: ErrorContext): Promise<VideoResult> {
    if (response.status !== 200) {
      response.dispose();
      throw this.invalid(context, `expected 200 with the video or 202 while it is made, got ${response.status}`);
    }
    let bytes: Uint8Array;
    let finishReason = response.headers['finish-reason'];
    let seed: number | string | null | undefined = response.headers.seed;
    if (/application\/json/i.test(response.headers['content-type'] ?? '')) {
      const json = await this.readJson(response, stabilityVideoJsonSchema, context, 'The video', this.maxBytes() * 2);
      bytes = this.decodeBase64(json.video, context, 'a video');
      finishReason = json.finish_reason ?? finishReason;
      seed = json.seed ?? seed;
    } else {
      bytes = await this.readVideoBody(response);
    }
    if (finishReason === 'CONTENT_FILTERED') {
      throw new ProviderError({
        kind: 'content-filtered',
        provider: this.id,
        model: stabilityVideoModel,
        text: errorText('video.filtered', { provider: this.id }),
      });
    }
    if (finishReason !== undefined && finishReason !== 'SUCCESS') {
      throw new ProviderError({
        kind: 'server',
        provider: this.id,
        model: stabilityVideoModel,
        text: errorText('image.finishReason', { provider: this.id, reason: this.redact(finishReason).slice(0, 40) }),
      });
    }
    if (!isMp4(bytes)) {
      throw new ProviderError({
        kind: 'invalid-response',
        provider: this.id,
        model: stabilityVideoModel,
        text:
          bytes.length === 0
            ? errorText('video.empty', { provider: this.id })
            : errorText('video.notMp4', { provider: this.id, count: bytes.length, leading: describeLeadingBytes(bytes, this.redact) }),
      });
    }
    const normalized = normalizeSeed(seed);
    return {
      provider: this.id,
      model: stabilityVideoModel,
      bytes,
      mimeType: 'video/mp4',
      ...(normalized !== undefined ? { seed: normalized } : {}),
    };
  }

  private async readVideoBody(response: HttpResponse): Promise<Uint8Array> {
    try {
      return await readLimitedBytes(response, this.maxBytes());
    } catch (error) {
      if (!(error instanceof BodyTooLargeError)) throw error;
      throw new ProviderError({
        kind: 'invalid-response',
        provider: this.id,
        model: stabilityVideoModel,
        text: errorText('video.tooLarge', { provider: this.id, size: bytesText(error.maxBytes) }),
      });
    }
  }

  /** 404 / 410 on the start: the endpoint is gone (Stability retires APIs), said as such rather than "model not found". */
  private mapStartError(response: HttpErrorResponse, context: ErrorContext): ProviderError {
    if (response.status !== 404 && response.status !== 410) return mapStabilityError(response, context);
    const said = stabilitySaid(response.body);
    return new ProviderError({
      kind: 'not-found',
      provider: this.id,
      model: stabilityVideoModel,
      status: response.status,
      retryable: false,
      text: errorText('video.endpointGone', {
        provider: this.id,
        status: response.status,
        detail: said === undefined ? '' : errorText('detail.quoted', { text: quoteProviderText(said, this.redact) }),
      }),
    });
  }

  /** 404 on a poll: the job is unknown (expired after 24 h, or started with another key). */
  private mapPollError(response: HttpErrorResponse, job: string, context: ErrorContext): ProviderError {
    if (response.status !== 404) return mapStabilityError(response, context);
    return new ProviderError({
      kind: 'not-found',
      provider: this.id,
      model: stabilityVideoModel,
      status: 404,
      retryable: false,
      text: errorText('video.jobNotFound', { provider: this.id, job: this.redact(job).slice(0, 80), status: 404 }),
    });
  }

  private invalid(context: ErrorContext, detail: string): ProviderError {
    return new ProviderError({
      kind: 'invalid-response',
      provider: this.id,
      model: context.model,
      text: errorText('invalid.response', { provider: this.id, detail }),
    });
  }

  private maxBytes(): number {
    return this.config.videoMaxBytes ?? 64 * 1024 * 1024;
  }
}

/** What Stability's error body says (`errors` joined, or `message`), if it is its JSON. */
function stabilitySaid(body: string): string | undefined {
  try {
    const parsed = JSON.parse(body) as { errors?: unknown; message?: unknown };
    if (Array.isArray(parsed.errors)) {
      const listed = parsed.errors.filter((e): e is string => typeof e === 'string');
      if (listed.length > 0) return listed.join('; ');
    }
    return typeof parsed.message === 'string' && parsed.message.trim() !== '' ? parsed.message : undefined;
  } catch {
    return undefined;
  }
}

function withText(error: ProviderError, text: ReturnType<typeof errorText>): ProviderError {
  return new ProviderError({
    kind: error.kind,
    provider: error.provider,
    retryable: false,
    possiblyBilled: true,
    text,
    ...(error.status !== undefined ? { status: error.status } : {}),
    ...(error.code !== undefined ? { code: error.code } : {}),
    ...(error.model !== undefined ? { model: error.model } : {}),
    cause: error,
  });
}

function normalizeSeed(seed: number | string | null | undefined): number | string | undefined {
  if (seed === undefined || seed === null || seed === '') return undefined;
  if (typeof seed === 'number') return seed;
  return /^\d{1,15}$/.test(seed.trim()) ? Number(seed.trim()) : seed.trim().slice(0, 40);
}
