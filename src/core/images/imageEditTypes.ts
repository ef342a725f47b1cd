// Taking a generated asset further (issue 16, docs/images.md): editing an image with a prompt, a mask or a strength,
// and animating it into a short video. The same shape as generation (imageTypes.ts): `validateEdit` checks the
// source image against the provider's input limits before anything is sent and names the limit it broke; results
// are ImageResults (edits) or a VideoResult (animation), saved by the same rules as generated images.
import type { ProviderError } from '../errors/providerError';
import type { ImageOutputFormat, ImageProgressListener, ImageResult } from './imageTypes';

/**
 * What can be done to an image:
 * - `image-to-image`: a new image from the source and a prompt, `strength` saying how far from the source (Stability
 *   v2beta sd3 / ultra).
 * - `edit`: change the image as the prompt says, inside the transparent area of `mask` when given (OpenAI
 *   `gpt-image-1` edits; Stability inpaint, which needs a prompt and takes a mask).
 * - `search-and-replace`: replace what `searchPrompt` names with what `prompt` says (Stability edit endpoint).
 * - `remove-background`: the subject on a transparent background (Stability edit endpoint; no prompt).
 * - `variation`: the same prompt and model again with a new seed, from the source's sidecar (no provider endpoint:
 *   the extension runs a generation).
 */
export type ImageEditOperation = 'image-to-image' | 'edit' | 'search-and-replace' | 'remove-background' | 'variation';

export const imageEditOperations: readonly ImageEditOperation[] = [
  'image-to-image',
  'edit',
  'search-and-replace',
  'remove-background',
  'variation',
];

/** An image given to a provider: its checked bytes and what they are. */
export interface SourceImage {
  bytes: Uint8Array;
  /** Checked by magic number (PNG, JPEG or WebP); GIF and SVG are refused before this point. */
  mimeType: 'image/png' | 'image/jpeg' | 'image/webp';
  width: number;
  height: number;
  /** Whether it can be transparent (PNG color type 4/6 or tRNS, WebP alpha): an OpenAI mask must. */
  hasAlpha?: boolean;
  /** The file name, for multipart uploads and messages. */
  name: string;
}

export interface ImageEditRequest {
  operation: Exclude<ImageEditOperation, 'variation'>;
  /** The provider's own model id: `sd3`, `sd3.5-large`, `ultra`, `core` (Stability), `gpt-image-1` (OpenAI). */
  model: string;
  image: SourceImage;
  prompt?: string;
  negativePrompt?: string;
  /** `image-to-image`: 0 keeps the source, 1 ignores it. */
  strength?: number;
  /** `edit`: where to change (OpenAI: transparent pixels; Stability inpaint: white pixels). Same size as `image`. */
  mask?: SourceImage;
  /** `search-and-replace`: what to find in the image. */
  searchPrompt?: string;
  seed?: number;
  /** How many results (OpenAI `n`; Stability makes one per request and is asked several times). */
  count?: number;
  outputFormat?: ImageOutputFormat;
  signal?: AbortSignal;
}

/** The limits a provider puts on an input image, named in the error when one is broken. */
export interface ImageInputLimits {
  mimeTypes: readonly SourceImage['mimeType'][];
  maxBytes: number;
  /** Smallest and largest side, and the largest pixel count, where the provider documents them. */
  minSide?: number;
  maxSide?: number;
  maxPixels?: number;
  minPixels?: number;
  /** The only sizes taken, when the provider has such a list (Stability image-to-video). */
  exactSizes?: readonly { width: number; height: number }[];
}

export interface ImageEditor {
  readonly id: string;
  /** The operations this provider offers for `model` (without `variation`, which every image provider can do). */
  editOperations(model: string): ImageEditRequest['operation'][];
  /** The models that can edit (for the model picker of Edit Image). */
  editModels(): string[];
  /** The input limits of `operation`. */
  inputLimits(operation: ImageEditRequest['operation']): ImageInputLimits;
  /** Throws a `bad-request` ProviderError naming the broken limit (size, dimensions, format, mask size); no request. */
  validateEdit(request: ImageEditRequest): void;
  /** Validates, then edits. A request that may have been charged is never sent again (docs/providers.md). */
  edit(request: ImageEditRequest, onProgress?: ImageProgressListener): Promise<ImageResult>;
}

export interface VideoRequest {
  image: SourceImage;
  seed?: number;
  /** How strongly the video sticks to the image (Stability `cfg_scale`, 0–10). */
  cfgScale?: number;
  /** How much motion (Stability `motion_bucket_id`, 1–255). */
  motion?: number;
  signal?: AbortSignal;
}

export interface VideoResult {
  provider: string;
  model: string;
  /** Checked to be an MP4 (an `ftyp` box). */
  bytes: Uint8Array;
  mimeType: 'video/mp4';
  seed?: number | string;
}

export interface ImageAnimator {
  readonly id: string;
  inputLimits(): ImageInputLimits;
  /** Throws a `bad-request` ProviderError naming the broken limit (Stability: 1024×576, 576×1024 or 768×768). */
  validateAnimation(request: VideoRequest): void;
  /**
   * Starts the job, polls its result with backoff within the generation time limit, and returns the MP4. An endpoint
   * the service says no longer exists (404 / 410) is a `not-found` ProviderError that says exactly that.
   */
  animate(request: VideoRequest, onProgress?: ImageProgressListener): Promise<VideoResult>;
}

/** Re-exported for the helpers' signatures. */
export type { ProviderError };
