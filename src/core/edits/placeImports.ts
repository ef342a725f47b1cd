// Imports of placing a code block (docs/chat.md, "Applying code"): a block made only of import statements goes over
// the file's import block (reported as rule "anchors"), where applyPlacement merges the two (mergeImports.ts); a
// file without imports gets them inserted after its preamble (a shebang, comments, `package`, a module docstring).

import { importBlock, importFamilyOf, parseImportLines } from './importStatements';
import { lineSimilarity } from './lineSimilarity';
import type { Placement } from './placementTypes';
import type { SyntaxFamily } from './syntaxFamily';
import { contentLines } from './textLines';

export function placeImports(
  fileLines: readonly string[],
  fragmentLines: readonly string[],
  family: SyntaxFamily,
  cache: Map<string, number>,
): Placement | undefined {
  const importFamily = family === 'unknown' ? importFamilyOf(fragmentLines, 'js') : family;
  if (importFamily === undefined) return undefined;
  const parsed = parseImportLines(fragmentLines, importFamily);
  if (parsed === undefined || parsed.statements.length === 0) return undefined;
  const block = importBlock(fileLines, importFamily);
  // A file of unknown syntax (Markdown, HTML) with no imports of its own is no place to insert imports at the top of.
  if ('insertAt' in block && family === 'unknown') return undefined;
  if ('insertAt' in block) return { kind: 'placed', rule: 'anchors', startLine: block.insertAt, endLine: block.insertAt, score: 0 };
  const score = lineSimilarity(contentLines(fileLines.slice(block.start, block.end)), contentLines(fragmentLines), cache);
  return { kind: 'placed', rule: 'anchors', startLine: block.start, endLine: block.end, score };
}
