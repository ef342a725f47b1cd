// An image pasted or dropped into the chat, made ready to send: checked, decoded by the browser, scaled so that its
// long edge is at most visionImageLimits.longEdge, and encoded to fit visionImageLimits.maxBytes (issue 16). The
// browser's own decoder and canvas do the work, so no native module ships. The image is always drawn and encoded
// again, even when it is small already: that applies a JPEG's EXIF rotation and leaves its metadata (a camera's GPS
// position among it) behind.
import { visionImageLimits } from '../../shared/visionImageLimits';
import { headerBytes, readImageHeader } from './imageHeader';

export type ImageRefusal =
  | { reason: 'svg' | 'gif' | 'unreadable' }
  | { reason: 'tooLarge'; bytes: number }
  | { reason: 'tooManyPixels'; width: number; height: number }
  | { reason: 'stillTooLarge' };

export interface DownscaledImage {
  mimeType: 'image/png' | 'image/jpeg';
  blob: Blob;
  width: number;
  height: number;
}

export type DownscaleResult = { ok: true; image: DownscaledImage } | { ok: false; refusal: ImageRefusal };

/** JPEG qualities tried in turn until the image fits. */
const jpegQualities = [0.85, 0.75, 0.6, 0.45];

export async function downscaleImage(file: Blob, limits = visionImageLimits): Promise<DownscaleResult> {
  const refuse = (refusal: ImageRefusal): DownscaleResult => ({ ok: false, refusal });
  if (file.size > limits.maxSourceBytes) return refuse({ reason: 'tooLarge', bytes: file.size });
  const header = readImageHeader(new Uint8Array(await file.slice(0, headerBytes).arrayBuffer()));
  if (header.format === 'svg' || (header.format === 'other' && file.type === 'image/svg+xml')) return refuse({ reason: 'svg' });
  if (header.format === 'gif') return refuse({ reason: 'gif' });
  const tooManyPixels = (width: number, height: number): boolean => width * height > limits.maxSourcePixels;
  if (header.width !== undefined && header.height !== undefined && tooManyPixels(header.width, header.height))
    return refuse({ reason: 'tooManyPixels', width: header.width, height: header.height });

  let bitmap: ImageBitmap;
  try {
    // Browsers apply a JPEG's EXIF rotation here by default (imageOrientation "from-image"); the option itself is left
    // out, as a browser that does not know the value would throw.
    bitmap = await createImageBitmap(file);
  } catch {
    return refuse({ reason: 'unreadable' });
  }
  try {
    const { width, height } = bitmap;
    // A format whose header is not read here (BMP, AVIF…) is held to the same limit once decoded.
    if (tooManyPixels(width, height)) return refuse({ reason: 'tooManyPixels', width, height });
    const scale = Math.min(1, limits.longEdge / Math.max(width, height));
    const canvas = new OffscreenCanvas(Math.max(1, Math.round(width * scale)), Math.max(1, Math.round(height * scale)));
    const context = canvas.getContext('2d');
    if (!context || width === 0 || height === 0) return refuse({ reason: 'unreadable' });
    context.imageSmoothingEnabled = true;
    context.imageSmoothingQuality = 'high';
    context.drawImage(bitmap, 0, 0, canvas.width, canvas.height);
    const done = (mimeType: DownscaledImage['mimeType'], blob: Blob): DownscaleResult => ({
      ok: true,
      image: { mimeType, blob, width: canvas.width, height: canvas.height },
    });

    // A PNG stays lossless (a screenshot's text stays sharp) when it fits; anything else, or a PNG too large, is JPEG.
    if (header.format === 'png') {
      const png = await canvas.convertToBlob({ type: 'image/png' });
      if (png.size <= limits.maxBytes) return done('image/png', png);
    }
    // JPEG has no transparency: what was transparent becomes white, as on a page, rather than black.
    context.globalCompositeOperation = 'destination-over';
    context.fillStyle = '#fff';
    context.fillRect(0, 0, canvas.width, canvas.height);
    for (const quality of jpegQualities) {
      const jpeg = await canvas.convertToBlob({ type: 'image/jpeg', quality });
      if (jpeg.size <= limits.maxBytes) return done('image/jpeg', jpeg);
    }
    return refuse({ reason: 'stillTooLarge' });
  } finally {
    bitmap.close();
  }
}

/** A file the extension sent as base64 (`downscaleImage`), as a File to attach like a pasted one. */
export function base64ToFile(data: string, name: string, type: string): File {
  const text = atob(data);
  const bytes = new Uint8Array(text.length);
  for (let i = 0; i < text.length; i++) bytes[i] = text.charCodeAt(i);
  return new File([bytes], name, { type });
}

/** The bytes of `blob` as base64 (the browser encodes it: FileReader's data URL). */
export function blobToBase64(blob: Blob): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(String(reader.result).slice(String(reader.result).indexOf(',') + 1));
    reader.onerror = () => reject(reader.error ?? new Error('FileReader failed'));
    reader.readAsDataURL(blob);
  });
}
