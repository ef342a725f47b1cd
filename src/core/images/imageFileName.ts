// File names for generated images (docs/images.md): `2026-11-21-a-lighthouse-at-dusk-42.png` — the date, a slug of the
// prompt, and the seed (or the image's index). Whatever the prompt holds, the name is lower-case ASCII letters,
// digits and dashes plus the extension: no path separators, no dots that could climb out of the folder, nothing
// Windows refuses (reserved device names, trailing dots or spaces — the date comes first, so neither can occur).
import { transliterate } from './transliterate';

export type ImageFileExtension = 'png' | 'jpg' | 'jpeg' | 'webp';

export interface ImageFileNameInput {
  date: Date;
  prompt: string;
  /** Used as the suffix when there is one. */
  seed?: number | string;
  /** The suffix when there is no seed (1-based), for several images of one request. */
  index?: number;
  extension: ImageFileExtension;
}

/** The longest slug of the prompt, in characters. */
export const maxSlugLength = 50;

export function imageFileName(input: ImageFileNameInput): string {
  const extension = input.extension.toLowerCase();
  if (!/^(png|jpe?g|webp)$/.test(extension)) throw new Error(`Not an image file extension: ${JSON.stringify(input.extension)}`);
  const suffix = seedSuffix(input.seed) ?? indexSuffix(input.index);
  return `${formatDate(input.date)}-${slugify(input.prompt)}${suffix === undefined ? '' : `-${suffix}`}.${extension}`;
}

/** A slug of any text: ASCII letters and digits joined by single dashes, at most `max` characters, never empty. */
export function slugify(text: string, max = maxSlugLength): string {
  const ascii = transliterate(text)
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
  let slug = ascii;
  if (slug.length > max) {
    slug = slug.slice(0, max);
    // End on a whole word when that keeps most of it.
    const lastDash = slug.lastIndexOf('-');
    if (ascii[max] !== '-' && lastDash >= max / 2) slug = slug.slice(0, lastDash);
    slug = slug.replace(/-+$/, '');
  }
  return slug === '' ? 'image' : slug;
}

function seedSuffix(seed: number | string | undefined): string | undefined {
  if (seed === undefined) return undefined;
  const text = String(seed)
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '')
    .slice(0, 20);
  return text === '' ? undefined : text;
}

function indexSuffix(index: number | undefined): string | undefined {
  return index !== undefined && Number.isInteger(index) && index >= 0 ? String(index) : undefined;
}

/** `YYYY-MM-DD` in local time (the day the person generated it). */
function formatDate(date: Date): string {
  const valid = Number.isNaN(date.getTime()) ? new Date() : date;
  const pad = (n: number): string => String(n).padStart(2, '0');
  return `${String(valid.getFullYear()).padStart(4, '0')}-${pad(valid.getMonth() + 1)}-${pad(valid.getDate())}`;
}
