// Joins a code block of import statements with the file's import block it was placed over (docs/chat.md,
// "Applying code"), so "add these imports" adds them instead of replacing the file's imports with the block's few.
// A statement of the block that imports from a module the file already imports from is joined with it (the names
// of both lists, or the block's statement when it says more); the others are added after the file's last import.
// The file's own order, comments and blank lines stay as they are.

import { importFamilies, parseImportLines } from './importStatements';
import type { ImportStatement } from './importStatements';
import { indentOf } from './lineKinds';
import type { SyntaxFamily } from './syntaxFamily';

/** The merged lines, or undefined when the region and the fragment are not both only imports of one language. */
export function mergeImports(regionLines: readonly string[], fragmentLines: readonly string[]): string[] | undefined {
  for (const family of importFamilies) {
    const region = parseImportLines(regionLines, family);
    const fragment = parseImportLines(fragmentLines, family);
    if (region === undefined || fragment === undefined) continue;
    if (region.statements.length === 0 || fragment.statements.length === 0) continue;
    const group = family === 'go' ? region.statements.find((statement) => statement.key === 'import (') : undefined;
    if (group !== undefined) return mergeGoGroup(regionLines, group, fragmentLines, fragment.statements);
    return mergeStatements(regionLines, region.statements, fragmentLines, fragment.statements, family);
  }
  return undefined;
}

function mergeStatements(
  regionLines: readonly string[],
  regionStatements: readonly ImportStatement[],
  fragmentLines: readonly string[],
  fragmentStatements: readonly ImportStatement[],
  family: SyntaxFamily,
): string[] {
  const indent = indentOf(regionLines[regionStatements[0]?.start ?? 0] ?? '');
  const used = new Set<ImportStatement>();
  const out: string[] = [];
  let afterLastStatement = 0;
  const byStart = new Map(regionStatements.map((statement) => [statement.start, statement]));
  for (let index = 0; index < regionLines.length;) {
    const statement = byStart.get(index);
    if (statement === undefined) {
      out.push(regionLines[index] ?? '');
      index += 1;
      continue;
    }
    const own = regionLines.slice(statement.start, statement.end);
    const match = fragmentStatements.find((candidate) => !used.has(candidate) && candidate.key === statement.key);
    if (match === undefined) {
      out.push(...own);
    } else {
      used.add(match);
      out.push(...joinStatements(statement, own, match, reindent(fragmentLines.slice(match.start, match.end), indent), family, indent));
    }
    afterLastStatement = out.length;
    index = statement.end;
  }
  const added = fragmentStatements
    .filter((statement) => !used.has(statement) && !regionStatements.some((own) => own.text === statement.text))
    .flatMap((statement) => reindent(fragmentLines.slice(statement.start, statement.end), indent));
  out.splice(afterLastStatement, 0, ...added);
  return out;
}

/** Two statements importing from one module, as one (or both, when neither says all the other says). */
function joinStatements(
  own: ImportStatement,
  ownLines: string[],
  theirs: ImportStatement,
  theirLines: string[],
  family: SyntaxFamily,
  indent: string,
): string[] {
  if (own.text === theirs.text) return ownLines;
  if (own.names !== undefined && theirs.names !== undefined) {
    const ownNames = own.names;
    const union = [...ownNames, ...theirs.names.filter((name) => !ownNames.includes(name))];
    if (union.length === ownNames.length) return ownLines;
    if (ownNames.every((name) => theirs.names?.includes(name) === true)) return theirLines;
    const rebuilt = withNames(own, union, family);
    if (rebuilt !== undefined) return [indent + rebuilt];
  }
  const ownWords = words(own.text);
  const theirWords = words(theirs.text);
  if ([...ownWords].every((word) => theirWords.has(word))) return theirLines;
  if ([...theirWords].every((word) => ownWords.has(word))) return ownLines;
  return [...ownLines, ...theirLines];
}

function withNames(statement: ImportStatement, names: readonly string[], family: SyntaxFamily): string | undefined {
  const list = names.join(', ');
  switch (family) {
    case 'js':
      return statement.text.replace(/\{[^{}]*\}/, `{ ${list} }`);
    case 'python':
      return `${statement.key} import ${list}`;
    case 'rust': {
      const prefix = /^((?:pub(?:\s*\([^)]*\))?\s+)?use\s+)/.exec(statement.text)?.[1] ?? 'use ';
      return `${prefix}${statement.key}{${list}};`;
    }
    default:
      return undefined;
  }
}

/** Go: the block's imports that the file's `import ( … )` group lacks go in before its `)`. */
function mergeGoGroup(
  regionLines: readonly string[],
  group: ImportStatement,
  fragmentLines: readonly string[],
  fragmentStatements: readonly ImportStatement[],
): string[] {
  const specs = (lines: readonly string[]) => lines.map((line) => line.trim()).filter((line) => line !== '' && !line.startsWith('//'));
  const pathOf = (spec: string) => /"([^"]+)"/.exec(spec)?.[1] ?? spec;
  const inner = regionLines.slice(group.start + 1, group.end - 1);
  const present = new Set(specs(regionLines).map(pathOf));
  const wanted = fragmentStatements.flatMap((statement) =>
    statement.key === 'import ('
      ? specs(fragmentLines.slice(statement.start + 1, statement.end - 1))
      : [statement.text.replace(/^import\s+/, '')],
  );
  const innerIndent = indentOf(inner.find((line) => line.trim() !== '') ?? '\t') || '\t';
  const added = wanted.filter((spec) => !present.has(pathOf(spec))).map((spec) => innerIndent + spec);
  return [...regionLines.slice(0, group.end - 1), ...added, ...regionLines.slice(group.end - 1)];
}

function reindent(lines: readonly string[], indent: string): string[] {
  const common = Math.min(...lines.filter((line) => line.trim() !== '').map((line) => indentOf(line).length));
  return lines.map((line) => (line.trim() === '' ? line : indent + line.slice(Number.isFinite(common) ? common : 0)));
}

function words(text: string): Set<string> {
  return new Set(text.match(/[\w$@./-]+/g) ?? []);
}
