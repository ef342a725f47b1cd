// The checks every provider's `validate` is built from. Each failure is a `bad-request` ProviderError whose
// message names the limit that was broken ("The prompt is 1200 characters; Kandinsky accepts at most 1000."), so
// the person can fix the request before anything is sent or paid for.
import { errorText, type ErrorText } from '../errors/errorText';
import { ProviderError } from '../errors/providerError';
import { type ImageSize, parseAspectRatio } from './aspectRatio';
import type { ImageRequest } from './imageTypes';

export class ImageRequestChecks {
  constructor(
    private readonly provider: string,
    /** How the model is named in messages, e.g. `Kandinsky` or `SDXL` (a phrase when it has words to translate). */
    private readonly label: string | ErrorText,
    private readonly request: ImageRequest,
  ) {}

  /** Refuses the request with a message id and its parameters (translated in the UI), for a provider's own checks too. */
  fail(text: ErrorText): never {
    throw new ProviderError({ kind: 'bad-request', provider: this.provider, model: this.request.model, text });
  }

  prompt(maxLength: number | undefined): void {
    const prompt = this.request.prompt;
    if (typeof prompt !== 'string' || prompt.trim() === '') this.fail(errorText('imageRequest.emptyPrompt'));
    if (maxLength !== undefined && prompt.length > maxLength) {
      this.fail(errorText('imageRequest.promptTooLong', { length: prompt.length, label: this.label, max: maxLength }));
    }
  }

  negativePrompt(maxLength: number | undefined): void {
    const negative = this.request.negativePrompt;
    if (negative === undefined || maxLength === undefined) return;
    if (negative.length > maxLength) {
      this.fail(errorText('imageRequest.negativeTooLong', { length: negative.length, label: this.label, max: maxLength }));
    }
  }

  /** Count 1…max (one request per image or all in one, depending on the provider). */
  count(max: number): void {
    const count = this.request.count;
    if (count === undefined) return;
    if (!Number.isInteger(count) || count < 1 || count > max) {
      this.fail(errorText('imageRequest.count', { label: this.label, max, value: String(count) }));
    }
  }

  seed(max: number): void {
    const seed = this.request.seed;
    if (seed === undefined) return;
    if (!Number.isInteger(seed) || seed < 0 || seed > max) {
      this.fail(errorText('imageRequest.seed', { max, label: this.label, value: String(seed) }));
    }
  }

  /** A field the provider cannot honour (it would change the picture, so it is refused rather than dropped). */
  unsupported(field: 'negativePrompt' | 'seed' | 'style', reason?: ErrorText): void {
    const value = this.request[field];
    if (value === undefined || value === '') return;
    const id = {
      negativePrompt: 'imageRequest.noNegativePrompt',
      seed: 'imageRequest.noSeed',
      style: 'imageRequest.noStyle',
    } as const;
    this.fail(
      errorText(id[field], { label: this.label, reason: reason === undefined ? '' : errorText('imageRequest.reason', { reason }) }),
    );
  }

  /** Width and height given together, or neither. */
  size(): ImageSize | undefined {
    const { width, height } = this.request;
    if (width === undefined && height === undefined) return undefined;
    if (width === undefined || height === undefined) this.fail(errorText('imageRequest.sizeBoth'));
    for (const side of [width, height]) {
      if (!Number.isInteger(side) || side <= 0) this.fail(errorText('imageRequest.side', { value: String(side) }));
    }
    return { width, height };
  }

  /** The aspect ratio as numbers, if one was given. */
  aspectRatio(): ImageSize | undefined {
    const text = this.request.aspectRatio;
    if (text === undefined || text.trim() === '') return undefined;
    const ratio = parseAspectRatio(text);
    if (ratio === undefined) this.fail(errorText('imageRequest.aspectRatio', { text }));
    return ratio;
  }

  /** A numeric option within [min, max]; returns it (or undefined when absent). */
  numberOption(names: readonly string[], min: number, max: number, integer: boolean): number | undefined {
    for (const name of names) {
      const value = this.request.options?.[name];
      if (value === undefined || value === null) continue;
      if (typeof value !== 'number' || !Number.isFinite(value) || value < min || value > max || (integer && !Number.isInteger(value))) {
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
      return value;
    }
    return undefined;
  }

  /** A string option from a closed list; returns it (or undefined when absent). */
  choiceOption<T extends string>(name: string, choices: readonly T[]): T | undefined {
    const value = this.request.options?.[name];
    if (value === undefined || value === null) return undefined;
    if (typeof value !== 'string' || !(choices as readonly string[]).includes(value)) {
      this.fail(
        errorText('imageRequest.choiceOption', { name, label: this.label, choices: choices.join(', '), value: JSON.stringify(value) }),
      );
    }
    return value as T;
  }
}
