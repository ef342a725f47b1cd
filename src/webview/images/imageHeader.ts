// What a file says it is, from its first bytes rather than its name or MIME type (a pasted picture has no name, and
// a renamed file lies): the format, and for PNG, JPEG and WebP the pixel size its header declares, so that a
// decompression bomb (a small file that decodes to billions of pixels) is refused before it is decoded.

export interface ImageHeader {
  format: 'png' | 'jpeg' | 'gif' | 'webp' | 'svg' | 'other';
  /** As the header declares it (before any EXIF rotation); absent when the format has none we read. */
  width?: number;
  height?: number;
}

/** How much of a file readImageHeader needs: a JPEG's size follows its metadata segments (EXIF, ICC, XMP). */
export const headerBytes = 512 * 1024;

export function readImageHeader(bytes: Uint8Array): ImageHeader {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const ascii = (start: number, length: number): string => String.fromCharCode(...bytes.subarray(start, start + length));
  if (bytes.length >= 24 && view.getUint32(0) === 0x89504e47 && ascii(12, 4) === 'IHDR')
    return { format: 'png', width: view.getUint32(16), height: view.getUint32(20) };
  if (ascii(0, 4) === 'GIF8') return { format: 'gif' };
  if (bytes[0] === 0xff && bytes[1] === 0xd8) return { format: 'jpeg', ...jpegSize(bytes, view) };
  if (ascii(0, 4) === 'RIFF' && ascii(8, 4) === 'WEBP') return { format: 'webp', ...webpSize(bytes, view, ascii(12, 4)) };
  // SVG is text: an XML declaration, a comment or a doctype may come before the <svg element (TextDecoder drops a BOM).
  const text = new TextDecoder().decode(bytes.subarray(0, 4096));
  if (/^\s*</.test(text) && /<svg[\s>]/i.test(text)) return { format: 'svg' };
  return { format: 'other' };
}

/** The size in a JPEG's start-of-frame segment, found by walking the segments (JPEG, ITU T.81, B.1.1). */
function jpegSize(bytes: Uint8Array, view: DataView): { width?: number; height?: number } {
  let at = 2;
  while (at + 9 < bytes.length) {
    if (bytes[at] !== 0xff) return {};
    const marker = bytes[at + 1]!;
    if (marker === 0xff) {
      at += 1; // fill byte
      continue;
    }
    // SOF0–SOF15, except DHT (C4), JPG (C8) and DAC (CC), which share the range.
    if (marker >= 0xc0 && marker <= 0xcf && marker !== 0xc4 && marker !== 0xc8 && marker !== 0xcc)
      return { height: view.getUint16(at + 5), width: view.getUint16(at + 7) };
    // Markers without a length: TEM and RST0–7 (SOI and EOI do not occur here).
    at += marker === 0x01 || (marker >= 0xd0 && marker <= 0xd7) ? 2 : 2 + view.getUint16(at + 2);
  }
  return {};
}

/** The canvas size of a WebP: extended (VP8X), lossy (VP8) or lossless (VP8L) (RFC 9649). */
function webpSize(bytes: Uint8Array, view: DataView, chunk: string): { width?: number; height?: number } {
  if (bytes.length < 30) return {};
  const u24 = (at: number): number => bytes[at]! | (bytes[at + 1]! << 8) | (bytes[at + 2]! << 16);
  if (chunk === 'VP8X') return { width: u24(24) + 1, height: u24(27) + 1 };
  if (chunk === 'VP8 ') return { width: view.getUint16(26, true) & 0x3fff, height: view.getUint16(28, true) & 0x3fff };
  if (chunk === 'VP8L') {
    const bits = view.getUint32(21, true);
    return { width: (bits & 0x3fff) + 1, height: ((bits >> 14) & 0x3fff) + 1 };
  }
  return {};
}
