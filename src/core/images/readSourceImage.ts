// Reads an image given as the source of an edit, a mask, or the first frame of a video: its type by magic number and
// its width and height from its header, in plain TypeScript (no native image library in the bundle). PNG: the IHDR
// chunk (PNG specification, 11.2.2); JPEG: the first SOFn segment (ITU T.81, B.2.2); WebP: the VP8, VP8L or VP8X
// header (RFC 9649). Anything else is refused before a request is made, saying what it is: a GIF (animated or not),
// an SVG (a vector image cannot be sent), another raster format, or a file that is damaged or cut off.
import { errorText, type ErrorText } from '../errors/errorText';
import { ProviderError } from '../errors/providerError';
import type { SourceImage } from './imageEditTypes';
import { describeLeadingBytes } from './requireImageBytes';

interface Header {
  width: number;
  height: number;
  hasAlpha: boolean;
}

/** Refusals are `bad-request` ProviderErrors of this provider (the image was refused before any provider was asked). */
const refuser = 'switchboard';

export function readSourceImage(bytes: Uint8Array, name: string): SourceImage {
  if (bytes.length === 0) refuse(errorText('sourceImage.empty', { name }));
  const mimeType = magicType(bytes);
  if (mimeType === undefined) refuse(describeOther(bytes, name));
  const header = mimeType === 'image/png' ? pngHeader(bytes) : mimeType === 'image/jpeg' ? jpegHeader(bytes) : webpHeader(bytes);
  if (header === undefined || header.width <= 0 || header.height <= 0) {
    refuse(errorText('sourceImage.corrupt', { name, format: formatName(mimeType) }));
  }
  return { bytes, mimeType, width: header.width, height: header.height, hasAlpha: header.hasAlpha, name };
}

function refuse(text: ErrorText): never {
  throw new ProviderError({ kind: 'bad-request', provider: refuser, text });
}

function magicType(bytes: Uint8Array): SourceImage['mimeType'] | undefined {
  if (startsWith(bytes, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return 'image/png';
  if (startsWith(bytes, [0xff, 0xd8, 0xff])) return 'image/jpeg';
  if (bytes.length >= 12 && ascii(bytes, 0, 4) === 'RIFF' && ascii(bytes, 8, 12) === 'WEBP') return 'image/webp';
  return undefined;
}

export function formatName(mimeType: SourceImage['mimeType']): string {
  return mimeType === 'image/png' ? 'PNG' : mimeType === 'image/jpeg' ? 'JPEG' : 'WebP';
}

/** What a file that is not PNG, JPEG or WebP is, as far as its first bytes say. */
function describeOther(bytes: Uint8Array, name: string): ErrorText {
  const head = ascii(bytes, 0, 6);
  if (head === 'GIF87a' || head === 'GIF89a') return errorText('sourceImage.gif', { name });
  if (looksLikeSvg(bytes)) return errorText('sourceImage.svg', { name });
  const format = otherRasterFormat(bytes);
  if (format !== undefined) return errorText('sourceImage.otherFormat', { name, format });
  return errorText('sourceImage.unknown', { name, leading: describeLeadingBytes(bytes) });
}

function looksLikeSvg(bytes: Uint8Array): boolean {
  const text = new TextDecoder('utf-8', { fatal: false }).decode(bytes.subarray(0, 4096)).replace(/^\uFEFF/, '');
  return /^\s*(<\?xml[^>]*>\s*)?(<!--[\s\S]*?-->\s*|<!DOCTYPE[^>]*>\s*)*<svg[\s>]/i.test(text);
}

function otherRasterFormat(bytes: Uint8Array): string | undefined {
  if (ascii(bytes, 0, 2) === 'BM') return 'BMP';
  if (startsWith(bytes, [0x49, 0x49, 0x2a, 0x00]) || startsWith(bytes, [0x4d, 0x4d, 0x00, 0x2a])) return 'TIFF';
  if (startsWith(bytes, [0x00, 0x00, 0x01, 0x00])) return 'ICO';
  if (ascii(bytes, 4, 8) === 'ftyp') {
    const brand = ascii(bytes, 8, 12);
    if (/^avi[fs]$/.test(brand)) return 'AVIF';
    if (/^(heic|heix|hevc|hevx|mif1|msf1)$/.test(brand)) return 'HEIC';
  }
  return undefined;
}

/** PNG: the IHDR chunk comes first, at offset 8; alpha from its color type (4, 6) or a tRNS chunk before IDAT. */
function pngHeader(bytes: Uint8Array): Header | undefined {
  if (bytes.length < 33 || ascii(bytes, 12, 16) !== 'IHDR') return undefined;
  const width = uint32(bytes, 16);
  const height = uint32(bytes, 20);
  const colorType = bytes[25];
  let hasAlpha = colorType === 4 || colorType === 6;
  // Walk the chunks up to the image data (a bounded number of steps: each moves forward by at least 12 bytes).
  let offset = 8;
  while (!hasAlpha && offset + 8 <= bytes.length) {
    const length = uint32(bytes, offset);
    const type = ascii(bytes, offset + 4, offset + 8);
    if (type === 'tRNS') hasAlpha = true;
    if (type === 'IDAT' || type === 'IEND') break;
    offset += 12 + length;
  }
  return { width, height, hasAlpha };
}

/** JPEG: the segments after SOI up to the first start-of-frame marker (SOF0–SOF15 but DHT, JPG and DAC). */
function jpegHeader(bytes: Uint8Array): Header | undefined {
  let offset = 2;
  while (offset + 4 <= bytes.length) {
    if (bytes[offset] !== 0xff) return undefined;
    const marker = bytes[offset + 1] ?? 0;
    if (marker === 0xff) {
      offset++; // fill byte
      continue;
    }
    // Markers that stand alone: TEM, RST0–7 (and a stray SOI).
    if (marker === 0x01 || (marker >= 0xd0 && marker <= 0xd8)) {
      offset += 2;
      continue;
    }
    // The end of the image, or the scan, before any frame header: there is no size to read.
    if (marker === 0xd9 || marker === 0xda) return undefined;
    const length = uint16(bytes, offset + 2);
    if (length < 2) return undefined;
    if (marker >= 0xc0 && marker <= 0xcf && marker !== 0xc4 && marker !== 0xc8 && marker !== 0xcc) {
      if (offset + 9 > bytes.length) return undefined;
      const height = uint16(bytes, offset + 5);
      const width = uint16(bytes, offset + 7);
      return { width, height, hasAlpha: false };
    }
    offset += 2 + length;
  }
  return undefined;
}

/** WebP: the first chunk after `WEBP` is VP8 (lossy), VP8L (lossless) or VP8X (extended, with the canvas size). */
function webpHeader(bytes: Uint8Array): Header | undefined {
  const chunk = ascii(bytes, 12, 16);
  if (chunk === 'VP8 ') {
    // A key frame: 3 bytes of frame tag, the start code 9D 01 2A, then 14-bit width and height (2 bits of scale).
    if (bytes.length < 30 || bytes[23] !== 0x9d || bytes[24] !== 0x01 || bytes[25] !== 0x2a) return undefined;
    return { width: uint16le(bytes, 26) & 0x3fff, height: uint16le(bytes, 28) & 0x3fff, hasAlpha: false };
  }
  if (chunk === 'VP8L') {
    // The signature 0x2F, then 14 bits of width - 1, 14 bits of height - 1, 1 bit of alpha_is_used.
    if (bytes.length < 25 || bytes[20] !== 0x2f) return undefined;
    const bits = uint32le(bytes, 21);
    return { width: (bits & 0x3fff) + 1, height: ((bits >>> 14) & 0x3fff) + 1, hasAlpha: ((bits >>> 28) & 1) === 1 };
  }
  if (chunk === 'VP8X') {
    // Flags (the alpha bit is 0x10), 3 reserved bytes, then 24-bit canvas width - 1 and height - 1.
    if (bytes.length < 30) return undefined;
    const flags = bytes[20] ?? 0;
    return { width: uint24le(bytes, 24) + 1, height: uint24le(bytes, 27) + 1, hasAlpha: (flags & 0x10) !== 0 };
  }
  return undefined;
}

function startsWith(bytes: Uint8Array, magic: readonly number[]): boolean {
  return bytes.length >= magic.length && magic.every((b, i) => bytes[i] === b);
}

function ascii(bytes: Uint8Array, from: number, to: number): string {
  return String.fromCharCode(...bytes.subarray(from, Math.min(to, bytes.length)));
}

function uint16(bytes: Uint8Array, at: number): number {
  return ((bytes[at] ?? 0) << 8) | (bytes[at + 1] ?? 0);
}

function uint32(bytes: Uint8Array, at: number): number {
  return (((bytes[at] ?? 0) << 24) >>> 0) + (((bytes[at + 1] ?? 0) << 16) | ((bytes[at + 2] ?? 0) << 8) | (bytes[at + 3] ?? 0));
}

function uint16le(bytes: Uint8Array, at: number): number {
  return (bytes[at] ?? 0) | ((bytes[at + 1] ?? 0) << 8);
}

function uint24le(bytes: Uint8Array, at: number): number {
  return (bytes[at] ?? 0) | ((bytes[at + 1] ?? 0) << 8) | ((bytes[at + 2] ?? 0) << 16);
}

function uint32le(bytes: Uint8Array, at: number): number {
  return (uint24le(bytes, at) + (bytes[at + 3] ?? 0) * 0x1000000) >>> 0;
}
