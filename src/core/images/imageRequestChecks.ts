// The checks every provider's `validate` is built from. Each failure is a `bad-request` ProviderError whose
// message names the limit that was broken ("The prompt is 1200 characters; Kandinsky accepts at most 1000."), so
// the person can fix the request before anything is sent or paid for.
import { ProviderError } from '../errors/providerError';
import { type ImageSize, parseAspectRatio } from './aspectRatio';
import type { ImageRequest } from './imageTypes';

export class ImageRequestChecks {
  constructor(
    private readonly provider: string,
    /** How the model is named in messages, e.g. `Kandinsky` or `SDXL`. */
    private readonly label: string,
    private readonly request: ImageRequest,
  ) {}

  fail(message: string): never {
    throw new ProviderError({ kind: 'bad-request', provider: this.provider, model: this.request.model, message });
  }

  prompt(maxLength: number | undefined): void {
    const prompt = this.request.prompt;
    if (typeof prompt !== 'string' || prompt.trim() === '') this.fail('The prompt is empty: describe the image to generate.');
    if (maxLength !== undefined && prompt.length > maxLength) {
      this.fail(`The prompt is ${prompt.length} characters; ${this.label} accepts at most ${maxLength}.`);
    }
  }

  negativePrompt(maxLength: number | undefined): void {
    const negative = this.request.negativePrompt;
    if (negative === undefined || maxLength === undefined) return;
    if (negative.length > maxLength) {
      this.fail(`The negative prompt is ${negative.length} characters; ${this.label} accepts at most ${maxLength}.`);
    }
  }

  /** Count 1…max (one request per image or all in one, depending on the provider). */
  count(max: number): void {
    const count = this.request.count;
    if (count === undefined) return;
    if (!Number.isInteger(count) || count < 1 || count > max) {
      this.fail(`${this.label} makes 1 to ${max} images per request: ${String(count)} is not possible.`);
    }
  }

  seed(max: number): void {
    const seed = this.request.seed;
    if (seed === undefined) return;
    if (!Number.isInteger(seed) || seed < 0 || seed > max) {
      this.fail(`The seed must be a whole number from 0 to ${max} for ${this.label}: ${String(seed)} is not.`);
    }
  }

  /** A field the provider cannot honour (it would change the picture, so it is refused rather than dropped). */
  unsupported(field: 'negativePrompt' | 'seed' | 'style', reason?: string): void {
    const value = this.request[field];
    if (value === undefined || value === '') return;
    const advice = {
      negativePrompt: 'takes no negative prompt',
      seed: 'takes no seed',
      style: 'takes no style',
    } as const;
    const fix = {
      negativePrompt: 'Leave the negative prompt empty.',
      seed: 'Leave the seed out.',
      style: 'Describe the style in the prompt instead.',
    } as const;
    this.fail(`${this.label} ${advice[field]}${reason === undefined ? '' : ` (${reason})`}. ${fix[field]}`);
  }

  /** Width and height given together, or neither. */
  size(): ImageSize | undefined {
    const { width, height } = this.request;
    if (width === undefined && height === undefined) return undefined;
    if (width === undefined || height === undefined) this.fail('Give both the width and the height of the image, or neither.');
    for (const side of [width, height]) {
      if (!Number.isInteger(side) || side <= 0) this.fail(`Image sides are positive whole numbers of pixels: ${String(side)} is not.`);
    }
    return { width, height };
  }

  /** The aspect ratio as numbers, if one was given. */
  aspectRatio(): ImageSize | undefined {
    const text = this.request.aspectRatio;
    if (text === undefined || text.trim() === '') return undefined;
    const ratio = parseAspectRatio(text);
    if (ratio === undefined) this.fail(`The aspect ratio must look like 16:9: “${text}” does not.`);
    return ratio;
  }

  /** A numeric option within [min, max]; returns it (or undefined when absent). */
  numberOption(names: readonly string[], min: number, max: number, integer: boolean): number | undefined {
    for (const name of names) {
      const value = this.request.options?.[name];
      if (value === undefined || value === null) continue;
      if (typeof value !== 'number' || !Number.isFinite(value) || value < min || value > max || (integer && !Number.isInteger(value))) {
        this.fail(
          `The option “${name}” must be a ${integer ? 'whole number' : 'number'} from ${min} to ${max} for ${this.label}: ${JSON.stringify(value)} is not.`,
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
      this.fail(`The option “${name}” for ${this.label} must be one of ${choices.join(', ')}: ${JSON.stringify(value)} is not.`);
    }
    return value as T;
  }
}
