// Saves generated images (docs/images.md): each one only after its bytes are checked to be a PNG, JPEG or WebP, under a
// name from the date, the prompt and the seed, never over an existing file (`-2`, `-3`… are tried, each claimed
// with an exclusive create so two windows saving at once cannot overwrite each other), with a sidecar
// `<same name>.json` holding what made it. Content-filtered images are not written: they come back as skipped,
// with the reason, so the caller can say so. Nothing about keys is ever written.
// Edits and videos (issue 16) are saved by the same rules; their sidecars also name the source file and the
// operation, so a chain of edits can be followed back (`readImageSidecar` reads one for a variation).
import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import { englishErrorText, errorText, type ErrorParams, type ErrorText } from '../errors/errorText';
import type { ErrorMessageId } from '../errors/errorTemplates';
import type { Cost } from '../pricing/modelPrices';
import { detectImageMimeType } from './detectImageMimeType';
import type { ImageEditOperation } from './imageEditTypes';
import { imageExtension } from './imageExtension';
import { imageFileName } from './imageFileName';
import type { GeneratedImage, ImageMimeType } from './imageTypes';
import { describeLeadingBytes } from './requireImageBytes';
import { isInside, resolveImageFolder } from './resolveImageFolder';

/** What made the images; goes into each sidecar. */
export interface ImageMetadata {
  prompt: string;
  negativePrompt?: string;
  /** The provider entry id, e.g. `stability`. */
  provider: string;
  model: string;
  width?: number;
  height?: number;
  aspectRatio?: string;
  style?: string;
  /** How many images were asked for. */
  count?: number;
  /** When they were generated (also the date in the file name). */
  date: Date;
  /** Provider options (quality, steps…). Only plain values are kept, and none whose name suggests a secret. */
  options?: Readonly<Record<string, unknown>>;
  /** The image this one was made from (an edit, a variation, a video), relative to its workspace folder. */
  source?: string;
  /** What was done to `source`. */
  operation?: ImageEditOperation | 'animate';
  /** `image-to-image`: how far from the source (0–1). */
  strength?: number;
  /** `search-and-replace`: what was looked for. */
  searchPrompt?: string;
  /** `edit`: the mask, relative to its workspace folder. */
  mask?: string;
  /**
   * What the request cost in all (docs/spend.md "Cost"); each sidecar holds its image's share (the request's cost
   * divided by the images it made), or `{ "unknown": true }` when the price is not known.
   */
  cost?: Cost;
}

export interface WriteImageFilesOptions {
  /**
   * The workspace folder the images belong in: the folder is checked (again, symlinks included) to be inside it
   * before anything is created, and once more after the folder exists.
   */
  workspaceRoot: string;
  /** Write the `.json` sidecar next to each image. Default true. */
  sidecar?: boolean;
}

export interface WrittenImage {
  /** The image's position in the result (0-based). */
  index: number;
  path: string;
  fileName: string;
  sidecarPath?: string;
  mimeType: ImageMimeType;
  seed?: number | string;
}

export interface SkippedImage {
  index: number;
  reason: 'content-filtered' | 'not-an-image';
  /** One sentence for the person, in English (logs, tests); the UI shows `messageId` and `params` in its language. */
  message: string;
  messageId: ErrorMessageId;
  params: ErrorParams;
}

function skippedImage(index: number, reason: SkippedImage['reason'], text: ErrorText): SkippedImage {
  return { index, reason, message: englishErrorText(text), messageId: text.id, params: text.params };
}

export interface WriteImageFilesResult {
  written: WrittenImage[];
  skipped: SkippedImage[];
}

const maxNameAttempts = 1000;
const secretLike = /key|secret|token|auth|password|credential|signal/i;

export async function writeImageFiles(
  folder: string,
  images: readonly GeneratedImage[],
  metadata: ImageMetadata,
  options: WriteImageFilesOptions,
): Promise<WriteImageFilesResult> {
  await requireInside(options.workspaceRoot, folder);
  const result: WriteImageFilesResult = { written: [], skipped: [] };
  const toWrite: Array<{ index: number; image: GeneratedImage; mimeType: ImageMimeType }> = [];
  images.forEach((image, index) => {
    if (image.contentFiltered) {
      result.skipped.push(
        skippedImage(index, 'content-filtered', errorText('image.skipped.filtered', { number: index + 1, provider: metadata.provider })),
      );
      return;
    }
    const mimeType = detectImageMimeType(image.bytes);
    if (mimeType === undefined) {
      result.skipped.push(
        skippedImage(
          index,
          'not-an-image',
          errorText('image.skipped.notImage', {
            number: index + 1,
            count: image.bytes.length,
            leading: describeLeadingBytes(image.bytes),
          }),
        ),
      );
      return;
    }
    toWrite.push({ index, image, mimeType });
  });
  if (toWrite.length === 0) return result;

  await fs.mkdir(folder, { recursive: true });
  await requireInside(options.workspaceRoot, folder);

  const sidecar = options.sidecar ?? true;
  for (const { index, image, mimeType } of toWrite) {
    const extension = imageExtension(mimeType);
    const name = imageFileName({
      date: metadata.date,
      prompt: nameText(metadata),
      ...(image.seed !== undefined ? { seed: image.seed } : {}),
      ...(images.length > 1 ? { index: index + 1 } : {}),
      extension,
    });
    const base = name.slice(0, -(extension.length + 1));
    const written = await writeUnique(folder, base, extension, image.bytes, sidecar, (fileName) =>
      sidecarJson(metadata, image.seed, index, images.length, fileName, mimeType),
    );
    result.written.push({
      index,
      path: written.path,
      fileName: path.basename(written.path),
      ...(written.sidecarPath !== undefined ? { sidecarPath: written.sidecarPath } : {}),
      mimeType,
      ...(image.seed !== undefined ? { seed: image.seed } : {}),
    });
  }
  return result;
}

/** Claims `base.ext` (or `base-2.ext`, …) and its sidecar with exclusive creates, then writes both (also for videos). */
export async function writeUnique(
  folder: string,
  base: string,
  extension: string,
  bytes: Uint8Array,
  sidecar: boolean,
  describe: (fileName: string) => string,
): Promise<{ path: string; sidecarPath?: string }> {
  for (let attempt = 1; attempt <= maxNameAttempts; attempt++) {
    const stem = attempt === 1 ? base : `${base}-${attempt}`;
    const imagePath = path.join(folder, `${stem}.${extension}`);
    const jsonPath = path.join(folder, `${stem}.json`);
    const imageHandle = await createExclusive(imagePath);
    if (imageHandle === undefined) continue;
    let jsonHandle: fs.FileHandle | undefined;
    try {
      if (sidecar) {
        jsonHandle = await createExclusive(jsonPath);
        if (jsonHandle === undefined) {
          // A sidecar of that name already exists (its image was deleted): give both names up.
          await imageHandle.close();
          await fs.rm(imagePath, { force: true });
          continue;
        }
      }
      await imageHandle.writeFile(bytes);
      await imageHandle.close();
      if (jsonHandle !== undefined) {
        await jsonHandle.writeFile(describe(path.basename(imagePath)), 'utf8');
        await jsonHandle.close();
      }
      return { path: imagePath, ...(sidecar ? { sidecarPath: jsonPath } : {}) };
    } catch (error) {
      await imageHandle.close().catch(() => undefined);
      await jsonHandle?.close().catch(() => undefined);
      await fs.rm(imagePath, { force: true }).catch(() => undefined);
      if (jsonHandle !== undefined) await fs.rm(jsonPath, { force: true }).catch(() => undefined);
      throw error;
    }
  }
  throw new Error(`Could not find a free file name for ${base}.${extension} in ${folder} after ${maxNameAttempts} tries.`);
}

/** Opens a new file for writing, or undefined when the name is taken. */
async function createExclusive(file: string): Promise<fs.FileHandle | undefined> {
  try {
    return await fs.open(file, 'wx');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') return undefined;
    throw error;
  }
}

/** One image's share of the request's cost; the request's own flags kept. */
function shareOf(cost: Cost | undefined, total: number): Cost | undefined {
  if (cost === undefined) return undefined;
  return { ...cost, ...(cost.usd !== undefined ? { usd: Math.round((cost.usd / Math.max(1, total)) * 1e6) / 1e6 } : {}) };
}

/** The sidecar of one written file, as JSON text (also for videos). */
export function sidecarJson(
  metadata: ImageMetadata,
  seed: number | string | undefined,
  index: number,
  total: number,
  fileName: string,
  mimeType: ImageMimeType | 'video/mp4',
): string {
  const record: Record<string, unknown> = {
    file: fileName,
    prompt: metadata.prompt,
    negativePrompt: metadata.negativePrompt,
    provider: metadata.provider,
    model: metadata.model,
    seed,
    source: metadata.source,
    operation: metadata.operation,
    strength: metadata.strength,
    searchPrompt: metadata.searchPrompt,
    mask: metadata.mask,
    width: metadata.width,
    height: metadata.height,
    aspectRatio: metadata.aspectRatio,
    style: metadata.style,
    count: metadata.count ?? total,
    index: total > 1 ? index + 1 : undefined,
    mimeType,
    date: Number.isNaN(metadata.date.getTime()) ? undefined : metadata.date.toISOString(),
    options: plainOptions(metadata.options),
    cost: shareOf(metadata.cost, total),
    generator: 'Switchboard',
  };
  const defined = Object.fromEntries(Object.entries(record).filter(([, value]) => value !== undefined && value !== ''));
  return `${JSON.stringify(defined, null, 2)}\n`;
}

/**
 * What a file is named after: the prompt, or for a result without one (remove-background, a video) the source's
 * name and the operation, e.g. `lighthouse remove-background` (a leading date of the source's name is dropped, the
 * new name has its own).
 */
export function nameText(metadata: ImageMetadata): string {
  if (metadata.prompt.trim() !== '' || metadata.source === undefined) return metadata.prompt;
  const stem = path.posix
    .basename(metadata.source.replace(/\\/g, '/'))
    .replace(/\.[^.]*$/, '')
    .replace(/^\d{4}-\d{2}-\d{2}-?/, '');
  return [stem, metadata.operation].filter((part) => part !== undefined && part !== '').join(' ');
}

/** Plain values only (strings, numbers, booleans), and nothing named like a secret. */
function plainOptions(options: Readonly<Record<string, unknown>> | undefined): Record<string, string | number | boolean> | undefined {
  if (options === undefined) return undefined;
  const out: Record<string, string | number | boolean> = {};
  for (const [name, value] of Object.entries(options)) {
    if (secretLike.test(name)) continue;
    if (typeof value === 'string' || typeof value === 'boolean' || (typeof value === 'number' && Number.isFinite(value))) out[name] = value;
  }
  return Object.keys(out).length === 0 ? undefined : out;
}

/** Refuses (an Error with the reason) a folder outside the workspace folder, symbolic links included. */
export async function requireInside(workspaceRoot: string, folder: string): Promise<void> {
  const relative = path.relative(workspaceRoot, folder);
  const check = isInside(path.resolve(workspaceRoot), path.resolve(folder))
    ? await resolveImageFolder(workspaceRoot, relative === '' ? '.' : relative)
    : ({ ok: false, reason: `${folder} is not inside the workspace folder ${workspaceRoot}.` } as const);
  if (!check.ok) throw new Error(check.reason);
}
