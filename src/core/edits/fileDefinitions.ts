// The definitions of the file that carry given names (docs/chat.md, "Applying code"): from VS Code's document
// symbols when the language has a provider (their names and ranges are the language's own), else (or when the
// provider lists none of the names) found in the text with the declaration patterns of declarationOf.ts and the
// block ends of blockEnd.ts.

import { blockEnd } from './blockEnd';
import { declarationOf, normalizeSelector, withoutGenerics } from './declarationOf';
import { indentWidth, isBlank, isCommentLine, isDecoratorLine } from './lineKinds';
import type { SymbolOutline } from './placementTypes';
import type { SyntaxFamily } from './syntaxFamily';

export interface FileDefinition {
  name: string;
  /** The symbol's kind (VS Code's SymbolKind name) or the declaration's kind when found in the text. */
  kind: string;
  /** The names of the definitions it sits in, outermost first, and the type its declaration names (Go's receiver). */
  parents: string[];
  /** The line that declares it: its first line after any decorators and comments. */
  declLine: number;
  /** The line after its last one. */
  end: number;
}

export function fileDefinitions(
  lines: readonly string[],
  family: SyntaxFamily,
  names: ReadonlySet<string>,
  symbols: readonly SymbolOutline[] | undefined,
): FileDefinition[] {
  // A provider that lists none of the names may not list that kind of definition (an object literal's methods):
  // the text is searched then, with the same patterns that found the names in the block.
  const fromProvider = symbols !== undefined && symbols.length > 0 ? fromSymbols(lines, family, names, symbols) : [];
  return fromProvider.length > 0 ? fromProvider : fromText(lines, family, names);
}

/** A symbol's name as declarations are compared: `(*Server).Stop` → Stop in Server, `parse(String)` → parse. */
export function symbolName(written: string, family: SyntaxFamily): { name: string; context?: string } {
  const text = written.trim();
  if (family === 'css') return { name: normalizeSelector(text) };
  if (family === 'json') return { name: text };
  if (/^impl\b/.test(text)) return { name: `impl ${withoutGenerics(text.replace(/^impl\b\s*(?:<(?:[^<>]|<[^<>]*>)*>)?/, ''))}` };
  const receiver = /^\(\*?\s*([A-Za-z_]\w*)(?:\[[^\]]*\])?\)\.([A-Za-z_]\w*)$/.exec(text);
  if (receiver !== null) return { name: receiver[2] ?? text, context: receiver[1] ?? '' };
  const bare = withoutGenerics(text.replace(/\(.*$/s, '')).replace(/^(?:get|set|static|async)\s+/, '');
  const parts = bare.split(/::|\./).filter((part) => part !== '');
  const name = parts.at(-1) ?? bare;
  const context = parts.at(-2);
  return context === undefined ? { name } : { name, context };
}

function fromSymbols(
  lines: readonly string[],
  family: SyntaxFamily,
  names: ReadonlySet<string>,
  symbols: readonly SymbolOutline[],
): FileDefinition[] {
  const found: FileDefinition[] = [];
  const walk = (list: readonly SymbolOutline[], parents: string[]) => {
    for (const symbol of list) {
      const { name, context } = symbolName(symbol.name, family);
      if (names.has(name)) {
        const start = clamp(symbol.startLine, 0, lines.length);
        const end = clamp(symbol.endLine + 1, start + 1, lines.length);
        found.push({
          name,
          kind: symbol.kind,
          parents: context === undefined ? parents : [...parents, context],
          declLine: declarationLine(lines, start, end, name, family),
          end,
        });
      }
      walk(symbol.children, [...parents, symbolName(symbol.name, family).name]);
    }
  };
  walk(symbols, []);
  return found;
}

/** Where in a symbol's range its declaration is: ranges may start at its decorators or doc comment. */
function declarationLine(lines: readonly string[], start: number, end: number, name: string, family: SyntaxFamily): number {
  for (let index = start; index < end && index < start + 40; index += 1) {
    if (declarationOf(lines[index] ?? '', family)?.name === name) return index;
  }
  for (let index = start; index < end && index < start + 40; index += 1) {
    const line = lines[index] ?? '';
    if (isBlank(line) || isCommentLine(line, family) || isDecoratorLine(line, family)) continue;
    return line.includes(name) ? index : start;
  }
  return start;
}

function fromText(lines: readonly string[], family: SyntaxFamily, names: ReadonlySet<string>): FileDefinition[] {
  // A cheap test first: a line can only declare one of the names if it contains the name's first word.
  const words = [...names].map((name) => name.replace(/^impl /, '').split(/[\s,>+~:([]/)[0] ?? name);
  const found: FileDefinition[] = [];
  lines.forEach((line, index) => {
    if (!words.some((word) => line.includes(word))) return;
    const declaration = declarationOf(line, family);
    if (declaration === undefined || !names.has(declaration.name)) return;
    const span = blockEnd(lines, index, family);
    if (span === undefined || (declaration.needsBody === true && !span.braced)) return;
    const parents = enclosingNames(lines, index, family);
    if (declaration.context !== undefined) parents.push(declaration.context);
    found.push({ name: declaration.name, kind: declaration.kind, parents, declLine: index, end: span.end });
  });
  return found;
}

/** The definitions whose blocks hold line `index`, outermost first, found by walking up to lower indentation. */
function enclosingNames(lines: readonly string[], index: number, family: SyntaxFamily): string[] {
  const names: string[] = [];
  let indent = indentWidth(lines[index] ?? '');
  for (let at = index - 1; at >= 0 && indent > 0; at -= 1) {
    const line = lines[at] ?? '';
    if (isBlank(line) || isCommentLine(line, family)) continue;
    const width = indentWidth(line);
    if (width >= indent) continue;
    if (line.trim() === '{') {
      // An Allman-style brace: the declaration it opens is on the line above, at the brace's indentation.
      indent = width + 1;
      continue;
    }
    indent = width;
    const declaration = declarationOf(line, family);
    if (declaration === undefined) continue;
    const span = blockEnd(lines, at, family);
    if (span !== undefined && span.end > index) names.unshift(declaration.name);
  }
  return names;
}

function clamp(value: number, low: number, high: number): number {
  return Math.max(low, Math.min(high, value));
}
