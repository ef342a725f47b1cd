// Import statements, per family of syntax (docs/chat.md, "Applying code"): a code block made only of imports is
// merged into the file's import block rather than matched like code. Each statement gets a key (the module it
// imports from) so the same import in the file and in the block is recognised, and, where the syntax lists names
// (`import { a, b } from 'x'`, `from x import a, b`, `use x::{a, b};`), those names, so two lists can be joined.

import { assertNever } from '../assertNever';
import { BracketScanner } from './bracketScanner';
import { isBlank, isCommentLine } from './lineKinds';
import type { SyntaxFamily } from './syntaxFamily';

export interface ImportStatement {
  start: number;
  /** The line after the statement's last line. */
  end: number;
  /** What makes two statements the same import: the module, for most languages; the whole statement otherwise. */
  key: string;
  /** The statement on one line, spaces collapsed. */
  text: string;
  /** The names it lists, when its syntax has a list (see above). */
  names?: string[];
}

/** The families whose imports are recognised, in the order a text of unknown language is tried. */
export const importFamilies = ['js', 'python', 'go', 'rust', 'jvm', 'c', 'ruby', 'php', 'css'] as const satisfies readonly SyntaxFamily[];

const maxStatementLines = 80;

export function importStatementAt(lines: readonly string[], index: number, family: SyntaxFamily): ImportStatement | undefined {
  const first = (lines[index] ?? '').trim();
  if (first === '') return undefined;
  switch (family) {
    case 'js':
      return jsImport(lines, index, first);
    case 'python':
      return pythonImport(lines, index, first);
    case 'go':
      if (/^import\s*\(\s*$/.test(first))
        return spanUntil(
          lines,
          index,
          (line) => line.trim() === ')',
          () => 'import (',
        );
      return single(index, first, /^import\s+(?:[\w.]+\s+)?"([^"]+)"\s*$/);
    case 'rust':
      return rustImport(lines, index, first);
    case 'jvm':
      return (
        single(index, first, /^import\s+(?:static\s+)?([\w.*]+(?:\s+as\s+\w+)?)\s*;?\s*$/) ??
        single(index, first, /^(?:global\s+)?using\s+(?:static\s+)?((?:\w+\s*=\s*)?[\w.]+)\s*;\s*$/)
      );
    case 'c':
      return single(index, first, /^#\s*(?:include|import)\s*([<"][^>"]+[>"])/);
    case 'ruby':
      return single(index, first, /^((?:require|require_relative|load)\s*\(?\s*['"][^'"]+['"]\s*\)?)\s*$/);
    case 'php':
      return (
        single(index, first, /^(use\s+(?:function\s+|const\s+)?[\w\\]+(?:\s+as\s+\w+)?)\s*;\s*$/) ??
        single(index, first, /^((?:require|require_once|include|include_once)\b.*?);?\s*$/)
      );
    case 'css':
      if (!/^@(?:import|use|forward)\s/.test(first)) return undefined;
      return spanUntil(
        lines,
        index,
        (line) => /;\s*$/.test(line),
        (text) => text.replace(/;$/, ''),
      );
    case 'json':
    case 'unknown':
      return undefined;
    default:
      return assertNever(family, 'syntax family');
  }
}

/** The line after the import statements `lines` start with, comments and blank lines between them included (0 when none). */
export function leadingImportsEnd(lines: readonly string[], family: SyntaxFamily): number {
  let end = 0;
  for (let index = 0; index < lines.length;) {
    const line = lines[index] ?? '';
    if (isBlank(line) || isCommentLine(line, family)) {
      index += 1;
      continue;
    }
    const statement = importStatementAt(lines, index, family);
    if (statement === undefined) break;
    end = statement.end;
    index = statement.end;
  }
  return end;
}

/**
 * Reads `lines[from, to)` as import statements, blank lines and comments; undefined if any other line is there.
 * `statements` are in order; `others` are the indexes of the blank and comment lines.
 */
export function parseImportLines(
  lines: readonly string[],
  family: SyntaxFamily,
  from = 0,
  to = lines.length,
): { statements: ImportStatement[]; others: number[] } | undefined {
  const statements: ImportStatement[] = [];
  const others: number[] = [];
  for (let index = from; index < to;) {
    const line = lines[index] ?? '';
    if (isBlank(line) || isCommentLine(line, family)) {
      others.push(index);
      index += 1;
      continue;
    }
    const statement = importStatementAt(lines, index, family);
    if (statement === undefined || statement.end > to) return undefined;
    statements.push(statement);
    index = statement.end;
  }
  return { statements, others };
}

/** The family whose import syntax reads all of `lines` as imports (at least one), or undefined. */
export function importFamilyOf(lines: readonly string[], preferred: SyntaxFamily): SyntaxFamily | undefined {
  const order: readonly SyntaxFamily[] = [preferred, ...importFamilies.filter((family) => family !== preferred)];
  return order.find((family) => (parseImportLines(lines, family)?.statements.length ?? 0) > 0);
}

/**
 * The file's import block: from its first import statement to its last one before other code, blank lines and
 * comments between them included. When the file has none, `insertAt` is where one would go: after the lines a
 * file starts with (a shebang, comments, `package`, `'use strict'`, a module docstring).
 */
export function importBlock(lines: readonly string[], family: SyntaxFamily): { start: number; end: number } | { insertAt: number } {
  let index = 0;
  let afterPreamble = 0;
  let inDocstring: string | undefined;
  for (; index < lines.length; index += 1) {
    const text = (lines[index] ?? '').trim();
    if (inDocstring !== undefined) {
      if (text.includes(inDocstring)) {
        inDocstring = undefined;
        afterPreamble = index + 1;
      }
      continue;
    }
    if (text === '') continue;
    if (importStatementAt(lines, index, family) !== undefined) break;
    if (family === 'python' && /^[rbuRBU]?("""|''')/.test(text)) {
      const quote = /("""|''')/.exec(text)?.[1] ?? '"""';
      if (text.indexOf(quote, text.indexOf(quote) + 3) < 0) inDocstring = quote;
      else afterPreamble = index + 1;
      continue;
    }
    if (!isPreamble(text, family)) return { insertAt: afterPreamble };
    afterPreamble = index + 1;
  }
  if (index >= lines.length) return { insertAt: afterPreamble };
  const start = index;
  let end = start;
  for (let at = start; at < lines.length;) {
    const line = lines[at] ?? '';
    if (isBlank(line) || isCommentLine(line, family)) {
      at += 1;
      continue;
    }
    const statement = importStatementAt(lines, at, family);
    if (statement === undefined) break;
    end = statement.end;
    at = statement.end;
  }
  return { start, end };
}

function isPreamble(text: string, family: SyntaxFamily): boolean {
  if (isCommentLine(text, family) || text.startsWith('#!')) return true;
  if (/^['"]use [\w ]+['"];?$/.test(text)) return true;
  if (/^package\s+[\w.]+;?$/.test(text) || /^@file:/.test(text)) return true;
  if (/^<\?php/.test(text) || /^namespace\s+[\w\\]+;$/.test(text) || /^declare\s*\(.*\);$/.test(text)) return true;
  if (family === 'rust' && /^#!\[/.test(text)) return true;
  return /^#\s*-\*-/.test(text);
}

function single(index: number, text: string, pattern: RegExp): ImportStatement | undefined {
  const match = pattern.exec(text);
  if (match === null) return undefined;
  return { start: index, end: index + 1, key: collapse(match[1] ?? text), text: collapse(text) };
}

function spanUntil(
  lines: readonly string[],
  index: number,
  isLast: (line: string) => boolean,
  keyOf: (text: string) => string,
): ImportStatement | undefined {
  for (let at = index; at < lines.length && at < index + maxStatementLines; at += 1) {
    if (isLast(lines[at] ?? '')) {
      const text = collapse(lines.slice(index, at + 1).join(' '));
      return { start: index, end: at + 1, key: keyOf(text), text };
    }
  }
  return undefined;
}

function jsImport(lines: readonly string[], index: number, first: string): ImportStatement | undefined {
  const require = /^(?:const|let|var)\s+[^=]+=\s*require\(\s*['"]([^'"]+)['"]\s*\)[\s;]*$/.exec(first);
  if (require !== null) return { start: index, end: index + 1, key: require[1] ?? '', text: collapse(first) };
  const sideEffect = /^import\s*(['"])([^'"]+)\1\s*;?\s*$/.exec(first);
  if (sideEffect !== null) return { start: index, end: index + 1, key: sideEffect[2] ?? '', text: collapse(first) };
  const equalsRequire = /^import\s+\w+\s*=\s*require\(\s*['"]([^'"]+)['"]\s*\)\s*;?\s*$/.exec(first);
  if (equalsRequire !== null) return { start: index, end: index + 1, key: equalsRequire[1] ?? '', text: collapse(first) };
  const isImport = /^import\s+(?:type\s+)?[\w$*{]/.test(first);
  const isReexport = /^export\s+(?:type\s+)?[*{]/.test(first);
  if (!isImport && !isReexport) return undefined;
  for (let at = index; at < lines.length && at < index + maxStatementLines; at += 1) {
    const from = /\bfrom\s*(['"])([^'"]+)\1/.exec(lines[at] ?? '');
    if (from === null) continue;
    const text = collapse(lines.slice(index, at + 1).join(' '));
    const typeOnly = /^(?:import|export)\s+type\b/.test(text);
    const key = `${isReexport ? 'export ' : ''}${typeOnly ? 'type ' : ''}${from[2] ?? ''}`;
    const braces = /\{([^{}]*)\}/.exec(text);
    const statement: ImportStatement = { start: index, end: at + 1, key, text };
    if (braces !== null) statement.names = splitNames(braces[1] ?? '');
    return statement;
  }
  return undefined;
}

function pythonImport(lines: readonly string[], index: number, first: string): ImportStatement | undefined {
  const plain = /^import\s+([\w.]+(?:\s+as\s+\w+)?(?:\s*,\s*[\w.]+(?:\s+as\s+\w+)?)*)\s*(?:#.*)?$/.exec(first);
  if (plain !== null) return { start: index, end: index + 1, key: `import ${collapse(plain[1] ?? '')}`, text: collapse(first) };
  const from = /^from\s+(\.*[\w.]*)\s+import\s+(.*)$/.exec(first);
  if (from === null) return undefined;
  let end = index + 1;
  const rest = from[2] ?? '';
  if (rest.trimStart().startsWith('(') && !rest.includes(')')) {
    while (end < lines.length && end < index + maxStatementLines && !(lines[end - 1] ?? '').includes(')')) end += 1;
    if (!(lines[end - 1] ?? '').includes(')')) return undefined;
  } else {
    while (end < lines.length && /\\\s*$/.test(lines[end - 1] ?? '')) end += 1;
  }
  const text = collapse(
    lines
      .slice(index, end)
      .map((line) => line.replace(/#.*$/, '').replace(/\\\s*$/, ''))
      .join(' '),
  );
  const list = text.slice(text.indexOf(' import ') + ' import '.length).replace(/[()]/g, '');
  return { start: index, end, key: `from ${from[1] ?? ''}`, text, names: splitNames(list) };
}

function rustImport(lines: readonly string[], index: number, first: string): ImportStatement | undefined {
  if (/^extern\s+crate\s+\w+/.test(first)) return { start: index, end: index + 1, key: collapse(first), text: collapse(first) };
  if (!/^(?:pub(?:\s*\([^)]*\))?\s+)?use\s+/.test(first)) return undefined;
  const scanner = new BracketScanner('rust');
  for (let at = index; at < lines.length && at < index + maxStatementLines; at += 1) {
    const scan = scanner.scanLine(lines[at] ?? '');
    if (scanner.depth !== 0 || scan.lastCode !== ';') continue;
    const text = collapse(lines.slice(index, at + 1).join(' '));
    const path = text.replace(/^(?:pub(?:\s*\([^)]*\))?\s+)?use\s+/, '').replace(/;$/, '');
    const statement: ImportStatement = { start: index, end: at + 1, key: path, text };
    const braces = /^([\w:]*::)\{([^{}]*)\}$/.exec(path);
    const simple = /^((?:\w+::)+)(\w+(?:\s+as\s+\w+)?)$/.exec(path);
    if (braces !== null) {
      statement.key = braces[1] ?? path;
      statement.names = splitNames(braces[2] ?? '');
    } else if (simple !== null) {
      statement.key = simple[1] ?? path;
      statement.names = [simple[2] ?? ''];
    }
    return statement;
  }
  return undefined;
}

function splitNames(list: string): string[] {
  return list
    .split(',')
    .map((name) => collapse(name))
    .filter((name) => name !== '');
}

function collapse(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}
