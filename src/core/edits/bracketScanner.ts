// Counts brackets line by line while skipping strings and comments, so a definition's end can be found by brace
// matching (docs/chat.md, "Applying code") even when a string holds a "}" or a comment an unbalanced "{". It keeps
// its state between lines for the constructs that span lines (block comments, template literals, Go's raw strings,
// triple-quoted strings); a one-line string left open ends with its line. Good enough for real code, not a parser.

import type { SyntaxFamily } from './syntaxFamily';

export interface LineScan {
  /** A `{` opened on this line (outside strings and comments). */
  openedBrace: boolean;
  /** The last character of code on the line, outside comments ('' if none). */
  lastCode: string;
  /** The line ends inside a string or comment that continues on the next one. */
  open: boolean;
}

const openers = '([{';
const closers = ')]}';

export class BracketScanner {
  /** Open brackets of any kind, minus closed ones, since the first line scanned. */
  depth = 0;
  private closing: string | undefined;

  constructor(private readonly family: SyntaxFamily) {}

  scanLine(line: string): LineScan {
    let openedBrace = false;
    let lastCode = '';
    let index = 0;
    while (index < line.length) {
      if (this.closing !== undefined) {
        const end = this.findClosing(line, index, this.closing);
        if (end < 0) return { openedBrace, lastCode, open: true };
        index = end + this.closing.length;
        if (this.closing !== '*/') lastCode = this.closing.at(-1) ?? '';
        this.closing = undefined;
        continue;
      }
      const char = line[index] ?? '';
      if (char === ' ' || char === '\t') {
        index += 1;
        continue;
      }
      if (this.startsLineComment(line, index)) break;
      const multiline = this.multilineOpening(line, index);
      if (multiline !== undefined) {
        this.closing = multiline.closing;
        index += multiline.length;
        if (multiline.closing !== '*/') lastCode = char;
        continue;
      }
      if (char === '"' || (char === "'" && this.family !== 'json')) {
        if (char === "'" && this.family === 'rust') {
          // 'x' and '\n' are characters; 'a in <'a> is a lifetime, not a string.
          const literal = /^'(?:\\.|[^\\'])'/.exec(line.slice(index));
          index += literal === null ? 1 : literal[0].length;
          lastCode = char;
          continue;
        }
        const end = this.findClosing(line, index + 1, char);
        index = end < 0 ? line.length : end + 1;
        lastCode = char;
        continue;
      }
      if (openers.includes(char)) {
        this.depth += 1;
        if (char === '{') openedBrace = true;
      } else if (closers.includes(char)) {
        this.depth -= 1;
      }
      lastCode = char;
      index += 1;
    }
    return { openedBrace, lastCode, open: this.closing !== undefined };
  }

  private startsLineComment(line: string, index: number): boolean {
    const next = line[index + 1];
    switch (this.family) {
      case 'python':
      case 'ruby':
        return line[index] === '#';
      case 'php':
        return (line[index] === '/' && next === '/') || (line[index] === '#' && next !== '[');
      case 'unknown':
        return (line[index] === '/' && next === '/') || (line[index] === '#' && (next === ' ' || next === undefined));
      case 'css':
        return false;
      default:
        return line[index] === '/' && next === '/';
    }
  }

  private multilineOpening(line: string, index: number): { closing: string; length: number } | undefined {
    const blockComments = this.family !== 'python' && this.family !== 'ruby';
    if (blockComments && line.startsWith('/*', index)) return { closing: '*/', length: 2 };
    if (this.family === 'python' || this.family === 'jvm' || this.family === 'unknown') {
      if (line.startsWith('"""', index)) return { closing: '"""', length: 3 };
      if (this.family === 'python' && line.startsWith("'''", index)) return { closing: "'''", length: 3 };
    }
    if (line[index] === '`' && (this.family === 'js' || this.family === 'go' || this.family === 'unknown'))
      return { closing: '`', length: 1 };
    return undefined;
  }

  /** Where `closing` next occurs from `from`, skipping backslash escapes (Go's raw strings have none); -1 if not on this line. */
  private findClosing(line: string, from: number, closing: string): number {
    const escapes = closing !== '*/' && !(closing === '`' && this.family === 'go');
    for (let index = from; index < line.length; index += 1) {
      if (escapes && line[index] === '\\') {
        index += 1;
        continue;
      }
      if (line.startsWith(closing, index)) return index;
    }
    return -1;
  }
}
