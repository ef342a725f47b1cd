// OpenAI images (docs/providers.md): `POST {base}/images/generations` with `Authorization: Bearer <key>`, JSON
// `{model, prompt, n, size, quality, output_format, background, moderation}` → `data[{b64_json}]` and `usage`.
// The gpt-image family takes sizes 1024x1024, 1536x1024, 1024x1536 or auto and no seed, style or negative prompt.
// Other models (an OpenAI-compatible server's) are sent what was asked, and may answer with `data[].url`, which is
// downloaded without the key.
import type { ErrorContext } from '../errors/errorContext';
import { invalidResponseError } from '../errors/errorFactories';
import { errorText } from '../errors/errorText';
import type { HttpResponse } from '../http/httpClient';
import { openAiModelListSchema } from '../providers/openAiSchemas';
import { formatSize } from './aspectRatio';
import { HttpImageProvider, type ImageProviderConfig, maxBase64ImageBytes, type Progress } from './httpImageProvider';
import { ImageRequestChecks } from './imageRequestChecks';
import type { GeneratedImage, ImageKeyCheck, ImageModelInfo, ImageRequest, ImageResult } from './imageTypes';
import { mapOpenAiImageError } from './mapOpenAiImageError';
import { openAiImagesSchema } from './openAiImageSchemas';

export interface OpenAiImageConfig extends ImageProviderConfig {
  /** The image models to list (the preset's gpt-image family). */
  models: readonly string[];
}

export const gptImageSizes = ['1024x1024', '1536x1024', '1024x1536', 'auto'] as const;
const qualities = ['low', 'medium', 'high', 'auto'] as const;
const backgrounds = ['transparent', 'opaque', 'auto'] as const;
const moderations = ['low', 'auto'] as const;

/** What goes into the request body besides model, prompt and n. */
interface OpenAiImagePlan {
  size?: string;
  quality?: string;
  background?: string;
  moderation?: string;
  outputCompression?: number;
}

export class OpenAiImageProvider extends HttpImageProvider {
  readonly kind = 'openai' as const;

  constructor(protected override readonly config: OpenAiImageConfig) {
    super(config);
  }

  validate(request: ImageRequest): void {
    this.plan(request);
  }

  protected async run(request: ImageRequest, context: ErrorContext, progress: Progress): Promise<ImageResult> {
    const plan = this.plan(request);
    const gptImage = isGptImage(request.model);
    const count = request.count ?? 1;
    await this.acquireRateLimit(request.model, request.signal, progress);
    const body = {
      model: request.model,
      prompt: request.prompt,
      n: count,
      ...(plan.size !== undefined ? { size: plan.size } : {}),
      ...(plan.quality !== undefined ? { quality: plan.quality } : {}),
      ...(request.outputFormat !== undefined ? { output_format: request.outputFormat } : {}),
      ...(plan.background !== undefined ? { background: plan.background } : {}),
      ...(plan.moderation !== undefined ? { moderation: plan.moderation } : {}),
      ...(plan.outputCompression !== undefined ? { output_compression: plan.outputCompression } : {}),
      // gpt-image always answers in base64 and refuses this field; other servers default to URLs without it.
      ...(gptImage ? {} : { response_format: 'b64_json' }),
    };
    progress({ type: 'processing', detail: 'OpenAI is drawing.' });
    const response = await this.send(
      {
        method: 'POST',
        // Billable: never sent again once it may have reached the server (HttpRequest.billable).
        billable: true,
        url: this.url('images/generations'),
        headers: this.headers({ accept: 'application/json', 'content-type': 'application/json' }),
        body: JSON.stringify(body),
        context,
        mapError: (answer) => mapOpenAiImageError(answer, context),
        ...(request.signal !== undefined ? { signal: request.signal } : {}),
      },
      progress,
    );
    return this.readImages(response, request.model, count, request.signal, context, progress);
  }

  /** The `data[]` images of a generation or edit answer, each checked, with the token usage (also for edits). */
  protected async readImages(
    response: HttpResponse,
    model: string,
    count: number,
    signal: AbortSignal | undefined,
    context: ErrorContext,
    progress: Progress,
  ): Promise<ImageResult> {
    const answer = await this.readJson(response, openAiImagesSchema, context, 'The answer', count * maxBase64ImageBytes);
    if (answer.data.length === 0) {
      throw invalidResponseError({ provider: this.id, model }, 'expected data to hold at least one image');
    }
    const images: GeneratedImage[] = [];
    for (const [i, item] of answer.data.entries()) {
      if (item.b64_json) {
        images.push(this.image(this.decodeBase64(item.b64_json, context, `data[${i}].b64_json`), context));
      } else if (item.url) {
        images.push(this.image(await this.download(item.url, context, signal, progress), context));
      } else {
        throw invalidResponseError({ provider: this.id, model }, `expected data[${i}].b64_json to hold the image`);
      }
    }
    const usage = answer.usage;
    return {
      provider: this.id,
      model,
      images,
      ...(usage != null && (usage.input_tokens != null || usage.output_tokens != null)
        ? {
            usage: {
              ...(usage.input_tokens != null ? { inputTokens: usage.input_tokens } : {}),
              ...(usage.output_tokens != null ? { outputTokens: usage.output_tokens } : {}),
              ...(usage.input_tokens_details?.image_tokens ? { inputImageTokens: usage.input_tokens_details.image_tokens } : {}),
            },
          }
        : {}),
    };
  }

  protected fetchImageModels(): Promise<ImageModelInfo[]> {
    return Promise.resolve(this.config.models.map((id) => ({ id })));
  }

  protected async probeKey(context: ErrorContext, signal: AbortSignal | undefined): Promise<ImageKeyCheck> {
    const list = await this.getJson('models', openAiModelListSchema, context, signal, 'The model list');
    return { result: 'works', models: list.data.length };
  }

  protected authHeaders(): Record<string, string> {
    const key = this.config.apiKey?.trim();
    return key ? { authorization: `Bearer ${key}` } : {};
  }

  private plan(request: ImageRequest): OpenAiImagePlan {
    const gptImage = isGptImage(request.model);
    const label = request.model.trim() === '' ? 'OpenAI' : request.model;
    const checks = new ImageRequestChecks(this.id, label, request);
    if (request.model.trim() === '') checks.fail(errorText('image.check.chooseModel'));
    checks.prompt(gptImage ? 32_000 : undefined);
    checks.count(10);
    checks.unsupported('seed');
    checks.unsupported('negativePrompt', errorText('image.check.reason.openAiNegative'));
    checks.unsupported('style');
    const size = this.size(request, checks, gptImage, label);
    if (!gptImage) return size === undefined ? {} : { size };
    const quality = checks.choiceOption('quality', qualities);
    const background = checks.choiceOption('background', backgrounds);
    const moderation = checks.choiceOption('moderation', moderations);
    const outputCompression = checks.numberOption(['outputCompression', 'output_compression'], 0, 100, true);
    if (background === 'transparent' && request.outputFormat === 'jpeg') {
      checks.fail(errorText('image.check.transparentJpeg', { label }));
    }
    if (outputCompression !== undefined && request.outputFormat !== 'jpeg' && request.outputFormat !== 'webp') {
      checks.fail(errorText('image.check.compressionFormat'));
    }
    return {
      ...(size !== undefined ? { size } : {}),
      ...(quality !== undefined ? { quality } : {}),
      ...(background !== undefined ? { background } : {}),
      ...(moderation !== undefined ? { moderation } : {}),
      ...(outputCompression !== undefined ? { outputCompression } : {}),
    };
  }

  /** `WxH` from width/height, an aspect ratio or `options.size`; the gpt-image family takes only its four. */
  private size(request: ImageRequest, checks: ImageRequestChecks, gptImage: boolean, label: string): string | undefined {
    const listed = gptImageSizes.join(', ');
    const pixels = checks.size();
    const ratio = checks.aspectRatio();
    const option = request.options?.size;
    let size: string | undefined;
    if (pixels !== undefined) size = formatSize(pixels);
    else if (typeof option === 'string' && option !== '') size = option;
    else if (ratio !== undefined) {
      const byRatio: Record<string, string> = { '1:1': '1024x1024', '3:2': '1536x1024', '2:3': '1024x1536' };
      const text = `${ratio.width}:${ratio.height}`;
      size = byRatio[text];
      if (size === undefined) {
        checks.fail(errorText('image.check.squareOrNot', { label, value: text }));
      }
    }
    if (size !== undefined && gptImage && !(gptImageSizes as readonly string[]).includes(size)) {
      checks.fail(errorText('image.check.sizes', { label, listed, value: size }));
    }
    return size;
  }
}

function isGptImage(model: string): boolean {
  return /^gpt-image/i.test(model.trim());
}
