// Where the definition that starts on a given line ends (docs/chat.md, "Applying code"): by brace matching for the
// brace languages (strings and comments skipped, see bracketScanner.ts), by indentation for Python, by the `end` at
// the same indentation for Ruby. Used on the file (to find a definition's lines when there is no symbol provider)
// and on the code block (a block that is whole definitions is placed by symbol; one that stops mid-way is not).

import { BracketScanner } from './bracketScanner';
import { indentWidth, isBlank } from './lineKinds';
import type { SyntaxFamily } from './syntaxFamily';

export interface BlockSpan {
  /** The line after the definition's last line. */
  end: number;
  /** The definition has a braced body (a `{` opened and closed again). */
  braced: boolean;
}

/** A next line that continues the declaration rather than starting something else: `{` of Allman style, `.then(…)`, `where`… */
const continuation = /^(?:[{.)\]?:=|&+\-*/<>]|where\b|throws\b|extends\b|implements\b|->)/;

export function blockEnd(lines: readonly string[], start: number, family: SyntaxFamily): BlockSpan | undefined {
  const first = lines[start];
  if (first === undefined) return undefined;
  if (family === 'python') return indentedBlockEnd(lines, start);
  if (family === 'ruby') return rubyBlockEnd(lines, start);
  if (family === 'unknown' && /:\s*(?:#.*)?$/.test(first)) return indentedBlockEnd(lines, start);
  return bracedBlockEnd(lines, start, family);
}

function bracedBlockEnd(lines: readonly string[], start: number, family: SyntaxFamily): BlockSpan | undefined {
  const scanner = new BracketScanner(family);
  const declIndent = indentWidth(lines[start] ?? '');
  let braced = false;
  for (let index = start; index < lines.length; index += 1) {
    const scan = scanner.scanLine(lines[index] ?? '');
    if (scan.openedBrace) braced = true;
    if (scanner.depth < 0) return undefined;
    if (scanner.depth > 0 || scan.open) continue;
    if (braced || scan.lastCode === ';' || scan.lastCode === ',') return { end: index + 1, braced };
    const next = nextContentLine(lines, index + 1);
    if (next === undefined) return { end: index + 1, braced };
    const nextLine = lines[next] ?? '';
    if (indentWidth(nextLine) <= declIndent && !continuation.test(nextLine.trim())) return { end: index + 1, braced };
  }
  return undefined;
}

/** Python: the header (up to the `:` that ends it, over bracketed lines) and every following line indented deeper. */
function indentedBlockEnd(lines: readonly string[], start: number): BlockSpan | undefined {
  const scanner = new BracketScanner('python');
  const declIndent = indentWidth(lines[start] ?? '');
  let header = -1;
  for (let index = start; index < lines.length && index < start + 50; index += 1) {
    const line = lines[index] ?? '';
    const scan = scanner.scanLine(line);
    if (scanner.depth > 0 || scan.open) continue;
    if (scan.lastCode === ':') {
      header = index;
      break;
    }
    // A definition on one line: def f(): return 1, class Empty: pass
    if (/\)\s*(?:->[^:]+)?:\s*\S/.test(line) || /^\s*class\s+\w+\s*:\s*\S/.test(line)) return { end: index + 1, braced: false };
    return undefined;
  }
  if (header < 0) return undefined;
  let last = header;
  let open = false;
  for (let index = header + 1; index < lines.length; index += 1) {
    const line = lines[index] ?? '';
    if (!open) {
      if (isBlank(line)) continue;
      if (indentWidth(line) <= declIndent) break;
    }
    open = scanner.scanLine(line).open;
    last = index;
  }
  return last > header ? { end: last + 1, braced: false } : undefined;
}

/** Ruby: up to the `end` at the definition's own indentation. */
function rubyBlockEnd(lines: readonly string[], start: number): BlockSpan | undefined {
  const first = lines[start] ?? '';
  if (/;\s*end\s*$/.test(first) || /^\s*def\s+[\w.?!=]+(?:\([^)]*\))?\s*=\s*\S/.test(first)) return { end: start + 1, braced: false };
  const declIndent = indentWidth(first);
  for (let index = start + 1; index < lines.length; index += 1) {
    const line = lines[index] ?? '';
    if (isBlank(line)) continue;
    const width = indentWidth(line);
    if (width === declIndent && /^end\b/.test(line.trim())) return { end: index + 1, braced: false };
    if (width < declIndent) return undefined;
  }
  return undefined;
}

function nextContentLine(lines: readonly string[], from: number): number | undefined {
  for (let index = from; index < lines.length; index += 1) if (!isBlank(lines[index] ?? '')) return index;
  return undefined;
}
