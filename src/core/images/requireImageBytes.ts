import type { ErrorContext } from '../errors/errorContext';
import { errorText, type ErrorText } from '../errors/errorText';
import type { Redactor } from '../errors/redactSecrets';
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
          leading: describeLeadingBytes(bytes, context.redact),
        });
  throw new ProviderError({
    kind: 'invalid-response',
    provider: context.provider,
    text,
    ...(context.model !== undefined ? { model: context.model } : {}),
  });
}

/**
 * `they start with '<html>'` or `they start with bytes 00 01 02 …`: what the first bytes of a non-image look like,
 * as a phrase of an error message (the quoted text scrubbed by `redact`).
 */
export function describeLeadingBytes(bytes: Uint8Array, redact: Redactor = (text) => text): ErrorText {
  if (bytes.length === 0) return errorText('image.leading.none');
  const head = bytes.subarray(0, 24);
  const text = new TextDecoder('utf-8', { fatal: false }).decode(head);
  // eslint-disable-next-line no-control-regex
  if (/^[^\x00-\x08\x0e-\x1f\ufffd]+$/.test(text))
    return errorText('image.leading.text', { text: redact(text.replace(/\s+/g, ' ').trim()) });
  return errorText('image.leading.bytes', { bytes: Array.from(head.subarray(0, 8), (b) => b.toString(16).padStart(2, '0')).join(' ') });
}
