// A server or model that writes back the text before the cursor before its middle (docs/completions.md, "Cleaning
// the answer"): chat models restate the line being completed, and some servers echo the prompt. The echoed part is
// removed; an answer that is nothing but the echo leaves nothing.
//
// Echoes counted, the longest first:
//   - the last lines of the prefix from a line start through the cursor, when they hold at least 12 non-whitespace
//     characters (fewer, like a lone `}`, may be the model's own next line), or the whole prefix (2 are enough);
//   - the cursor's line up to the cursor, as it is or without its indentation, when it holds at least 2
//     non-whitespace characters;
//   - the cursor's line when it is only indentation and the answer repeats that indentation before its code.

/** Lines above the cursor's line tried as the start of an echo. */
const maxEchoLines = 40;
const minEchoChars = { lines: 12, line: 2 } as const;

export function removePrefixEcho(text: string, prefix: string): string {
  if (text === '' || prefix === '') return text;
  const lineStart = prefix.lastIndexOf('\n') + 1;
  const echoed = echoLength(text, prefix, lineStart);
  return echoed === 0 ? text : text.slice(echoed);
}

function echoLength(text: string, prefix: string, lineStart: number): number {
  // Several lines: the earliest line start whose tail the answer begins with.
  let best = 0;
  let start = lineStart;
  for (let lines = 0; lines < maxEchoLines && start > 0; lines++) {
    start = start <= 1 ? 0 : prefix.lastIndexOf('\n', start - 2) + 1;
    const length = prefix.length - start;
    if (length > text.length) break;
    if (text.charCodeAt(0) === prefix.charCodeAt(start) && text.startsWith(prefix.slice(start))) best = length;
  }
  if (best > 0) {
    // The whole prefix is the server's echo of the prompt; a few lines above the cursor need to be substantial.
    const needed = best === prefix.length ? minEchoChars.line : minEchoChars.lines;
    if (nonWhitespace(prefix, prefix.length - best) >= needed) return best;
  }

  const line = prefix.slice(lineStart);
  const code = line.trimStart();
  if (code === '') {
    // Only indentation before the cursor: the answer repeating it before its code is an echo of it.
    return line !== '' && text.startsWith(line) && /\S/.test(text.charAt(line.length)) ? line.length : 0;
  }
  if (nonWhitespace(code, 0) < minEchoChars.line) return 0;
  if (text.startsWith(line)) return line.length;
  if (text.startsWith(code)) return code.length;
  return 0;
}

function nonWhitespace(text: string, from: number): number {
  let count = 0;
  for (let i = from; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code !== 32 && code !== 9 && code !== 10 && code !== 13) count++;
  }
  return count;
}
