import type { HttpHeaders } from './httpHeaders';

/**
 * How long the server asked us to wait, from `retry-after-ms` (OpenAI, milliseconds), or `retry-after` in seconds
 * or as an HTTP date. Undefined when it did not say (or said something unreadable or negative).
 */
export function parseRetryAfter(headers: HttpHeaders, now: number = Date.now()): number | undefined {
  const ms = headers['retry-after-ms'];
  if (ms !== undefined && ms.trim() !== '') {
    const value = Number(ms);
    if (Number.isFinite(value) && value >= 0) return Math.round(value);
  }
  const after = headers['retry-after']?.trim();
  if (after === undefined || after === '') return undefined;
  if (/^\d+(\.\d+)?$/.test(after)) return Math.round(Number(after) * 1000);
  const date = Date.parse(after);
  if (Number.isNaN(date)) return undefined;
  return Math.max(0, date - now);
}
