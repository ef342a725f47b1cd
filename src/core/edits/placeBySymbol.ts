// Rule "symbol" of placing a code block (docs/chat.md, "Applying code"): a block made of whole definitions replaces
// the file's definitions of the same names: a method inside its class, a function, a CSS rule by its selector, a
// JSON key. Several definitions in the block replace the file's as one region, if they are next to each other there.
// When a name is defined more than once (overloads, one method name in two classes), the block's own context
// decides (Go's receiver, `Type::name`, a method vs a top-level function), then how alike each candidate is to the
// block; what is still a tie is left to the user ('ambiguous').

import { BracketScanner } from './bracketScanner';
import { fileDefinitions } from './fileDefinitions';
import type { FileDefinition } from './fileDefinitions';
import type { FragmentDefinition } from './fragmentDefinitions';
import { isBlank, isCommentLine, isDecoratorLine } from './lineKinds';
import { lineSimilarity } from './lineSimilarity';
import { ambiguityMargin } from './placementThresholds';
import type { PlacedRange, Placement, SymbolOutline } from './placementTypes';
import type { SyntaxFamily } from './syntaxFamily';
import { contentLines, normalizeLine } from './textLines';

interface Choice {
  start: number;
  end: number;
  name: string;
}

const typeKinds = new Set([
  'type',
  'class',
  'interface',
  'struct',
  'enum',
  'impl',
  'module',
  'namespace',
  'object',
  'trait',
  'key',
  'rule',
]);
const functionKinds = new Set(['function', 'method', 'constructor', 'variable', 'constant', 'property', 'field', 'operator']);

/** `definitions` are the block's, from fragmentDefinitions (undefined when it is not made of whole definitions). */
export function placeBySymbol(
  fileLines: readonly string[],
  fragmentLines: readonly string[],
  definitions: readonly FragmentDefinition[] | undefined,
  family: SyntaxFamily,
  symbols: readonly SymbolOutline[] | undefined,
  cache: Map<string, number>,
): Placement | undefined {
  if (definitions === undefined) return undefined;
  const named = fileDefinitions(fileLines, family, new Set(definitions.map((definition) => definition.declaration.name)), symbols);
  const perDefinition = definitions.map((definition) => choicesFor(definition, named, fileLines, fragmentLines, family, cache));
  if (perDefinition.every((choices) => choices.length === 0)) return undefined;

  // One region: every combination of the choices whose definitions lie next to each other in the file.
  const matched = perDefinition.filter((choices) => choices.length > 0);
  const regions = combinations(matched, 16)
    .map((combination) => unionIfAdjacent(combination, fileLines, family))
    .filter((region): region is Choice => region !== undefined)
    .map((region) => withRepeatedEdges(region, fileLines, fragmentLines, definitions))
    .filter((region, index, all) => all.findIndex((other) => other.start === region.start && other.end === region.end) === index);
  if (regions.length === 0) return { kind: 'none', reason: 'no-match' };
  const fragment = contentLines(fragmentLines);
  const ranges = regions.map((region): PlacedRange => {
    const score = lineSimilarity(contentLines(fileLines.slice(region.start, region.end)), fragment, cache);
    return { rule: 'symbol', startLine: region.start, endLine: region.end, score, symbolName: region.name };
  });
  if (ranges.length === 1 && ranges[0] !== undefined) return { kind: 'placed', ...ranges[0] };
  return { kind: 'ambiguous', candidates: ranges.sort((a, b) => a.startLine - b.startLine) };
}

/** The file definitions this block definition may replace, after context and likeness have narrowed them. */
function choicesFor(
  definition: FragmentDefinition,
  named: readonly FileDefinition[],
  fileLines: readonly string[],
  fragmentLines: readonly string[],
  family: SyntaxFamily,
  cache: Map<string, number>,
): Choice[] {
  const { declaration } = definition;
  let candidates = named.filter((candidate) => candidate.name === declaration.name);
  const narrow = (keep: (candidate: FileDefinition) => boolean) => {
    const kept = candidates.filter(keep);
    if (kept.length > 0) candidates = kept;
  };
  if (candidates.length > 1 && declaration.context !== undefined) {
    const context = declaration.context;
    narrow((candidate) => candidate.parents.some((parent) => parent === context || parent.endsWith(` ${context}`)));
  }
  // (A JSON key or a CSS rule is one kind whatever its value or the provider calls it.)
  if (candidates.length > 1 && declaration.kind !== 'key' && declaration.kind !== 'rule') {
    const wanted = typeKinds.has(declaration.kind) ? typeKinds : functionKinds;
    narrow((candidate) => wanted.has(candidate.kind.toLowerCase()));
  }
  if (candidates.length > 1 && declaration.kind === 'method') narrow((candidate) => candidate.parents.length > 0);
  if (candidates.length > 1 && declaration.kind === 'function' && (family === 'js' || family === 'python')) {
    narrow((candidate) => candidate.parents.length === 0);
  }
  const choices = candidates.map((candidate): Choice => {
    const start = regionStart(fileLines, candidate.declLine, definition, family);
    const parent = candidate.parents.at(-1);
    return { start, end: candidate.end, name: parent === undefined ? candidate.name : `${parent}.${candidate.name}` };
  });
  if (choices.length <= 1) return choices;
  // Still more than one: the most alike wins, unless another is within the margin (then the user chooses).
  const own = contentLines(fragmentLines.slice(definition.start, definition.end));
  const scored = choices
    .map((choice) => ({ choice, score: lineSimilarity(contentLines(fileLines.slice(choice.start, choice.end)), own, cache) }))
    .sort((a, b) => b.score - a.score);
  const best = scored[0]?.score ?? 0;
  const margin = ambiguityMargin(own.length);
  return scored.filter((entry) => entry.score >= best - margin).map((entry) => entry.choice);
}

/**
 * Where the replaced region starts: the declaration line, or above it over the decorators when the block has its
 * own, and over the doc comment when the block has one that stands for it (see docCommentsAlike).
 */
function regionStart(lines: readonly string[], declLine: number, definition: FragmentDefinition, family: SyntaxFamily): number {
  let start = declLine;
  let at = declLine - 1;
  const comment: string[] = [];
  while (at >= 0) {
    const line = lines[at] ?? '';
    if (isBlank(line)) break;
    if (definition.hasDecorators && isDecoratorLine(line, family)) {
      start = at;
      at -= 1;
      continue;
    }
    const decoratorStart = definition.hasDecorators ? multilineDecoratorStart(lines, at, family) : undefined;
    if (decoratorStart !== undefined) {
      start = decoratorStart;
      at = decoratorStart - 1;
      continue;
    }
    if (definition.leadingComment.length > 0 && isCommentLine(line, family)) {
      comment.unshift(line.trim());
      at -= 1;
      continue;
    }
    break;
  }
  if (comment.length === 0 || !docCommentsAlike(definition, comment)) return start;
  // A block that starts inside a doc comment (" * …" or " */") replaces the file's comment from that line on only.
  const first = normalizeLine(definition.leadingComment[0] ?? '');
  if (!first.startsWith('*')) return Math.min(start, at + 1);
  const from = comment.findIndex((line) => normalizeLine(line) === first);
  return from < 0 ? start : Math.min(start, at + 1 + from);
}

/**
 * The region grown over the file's lines next to it that the block repeats around its definitions: an import line
 * or comment the block starts with and the file has right above, a comment it ends with that the file has right
 * below. What the block has there and the file has not stays in the block (see applyPlacement for imports).
 */
function withRepeatedEdges(
  region: Choice,
  fileLines: readonly string[],
  fragmentLines: readonly string[],
  definitions: readonly FragmentDefinition[],
): Choice {
  const lead = contentLines(fragmentLines.slice(0, definitions[0]?.start ?? 0));
  const trail = contentLines(fragmentLines.slice(definitions.at(-1)?.end ?? fragmentLines.length));
  let { start, end } = region;
  for (let at = start - 1, next = lead.length - 1; at >= 0 && next >= 0; at -= 1) {
    const line = fileLines[at] ?? '';
    if (isBlank(line)) continue;
    if (normalizeLine(line) !== lead[next]) break;
    start = at;
    next -= 1;
  }
  for (let at = end, next = 0; at < fileLines.length && next < trail.length; at += 1) {
    const line = fileLines[at] ?? '';
    if (isBlank(line)) continue;
    if (normalizeLine(line) !== trail[next]) break;
    end = at + 1;
    next += 1;
  }
  return { ...region, start, end };
}

/** Line `last` ends a decorator that started higher up (`@Component({` … `})`): that decorator's first line. */
function multilineDecoratorStart(lines: readonly string[], last: number, family: SyntaxFamily): number | undefined {
  if (!/[)\]}]\s*$/.test(lines[last] ?? '')) return undefined;
  for (let first = last - 1; first >= 0 && first >= last - 40; first -= 1) {
    const line = lines[first] ?? '';
    if (isBlank(line)) return undefined;
    if (!isDecoratorLine(line, family)) continue;
    const scanner = new BracketScanner(family);
    for (let at = first; at <= last; at += 1) scanner.scanLine(lines[at] ?? '');
    return scanner.depth === 0 ? first : undefined;
  }
  return undefined;
}

/**
 * Whether the block's comment above a definition replaces the file's: when it is a doc comment (`/**`, `///`,
 * `//!`), names the definition (Go's convention), or shares a line with the file's. A remark of the model's
 * ("// Updated version") does not replace the file's documentation; it lands above it.
 */
function docCommentsAlike(definition: FragmentDefinition, fileComment: readonly string[]): boolean {
  const first = definition.leadingComment[0] ?? '';
  if (/^(?:\/\*\*|\/\/\/|\/\/!|\/\*!)/.test(first)) return true;
  const name = definition.declaration.name;
  if (definition.leadingComment.some((line) => new RegExp(`(?:^|\\W)${escapeRegExp(name)}(?:\\W|$)`).test(line))) return true;
  const own = new Set(definition.leadingComment.map(normalizeLine));
  return fileComment.some((line) => own.has(normalizeLine(line)));
}

/** The union of the chosen regions when only blank lines, comments and decorators lie between them. */
function unionIfAdjacent(choices: readonly Choice[], lines: readonly string[], family: SyntaxFamily): Choice | undefined {
  const sorted = [...choices].sort((a, b) => a.start - b.start);
  const first = sorted[0];
  if (first === undefined) return undefined;
  let end = first.end;
  for (const choice of sorted.slice(1)) {
    if (choice.start < end) return undefined;
    for (let at = end; at < choice.start; at += 1) {
      const line = lines[at] ?? '';
      if (!isBlank(line) && !isCommentLine(line, family) && !isDecoratorLine(line, family)) return undefined;
    }
    end = choice.end;
  }
  return { start: first.start, end, name: sorted.map((choice) => choice.name).join(', ') };
}

/** Every way of taking one choice from each list, at most `limit` of them. */
function combinations(lists: readonly (readonly Choice[])[], limit: number): Choice[][] {
  let result: Choice[][] = [[]];
  for (const list of lists) {
    result = result.flatMap((prefix) => list.map((choice) => [...prefix, choice])).slice(0, limit);
  }
  return result;
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
