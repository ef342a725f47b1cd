// A quick estimate of how many tokens a text costs, for the context chips and the meter (docs/chat.md). Exact counts
// need each model's tokenizer (megabytes each); the meter only has to be right to within a few percent to warn before
// a send that does not fit. BPE tokenizers give English and code about four characters per token, but scripts
// outside ASCII (Cyrillic, CJK, emoji) cost about one token per one or two characters, so those are counted apart.

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
