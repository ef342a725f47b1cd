// OpenAI image edits (API reference "Images": create image edit, read 2026-11-26): `POST {base}/images/edits`,
// multipart/form-data with `image`, an optional `mask`, `prompt`, `model`, `n` and `output_format`, answered like a
// generation (`data[{b64_json}]`, `usage`). The mask's fully transparent pixels say where to change the image; it
// must be a PNG with an alpha channel, under 4 MB, of the image's exact size.
//   gpt-image models: PNG, JPEG or WebP, each under 50 MB; prompt up to 32,000 characters.
//   dall-e-2 (retired by OpenAI; still served by some compatible servers): one square PNG under 4 MB; prompt up to
//   1,000 characters; answers with URLs unless asked for `b64_json`.
import type { ErrorContext } from '../errors/errorContext';
import { errorText } from '../errors/errorText';
import { encodeFormData, type FormDataPart, imageFilePart } from './encodeFormData';
import type { Progress } from './httpImageProvider';
import { ImageEditChecks, sizeText } from './imageEditChecks';
import type { ImageEditor, ImageEditRequest, ImageInputLimits } from './imageEditTypes';
import type { ImageProgress, ImageProgressListener, ImageResult } from './imageTypes';
import { mapOpenAiImageError } from './mapOpenAiImageError';
import { OpenAiImageProvider } from './openAiImageProvider';

type Operation = ImageEditRequest['operation'];

const megabyte = 1024 * 1024;

/** gpt-image models: PNG, JPEG or WebP under 50 MB. */
export const gptImageEditLimits: ImageInputLimits = { mimeTypes: ['image/png', 'image/jpeg', 'image/webp'], maxBytes: 50 * megabyte - 1 };

/** dall-e-2: a square PNG under 4 MB (and the mask of every model: a PNG under 4 MB). */
export const dallE2EditLimits: ImageInputLimits = { mimeTypes: ['image/png'], maxBytes: 4 * megabyte - 1 };

export class OpenAiImageEditor extends OpenAiImageProvider implements ImageEditor {
  editModels(): string[] {
    return [...this.config.models];
  }

  editOperations(model: string): Operation[] {
    return model.trim() === '' ? [] : ['edit'];
  }

  inputLimits(_operation: Operation, model = ''): ImageInputLimits {
    return isDallE2(model) ? dallE2EditLimits : gptImageEditLimits;
  }

  validateEdit(request: ImageEditRequest): void {
    this.planEdit(request);
  }

  async edit(request: ImageEditRequest, onProgress?: ImageProgressListener): Promise<ImageResult> {
    const fields = this.planEdit(request);
    const context = this.context('chat', request.model);
    const progress: Progress = (event: ImageProgress) => {
      try {
        onProgress?.(event);
      } catch {
        // A broken listener must not break the edit.
      }
    };
    try {
      this.requireKey(context);
      if (request.signal?.aborted) throw this.cancelled(context);
      return await this.editOnce(request, fields, context, progress);
    } catch (error) {
      throw this.asProviderError(error, context, request.signal);
    }
  }

  private async editOnce(
    request: ImageEditRequest,
    fields: Array<[string, string]>,
    context: ErrorContext,
    progress: Progress,
  ): Promise<ImageResult> {
    await this.acquireRateLimit(request.model, request.signal, progress);
    const parts: FormDataPart[] = [imageFilePart('image', request.image)];
    if (request.mask !== undefined) parts.push(imageFilePart('mask', request.mask));
    for (const [name, value] of fields) parts.push({ name, value });
    const form = encodeFormData(parts);
    progress({ type: 'processing', detail: `OpenAI is editing ${request.image.name}.` });
    const response = await this.send(
      {
        method: 'POST',
        // Billable: never sent again once it may have reached the server (HttpRequest.billable).
        billable: true,
        url: this.url('images/edits'),
        headers: this.headers({ accept: 'application/json', 'content-type': form.contentType }),
        body: form.body,
        context,
        mapError: (answer) => mapOpenAiImageError(answer, context),
        ...(request.signal !== undefined ? { signal: request.signal } : {}),
      },
      progress,
    );
    return this.readImages(response, request.model, request.count ?? 1, request.signal, context, progress);
  }

  /** Validates (throwing `bad-request` naming the limit) and returns the text fields to send. */
  private planEdit(request: ImageEditRequest): Array<[string, string]> {
    const label = request.model.trim() === '' ? 'OpenAI' : request.model;
    const checks: ImageEditChecks = new ImageEditChecks(this.id, label, request.model);
    if (request.model.trim() === '') checks.fail(errorText('image.check.chooseModel'));
    if (request.operation !== 'edit') {
      checks.fail(errorText('imageEdit.check.operation', { label, operation: request.operation, operations: 'edit' }));
    }
    const dallE2 = isDallE2(request.model);
    checks.image(request.image, this.inputLimits('edit', request.model));
    if (dallE2 && request.image.width !== request.image.height) {
      checks.fail(errorText('imageEdit.check.square', { label, name: request.image.name, size: sizeText(request.image) }));
    }
    if (request.mask !== undefined) {
      checks.image(request.mask, dallE2EditLimits);
      checks.maskSize(request.image, request.mask);
      if (request.mask.hasAlpha !== true) checks.fail(errorText('imageEdit.check.maskAlpha', { name: request.mask.name, label }));
    }
    checks.prompt(request, dallE2 ? 1000 : 32_000);
    checks.negativePrompt(request, undefined);
    checks.notTaken(request, 'strength');
    checks.notTaken(request, 'searchPrompt');
    if (request.seed !== undefined) checks.fail(errorText('imageRequest.noSeed', { label, reason: '' }));
    checks.count(request, 10);
    if (request.outputFormat !== undefined && dallE2 && request.outputFormat !== 'png') {
      checks.fail(errorText('image.check.formats', { label, formats: 'png', format: request.outputFormat }));
    }
    const fields: Array<[string, string]> = [
      ['model', request.model],
      ['prompt', request.prompt ?? ''],
      ['n', String(request.count ?? 1)],
    ];
    if (request.outputFormat !== undefined && !dallE2) fields.push(['output_format', request.outputFormat]);
    // gpt-image always answers in base64 and refuses this field; other models default to URLs without it.
    if (!/^gpt-image/i.test(request.model.trim())) fields.push(['response_format', 'b64_json']);
    return fields;
  }
}

function isDallE2(model: string): boolean {
  return model.trim().toLowerCase() === 'dall-e-2';
}
