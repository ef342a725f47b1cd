// The definitions a code block (re)defines, when it is made of whole definitions (docs/chat.md, "Applying code"):
// optional leading imports, then one or more declarations at one indentation, each with its comments and
// decorators above it and its whole body (see blockEnd.ts). A block with any other statement at that level, or one
// whose definition stops mid-way, is not placed by symbol but by its lines (anchors, fuzzy matching).

import { blockEnd } from './blockEnd';
import { BracketScanner } from './bracketScanner';
import { declarationOf } from './declarationOf';
import type { Declaration } from './declarationOf';
import { leadingImportsEnd } from './importStatements';
import { indentWidth, isBlank, isCommentLine, isDecoratorLine } from './lineKinds';
import type { SyntaxFamily } from './syntaxFamily';

export interface FragmentDefinition {
  declaration: Declaration;
  /** The first line: its leading comments and decorators included. */
  start: number;
  /** The line that declares it. */
  declLine: number;
  /** The line after its last one. */
  end: number;
  hasDecorators: boolean;
  /** The comment lines right above it (or above its decorators), trimmed. */
  leadingComment: string[];
}

export function fragmentDefinitions(lines: readonly string[], family: SyntaxFamily): FragmentDefinition[] | undefined {
  const definitions: FragmentDefinition[] = [];
  let baseIndent: number | undefined;
  let index = leadingImportsEnd(lines, family);
  while (index < lines.length) {
    while (index < lines.length && isBlank(lines[index] ?? '')) index += 1;
    if (index >= lines.length) break;
    const start = index;
    let hasDecorators = false;
    let leadingComment: string[] = [];
    while (index < lines.length) {
      const line = lines[index] ?? '';
      if (isBlank(line)) {
        leadingComment = [];
        index += 1;
      } else if (isCommentLine(line, family)) {
        leadingComment.push(line.trim());
        index += 1;
      } else if (isDecoratorLine(line, family)) {
        hasDecorators = true;
        index = decoratorEnd(lines, index, family);
      } else {
        break;
      }
    }
    if (index >= lines.length) {
      // Only comments after the last definition: fine; only comments at all: nothing to place by.
      if (definitions.length > 0 && !hasDecorators) break;
      return undefined;
    }
    const declaration = declarationOf(lines[index] ?? '', family);
    if (declaration === undefined) return undefined;
    const indent = indentWidth(lines[index] ?? '');
    baseIndent ??= indent;
    if (indent !== baseIndent) return undefined;
    const span = blockEnd(lines, index, family);
    if (span === undefined || (declaration.needsBody === true && !span.braced)) return undefined;
    definitions.push({ declaration, start, declLine: index, end: span.end, hasDecorators, leadingComment });
    index = span.end;
  }
  return definitions.length > 0 ? definitions : undefined;
}

/** The line after a decorator that may span lines: `@Component({` … `})`. */
export function decoratorEnd(lines: readonly string[], index: number, family: SyntaxFamily): number {
  const scanner = new BracketScanner(family);
  for (let at = index; at < lines.length && at < index + 60; at += 1) {
    const scan = scanner.scanLine(lines[at] ?? '');
    if (scanner.depth <= 0 && !scan.open) return at + 1;
  }
  return index + 1;
}
