import type { ErrorContext } from '../errors/errorContext';
import { errorText } from '../errors/errorText';
import { ProviderError } from '../errors/providerError';
import { detectImageMimeType } from './detectImageMimeType';
import type { ImageMimeType } from './imageTypes';

/**
 * The type of `bytes` by magic number, or an `invalid-response` ProviderError that says what came instead:
 * "stability sent 512 bytes that are not a PNG, JPEG or WebP image (they start with '<html>')."
 */
export function requireImageBytes(bytes: Uint8Array, context: ErrorContext, where = ''): ImageMimeType {
  const mimeType = detectImageMimeType(bytes);
  if (mimeType !== undefined) return mimeType;
  return fail(bytes, context, where);
}

function fail(bytes: Uint8Array, context: ErrorContext, where: string): never {
  const text =
    bytes.length === 0
      ? errorText('image.emptyAnswer', { provider: context.provider, where })
      : errorText(bytes.length === 1 ? 'image.notImage.one' : 'image.notImage', {
          provider: context.provider,
          count: bytes.length,
          where,
          leading: context.redact(describeLeadingBytes(bytes)),
        });
  throw new ProviderError({
    kind: 'invalid-response',
    provider: context.provider,
    text,
    ...(context.model !== undefined ? { model: context.model } : {}),
  });
}

/** `they start with '<html>'` or `they start with bytes 00 01 02 …`: what the first bytes of a non-image look like. */
export function describeLeadingBytes(bytes: Uint8Array): string {
  if (bytes.length === 0) return 'there are none';
  const head = bytes.subarray(0, 24);
  const text = new TextDecoder('utf-8', { fatal: false }).decode(head);
  // eslint-disable-next-line no-control-regex
  if (/^[^\x00-\x08\x0e-\x1f\ufffd]+$/.test(text)) return `they start with '${text.replace(/\s+/g, ' ').trim()}'`;
  return `they start with bytes ${Array.from(head.subarray(0, 8), (b) => b.toString(16).padStart(2, '0')).join(' ')}`;
}
