// A multipart/form-data body that carries files (an image to edit, a mask), as bytes. encodeMultipart.ts builds
// text-only bodies as strings; a file's bytes cannot go through a string (HttpClient would send it as UTF-8), so
// this one concatenates buffers. Each file part has a `filename` and its own `Content-Type`, as `curl -F
// image=@photo.png` and browsers send them; the services read the image type from the bytes and that header.
import { randomBytes } from 'node:crypto';
import type { SourceImage } from './imageEditTypes';

export type FormDataPart = { name: string; value: string } | { name: string; bytes: Uint8Array; fileName: string; contentType: string };

export interface FormDataBody {
  body: Uint8Array;
  /** The `content-type` header, with the boundary. */
  contentType: string;
}

export function encodeFormData(parts: readonly FormDataPart[]): FormDataBody {
  let boundary = newBoundary();
  while (parts.some((part) => contains(part, boundary))) boundary = newBoundary();
  const chunks: Buffer[] = [];
  for (const part of parts) {
    let head = `--${boundary}\r\nContent-Disposition: form-data; name="${escape(part.name)}"`;
    if ('bytes' in part) {
      head += `; filename="${escape(part.fileName)}"\r\nContent-Type: ${part.contentType.replace(/[\r\n]/g, '')}`;
    }
    chunks.push(Buffer.from(`${head}\r\n\r\n`, 'utf8'));
    chunks.push(
      'bytes' in part ? Buffer.from(part.bytes.buffer, part.bytes.byteOffset, part.bytes.byteLength) : Buffer.from(part.value, 'utf8'),
    );
    chunks.push(Buffer.from('\r\n', 'utf8'));
  }
  chunks.push(Buffer.from(`--${boundary}--\r\n`, 'utf8'));
  return { body: new Uint8Array(Buffer.concat(chunks)), contentType: `multipart/form-data; boundary=${boundary}` };
}

/** An image as a file part: its plain file name (never the folders it is in) and its checked type. */
export function imageFilePart(name: string, image: SourceImage): FormDataPart {
  const base = image.name.split(/[\\/]/).pop() ?? '';
  const fileName = base.trim() === '' ? `${name}.${image.mimeType.slice('image/'.length)}` : base;
  return { name, bytes: image.bytes, fileName, contentType: image.mimeType };
}

function newBoundary(): string {
  return `----switchboard${randomBytes(12).toString('hex')}`;
}

function contains(part: FormDataPart, boundary: string): boolean {
  if ('bytes' in part) return Buffer.from(part.bytes.buffer, part.bytes.byteOffset, part.bytes.byteLength).includes(boundary, 0, 'latin1');
  return part.value.includes(boundary);
}

/** The WHATWG encoding of a field or file name: CR, LF and `"` percent-encoded. */
function escape(name: string): string {
  return name.replace(/\r/g, '%0D').replace(/\n/g, '%0A').replace(/"/g, '%22');
}
