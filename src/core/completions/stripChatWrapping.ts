// What chat models put around the code they are asked for (docs/completions.md, "Cleaning the answer"): a first line
// like "Here is the completion:" and a Markdown fence. Both go; so does whatever follows the closing fence (an
// explanation). Not applied in Markdown files, where a fence may be what is being written.

/** The model's special tokens and turn markers (fimTemplates.ts lists each family's): the answer ends at the first. */
const specialToken =
  /<\|[A-Za-z_]{2,24}\|>|<｜[^｜\n]{1,40}｜>|<EOT>|<SUF>|<MID>|<fim_(?:prefix|suffix|middle|pad)>|<file_sep>|<end_of_turn>|<eos>|\[(?:PREFIX|SUFFIX|MIDDLE)\]/;

/** The text before the first special token (`<|endoftext|>`, `<|fim_middle|>`, `<｜fim▁hole｜>`, `<EOT>`, …). */
export function cutAtSpecialTokens(text: string): string {
  const match = specialToken.exec(text);
  return match === null ? text : text.slice(0, match.index);
}

const preamble =
  /^[ \t]*(?:here(?:'s| is| are)|sure|certainly|of course|okay|ok|below is|this is|the (?:completion|code|missing|middle|rest))\b[^\n]*\n/i;
const openingFence = /^\s*(`{3,}|~{3,})[^\n`]*\n/;

export function stripChatWrapping(text: string): string {
  let rest = text;
  const intro = preamble.exec(rest);
  // Only a line that introduces code: it ends with a colon, or a fence follows.
  if (intro !== null && (/:\s*\n$/.test(intro[0]) || /^\s*(?:```|~~~)/.test(rest.slice(intro[0].length)))) {
    rest = rest.slice(intro[0].length);
  }
  const fence = openingFence.exec(rest);
  if (fence !== null) {
    const marker = fence[1]!;
    rest = rest.slice(fence[0].length);
    const close = closingFence(rest, marker);
    return close === -1 ? rest : rest.slice(0, close).replace(/\n$/, '');
  }
  // A closing fence alone at the end (the model began inside the block it was asked to continue).
  return rest.replace(/\n[ \t]*(?:```|~~~)[ \t]*\n?$/, '');
}

/** Where the line closing a fence opened by `marker` starts, or -1. */
function closingFence(text: string, marker: string): number {
  const char = marker.charAt(0);
  let lineStart = 0;
  while (lineStart <= text.length) {
    const newline = text.indexOf('\n', lineStart);
    const lineEnd = newline === -1 ? text.length : newline;
    const line = text.slice(lineStart, lineEnd).trim();
    if (line.length >= marker.length && line === char.repeat(line.length)) return lineStart;
    if (newline === -1) return -1;
    lineStart = newline + 1;
  }
  return -1;
}
