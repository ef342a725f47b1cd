// Images of a chosen size to edit and animate, built by their formats' specifications: PNG (W3C PNG, a real
// decodable image: signature, IHDR, zlib IDAT of blank rows, IEND with CRCs), JPEG (ITU T.81: SOI, APP0 JFIF, a SOF0
// frame header with the size, EOI — enough for a header reader, not a decodable picture), WebP (RFC 9649: VP8, VP8L
// and VP8X headers), GIF and SVG files to be refused, an MP4 (ISO/IEC 14496-12: an `ftyp` box, then `mdat`), and a
// reader of multipart bodies that carry files (parsed by undici, so the encoding is checked too).
import { deflateSync } from 'node:zlib';
import { Response } from 'undici';

export interface PngOptions {
  /** RGBA (color type 6) when true, RGB (2) when false. Default false. */
  alpha?: boolean;
  /** Add a tRNS chunk (transparency without an alpha channel). */
  trns?: boolean;
}

export function pngOfSize(width: number, height: number, options: PngOptions = {}): Uint8Array {
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(height, 4);
  ihdr[8] = 8; // bit depth
  ihdr[9] = options.alpha === true ? 6 : 2;
  const rowBytes = 1 + width * (options.alpha === true ? 4 : 3);
  // Blank rows (filter byte 0 and zeros) compress to almost nothing.
  const raw = Buffer.alloc(rowBytes * height);
  const chunks = [pngChunk('IHDR', ihdr)];
  if (options.trns === true) chunks.push(pngChunk('tRNS', Buffer.from([0, 0, 0, 0, 0, 0])));
  chunks.push(pngChunk('IDAT', deflateSync(raw)), pngChunk('IEND', Buffer.alloc(0)));
  return new Uint8Array(Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), ...chunks]));
}

export function jpegOfSize(width: number, height: number, marker = 0xc0): Uint8Array {
  const app0 = [0xff, 0xe0, 0x00, 0x10, ...Buffer.from('JFIF\0'), 0x01, 0x01, 0x00, 0x00, 0x01, 0x00, 0x01, 0x00, 0x00];
  // DQT-like filler segment before the frame, so the reader has to skip segments by their lengths.
  const comment = [0xff, 0xfe, 0x00, 0x07, ...Buffer.from('fake!')];
  const sof = [0xff, marker, 0x00, 0x11, 0x08, height >> 8, height & 0xff, width >> 8, width & 0xff, 0x03];
  const components = [0x01, 0x22, 0x00, 0x02, 0x11, 0x01, 0x03, 0x11, 0x01];
  return new Uint8Array([0xff, 0xd8, ...app0, 0xff, 0xff, ...comment, ...sof, ...components, 0xff, 0xd9]);
}

export function webpLossyOfSize(width: number, height: number): Uint8Array {
  const frame = Buffer.alloc(10);
  frame[0] = 0x10; // key frame tag (3 bytes)
  frame[3] = 0x9d;
  frame[4] = 0x01;
  frame[5] = 0x2a;
  frame.writeUInt16LE(width & 0x3fff, 6);
  frame.writeUInt16LE(height & 0x3fff, 8);
  return riff('VP8 ', frame);
}

export function webpLosslessOfSize(width: number, height: number, alpha = false): Uint8Array {
  const data = Buffer.alloc(5);
  data[0] = 0x2f;
  const bits = ((width - 1) & 0x3fff) | (((height - 1) & 0x3fff) << 14) | ((alpha ? 1 : 0) << 28);
  data.writeUInt32LE(bits >>> 0, 1);
  return riff('VP8L', data);
}

export function webpExtendedOfSize(width: number, height: number, alpha = true): Uint8Array {
  const data = Buffer.alloc(10);
  data[0] = alpha ? 0x10 : 0;
  data.writeUIntLE(width - 1, 4, 3);
  data.writeUIntLE(height - 1, 7, 3);
  return riff('VP8X', data);
}

/** A two-frame animated GIF89a (NETSCAPE loop extension). */
// prettier-ignore
export const animatedGif: Uint8Array = new Uint8Array([
  ...Buffer.from('GIF89a'),
  0x01, 0x00, 0x01, 0x00, 0x80, 0x00, 0x00, 0x00, 0x00, 0x00, 0xff, 0xff, 0xff,
  0x21, 0xff, 0x0b, ...Buffer.from('NETSCAPE2.0'), 0x03, 0x01, 0x00, 0x00, 0x00,
  0x2c, 0x00, 0x00, 0x00, 0x00, 0x01, 0x00, 0x01, 0x00, 0x00, 0x02, 0x02, 0x44, 0x01, 0x00,
  0x2c, 0x00, 0x00, 0x00, 0x00, 0x01, 0x00, 0x01, 0x00, 0x00, 0x02, 0x02, 0x4c, 0x01, 0x00,
  0x3b,
]);

export const svgImage: Uint8Array = new Uint8Array(
  Buffer.from(
    '\uFEFF<?xml version="1.0" encoding="UTF-8"?>\n<!-- a logo -->\n<svg xmlns="http://www.w3.org/2000/svg" width="64" height="64"><circle cx="32" cy="32" r="30"/></svg>\n',
  ),
);

/** A short MP4: `ftyp` (isom) and an `mdat` box of filler bytes. */
export function mp4Bytes(mdatBytes = 64): Uint8Array {
  const ftyp = Buffer.alloc(24);
  ftyp.writeUInt32BE(24, 0);
  ftyp.write('ftypisom', 4, 'latin1');
  ftyp.writeUInt32BE(0x200, 12);
  ftyp.write('isommp41', 16, 'latin1');
  const mdat = Buffer.alloc(8 + mdatBytes, 0x2a);
  mdat.writeUInt32BE(8 + mdatBytes, 0);
  mdat.write('mdat', 4, 'latin1');
  return new Uint8Array(Buffer.concat([ftyp, mdat]));
}

export interface FormField {
  value: string;
  /** For a file part: its bytes, content type and file name. */
  bytes?: Uint8Array;
  type?: string;
  fileName?: string;
}

/** The fields of a multipart body with files, as a server reads them. */
export async function multipartFormFields(raw: Uint8Array, contentType: string | undefined): Promise<Record<string, FormField>> {
  const form = await new Response(raw, { headers: { 'content-type': contentType ?? '' } }).formData();
  const out: Record<string, FormField> = {};
  for (const [name, value] of form.entries()) {
    if (typeof value === 'string') out[name] = { value };
    else {
      const bytes = new Uint8Array(await value.arrayBuffer());
      out[name] = { value: `<${bytes.length} bytes>`, bytes, type: value.type, fileName: value.name };
    }
  }
  return out;
}

/**
 * The same, read synchronously the way a server's own parser would (RFC 7578): for fakes, whose handlers answer at
 * once. Throws on a body that is not well-formed multipart, so a broken encoding fails the test.
 */
export function parseMultipart(raw: Uint8Array, contentType: string | undefined): Record<string, FormField> {
  const boundary = /boundary=("?)([^";]+)\1/.exec(contentType ?? '')?.[2];
  if (boundary === undefined) throw new Error(`not a multipart content type: ${String(contentType)}`);
  const body = Buffer.from(raw.buffer, raw.byteOffset, raw.byteLength);
  const delimiter = Buffer.from(`--${boundary}`, 'latin1');
  const out: Record<string, FormField> = {};
  let at = body.indexOf(delimiter);
  if (at !== 0) throw new Error('the body does not start with the boundary');
  for (;;) {
    at += delimiter.length;
    if (body.subarray(at, at + 2).toString('latin1') === '--') return out;
    if (body.subarray(at, at + 2).toString('latin1') !== '\r\n') throw new Error('a boundary is not followed by CRLF');
    const headEnd = body.indexOf('\r\n\r\n', at);
    const next = body.indexOf(Buffer.concat([Buffer.from('\r\n', 'latin1'), delimiter]), headEnd);
    if (headEnd < 0 || next < 0) throw new Error('a part is not closed by the boundary');
    const head = body.subarray(at + 2, headEnd).toString('utf8');
    const content = body.subarray(headEnd + 4, next);
    const name = /name="([^"]*)"/.exec(head)?.[1];
    if (name === undefined) throw new Error(`a part has no name: ${head}`);
    const fileName = /filename="([^"]*)"/.exec(head)?.[1];
    const type = /content-type:\s*([^\r\n]+)/i.exec(head)?.[1];
    out[name] =
      fileName === undefined
        ? { value: content.toString('utf8'), ...(type !== undefined ? { type } : {}) }
        : { value: `<${content.length} bytes>`, bytes: new Uint8Array(content), fileName, ...(type !== undefined ? { type } : {}) };
    at = next + 2;
  }
}

function pngChunk(type: string, data: Buffer): Buffer {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([length, body, crc]);
}

function riff(chunk: string, data: Buffer): Uint8Array {
  const padded = data.length % 2 === 1 ? Buffer.concat([data, Buffer.alloc(1)]) : data;
  const header = Buffer.alloc(20);
  header.write('RIFF', 0, 'latin1');
  header.writeUInt32LE(12 + padded.length, 4);
  header.write('WEBP', 8, 'latin1');
  header.write(chunk, 12, 'latin1');
  header.writeUInt32LE(data.length, 16);
  return new Uint8Array(Buffer.concat([header, padded]));
}

function crc32(bytes: Uint8Array): number {
  let crc = 0xffffffff;
  for (const byte of bytes) {
    crc ^= byte;
    for (let k = 0; k < 8; k++) crc = crc & 1 ? (crc >>> 1) ^ 0xedb88320 : crc >>> 1;
  }
  return (crc ^ 0xffffffff) >>> 0;
}
