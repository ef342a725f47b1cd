// Where the streaming renderer may commit: a line where a top-level block starts, such that nothing that can
// still arrive will change how the text before it renders. The rules (see README.md in this folder):
//   (a) the line follows a blank line, and either the block before is not a list or indented code (nothing else
//       continues across a blank line), or the line's first character cannot start a list item or indented code;
//   (b) the block before it can never grow: a heading, a thematic break, a fence (which, followed by another
//       block, is closed), or indented code followed by an unindented line;
//   (c) the line is complete and starts, in column 0, a block that interrupts whatever precedes it: an ATX heading,
//       a fence, a thematic break or a block quote (a partial line could still turn into a paragraph continuation);
//   (d) after the last block, when it can never grow (a closed fence, a heading, a thematic break) and its last
//       line is complete;
//   (e) before the first block, when only blank lines precede it (the text before the tail cannot grow).
// Reference definitions are the one construct that reaches across such a boundary (a link can use a label that is
// defined later); the streaming renderer handles them separately.
import type { MarkdownToken } from './markdownParser';
import { isClosingFence } from './fenceLines';

/** Line starts of a text, with markdown-it's idea of how many lines there are. */
export class LineIndex {
  readonly starts: number[] = [0];
  /**
   * Number of lines as markdown-it counts them: a final line break does not start a new line, and neither does a
   * last, unfinished line of only spaces and tabs.
   */
  readonly count: number;

  constructor(readonly src: string) {
    for (let i = src.indexOf('\n'); i !== -1; i = src.indexOf('\n', i + 1)) this.starts.push(i + 1);
    const rest = src.slice(this.starts[this.starts.length - 1]);
    this.count = this.starts.length - 1 + (/[^ \t]/.test(rest) ? 1 : 0);
  }

  /** Offset where line `line` starts (for `line === count` after a final line break: the text's length). */
  start(line: number): number {
    return this.starts[line] ?? this.src.length;
  }

  /** Whether the line's line break has arrived. */
  complete(line: number): boolean {
    return this.starts[line + 1] !== undefined;
  }

  text(line: number): string {
    const start = this.starts[line] ?? this.src.length;
    const next = this.starts[line + 1];
    return this.src.slice(start, next === undefined ? this.src.length : next - 1);
  }

  isBlank(line: number): boolean {
    return /^[ \t]*$/.test(this.text(line));
  }
}

export interface CommitSplit {
  /** Tokens before this index are committed. */
  tokenIndex: number;
  /** Lines before this one are committed. */
  line: number;
}

/**
 * Whether a fence token can no longer grow: its closing line has arrived complete, or text follows it (so its
 * container ended it: a fence followed by anything else is closed).
 */
export function isFenceClosed(token: MarkdownToken, lines: LineIndex): boolean {
  const map = token.map;
  if (!map) return true;
  const last = map[1] - 1;
  const marker = { marker: token.markup[0] ?? '`', length: token.markup.length };
  if (last > map[0] && lines.complete(last) && isClosingFence(lines.text(last), marker)) return true;
  for (let line = map[1]; line < lines.count; line++) if (!lines.isBlank(line)) return true;
  return false;
}

/** The furthest safe commit point in `tokens` (parsed from `lines.src`), or undefined. */
export function findCommitSplit(tokens: MarkdownToken[], lines: LineIndex): CommitSplit | undefined {
  const blocks: { index: number; token: MarkdownToken; line: number }[] = [];
  tokens.forEach((token, index) => {
    if (token.level === 0 && token.nesting !== -1 && token.map) blocks.push({ index, token, line: token.map[0] });
  });
  const last = blocks[blocks.length - 1];
  if (!last) return undefined;

  // (d) the last block is final.
  const end = last.token.map![1];
  if (end > last.line && lines.complete(end - 1) && neverGrows(last.token, lines)) {
    return { tokenIndex: tokens.length, line: end };
  }

  for (let k = blocks.length - 1; k >= 1; k--) {
    const block = blocks[k]!;
    const previous = blocks[k - 1]!.token;
    const line = block.line;
    const first = lines.src[lines.start(line)];
    const indented = first === ' ' || first === '\t';
    const previousContinues =
      previous.type === 'bullet_list_open' || previous.type === 'ordered_list_open' || previous.type === 'code_block';
    const afterBlank = lines.isBlank(line - 1) && first !== undefined && (!previousContinues || !/[ \t\-+*0-9]/.test(first));
    const previousFinal =
      previous.type === 'heading_open' ||
      previous.type === 'hr' ||
      previous.type === 'fence' ||
      (previous.type === 'code_block' && !indented);
    const interrupts =
      lines.complete(line) &&
      !indented &&
      ((block.token.type === 'heading_open' && block.token.markup.startsWith('#')) ||
        block.token.type === 'fence' ||
        block.token.type === 'hr' ||
        block.token.type === 'blockquote_open');
    if (afterBlank || previousFinal || interrupts) return { tokenIndex: block.index, line };
  }

  // (e) blank lines before the first block (the tail always starts where nothing before it can grow).
  const first = blocks[0]!;
  if (first.line > 0) {
    for (let line = 0; line < first.line; line++) if (!lines.isBlank(line)) return undefined;
    return { tokenIndex: first.index, line: first.line };
  }
  return undefined;
}

function neverGrows(token: MarkdownToken, lines: LineIndex): boolean {
  switch (token.type) {
    case 'heading_open':
    case 'hr':
      return true;
    case 'fence':
      return isFenceClosed(token, lines);
    default:
      return false;
  }
}
