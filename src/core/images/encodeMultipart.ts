// A multipart/form-data body made of text parts, as a string HttpClient can send (its bodies are strings).
// Written by hand rather than with undici's FormData because a part with a content type (Fusion Brain's
// `params;type=application/json`) must go without a `filename`, exactly like `curl -F` and Python's `requests`
// send it in the services' own examples; FormData would add `filename="blob"` to it. Only text parts are needed:
// no image is ever uploaded.
import { randomBytes } from 'node:crypto';

export interface MultipartPart {
  name: string;
  value: string;
  /** e.g. `application/json`; plain text parts have none. */
  contentType?: string;
}

export interface MultipartBody {
  body: string;
  /** The `content-type` header, with the boundary. */
  contentType: string;
}

export function encodeMultipart(parts: readonly MultipartPart[]): MultipartBody {
  let boundary = newBoundary();
  while (parts.some((part) => part.value.includes(boundary))) boundary = newBoundary();
  const lines: string[] = [];
  for (const part of parts) {
    lines.push(`--${boundary}`);
    lines.push(`Content-Disposition: form-data; name="${escapeName(part.name)}"`);
    if (part.contentType !== undefined) lines.push(`Content-Type: ${part.contentType.replace(/[\r\n]/g, '')}`);
    lines.push('', part.value);
  }
  lines.push(`--${boundary}--`, '');
  return { body: lines.join('\r\n'), contentType: `multipart/form-data; boundary=${boundary}` };
}

function newBoundary(): string {
  return `----switchboard${randomBytes(12).toString('hex')}`;
}

/** The WHATWG encoding of a field name: CR, LF and `"` percent-encoded. */
function escapeName(name: string): string {
  return name.replace(/\r/g, '%0D').replace(/\n/g, '%0A').replace(/"/g, '%22');
}
