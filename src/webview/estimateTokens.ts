// The webview's twin of src/core/context/estimateTokens.ts (the webview may not import core): the meter adds its
// estimate of the draft to the extension's figures, so both must count the same way. Change them together.

/** Estimated tokens of `text`: ASCII at ~4 characters a token, everything else at ~1.5 (rounded up). */
export function estimateTokens(text: string): number {
  let ascii = 0;
  let other = 0;
  for (let index = 0; index < text.length; index++) {
    const code = text.charCodeAt(index);
    if (code < 0x80) ascii++;
    // The second half of a surrogate pair belongs to the character already counted.
    else if (code < 0xdc00 || code > 0xdfff) other++;
  }
  return Math.ceil(ascii / 4 + other / 1.5);
}
