// Anthropic sends one `content_block_delta` event per token, always in the same canonical form:
//   {"type":"content_block_delta","index":0,"delta":{"type":"text_delta","text":"…"}}
// Reading that form with one compiled regular expression costs about a fifth of JSON.parse plus validation, and
// JSON.parse was the largest single cost of a streamed Anthropic answer (docs/performance.md, streaming CPU budget). Anything
// else (other fields, other order, whitespace, a malformed escape, a very long event) is not recognised here and
// goes through JSON.parse and the schema as before, so errors are reported exactly as they were.

/**
 * Matches only the canonical text delta; group 1 is the body of the JSON string literal, escapes and all. The
 * control characters are the ones JSON forbids unescaped inside a string, so such an event takes the full parse.
 */
const canonicalTextDelta =
  // eslint-disable-next-line no-control-regex
  /^\{"type":"content_block_delta","index":(?:0|[1-9][0-9]*),"delta":\{"type":"text_delta","text":"([^"\\\u0000-\u001f]*(?:\\.[^"\\\u0000-\u001f]*)*)"\}\}$/;

/** Longer events take the general path: keeps the regular expression's backtracking small. */
const maxFastLength = 8 * 1024;

/**
 * The text of a canonical text-delta event, exactly what `JSON.parse(data).delta.text` would give; `undefined` when
 * `data` is anything else (the caller then parses it in full).
 */
export function readCanonicalTextDelta(data: string): string | undefined {
  if (data.length > maxFastLength) return undefined;
  const match = canonicalTextDelta.exec(data);
  if (match === null) return undefined;
  const literal = match[1]!;
  if (!literal.includes('\\')) return literal;
  try {
    return JSON.parse(`"${literal}"`) as string;
  } catch {
    return undefined; // An escape JSON does not allow (`\q`, a short `\u12`): the full parse reports it.
  }
}
