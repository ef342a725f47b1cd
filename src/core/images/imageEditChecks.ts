// The checks every editor's and animator's `validate…` is built from, like imageRequestChecks.ts for generation:
// each failure is a `bad-request` ProviderError naming the limit that was broken and the file that broke it
// ("photo.png is 30 × 30 pixels; Stability inpaint needs every side to be at least 64 pixels."), thrown before
// anything is sent or paid for.
import { errorText, type ErrorText } from '../errors/errorText';
import { ProviderError } from '../errors/providerError';
import { bytesText } from './formatBytes';
import type { ImageEditRequest, ImageInputLimits, SourceImage } from './imageEditTypes';
import { formatName } from './readSourceImage';

export class ImageEditChecks {
  constructor(
    private readonly provider: string,
    /** How the model or endpoint is named in messages, e.g. `Stability inpaint`, `gpt-image-1`. */
    private readonly label: string,
    private readonly model: string | undefined,
  ) {}

  fail(text: ErrorText): never {
    throw new ProviderError({
      kind: 'bad-request',
      provider: this.provider,
      text,
      ...(this.model !== undefined ? { model: this.model } : {}),
    });
  }

  /** Format, bytes, sides and pixel count of `image` against `limits`. */
  image(image: SourceImage, limits: ImageInputLimits): void {
    const name = image.name;
    const label = this.label;
    if (!limits.mimeTypes.includes(image.mimeType)) {
      this.fail(
        errorText('imageEdit.check.format', {
          label,
          name,
          formats: limits.mimeTypes.map(formatName).join(', '),
          format: formatName(image.mimeType),
        }),
      );
    }
    if (image.bytes.length > limits.maxBytes) {
      const size = bytesText(image.bytes.length);
      const max = bytesText(limits.maxBytes);
      // "10 MB; at most 10 MB" says nothing: then both in bytes.
      const same = JSON.stringify(size) === JSON.stringify(max);
      this.fail(
        errorText('imageEdit.check.bytes', {
          name,
          label,
          size: same ? errorText('size.bytes', { value: image.bytes.length }) : size,
          max: same ? errorText('size.bytes', { value: limits.maxBytes }) : max,
        }),
      );
    }
    const size = sizeText(image);
    const exact = limits.exactSizes;
    if (exact !== undefined && !exact.some((allowed) => allowed.width === image.width && allowed.height === image.height)) {
      this.fail(errorText('imageEdit.check.exactSizes', { label, listed: exact.map(sizeText).join(', '), name, size }));
    }
    if (limits.minSide !== undefined && Math.min(image.width, image.height) < limits.minSide) {
      this.fail(errorText('imageEdit.check.minSide', { name, size, label, min: limits.minSide }));
    }
    if (limits.maxSide !== undefined && Math.max(image.width, image.height) > limits.maxSide) {
      this.fail(errorText('imageEdit.check.maxSide', { name, size, label, max: limits.maxSide }));
    }
    const pixels = image.width * image.height;
    if (limits.minPixels !== undefined && pixels < limits.minPixels) {
      this.fail(errorText('imageEdit.check.minPixels', { name, size, label, pixels: grouped(pixels), min: grouped(limits.minPixels) }));
    }
    if (limits.maxPixels !== undefined && pixels > limits.maxPixels) {
      this.fail(errorText('imageEdit.check.maxPixels', { name, size, label, pixels: grouped(pixels), max: grouped(limits.maxPixels) }));
    }
  }

  /** The mask must have the image's exact size (both providers say so). */
  maskSize(image: SourceImage, mask: SourceImage): void {
    if (mask.width === image.width && mask.height === image.height) return;
    this.fail(
      errorText('imageEdit.check.maskSize', { mask: mask.name, maskSize: sizeText(mask), image: image.name, imageSize: sizeText(image) }),
    );
  }

  prompt(request: ImageEditRequest, maxLength: number | undefined): void {
    const prompt = request.prompt;
    if (prompt === undefined || prompt.trim() === '') {
      this.fail(errorText('imageEdit.check.promptNeeded', { label: this.label, operation: request.operation }));
    }
    if (maxLength !== undefined && prompt.length > maxLength) {
      this.fail(errorText('imageRequest.promptTooLong', { length: prompt.length, label: this.label, max: maxLength }));
    }
  }

  negativePrompt(request: ImageEditRequest, maxLength: number | undefined): void {
    const negative = request.negativePrompt;
    if (negative === undefined || negative === '') return;
    if (maxLength === undefined) {
      this.fail(errorText('imageRequest.noNegativePrompt', { label: this.label, reason: '' }));
    }
    if (negative.length > maxLength) {
      this.fail(errorText('imageRequest.negativeTooLong', { length: negative.length, label: this.label, max: maxLength }));
    }
  }

  /** A field the operation does not take: refused rather than dropped, since it would have changed the result. */
  notTaken(request: ImageEditRequest, field: 'mask' | 'strength' | 'searchPrompt' | 'prompt' | 'negativePrompt'): void {
    const value = request[field];
    if (value === undefined || value === '') return;
    this.fail(errorText('imageEdit.check.notTaken', { operation: request.operation, field }));
  }

  strength(request: ImageEditRequest): number {
    const strength = request.strength;
    if (strength === undefined) this.fail(errorText('imageEdit.check.strengthNeeded', { label: this.label }));
    if (typeof strength !== 'number' || !Number.isFinite(strength) || strength < 0 || strength > 1) {
      this.fail(errorText('imageEdit.check.strength', { value: String(strength) }));
    }
    return strength;
  }

  count(request: ImageEditRequest, max: number): void {
    const count = request.count;
    if (count === undefined) return;
    if (!Number.isInteger(count) || count < 1 || count > max) {
      this.fail(errorText('imageRequest.count', { label: this.label, max, value: String(count) }));
    }
  }

  seed(seed: number | undefined, max: number): void {
    if (seed === undefined) return;
    if (!Number.isInteger(seed) || seed < 0 || seed > max) {
      this.fail(errorText('imageRequest.seed', { max, label: this.label, value: String(seed) }));
    }
  }

  /** A number option within [min, max] (`name` is the provider's own field name). */
  number(name: string, value: number | undefined, min: number, max: number, integer: boolean): void {
    if (value === undefined) return;
    if (!Number.isFinite(value) || value < min || value > max || (integer && !Number.isInteger(value))) {
      this.fail(
        errorText(integer ? 'imageRequest.wholeNumberOption' : 'imageRequest.numberOption', {
          name,
          min,
          max,
          label: this.label,
          value: JSON.stringify(value),
        }),
      );
    }
  }
}

/** `1024 × 576` */
export function sizeText(image: { width: number; height: number }): string {
  return `${image.width} × ${image.height}`;
}

/** 9437184 → `9,437,184` (the way Stability's reference writes its limits). */
function grouped(value: number): string {
  return value.toLocaleString('en-US');
}
