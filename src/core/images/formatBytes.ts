import { errorText, type ErrorText } from '../errors/errorText';

const kilobyte = 1024;
const megabyte = 1024 * 1024;

/** A size as a person reads it: `512 bytes`, `3.5 KB`, `20 MB`. */
export function formatBytes(bytes: number): string {
  if (bytes >= megabyte) return `${Number((bytes / megabyte).toFixed(1))} MB`;
  if (bytes >= kilobyte) return `${Number((bytes / kilobyte).toFixed(1))} KB`;
  return `${bytes} bytes`;
}

/** The same size as a phrase of an error message (errorText.ts), so its unit is translated with the rest. */
export function bytesText(bytes: number): ErrorText {
  if (bytes >= megabyte) return errorText('size.mb', { value: Number((bytes / megabyte).toFixed(1)) });
  if (bytes >= kilobyte) return errorText('size.kb', { value: Number((bytes / kilobyte).toFixed(1)) });
  return errorText('size.bytes', { value: bytes });
}
