import type { HttpResponse } from '../http/httpClient';

/** What happened when a body was longer than allowed. */
export class BodyTooLargeError extends Error {
  constructor(readonly maxBytes: number) {
    super(`The body is larger than ${maxBytes} bytes`);
    this.name = 'BodyTooLargeError';
  }
}

/**
 * Reads a whole body, keeping at most `maxBytes`: a longer one (by its `content-length`, or as soon as the bytes
 * read pass the limit) is not buffered — the connection is closed and {@link BodyTooLargeError} thrown.
 */
export async function readLimitedBytes(response: HttpResponse, maxBytes: number): Promise<Uint8Array> {
  const declared = Number(response.headers['content-length']);
  if (Number.isFinite(declared) && declared > maxBytes) {
    response.dispose();
    throw new BodyTooLargeError(maxBytes);
  }
  const chunks: Uint8Array[] = [];
  let total = 0;
  for await (const chunk of response.body()) {
    total += chunk.byteLength;
    if (total > maxBytes) {
      response.dispose();
      throw new BodyTooLargeError(maxBytes);
    }
    chunks.push(chunk);
  }
  const out = new Uint8Array(total);
  let offset = 0;
  for (const chunk of chunks) {
    out.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return out;
}
