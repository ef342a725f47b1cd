/** Response headers with lower-case names; repeated headers joined with `, `. */
export type HttpHeaders = Readonly<Record<string, string | undefined>>;

/** Normalizes undici's header record (values may be arrays) into {@link HttpHeaders}. */
export function toHttpHeaders(raw: Record<string, string | string[] | undefined>): HttpHeaders {
  const out: Record<string, string> = {};
  for (const [name, value] of Object.entries(raw)) {
    if (value === undefined) continue;
    out[name.toLowerCase()] = Array.isArray(value) ? value.join(', ') : value;
  }
  return out;
}
