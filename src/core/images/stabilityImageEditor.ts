// Stability AI edits (v2beta, `Authorization: Bearer <key>`, multipart/form-data, `accept: image/*` like the
// generation client, so the answer is the image's bytes with `finish-reason` and `seed` headers):
//   image-to-image      POST /v2beta/stable-image/generate/sd3   mode=image-to-image, image, strength, prompt, model
//                       POST /v2beta/stable-image/generate/ultra image, strength, prompt
//   edit                POST /v2beta/stable-image/edit/inpaint   image, prompt, optional mask (white = change)
//   search-and-replace  POST /v2beta/stable-image/edit/search-and-replace   image, prompt, search_prompt
//   remove-background   POST /v2beta/stable-image/edit/remove-background    image only
// One image per request: several are several requests, each with the next seed. Each request is billable and
// never sent twice once it may have arrived (HttpRequest.billable). The input limits are in stabilityEditLimits.ts.
import { assertNever } from '../assertNever';
import type { ErrorContext } from '../errors/errorContext';
import { errorText } from '../errors/errorText';
import { ProviderError } from '../errors/providerError';
import { encodeFormData, type FormDataPart, imageFilePart } from './encodeFormData';
import { imageIndex, type Progress } from './httpImageProvider';
import { ImageEditChecks } from './imageEditChecks';
import type { ImageEditor, ImageEditRequest, ImageInputLimits, SourceImage } from './imageEditTypes';
import type { GeneratedImage, ImageProgress, ImageProgressListener, ImageResult } from './imageTypes';
import { mapStabilityError } from './mapStabilityError';
import { stabilitySd3Models } from './stabilityCatalog';
import { stabilityEditLimits, stabilityImageToImageLimits, stabilityRemoveBackgroundLimits } from './stabilityEditLimits';
import { StabilityImageProvider } from './stabilityImageProvider';
import { parseStabilityModel, type StabilityModel } from './stabilityModel';

type Operation = ImageEditRequest['operation'];

const maxSeed = 4_294_967_294;
const maxPromptLength = 10_000;

/** What one validated edit sends. */
interface EditPlan {
  path: string;
  label: string;
  /** Text fields, in order (the image, and the mask when there is one, go first). */
  fields: Array<[string, string]>;
  mask?: SourceImage;
  /** The seed of the first image, when one was chosen. */
  seed?: number;
}

export class StabilityImageEditor extends StabilityImageProvider implements ImageEditor {
  editModels(): string[] {
    return ['ultra', 'sd3', ...stabilitySd3Models];
  }

  editOperations(model: string): Operation[] {
    const parsed = this.tryParse(model);
    if (parsed === undefined || parsed.api !== 'v2beta') return [];
    // Core takes no source image; the edit endpoints do not depend on the model chosen.
    return parsed.endpoint === 'core'
      ? ['edit', 'search-and-replace', 'remove-background']
      : ['image-to-image', 'edit', 'search-and-replace', 'remove-background'];
  }

  inputLimits(operation: Operation): ImageInputLimits {
    switch (operation) {
      case 'image-to-image':
        return stabilityImageToImageLimits;
      case 'remove-background':
        return stabilityRemoveBackgroundLimits;
      default:
        return stabilityEditLimits;
    }
  }

  validateEdit(request: ImageEditRequest): void {
    this.planEdit(request);
  }

  async edit(request: ImageEditRequest, onProgress?: ImageProgressListener): Promise<ImageResult> {
    const plan = this.planEdit(request);
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
      const count = request.count ?? 1;
      const images: GeneratedImage[] = [];
      for (let i = 0; i < count; i++) images.push(await this.editOnce(request, plan, i, count, context, progress));
      return { provider: this.id, model: request.model, images };
    } catch (error) {
      throw this.asProviderError(error, context, request.signal);
    }
  }

  private async editOnce(
    request: ImageEditRequest,
    plan: EditPlan,
    i: number,
    count: number,
    context: ErrorContext,
    progress: Progress,
  ): Promise<GeneratedImage> {
    const index = imageIndex(i, count);
    await this.acquireRateLimit(request.model, request.signal, progress, index);
    const parts: FormDataPart[] = [imageFilePart('image', request.image)];
    if (plan.mask !== undefined) parts.push(imageFilePart('mask', plan.mask));
    for (const [name, value] of plan.fields) parts.push({ name, value });
    // Several results from one seed would be the same result: each gets the next seed.
    if (plan.seed !== undefined) parts.push({ name: 'seed', value: String((plan.seed + i) % (maxSeed + 1)) });
    const form = encodeFormData(parts);
    progress({ type: 'processing', detail: `Stability AI is working on ${request.image.name} (${request.operation}).`, ...index });
    const response = await this.send(
      {
        method: 'POST',
        // Billable: never sent again once it may have reached the server (HttpRequest.billable).
        billable: true,
        url: this.url(plan.path),
        headers: this.headers({ accept: 'image/*', 'content-type': form.contentType }),
        body: form.body,
        context,
        mapError: (answer) => mapStabilityError(answer, context),
        ...(request.signal !== undefined ? { signal: request.signal } : {}),
      },
      progress,
      index,
    );
    return this.readV2Image(response, context);
  }

  /** Validates (throwing `bad-request` naming the limit) and works out the endpoint and fields. */
  private planEdit(request: ImageEditRequest): EditPlan {
    const operation = request.operation;
    const model = this.tryParse(request.model);
    const label = labelOf(operation, model);
    const checks: ImageEditChecks = new ImageEditChecks(this.id, label, request.model);
    const offered = this.editOperations(request.model);
    if (offered.length === 0) checks.fail(errorText('imageEdit.check.noOperations', { label: request.model || 'Stability' }));
    if (!offered.includes(operation)) {
      checks.fail(errorText('imageEdit.check.operation', { label, operation, operations: offered.join(', ') }));
    }
    checks.image(request.image, this.inputLimits(operation));
    checks.count(request, 10);
    const fields: Array<[string, string]> = [];
    const add = (name: string, value: string | number | undefined): void => {
      if (value !== undefined && value !== '') fields.push([name, String(value)]);
    };
    let path: string;
    if (operation === 'remove-background') {
      for (const field of ['prompt', 'negativePrompt', 'searchPrompt', 'strength', 'mask'] as const) checks.notTaken(request, field);
      if (request.seed !== undefined) checks.fail(errorText('imageRequest.noSeed', { label, reason: '' }));
      this.outputFormat(request, ['png', 'webp'], checks, label);
      add('output_format', request.outputFormat);
      return { path: 'v2beta/stable-image/edit/remove-background', label, fields };
    }
    checks.prompt(request, maxPromptLength);
    checks.negativePrompt(request, maxPromptLength);
    checks.seed(request.seed, maxSeed);
    add('prompt', request.prompt);
    let mask: SourceImage | undefined;
    if (operation === 'image-to-image') {
      checks.notTaken(request, 'mask');
      checks.notTaken(request, 'searchPrompt');
      const strength = checks.strength(request);
      const sd3 = model?.api === 'v2beta' && model.endpoint === 'sd3';
      this.outputFormat(request, sd3 ? ['png', 'jpeg'] : ['png', 'jpeg', 'webp'], checks, label);
      path = sd3 ? 'v2beta/stable-image/generate/sd3' : 'v2beta/stable-image/generate/ultra';
      if (sd3) add('mode', 'image-to-image');
      add('strength', strength);
      if (sd3) add('model', model.sd3Model);
    } else if (operation === 'edit') {
      checks.notTaken(request, 'strength');
      checks.notTaken(request, 'searchPrompt');
      if (request.mask !== undefined) {
        checks.image(request.mask, stabilityEditLimits);
        checks.maskSize(request.image, request.mask);
        mask = request.mask;
      }
      this.outputFormat(request, ['png', 'jpeg', 'webp'], checks, label);
      path = 'v2beta/stable-image/edit/inpaint';
    } else {
      checks.notTaken(request, 'strength');
      checks.notTaken(request, 'mask');
      const searchPrompt = request.searchPrompt;
      if (searchPrompt === undefined || searchPrompt.trim() === '') checks.fail(errorText('imageEdit.check.searchPromptNeeded'));
      if (searchPrompt.length > maxPromptLength) {
        checks.fail(errorText('imageRequest.promptTooLong', { length: searchPrompt.length, label, max: maxPromptLength }));
      }
      this.outputFormat(request, ['png', 'jpeg', 'webp'], checks, label);
      path = 'v2beta/stable-image/edit/search-and-replace';
      add('search_prompt', searchPrompt);
    }
    add('negative_prompt', request.negativePrompt);
    add('output_format', request.outputFormat);
    return {
      path,
      label,
      fields,
      ...(mask !== undefined ? { mask } : {}),
      ...(request.seed !== undefined ? { seed: request.seed } : {}),
    };
  }

  private outputFormat(request: ImageEditRequest, formats: readonly string[], checks: ImageEditChecks, label: string): void {
    if (request.outputFormat !== undefined && !formats.includes(request.outputFormat)) {
      checks.fail(errorText('image.check.formats', { label, formats: formats.join(', '), format: request.outputFormat }));
    }
  }

  private tryParse(model: string): StabilityModel | undefined {
    try {
      return parseStabilityModel(model, this.id);
    } catch (error) {
      if (error instanceof ProviderError) return undefined;
      throw error;
    }
  }
}

function labelOf(operation: Operation, model: StabilityModel | undefined): string {
  switch (operation) {
    case 'image-to-image':
      return model?.label ?? 'Stability image-to-image';
    case 'edit':
      return 'Stability inpaint';
    case 'search-and-replace':
      return 'Stability search-and-replace';
    case 'remove-background':
      return 'Stability remove-background';
    default:
      return assertNever(operation, 'edit operation');
  }
}
