// What a single line of code is, by its first characters, for the placement rules (docs/chat.md, "Applying code"):
// comments and decorators travel with the definition under them, and indentation is compared in columns.

import { assertNever } from '../assertNever';
import type { SyntaxFamily } from './syntaxFamily';

export function indentOf(line: string): string {
  return /^[ \t]*/.exec(line)?.[0] ?? '';
}

/** The indentation's width in columns, a tab reaching the next multiple of `tabSize`. */
export function indentWidth(line: string, tabSize = 4): number {
  let column = 0;
  for (const char of indentOf(line)) column = char === '\t' ? (Math.floor(column / tabSize) + 1) * tabSize : column + 1;
  return column;
}

export function isBlank(line: string): boolean {
  return line.trim() === '';
}

const slashComment = /^(?:\/\/|\/\*|\*\/|\*(?:\s|$))/;
const hashComment = /^#(?![[!])/;

/** A line that is only a comment (or part of a block comment: ` * …`). */
export function isCommentLine(line: string, family: SyntaxFamily): boolean {
  const text = line.trim();
  switch (family) {
    case 'python':
    case 'ruby':
      return hashComment.test(text);
    case 'php':
    case 'unknown':
      return slashComment.test(text) || hashComment.test(text);
    case 'js':
    case 'go':
    case 'rust':
    case 'jvm':
    case 'c':
    case 'css':
    case 'json':
      return slashComment.test(text);
    default:
      return assertNever(family, 'syntax family');
  }
}

/** A decorator or annotation line: `@Component(…)`, `@property`, `#[derive(…)]`, C#'s `[HttpGet]`, PHP's `#[Route]`. */
export function isDecoratorLine(line: string, family: SyntaxFamily): boolean {
  const text = line.trim();
  switch (family) {
    case 'js':
    case 'python':
      return /^@[\w$.]+/.test(text);
    case 'jvm':
      return /^@[\w.]+/.test(text) || /^\[[A-Z][\w.]*(?:\(.*\))?(?:,\s*[A-Z][\w.]*(?:\(.*\))?)*\]$/.test(text);
    case 'rust':
      return /^#!?\[/.test(text);
    case 'php':
      return /^#\[/.test(text);
    case 'unknown':
      return /^@[\w$.]+/.test(text) || /^#!?\[/.test(text);
    default:
      return false;
  }
}
