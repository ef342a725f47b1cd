// The sizes a person can pick for a model, in the form its provider takes: aspect ratios for Stability's current
// API and the Sydney gateway, pixel sizes for Kandinsky (multiples of 64 up to 1024), SDXL (its fixed sizes) and
// OpenAI's gpt-image family. The first choice is the default. Each says its shape (square, landscape, portrait),
// which the picker words in the user's language beside the numbers.
import type { ProviderKind } from '../chat/chatTypes';
import { formatSize, parseAspectRatio } from './aspectRatio';
import { imageShapeOf, type ImageShape } from './imageShape';
import { kandinskyModel } from './fusionBrainImageProvider';
import { gptImageSizes } from './openAiImageProvider';
import { sdxlSizes, stabilityAspectRatios } from './stabilityCatalog';
import { sydneyAspectRatios } from './sydneyImageProvider';

export interface ImageSizeChoice {
  /** e.g. `16:9` or `1024x576`. */
  label: string;
  /** Square, landscape or portrait; absent only for a size nobody can tell (an unparsable ratio). */
  shape?: ImageShape;
  width?: number;
  height?: number;
  aspectRatio?: string;
}

const kandinskySizes = [
  [1024, 1024],
  [1024, 576],
  [576, 1024],
  [1024, 768],
  [768, 1024],
  [1024, 640],
  [640, 1024],
] as const;

function ratios(list: readonly string[]): ImageSizeChoice[] {
  // 1:1 first: the safe default everywhere.
  return [...list]
    .sort((a, b) => (a === '1:1' ? -1 : b === '1:1' ? 1 : 0))
    .map((aspectRatio) => {
      const ratio = parseAspectRatio(aspectRatio);
      return { label: aspectRatio, ...(ratio ? { shape: imageShapeOf(ratio) } : {}), aspectRatio };
    });
}

function pixels(list: readonly (readonly [number, number])[]): ImageSizeChoice[] {
  return list.map(([width, height]) => ({ label: formatSize({ width, height }), shape: imageShapeOf({ width, height }), width, height }));
}

export function imageSizeChoices(kind: ProviderKind, model: string): ImageSizeChoice[] {
  switch (kind) {
    case 'stability':
      if (model.startsWith('v1/')) return pixels(sdxlSizes.map((size) => [size.width, size.height] as const));
      return ratios(stabilityAspectRatios);
    case 'fusionbrain':
      return pixels(kandinskySizes);
    case 'sydney':
      return ratios(sydneyAspectRatios);
    case 'openai':
      return pixels(
        gptImageSizes
          .filter((size) => size !== 'auto')
          .map((size) => {
            const [width = 1024, height = 1024] = size.split('x').map(Number);
            return [width, height] as const;
          }),
      );
    default:
      return model === kandinskyModel ? pixels(kandinskySizes) : [];
  }
}
