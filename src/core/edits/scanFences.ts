// Finds the fenced code blocks of a Markdown reply (CommonMark §4.5, leniently): ``` or ~~~ fences of three or more,
// closed by a fence of the same character at least as long; a block still open at the end runs to the end (a
// stream stopped mid-way). Unlike CommonMark, fences may be indented by any amount (models indent them inside
// list items); the content loses as much indentation as the opening fence had.

export interface FencedCode {
  /** The info string after the opening fence, trimmed, e.g. `ts title="app.ts"`. */
  info: string;
  /** The content: its lines joined with '\n' (whatever the reply used), each line ending with '\n'. */
  code: string;
  /** False when the reply ended before the closing fence. */
  closed: boolean;
  /** Whitespace characters before the opening fence (removed from each content line, up to that many). */
  indent: number;
  /** The fence itself, e.g. "```" or "~~~~", to know what closes it. */
  fence: string;
}

const openingFence = /^([ \t]*)(`{3,}|~{3,})(.*)$/;
const closingFence = /^[ \t]*(`{3,}|~{3,})[ \t]*$/;

export function scanFences(reply: string): FencedCode[] {
  const lines = reply.split(/\r\n|\r|\n/);
  // "a\n" splits into ["a", ""]: the empty string after the final line break is not a line.
  if (lines.length > 0 && lines[lines.length - 1] === '') lines.pop();
  const blocks: FencedCode[] = [];
  let open: { info: string; indent: number; fence: string; content: string[] } | undefined;
  for (const line of lines) {
    if (open === undefined) {
      const match = openingFence.exec(line);
      if (match === null) continue;
      const fence = match[2] ?? '';
      const info = match[3] ?? '';
      // A backtick fence's info string cannot hold a backtick: "```js```" is inline code, not a fence.
      if (fence.startsWith('`') && info.includes('`')) continue;
      open = { info: info.trim(), indent: (match[1] ?? '').length, fence, content: [] };
      continue;
    }
    if (closesFence(line, open.fence)) {
      blocks.push(toBlock(open, true));
      open = undefined;
      continue;
    }
    open.content.push(stripIndent(line, open.indent));
  }
  if (open !== undefined) blocks.push(toBlock(open, false));
  return blocks;
}

export function closesFence(line: string, fence: string): boolean {
  const match = closingFence.exec(line);
  const candidate = match?.[1];
  return candidate !== undefined && candidate.charAt(0) === fence.charAt(0) && candidate.length >= fence.length;
}

/** Removes up to `indent` leading spaces or tabs. */
export function stripIndent(line: string, indent: number): string {
  let cut = 0;
  while (cut < indent && (line.charAt(cut) === ' ' || line.charAt(cut) === '\t')) cut += 1;
  return line.slice(cut);
}

function toBlock(open: { info: string; indent: number; fence: string; content: string[] }, closed: boolean): FencedCode {
  return {
    info: open.info,
    code: open.content.map((line) => `${line}\n`).join(''),
    closed,
    indent: open.indent,
    fence: open.fence,
  };
}
