// What Stability AI accepts, as of late 2026: the v2beta Stable Image endpoints and their options, the v1 SDXL
// sizes and the style presets shared by both. Used to validate a request before it costs credits.
import type { ImageSize } from './aspectRatio';
import type { ImageStyle } from './imageTypes';

/** v2beta `aspect_ratio` values. */
export const stabilityAspectRatios = ['16:9', '1:1', '21:9', '2:3', '3:2', '4:5', '5:4', '9:16', '9:21'] as const;

/** The `model` values of `/v2beta/stable-image/generate/sd3`. */
export const stabilitySd3Models = ['sd3.5-large', 'sd3.5-large-turbo', 'sd3.5-medium', 'sd3.5-flash'] as const;

/** The only sizes SDXL 1.0 (v1 `stable-diffusion-xl-1024-*`) accepts. */
export const sdxlSizes: readonly ImageSize[] = [
  { width: 1024, height: 1024 },
  { width: 1152, height: 896 },
  { width: 896, height: 1152 },
  { width: 1216, height: 832 },
  { width: 832, height: 1216 },
  { width: 1344, height: 768 },
  { width: 768, height: 1344 },
  { width: 1536, height: 640 },
  { width: 640, height: 1536 },
];

/** `style_preset` values (v1 and v2beta). */
export const stabilityStylePresets: readonly ImageStyle[] = [
  { name: '3d-model', title: '3D model' },
  { name: 'analog-film', title: 'Analog film' },
  { name: 'anime', title: 'Anime' },
  { name: 'cinematic', title: 'Cinematic' },
  { name: 'comic-book', title: 'Comic book' },
  { name: 'digital-art', title: 'Digital art' },
  { name: 'enhance', title: 'Enhance' },
  { name: 'fantasy-art', title: 'Fantasy art' },
  { name: 'isometric', title: 'Isometric' },
  { name: 'line-art', title: 'Line art' },
  { name: 'low-poly', title: 'Low poly' },
  { name: 'modeling-compound', title: 'Modeling compound' },
  { name: 'neon-punk', title: 'Neon punk' },
  { name: 'origami', title: 'Origami' },
  { name: 'photographic', title: 'Photographic' },
  { name: 'pixel-art', title: 'Pixel art' },
  { name: 'tile-texture', title: 'Tile texture' },
];
