// What Stability AI's v2beta endpoints accept as an input image, from its API reference
// (https://platform.stability.ai/docs/api-reference, the request schemas of "Generate" sd3 and ultra, "Edit" inpaint,
// search-and-replace and remove-background, and "Image-to-Video"), read on 2026-11-26 through the OpenAPI document
// the reference is built from. Every endpoint takes at most 10 MiB per request.
import type { ImageInputLimits } from './imageEditTypes';

const tenMiB = 10 * 1024 * 1024;
const anyImage = ['image/png', 'image/jpeg', 'image/webp'] as const;

/** sd3 image-to-image: every side at least 64 px. Ultra: sides 64–16,384 px, at least 4,096 px in all. Both kept. */
export const stabilityImageToImageLimits: ImageInputLimits = {
  mimeTypes: anyImage,
  maxBytes: tenMiB,
  minSide: 64,
  maxSide: 16_384,
  minPixels: 4_096,
};

/** Inpaint and search-and-replace: every side at least 64 px, 4,096 to 9,437,184 px in all. */
export const stabilityEditLimits: ImageInputLimits = {
  mimeTypes: anyImage,
  maxBytes: tenMiB,
  minSide: 64,
  minPixels: 4_096,
  maxPixels: 9_437_184,
};

/** Remove-background: every side at least 64 px, 4,096 to 4,194,304 px in all. */
export const stabilityRemoveBackgroundLimits: ImageInputLimits = {
  mimeTypes: anyImage,
  maxBytes: tenMiB,
  minSide: 64,
  minPixels: 4_096,
  maxPixels: 4_194_304,
};

/** Image-to-video: a JPEG or PNG of exactly one of these sizes. */
export const stabilityVideoSizes = [
  { width: 1024, height: 576 },
  { width: 576, height: 1024 },
  { width: 768, height: 768 },
] as const;

export const stabilityVideoLimits: ImageInputLimits = {
  mimeTypes: ['image/png', 'image/jpeg'],
  maxBytes: tenMiB,
  exactSizes: stabilityVideoSizes,
};
