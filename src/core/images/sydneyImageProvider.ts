// The Sydney gateway's images (its "Sydney API" documentation; docs/providers.md): `POST {base}/v1/image {model: sdxl|kandinsky, prompt, ar?,
// negative?}` with the raw key in `Authorization` → `{url}`, then the image is downloaded from that URL — without
// the key (the URL is public, and its host need not be the gateway's), bounded in size and time. One image per
// request; the gateway's per-model limits (sdxl 3/min, 1000/day…) are the rate limiter's defaults for this preset.
import { parseErrorBody } from '../errors/errorBodyInfo';
import type { ErrorContext } from '../errors/errorContext';
import { errorText } from '../errors/errorText';
import { mapErrorInfo } from '../errors/mapHttpError';
import { formatSize, ratioOf } from './aspectRatio';
import { HttpImageProvider, imageIndex, type Progress } from './httpImageProvider';
import { ImageRequestChecks } from './imageRequestChecks';
import type { GeneratedImage, ImageKeyCheck, ImageModelInfo, ImageRequest, ImageResult } from './imageTypes';
import { sydneyImageSchema } from './sydneyImageSchemas';

export const sydneyImageModels = ['sdxl', 'kandinsky'] as const;
export const sydneyAspectRatios = ['16:9', '3:2', '1:1', '2:3', '9:16'] as const;

export class SydneyImageProvider extends HttpImageProvider {
  readonly kind = 'sydney' as const;

  validate(request: ImageRequest): void {
    this.plan(request);
  }

  protected async run(request: ImageRequest, context: ErrorContext, progress: Progress): Promise<ImageResult> {
    const ar = this.plan(request);
    const count = request.count ?? 1;
    const images: GeneratedImage[] = [];
    for (let i = 0; i < count; i++) {
      const index = imageIndex(i, count);
      await this.acquireRateLimit(request.model, request.signal, progress, index);
      const body = {
        model: request.model,
        prompt: request.prompt,
        ...(ar !== undefined ? { ar } : {}),
        ...(request.negativePrompt !== undefined && request.negativePrompt.trim() !== '' ? { negative: request.negativePrompt } : {}),
      };
      progress({ type: 'processing', detail: `The Sydney gateway is drawing with ${request.model}.`, ...index });
      const response = await this.send(
        {
          method: 'POST',
          // Billable: never sent again once it may have reached the server (HttpRequest.billable).
          billable: true,
          url: this.url('v1/image'),
          headers: this.headers({ accept: 'application/json', 'content-type': 'application/json' }),
          body: JSON.stringify(body),
          context,
          ...(request.signal !== undefined ? { signal: request.signal } : {}),
        },
        progress,
        index,
      );
      const answer = await this.readJson(response, sydneyImageSchema, context, 'The answer');
      if ('error' in answer) {
        const text = JSON.stringify(answer);
        throw mapErrorInfo(undefined, parseErrorBody(text, 'application/json'), context);
      }
      const url = resolveImageUrl(answer.url, this.config.baseUrl);
      images.push(this.image(await this.download(url, context, request.signal, progress, index), context));
    }
    return { provider: this.id, model: request.model, images };
  }

  protected fetchImageModels(): Promise<ImageModelInfo[]> {
    return Promise.resolve(sydneyImageModels.map((id) => ({ id, name: id === 'sdxl' ? 'SDXL' : 'Kandinsky' })));
  }

  /** The gateway has no request that costs nothing. */
  protected probeKey(): Promise<ImageKeyCheck> {
    return Promise.resolve({ result: 'unverified' });
  }

  protected authHeaders(): Record<string, string> {
    const key = this.config.apiKey?.trim();
    // The gateway wants the key itself, with no `Bearer` scheme.
    return key ? { authorization: key } : {};
  }

  /** Validates (throwing `bad-request` naming the limit) and returns the `ar` to send, if any. */
  private plan(request: ImageRequest): string | undefined {
    const checks = new ImageRequestChecks(this.id, errorText('image.label.sydneyModel', { model: request.model }), request);
    if (!(sydneyImageModels as readonly string[]).includes(request.model)) {
      // The template names both models (sydneyImageModels), so that `or` is translated with the rest.
      checks.fail(errorText('image.check.sydneyModel', { model: request.model }));
    }
    checks.prompt(undefined);
    checks.count(10);
    checks.unsupported('seed');
    checks.unsupported('style');
    if (request.model !== 'sdxl') checks.unsupported('negativePrompt', errorText('image.check.reason.sydneyNegative'));
    const listed = sydneyAspectRatios.join(', ');
    const gateway = errorText('image.label.sydneyGateway');
    const ratio = checks.aspectRatio();
    if (ratio !== undefined) {
      const text = `${ratio.width}:${ratio.height}`;
      if (!(sydneyAspectRatios as readonly string[]).includes(text)) {
        checks.fail(errorText('image.check.aspectRatios', { label: gateway, listed, value: text }));
      }
      return text;
    }
    const size = checks.size();
    if (size === undefined) return undefined;
    const reduced = ratioOf(size);
    if (!(sydneyAspectRatios as readonly string[]).includes(reduced)) {
      checks.fail(errorText('image.check.ratioNotSize', { label: gateway, listed, size: formatSize(size), ratio: reduced }));
    }
    return reduced;
  }
}

/**
 * The gateway may answer with a path on itself. An address that is no URL at all goes on as it is, so that
 * downloadImage refuses it with a message that says so (not as an unexpected failure).
 */
function resolveImageUrl(url: string, baseUrl: string): string {
  try {
    return new URL(url, baseUrl).href;
  } catch {
    return url;
  }
}
