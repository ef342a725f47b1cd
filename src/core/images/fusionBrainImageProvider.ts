// Fusion Brain's Kandinsky (its public API documentation; docs/providers.md): headers `X-Key: Key <key>` and `X-Secret: Secret <secret>`.
//   GET  key/api/v1/pipelines                    → pipelines (`id`, or `uuid` in the documented answer)
//   GET  key/api/v1/pipeline/{id}/availability   → `{pipeline_status}` / `{status}`; DISABLED_BY_QUEUE = busy
//   POST key/api/v1/pipeline/run  (multipart: `pipeline_id`, `params` as application/json) → `{uuid, status}`
//   GET  key/api/v1/pipeline/status/{uuid}      → INITIAL | PROCESSING | DONE (`result.files`, `result.censored`) | FAIL
// One image per run (numImages is 1), so several images are several runs. Polling backs off from 1 s to 5 s and
// gives up after a time limit (3 min by default); aborting the signal stops the wait and any request in flight.
// A result can be read once: a DONE without files is reported as such rather than as an empty success.
// Styles come from a public CDN list, fetched without the key.
import type * as z from 'zod/mini';
import type { ErrorContext } from '../errors/errorContext';
import { durationText, errorText } from '../errors/errorText';
import { ProviderError } from '../errors/providerError';
import { quoteProviderText } from '../errors/quoteProviderText';
import { type Sleep, sleep as realSleep } from '../http/sleep';
import { invalidResponse } from '../validation/parseResponse';
import { type ImageSize, sizeForRatio } from './aspectRatio';
import { encodeMultipart } from './encodeMultipart';
import {
  HttpImageProvider,
  type ImageIndex,
  imageIndex,
  type ImageProviderConfig,
  maxBase64ImageBytes,
  type Progress,
} from './httpImageProvider';
import { ImageRequestChecks } from './imageRequestChecks';
import type { GeneratedImage, ImageKeyCheck, ImageModelInfo, ImageRequest, ImageResult, ImageStyle } from './imageTypes';
import {
  fusionBrainAvailabilitySchema,
  fusionBrainPipelinesSchema,
  fusionBrainRunSchema,
  fusionBrainStatusSchema,
  fusionBrainStylesSchema,
} from './fusionBrainSchemas';

export const defaultFusionBrainStylesUrl = 'https://cdn.fusionbrain.ai/static/styles/key';

export interface FusionBrainConfig extends ImageProviderConfig {
  /** Where the style list is read (public, no key). Default {@link defaultFusionBrainStylesUrl}. */
  stylesUrl?: string;
  /** The first wait between status checks; it grows by half each time up to `maxPollIntervalMs`. Default 1 s. */
  pollIntervalMs?: number;
  /** Default 5 s. */
  maxPollIntervalMs?: number;
  /** One image must be done within this, from the run to the result. Default 3 min. */
  timeLimitMs?: number;
  /** Injectable for tests: how the waits between status checks are slept. */
  sleep?: Sleep;
}

/** The model id that means "the text-to-image pipeline Fusion Brain lists". */
export const kandinskyModel = 'kandinsky';

const maxSide = 1024;
const sideStep = 64;
const maxPromptLength = 1000;

interface Pipeline {
  id: string;
  name: string;
  textToImage: boolean;
  active: boolean;
}

export class FusionBrainImageProvider extends HttpImageProvider {
  readonly kind = 'fusionbrain' as const;
  private pipelines: Promise<Pipeline[]> | undefined;

  constructor(protected override readonly config: FusionBrainConfig) {
    super(config);
  }

  validate(request: ImageRequest): void {
    this.plan(request);
  }

  protected async run(request: ImageRequest, context: ErrorContext, progress: Progress): Promise<ImageResult> {
    const size = this.plan(request);
    const signal = request.signal;
    const pipeline = await this.pipelineFor(request.model, context, signal, progress);
    await this.checkAvailability(pipeline, context, signal, progress);
    const count = request.count ?? 1;
    const images: GeneratedImage[] = [];
    for (let i = 0; i < count; i++) {
      const index = imageIndex(i, count);
      await this.acquireRateLimit(request.model, signal, progress, index);
      images.push(...(await this.runOnce(request, pipeline, size, context, progress, index)));
    }
    return { provider: this.id, model: request.model, images };
  }

  protected async fetchImageModels(context: ErrorContext, signal: AbortSignal | undefined): Promise<ImageModelInfo[]> {
    if ((this.config.apiKey ?? '').trim() === '' || (this.config.apiSecret ?? '').trim() === '') {
      return [{ id: kandinskyModel, name: 'Kandinsky' }];
    }
    const pipelines = (await this.listPipelines(context, signal)).filter((p) => p.textToImage);
    const chosen = choosePipeline(pipelines);
    const models: ImageModelInfo[] = [{ id: kandinskyModel, name: chosen?.name ?? 'Kandinsky' }];
    if (pipelines.length > 1) for (const pipeline of pipelines) models.push({ id: pipeline.id, name: pipeline.name });
    return models;
  }

  protected override async fetchStyles(context: ErrorContext, signal: AbortSignal | undefined): Promise<ImageStyle[]> {
    // The CDN is not the provider's base URL: neither the key nor the entry's headers go there.
    const response = await this.config.http.request({
      method: 'GET',
      url: this.config.stylesUrl ?? defaultFusionBrainStylesUrl,
      headers: { accept: 'application/json' },
      context,
      ...(signal !== undefined ? { signal } : {}),
    });
    const styles = await this.readJson(response, fusionBrainStylesSchema, context, 'The style list');
    return styles.map((style) => ({
      name: style.name,
      ...((style.titleEn ?? style.title) ? { title: (style.titleEn ?? style.title) as string } : {}),
      ...(style.title ? { titleRu: style.title } : {}),
      ...(style.image ? { image: style.image } : {}),
    }));
  }

  protected async probeKey(context: ErrorContext, signal: AbortSignal | undefined): Promise<ImageKeyCheck> {
    this.pipelines = undefined;
    const pipelines = await this.listPipelines(context, signal);
    return { result: 'works', models: pipelines.length };
  }

  protected authHeaders(): Record<string, string> {
    const key = this.config.apiKey?.trim();
    const secret = this.config.apiSecret?.trim();
    return { ...(key ? { 'x-key': `Key ${key}` } : {}), ...(secret ? { 'x-secret': `Secret ${secret}` } : {}) };
  }

  protected override needsSecret(): boolean {
    return true;
  }

  /** Validates (throwing `bad-request` naming the limit) and returns the size to ask for. */
  private plan(request: ImageRequest): ImageSize {
    const checks = new ImageRequestChecks(this.id, 'Kandinsky', request);
    const model = request.model.trim();
    if (model !== kandinskyModel && !/^[A-Za-z0-9-]{1,64}$/.test(model)) {
      checks.fail(errorText('image.check.fusionBrainModel', { kandinsky: kandinskyModel, model: request.model }));
    }
    checks.prompt(maxPromptLength);
    checks.count(10);
    checks.unsupported('seed', errorText('image.check.reason.fusionBrainSeed'));
    if (request.style !== undefined && !/^[A-Za-z0-9_-]{1,64}$/.test(request.style)) {
      checks.fail(errorText('image.check.kandinskyStyle', { style: request.style }));
    }
    const size = checks.size();
    if (size !== undefined) {
      for (const side of [size.width, size.height]) {
        if (side % sideStep !== 0 || side > maxSide) {
          checks.fail(errorText('image.check.sideUpTo', { label: 'Kandinsky', step: sideStep, max: maxSide, value: side }));
        }
      }
      return size;
    }
    const ratio = checks.aspectRatio();
    return ratio === undefined ? { width: maxSide, height: maxSide } : sizeForRatio(ratio, maxSide, sideStep);
  }

  private listPipelines(context: ErrorContext, signal: AbortSignal | undefined, progress?: Progress): Promise<Pipeline[]> {
    if (this.pipelines === undefined) {
      const loading = this.getJson('key/api/v1/pipelines', fusionBrainPipelinesSchema, context, signal, 'The pipeline list', progress).then(
        (items) =>
          items.flatMap((item): Pipeline[] => {
            const id = item.id ?? item.uuid;
            if (id === undefined || id === null || id === '') return [];
            const name = [item.nameEn ?? item.name ?? 'Kandinsky', item.version ?? ''].join(' ').trim();
            return [
              {
                id,
                name,
                textToImage: item.type == null || item.type === 'TEXT2IMAGE',
                active: item.status == null || item.status === 'ACTIVE',
              },
            ];
          }),
      );
      this.pipelines = loading;
      // A failed list is asked for again next time.
      loading.catch(() => {
        if (this.pipelines === loading) this.pipelines = undefined;
      });
    }
    return this.pipelines;
  }

  private async pipelineFor(model: string, context: ErrorContext, signal: AbortSignal | undefined, progress: Progress): Promise<Pipeline> {
    const pipelines = await this.listPipelines(context, signal, progress);
    const found = model === kandinskyModel ? choosePipeline(pipelines.filter((p) => p.textToImage)) : pipelines.find((p) => p.id === model);
    if (found !== undefined) return found;
    const listed = pipelines.map((p) => `${p.id} (${p.name})`).join(', ');
    throw new ProviderError({
      kind: 'not-found',
      provider: this.id,
      model,
      text: errorText(model === kandinskyModel ? 'fusionBrain.noTextToImage' : 'fusionBrain.noPipeline', {
        model,
        listed: listed ? errorText('fusionBrain.listed', { pipelines: listed }) : '',
      }),
    });
  }

  private async checkAvailability(
    pipeline: Pipeline,
    context: ErrorContext,
    signal: AbortSignal | undefined,
    progress: Progress,
  ): Promise<void> {
    let answer;
    try {
      answer = await this.getJson(
        `key/api/v1/pipeline/${encodeURIComponent(pipeline.id)}/availability`,
        fusionBrainAvailabilitySchema,
        context,
        signal,
        'The availability',
        progress,
      );
    } catch (error) {
      // An optional check: if the service stops offering it, the run itself will tell.
      if (error instanceof ProviderError && error.kind === 'not-found') return;
      throw error;
    }
    const state = answer.pipeline_status ?? answer.model_status ?? answer.status;
    if (state != null && state.startsWith('DISABLED')) throw this.busy(context, state);
  }

  /** One run: start it, then poll until it is done, failed, stopped or out of time. */
  private async runOnce(
    request: ImageRequest,
    pipeline: Pipeline,
    size: ImageSize,
    context: ErrorContext,
    progress: Progress,
    index: ImageIndex | undefined,
  ): Promise<GeneratedImage[]> {
    const limitMs = this.config.timeLimitMs ?? 180_000;
    const sleep = this.config.sleep ?? realSleep;
    // Our own signal: the person's stop, or the time limit, aborts the wait and any request in flight.
    const controller = new AbortController();
    const onAbort = (): void => controller.abort();
    request.signal?.addEventListener('abort', onAbort, { once: true });
    if (request.signal?.aborted) controller.abort();
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      controller.abort();
    }, limitMs);
    const signal = controller.signal;
    const started = Date.now();
    let slept = 0;
    let lastStatus = 'INITIAL';
    const outOfTime = (): ProviderError =>
      new ProviderError({
        kind: 'timeout',
        provider: this.id,
        model: request.model,
        text: errorText('fusionBrain.timeout', { duration: durationText(limitMs), status: lastStatus }),
      });
    try {
      const job = await this.start(request, pipeline, size, context, signal, progress, index);
      lastStatus = job.status;
      this.report(job.status, progress, index);
      let delay = Math.max(1, this.config.pollIntervalMs ?? 1000);
      const maxDelay = Math.max(delay, this.config.maxPollIntervalMs ?? 5000);
      for (;;) {
        // Elapsed time is what the clock says or what was slept, whichever is more (tests sleep instantly).
        const remaining = limitMs - Math.max(Date.now() - started, slept);
        if (remaining <= 0) throw outOfTime();
        const wait = Math.min(delay, remaining);
        await sleep(wait, signal);
        slept += wait;
        if (signal.aborted) throw timedOut ? outOfTime() : this.cancelled(context);
        const status = await this.getJson(
          `key/api/v1/pipeline/status/${encodeURIComponent(job.uuid)}`,
          fusionBrainStatusSchema,
          context,
          signal,
          'The job status',
          progress,
          maxBase64ImageBytes,
        );
        const changed = status.status !== lastStatus;
        lastStatus = status.status;
        switch (status.status) {
          case 'DONE':
            return this.results(status, context);
          case 'FAIL': {
            const reason = status.errorDescription
              ? errorText('detail.quoted', { text: quoteProviderText(status.errorDescription, this.redact) })
              : errorText('fusionBrain.noReason');
            throw new ProviderError({
              kind: 'server',
              provider: this.id,
              model: request.model,
              text: errorText('fusionBrain.failed', { reason }),
            });
          }
          default:
            // Reported when it changes: INITIAL → PROCESSING, not once per check.
            if (changed) this.report(status.status, progress, index);
        }
        delay = Math.min(maxDelay, Math.round(delay * 1.5));
      }
    } catch (error) {
      if (timedOut && !request.signal?.aborted) throw outOfTime();
      throw error;
    } finally {
      clearTimeout(timer);
      request.signal?.removeEventListener('abort', onAbort);
    }
  }

  private async start(
    request: ImageRequest,
    pipeline: Pipeline,
    size: ImageSize,
    context: ErrorContext,
    signal: AbortSignal,
    progress: Progress,
    index: ImageIndex | undefined,
  ): Promise<{ uuid: string; status: string }> {
    const params = {
      type: 'GENERATE',
      numImages: 1,
      width: size.width,
      height: size.height,
      ...(request.style !== undefined && request.style !== '' ? { style: request.style } : {}),
      ...(request.negativePrompt !== undefined && request.negativePrompt.trim() !== ''
        ? { negativePromptDecoder: request.negativePrompt }
        : {}),
      generateParams: { query: request.prompt },
    };
    const multipart = encodeMultipart([
      { name: 'pipeline_id', value: pipeline.id },
      { name: 'params', value: JSON.stringify(params), contentType: 'application/json' },
    ]);
    const response = await this.send(
      {
        method: 'POST',
        // Billable: never sent again once it may have reached the server (HttpRequest.billable).
        billable: true,
        url: this.url('key/api/v1/pipeline/run'),
        headers: this.headers({ accept: 'application/json', 'content-type': multipart.contentType }),
        body: multipart.body,
        context,
        signal,
      },
      progress,
      index,
    );
    const answer = await this.readJson(response, fusionBrainRunSchema, context, 'The answer to the run');
    if (answer.uuid) return { uuid: answer.uuid, status: answer.status ?? 'INITIAL' };
    const state = answer.pipeline_status ?? answer.model_status ?? answer.status;
    if (state != null && state.startsWith('DISABLED')) throw this.busy(context, state);
    const said = answer.errorDescription ?? answer.message ?? (typeof answer.error === 'string' ? answer.error : undefined);
    if (said) {
      throw new ProviderError({
        kind: 'server',
        provider: this.id,
        model: request.model,
        text: errorText('fusionBrain.notStarted', { said: quoteProviderText(said, this.redact) }),
      });
    }
    throw invalidResponse(
      context,
      `expected the answer to the run to have a uuid${state ? ` (it says ${this.redact(state).slice(0, 40)})` : ''}`,
    );
  }

  private results(status: z.infer<typeof fusionBrainStatusSchema>, context: ErrorContext): GeneratedImage[] {
    const files = (status.result?.files ?? status.images ?? []).filter((file) => file !== '');
    const censored = status.result?.censored ?? status.censored ?? false;
    if (files.length === 0) {
      if (censored) {
        throw new ProviderError({
          kind: 'content-filtered',
          provider: this.id,
          ...(context.model !== undefined ? { model: context.model } : {}),
          text: errorText('fusionBrain.filtered'),
        });
      }
      throw invalidResponse(
        context,
        'Kandinsky reported the job as done but sent no image. Fusion Brain hands out a result only once, so it may have been read already; generate it again',
      );
    }
    return files.map((file, i) => this.image(this.decodeBase64(file, context, `image ${i + 1}`), context, { contentFiltered: censored }));
  }

  private report(status: string, progress: Progress, index: ImageIndex | undefined): void {
    if (status === 'INITIAL') progress({ type: 'queued', detail: 'Kandinsky has queued the image.', ...index });
    else if (status === 'PROCESSING') progress({ type: 'processing', detail: 'Kandinsky is drawing.', ...index });
    else progress({ type: 'processing', detail: `Kandinsky says ${this.redact(status).slice(0, 40)}.`, ...index });
  }

  private busy(context: ErrorContext, state: string): ProviderError {
    return new ProviderError({
      kind: 'overloaded',
      provider: this.id,
      code: state.slice(0, 40),
      ...(context.model !== undefined ? { model: context.model } : {}),
      text:
        state === 'DISABLED_BY_QUEUE'
          ? errorText('fusionBrain.queueFull')
          : errorText('fusionBrain.disabled', { state: this.redact(state).slice(0, 40) }),
    });
  }
}

/** The active pipeline if there is one, else the first. */
function choosePipeline(pipelines: readonly Pipeline[]): Pipeline | undefined {
  return pipelines.find((p) => p.active) ?? pipelines[0];
}
