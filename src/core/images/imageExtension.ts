import { assertNever } from '../assertNever';
import type { ImageMimeType } from './imageTypes';

/** The usual file extension of an image type. */
export function imageExtension(mimeType: ImageMimeType): 'png' | 'jpg' | 'webp' {
  switch (mimeType) {
    case 'image/png':
      return 'png';
    case 'image/jpeg':
      return 'jpg';
    case 'image/webp':
      return 'webp';
    default:
      return assertNever(mimeType, 'image type');
  }
}
