// Tiny real images to send through the fakes (built by the W3C PNG specification's chunk layout; the JPEG and WebP
// ones carry just the signatures of their formats), plain JSON and image answers, and readers for multipart bodies.
// Each image service's own answers (bodies, statuses, headers) are in stabilityFake, fusionBrainFake, openAiImageFake
// and sydneyFake.
import { deflateSync } from 'node:zlib';
import { Response } from 'undici';
import type { ScriptedResponse } from './fakeHttpServer';

/** A valid 1×1 PNG (signature, IHDR, IDAT, IEND with correct CRCs). */
export const tinyPng: Uint8Array = makePng();

/** The start of a JPEG (enough for the magic-number check). */
export const tinyJpeg: Uint8Array = new Uint8Array([0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10, 0x4a, 0x46, 0x49, 0x46, 0x00, 0x01, 0xff, 0xd9]);

/** A RIFF/WEBP header (enough for the magic-number check). */
export const tinyWebp: Uint8Array = new Uint8Array([
  ...Buffer.from('RIFF'),
  0x1a,
  0x00,
  0x00,
  0x00,
  ...Buffer.from('WEBPVP8L'),
  0x0d,
  0x00,
  0x00,
  0x00,
  0x2f,
  0x00,
  0x00,
  0x00,
  0x10,
  0x07,
  0x10,
  0x11,
  0x11,
  0x88,
  0x88,
  0xfe,
  0x07,
  0x00,
]);

export function base64(bytes: Uint8Array): string {
  return Buffer.from(bytes).toString('base64');
}

const jsonHeaders = { 'content-type': 'application/json' };

export function jsonResponse(body: unknown, status = 200, headers: Record<string, string> = {}): ScriptedResponse {
  return { status, headers: { ...jsonHeaders, ...headers }, chunks: [JSON.stringify(body)] };
}

export function imageResponse(bytes: Uint8Array, headers: Record<string, string> = {}, status = 200): ScriptedResponse {
  return { status, headers: { 'content-type': 'image/png', ...headers }, chunks: [bytes] };
}

/** The fields of a multipart body as the server would read them (parsed by undici, so the encoding is checked too). */
export async function multipartFields(
  body: string,
  contentType: string | undefined,
): Promise<Record<string, { value: string; type?: string }>> {
  const form = await new Response(body, { headers: { 'content-type': contentType ?? '' } }).formData();
  const out: Record<string, { value: string; type?: string }> = {};
  for (const [name, value] of form.entries()) {
    if (typeof value === 'string') out[name] = { value };
    else out[name] = { value: await value.text(), type: value.type };
  }
  return out;
}

/** The raw headers of each part of a multipart body, by field name (to check e.g. that `params` has no filename). */
export function multipartPartHeaders(body: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const part of body.split(/\r\n--[^\r\n]*\r\n|^--[^\r\n]*\r\n/)) {
    const [head] = part.split('\r\n\r\n');
    const name = /name="([^"]*)"/.exec(head ?? '')?.[1];
    if (name !== undefined && head !== undefined) out[name] = head;
  }
  return out;
}

function makePng(): Uint8Array {
  const chunk = (type: string, data: Buffer): Buffer => {
    const length = Buffer.alloc(4);
    length.writeUInt32BE(data.length);
    const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
    const crc = Buffer.alloc(4);
    crc.writeUInt32BE(crc32(body));
    return Buffer.concat([length, body, crc]);
  };
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(1, 0);
  ihdr.writeUInt32BE(1, 4);
  ihdr[8] = 8; // bit depth
  ihdr[9] = 6; // RGBA
  const raw = Buffer.from([0, 0x2a, 0x7f, 0xff, 0xff]);
  return new Uint8Array(
    Buffer.concat([
      Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
      chunk('IHDR', ihdr),
      chunk('IDAT', deflateSync(raw)),
      chunk('IEND', Buffer.alloc(0)),
    ]),
  );
}

function crc32(bytes: Uint8Array): number {
  let crc = 0xffffffff;
  for (const byte of bytes) {
    crc ^= byte;
    for (let k = 0; k < 8; k++) crc = crc & 1 ? (crc >>> 1) ^ 0xedb88320 : crc >>> 1;
  }
  return (crc ^ 0xffffffff) >>> 0;
}
