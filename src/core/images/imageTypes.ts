// The one image interface every image provider speaks (docs/providers.md, docs/images.md): a request in, checked images out, progress
// on the side. `validate` runs before any request, so a size or a prompt the service would refuse costs nothing
// and says which limit it broke. Every failure is a ProviderError (never carrying a key).
import type { ProviderKind } from '../chat/chatTypes';
import type { ProviderError } from '../errors/providerError';

export type ImageMimeType = 'image/png' | 'image/jpeg' | 'image/webp';

export type ImageOutputFormat = 'png' | 'jpeg' | 'webp';

export interface ImageRequest {
  /** The provider's own model id: `core`, `ultra`, `sd3`, `sd3.5-large`, `v1/<engine>`, `kandinsky`, `gpt-image-1`, `sdxl`… */
  model: string;
  prompt: string;
  negativePrompt?: string;
  /** Exact pixel size, for providers that take one (Kandinsky, Stability v1, OpenAI as a `size`). */
  width?: number;
  height?: number;
  /** `16:9`, `1:1`…, for providers that take a ratio (Stability v2beta, Sydney); mapped to a size elsewhere. */
  aspectRatio?: string;
  /** Stability `style_preset`, Kandinsky style `name`. */
  style?: string;
  seed?: number;
  /** How many images (default 1). Providers that make one per request are asked several times. */
  count?: number;
  outputFormat?: ImageOutputFormat;
  /**
   * Provider-specific extras: Stability v1 `cfg_scale` / `steps`, OpenAI `quality` / `background` /
   * `moderation`, Stability sd3 `cfg_scale`. Unknown names are ignored.
   */
  options?: Readonly<Record<string, unknown>>;
  /** Aborting it stops waits, polling and any request in flight; the promise rejects with kind `cancelled`. */
  signal?: AbortSignal;
}

export interface GeneratedImage {
  /** Checked to be a PNG, JPEG or WebP (by its magic number, not by what the server said). */
  bytes: Uint8Array;
  mimeType: ImageMimeType;
  seed?: number | string;
  /**
   * The provider blurred or replaced the image because of its content policy (Stability `CONTENT_FILTERED`,
   * Kandinsky `censored`). Show it as such; never save it silently.
   */
  contentFiltered: boolean;
}

export interface ImageUsage {
  inputTokens?: number;
  outputTokens?: number;
  /** Of the input, the tokens of images sent (an edit's source), priced apart from text. */
  inputImageTokens?: number;
}

export interface ImageResult {
  provider: string;
  model: string;
  images: GeneratedImage[];
  /** OpenAI reports tokens for image generation. */
  usage?: ImageUsage;
}

export type ImageProgressType = 'queued' | 'processing' | 'downloading' | 'waiting-rate-limit' | 'retry';

export interface ImageProgress {
  type: ImageProgressType;
  /**
   * One English line for the log, e.g. "Kandinsky is drawing". The notification words the state itself (from `type`),
   * in the UI's language.
   */
  detail?: string;
  /** How long the wait is (rate limit, retry backoff). */
  waitMs?: number;
  /** Which image of the request this is about (1-based) when several are made one after another. */
  imageIndex?: number;
  imageCount?: number;
  /** For `retry`: the retry number (1 for the first). */
  attempt?: number;
  /** For `retry`: what failed. */
  error?: ProviderError;
}

export type ImageProgressListener = (event: ImageProgress) => void;

export interface ImageModelInfo {
  /** What goes into ImageRequest.model. */
  id: string;
  name?: string;
}

export interface ImageStyle {
  /** What goes into ImageRequest.style. */
  name: string;
  /** English title. */
  title?: string;
  /** Russian title, when the provider has one (Fusion Brain). */
  titleRu?: string;
  /** A preview image URL, when the provider has one. */
  image?: string;
}

/** The result of a key check that costs nothing; `works` may say how many credits are left (Stability). */
export type ImageKeyCheck =
  | { result: 'works'; credits?: number; models?: number }
  | { result: 'rejected'; error: ProviderError }
  | { result: 'unreachable'; error: ProviderError }
  | { result: 'unverified' };

/** The protocols that make images. */
export type ImageProviderKind = Extract<ProviderKind, 'stability' | 'fusionbrain' | 'openai' | 'sydney'>;

export interface ImageProvider {
  /** The provider entry id, e.g. `stability`. */
  readonly id: string;
  readonly kind: ImageProviderKind;
  /** Throws a ProviderError of kind `bad-request` naming the broken limit; makes no request. */
  validate(request: ImageRequest): void;
  /** Validates, then generates. Rejects with a ProviderError (`cancelled` when the signal aborted). */
  generate(request: ImageRequest, onProgress?: ImageProgressListener): Promise<ImageResult>;
  /** The image models, listed live where the provider has a list (Stability v1 engines, Fusion Brain pipelines). */
  listImageModels(signal?: AbortSignal): Promise<ImageModelInfo[]>;
  /** The styles the provider takes (empty when it has none). */
  listStyles(signal?: AbortSignal): Promise<ImageStyle[]>;
  /** Checks the key with a request that costs nothing (or says it cannot). Never throws. */
  checkKey(signal?: AbortSignal): Promise<ImageKeyCheck>;
}
