// markdown-it's one use of the `entities` package, answered by the browser: markdown-it calls `decodeHTMLStrict` with
// a whole named character reference (`&hellip;`, `&copy;`) it found in the text, and keeps the text as it is when the
// answer is unchanged. The package carries its own table of all 2,231 names (~18 KB of the webview's 300 KB budget,
// docs/performance.md); the webview already has the browser's, so esbuild.js points `entities` here for the webview
// build (`webviewAlias`). Numeric references never come here: markdown-it decodes those itself.

/** A complete named reference and nothing else: only such strings are handed to the browser's parser. */
const namedReference = /^&[A-Za-z][A-Za-z0-9]{1,31};$/;

let decoder: HTMLTextAreaElement | undefined;

/** `&hellip;` → `…`; anything that is not a known named reference comes back unchanged (markdown-it's contract). */
export function decodeHTMLStrict(text: string): string {
  if (!namedReference.test(text)) return text;
  // A textarea's content is parsed as RCDATA: character references are decoded, no element is ever created, and the
  // pattern above admits no `<` anyway.
  decoder ??= document.createElement('textarea');
  decoder.innerHTML = text;
  return decoder.value;
}
