// Stability AI (docs/providers.md), `Authorization: Bearer <key>`:
//   v2beta  POST /v2beta/stable-image/generate/{core|ultra|sd3}, multipart, `accept: image/*` → the image's bytes
//           with `finish-reason` (SUCCESS | CONTENT_FILTERED) and `seed` headers; one image per request.
//   v1      POST /v1/generation/{engine}/text-to-image, JSON → `artifacts[{base64, seed, finishReason}]`;
//           engines from GET /v1/engines/list (some are retired, so none is hard-coded).
//   GET /v1/user/balance → credits: the free key check.
// A CONTENT_FILTERED image is a blurred one: it is returned with `contentFiltered: true`, never as a normal image.
import type { ErrorContext } from '../errors/errorContext';
import { invalidResponseError } from '../errors/errorFactories';
import { errorText } from '../errors/errorText';
import { ProviderError } from '../errors/providerError';
import type { HttpResponse } from '../http/httpClient';
import { formatSize, nearestSize, ratioOf, sizeForRatio, type ImageSize } from './aspectRatio';
import { encodeMultipart, type MultipartPart } from './encodeMultipart';
import { bytesText } from './formatBytes';
import { defaultMaxImageBytes, HttpImageProvider, imageIndex, maxBase64ImageBytes, type Progress } from './httpImageProvider';
import { ImageRequestChecks } from './imageRequestChecks';
import type { GeneratedImage, ImageKeyCheck, ImageModelInfo, ImageRequest, ImageResult, ImageStyle } from './imageTypes';
import { mapStabilityError } from './mapStabilityError';
import { BodyTooLargeError, readLimitedBytes } from './readLimitedBytes';
import { sdxlSizes, stabilityAspectRatios, stabilitySd3Models, stabilityStylePresets } from './stabilityCatalog';
import { parseStabilityModel, type StabilityModel } from './stabilityModel';
import { stabilityBalanceSchema, stabilityEnginesSchema, stabilityV1GenerationSchema, stabilityV2JsonSchema } from './stabilitySchemas';

const maxSeed = 4_294_967_294;

/** A validated request, ready to send. */
type StabilityPlan =
  | { api: 'v2beta'; endpoint: 'core' | 'ultra' | 'sd3'; sd3Model?: string; aspectRatio?: string; cfgScale?: number }
  | { api: 'v1'; engine: string; size: ImageSize; cfgScale?: number; steps?: number };

export class StabilityImageProvider extends HttpImageProvider {
  readonly kind = 'stability' as const;

  validate(request: ImageRequest): void {
    this.plan(request);
  }

  protected async run(request: ImageRequest, context: ErrorContext, progress: Progress): Promise<ImageResult> {
    const plan = this.plan(request);
    const images =
      plan.api === 'v2beta' ? await this.runV2(request, plan, context, progress) : await this.runV1(request, plan, context, progress);
    return { provider: this.id, model: request.model, images };
  }

  protected async fetchImageModels(context: ErrorContext, signal: AbortSignal | undefined): Promise<ImageModelInfo[]> {
    const models: ImageModelInfo[] = [
      { id: 'core', name: 'Stable Image Core' },
      { id: 'ultra', name: 'Stable Image Ultra' },
      { id: 'sd3', name: 'Stable Diffusion 3.5 (the service’s default)' },
      ...stabilitySd3Models.map((id) => ({ id, name: `Stable Diffusion ${id.replace(/^sd/, '')}` })),
    ];
    if ((this.config.apiKey ?? '').trim() === '') return models;
    let engines;
    try {
      engines = await this.getJson('v1/engines/list', stabilityEnginesSchema, context, signal, 'The engines list');
    } catch (error) {
      // The legacy list may be retired one day; the current models still work.
      if (error instanceof ProviderError && error.kind === 'not-found') return models;
      throw error;
    }
    for (const engine of engines) {
      if (engine.type !== undefined && engine.type !== null && engine.type !== 'PICTURE') continue;
      models.push({ id: `v1/${engine.id}`, name: `${engine.name ?? engine.id} (v1)` });
    }
    return models;
  }

  protected override fetchStyles(): Promise<ImageStyle[]> {
    return Promise.resolve(stabilityStylePresets.map((style) => ({ ...style })));
  }

  protected async probeKey(context: ErrorContext, signal: AbortSignal | undefined): Promise<ImageKeyCheck> {
    const balance = await this.getJson('v1/user/balance', stabilityBalanceSchema, context, signal, 'The balance');
    return { result: 'works', credits: balance.credits };
  }

  protected authHeaders(): Record<string, string> {
    const key = this.config.apiKey?.trim();
    return key ? { authorization: `Bearer ${key}` } : {};
  }

  /** Validates the request (throwing `bad-request` naming the limit) and works out what to send. */
  private plan(request: ImageRequest): StabilityPlan {
    const model: StabilityModel = parseStabilityModel(request.model, this.id);
    const checks = new ImageRequestChecks(this.id, model.label, request);
    if (request.style !== undefined && request.style !== '' && !stabilityStylePresets.some((s) => s.name === request.style)) {
      checks.fail(
        errorText('image.check.stabilityStyle', { style: request.style, styles: stabilityStylePresets.map((s) => s.name).join(', ') }),
      );
    }
    if (model.api === 'v2beta') {
      checks.prompt(10_000);
      checks.negativePrompt(10_000);
      checks.count(10);
      checks.seed(maxSeed);
      const formats = model.endpoint === 'sd3' ? ['png', 'jpeg'] : ['png', 'jpeg', 'webp'];
      if (request.outputFormat !== undefined && !formats.includes(request.outputFormat)) {
        checks.fail(errorText('image.check.formats', { label: model.label, formats: formats.join(', '), format: request.outputFormat }));
      }
      const cfgScale = model.endpoint === 'sd3' ? checks.numberOption(['cfgScale', 'cfg_scale'], 1, 10, false) : undefined;
      const aspectRatio = this.v2AspectRatio(request, checks, model.label);
      return {
        api: 'v2beta',
        endpoint: model.endpoint,
        ...(model.sd3Model !== undefined ? { sd3Model: model.sd3Model } : {}),
        ...(aspectRatio !== undefined ? { aspectRatio } : {}),
        ...(cfgScale !== undefined ? { cfgScale } : {}),
      };
    }
    checks.prompt(2000);
    checks.negativePrompt(2000);
    checks.count(10);
    checks.seed(maxSeed + 1);
    if (request.outputFormat !== undefined && request.outputFormat !== 'png') {
      checks.fail(errorText('image.check.v1PngOnly', { format: request.outputFormat }));
    }
    const cfgScale = checks.numberOption(['cfgScale', 'cfg_scale'], 0, 35, false);
    const steps = checks.numberOption(['steps'], 10, 50, true);
    const size = this.v1Size(request, checks, model.sdxl);
    return {
      api: 'v1',
      engine: model.engine,
      size,
      ...(cfgScale !== undefined ? { cfgScale } : {}),
      ...(steps !== undefined ? { steps } : {}),
    };
  }

  /** v2beta takes a ratio from a fixed list; a pixel size is accepted when its ratio is one of them. */
  private v2AspectRatio(request: ImageRequest, checks: ImageRequestChecks, label: string): string | undefined {
    const listed = stabilityAspectRatios.join(', ');
    const ratio = checks.aspectRatio();
    if (ratio !== undefined) {
      const text = `${ratio.width}:${ratio.height}`;
      if (!(stabilityAspectRatios as readonly string[]).includes(text)) {
        checks.fail(errorText('image.check.aspectRatios', { label, listed, value: text }));
      }
      return text;
    }
    const size = checks.size();
    if (size === undefined) return undefined;
    const reduced = ratioOf(size);
    if (!(stabilityAspectRatios as readonly string[]).includes(reduced)) {
      checks.fail(errorText('image.check.ratioNotSize', { label, listed, size: formatSize(size), ratio: reduced }));
    }
    return reduced;
  }

  /** v1 takes pixels: SDXL only its fixed sizes, older engines multiples of 64. A ratio picks the closest size. */
  private v1Size(request: ImageRequest, checks: ImageRequestChecks, sdxl: boolean): ImageSize {
    const size = checks.size();
    const ratio = checks.aspectRatio();
    if (sdxl) {
      const listed = sdxlSizes.map(formatSize).join(', ');
      if (size !== undefined) {
        if (!sdxlSizes.some((s) => s.width === size.width && s.height === size.height)) {
          checks.fail(errorText('image.check.sizes', { label: 'SDXL', listed, value: formatSize(size) }));
        }
        return size;
      }
      return (ratio === undefined ? undefined : nearestSize(ratio, sdxlSizes)) ?? { width: 1024, height: 1024 };
    }
    if (size !== undefined) {
      for (const side of [size.width, size.height]) {
        if (side % 64 !== 0 || side < 320 || side > 1536) {
          checks.fail(errorText('image.check.sideFromTo', { label: 'Stable Diffusion v1', step: 64, min: 320, max: 1536, value: side }));
        }
      }
      return size;
    }
    return ratio === undefined ? { width: 512, height: 512 } : sizeForRatio(ratio, 1024, 64);
  }

  private async runV2(
    request: ImageRequest,
    plan: Extract<StabilityPlan, { api: 'v2beta' }>,
    context: ErrorContext,
    progress: Progress,
  ): Promise<GeneratedImage[]> {
    const count = request.count ?? 1;
    const images: GeneratedImage[] = [];
    for (let i = 0; i < count; i++) {
      const index = imageIndex(i, count);
      await this.acquireRateLimit(request.model, request.signal, progress, index);
      const parts: MultipartPart[] = [{ name: 'prompt', value: request.prompt }];
      const add = (name: string, value: string | number | undefined): void => {
        if (value !== undefined && value !== '') parts.push({ name, value: String(value) });
      };
      add('negative_prompt', request.negativePrompt);
      add('aspect_ratio', plan.aspectRatio);
      // Several images from one seed would be the same image: each gets the next seed.
      add('seed', request.seed === undefined ? undefined : (request.seed + i) % (maxSeed + 1));
      add('output_format', request.outputFormat);
      add('style_preset', request.style);
      add('model', plan.sd3Model);
      add('cfg_scale', plan.cfgScale);
      const multipart = encodeMultipart(parts);
      progress({ type: 'processing', detail: 'Stability AI is drawing.', ...index });
      const response = await this.send(
        {
          method: 'POST',
          // Billable: never sent again once it may have reached the server (HttpRequest.billable).
          billable: true,
          url: this.url(`v2beta/stable-image/generate/${plan.endpoint}`),
          headers: this.headers({ accept: 'image/*', 'content-type': multipart.contentType }),
          body: multipart.body,
          context,
          mapError: (answer) => mapStabilityError(answer, context),
          ...(request.signal !== undefined ? { signal: request.signal } : {}),
        },
        progress,
        index,
      );
      images.push(await this.readV2Image(response, context));
    }
    return images;
  }

  /** A v2beta image answer (bytes with headers, or JSON): also what the edit endpoints answer (stabilityImageEditor.ts). */
  protected async readV2Image(response: HttpResponse, context: ErrorContext): Promise<GeneratedImage> {
    const type = response.headers['content-type'] ?? '';
    let bytes: Uint8Array;
    let finishReason = response.headers['finish-reason'];
    let seed: number | string | undefined = response.headers.seed;
    if (/application\/json/i.test(type)) {
      const json = await this.readJson(response, stabilityV2JsonSchema, context, 'The image', maxBase64ImageBytes);
      bytes = this.decodeBase64(json.image, context, 'an image');
      finishReason = json.finish_reason ?? finishReason;
      seed = json.seed ?? seed;
    } else {
      bytes = await this.readImageBody(response, context);
    }
    if (finishReason !== undefined && finishReason !== 'SUCCESS' && finishReason !== 'CONTENT_FILTERED') {
      throw new ProviderError({
        kind: 'server',
        provider: this.id,
        text: errorText('image.finishReason', { provider: this.id, reason: this.redact(finishReason).slice(0, 40) }),
        ...(context.model !== undefined ? { model: context.model } : {}),
      });
    }
    return this.image(bytes, context, { seed: normalizeSeed(seed), contentFiltered: finishReason === 'CONTENT_FILTERED' });
  }

  private async readImageBody(response: HttpResponse, context: ErrorContext): Promise<Uint8Array> {
    try {
      return await readLimitedBytes(response, this.config.downloadMaxBytes ?? defaultMaxImageBytes);
    } catch (error) {
      if (!(error instanceof BodyTooLargeError)) throw error;
      throw new ProviderError({
        kind: 'invalid-response',
        provider: this.id,
        text: errorText('image.tooLarge', { provider: this.id, size: bytesText(error.maxBytes) }),
        ...(context.model !== undefined ? { model: context.model } : {}),
      });
    }
  }

  private async runV1(
    request: ImageRequest,
    plan: Extract<StabilityPlan, { api: 'v1' }>,
    context: ErrorContext,
    progress: Progress,
  ): Promise<GeneratedImage[]> {
    await this.acquireRateLimit(request.model, request.signal, progress);
    const textPrompts: Array<{ text: string; weight: number }> = [{ text: request.prompt, weight: 1 }];
    if (request.negativePrompt !== undefined && request.negativePrompt.trim() !== '') {
      textPrompts.push({ text: request.negativePrompt, weight: -1 });
    }
    const body = {
      text_prompts: textPrompts,
      width: plan.size.width,
      height: plan.size.height,
      samples: request.count ?? 1,
      ...(plan.cfgScale !== undefined ? { cfg_scale: plan.cfgScale } : {}),
      ...(plan.steps !== undefined ? { steps: plan.steps } : {}),
      ...(request.seed !== undefined ? { seed: request.seed } : {}),
      ...(request.style !== undefined && request.style !== '' ? { style_preset: request.style } : {}),
    };
    progress({ type: 'processing', detail: 'Stability AI is drawing.' });
    const response = await this.send(
      {
        method: 'POST',
        // Billable: never sent again once it may have reached the server (HttpRequest.billable).
        billable: true,
        url: this.url(`v1/generation/${encodeURIComponent(plan.engine)}/text-to-image`),
        headers: this.headers({ accept: 'application/json', 'content-type': 'application/json' }),
        body: JSON.stringify(body),
        context,
        mapError: (answer) => mapStabilityError(answer, context),
        ...(request.signal !== undefined ? { signal: request.signal } : {}),
      },
      progress,
    );
    const answer = await this.readJson(
      response,
      stabilityV1GenerationSchema,
      context,
      'The generation result',
      (request.count ?? 1) * maxBase64ImageBytes,
    );
    const images: GeneratedImage[] = [];
    const failures: string[] = [];
    answer.artifacts.forEach((artifact, i) => {
      const reason = artifact.finishReason ?? 'SUCCESS';
      if (reason !== 'SUCCESS' && reason !== 'CONTENT_FILTERED') {
        failures.push(reason);
        return;
      }
      if (artifact.base64 === undefined || artifact.base64 === null || artifact.base64 === '') {
        throw invalidResponseError({ provider: this.id, model: context.model }, `expected artifacts[${i}].base64 to hold the image`);
      }
      const bytes = this.decodeBase64(artifact.base64, context, `artifacts[${i}].base64`);
      images.push(this.image(bytes, context, { seed: normalizeSeed(artifact.seed), contentFiltered: reason === 'CONTENT_FILTERED' }));
    });
    if (images.length === 0) {
      throw new ProviderError({
        kind: failures.length > 0 ? 'server' : 'invalid-response',
        provider: this.id,
        text:
          failures.length > 0
            ? errorText('image.finishReason', { provider: this.id, reason: this.redact(failures[0] ?? '').slice(0, 40) })
            : errorText('invalid.response', { provider: this.id, detail: 'expected at least one artifact' }),
        ...(context.model !== undefined ? { model: context.model } : {}),
      });
    }
    return images;
  }
}

function normalizeSeed(seed: number | string | null | undefined): number | string | undefined {
  if (seed === undefined || seed === null || seed === '') return undefined;
  if (typeof seed === 'number') return seed;
  return /^\d{1,15}$/.test(seed.trim()) ? Number(seed.trim()) : seed.trim().slice(0, 40);
}
