// Whether a size or an aspect ratio is square, landscape or portrait: the word a size picker shows beside
// `1536x1024` or `16:9`, so nobody has to work out which number is the width. The word itself is localized
// where it is shown (src/vscode); core returns only the shape.
import type { ImageSize } from './aspectRatio';

export type ImageShape = 'square' | 'landscape' | 'portrait';

export function imageShapeOf(size: ImageSize): ImageShape {
  if (size.width === size.height) return 'square';
  return size.width > size.height ? 'landscape' : 'portrait';
}
