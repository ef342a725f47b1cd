// Properties of placing and applying over generated code-like text: placeFragment never throws and gives ranges
// inside the file; applying a placed range leaves every line outside it byte for byte; a block copied from a
// distinctive region of the file is placed over exactly that region.
import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import { applyPlacement } from '../../../src/core/edits/applyPlacement';
import { placeFragment } from '../../../src/core/edits/placeFragment';
import type { PlacedRange } from '../../../src/core/edits/placeFragment';

/** Lines made of the characters code is made of, braces, quotes and comment starts included. */
const codeLine = fc.oneof(
  fc.constantFrom(
    '{',
    '}',
    '});',
    '',
    '  return x;',
    'def f(self):',
    'function g() {',
    '/* } */',
    "const s = '{';",
    '# note',
    'import a from "a";',
    '"key": {',
  ),
  fc.stringMatching(/^[ \t]{0,8}[\w{}()[\];:,.'"`#/*=<>+-]{0,30}$/),
);
const eol = fc.constantFrom('\n', '\r\n');
const language = fc.constantFrom(undefined, 'typescript', 'python', 'go', 'rust', 'java', 'json', 'css', 'ruby', 'markdown');

function rawLines(text: string): string[] {
  return text.match(/[^\r\n]*(?:\r\n|\r|\n)|[^\r\n]+$/g) ?? [];
}

function ranges(placement: ReturnType<typeof placeFragment>): PlacedRange[] {
  if (placement.kind === 'placed') return [placement];
  return placement.kind === 'ambiguous' ? placement.candidates : [];
}

describe('placeFragment and applyPlacement (properties)', () => {
  it('place any block in any file inside the file, and change nothing outside the placed range', () => {
    fc.assert(
      fc.property(
        fc.array(codeLine, { maxLength: 40 }),
        fc.array(codeLine, { maxLength: 12 }),
        eol,
        fc.boolean(),
        language,
        (file, block, lineEnd, finalNewline, fileLanguage) => {
          const fileText = file.join(lineEnd) + (finalNewline && file.length > 0 ? lineEnd : '');
          const fragment = block.join('\n');
          const placement = placeFragment(fileLanguage === undefined ? { fileText, fragment } : { fileText, fragment, fileLanguage });
          const lineCount = rawLines(fileText).length;
          for (const range of ranges(placement)) {
            assert.ok(range.startLine >= 0 && range.startLine <= range.endLine && range.endLine <= lineCount, JSON.stringify(range));
            assert.ok(range.score >= 0 && range.score <= 1);
            const applied = applyPlacement(fileText, range, fragment);
            const lines = rawLines(fileText);
            assert.ok(applied.startsWith(lines.slice(0, range.startLine).join('')));
            assert.ok(applied.endsWith(lines.slice(range.endLine).join('')));
          }
        },
      ),
      { numRuns: 300 },
    );
  });

  it('place a copy of a distinctive region over exactly that region', () => {
    const distinct = fc.uniqueArray(fc.stringMatching(/^[a-z]{3,12}\(\d{1,3}\);$/), { minLength: 6, maxLength: 40 });
    fc.assert(
      fc.property(distinct, fc.nat(), fc.nat(), eol, (statements, a, b, lineEnd) => {
        const start = a % (statements.length - 2);
        const end = start + 2 + (b % (statements.length - start - 1));
        const fileText = statements.map((statement) => `  ${statement}`).join(lineEnd) + lineEnd;
        const placement = placeFragment({ fileText, fragment: statements.slice(start, end).join('\n') });
        assert.equal(placement.kind, 'placed');
        if (placement.kind !== 'placed') return;
        assert.deepEqual([placement.startLine, placement.endLine], [start, end]);
        assert.equal(applyPlacement(fileText, placement, statements.slice(start, end).join('\n')), fileText);
      }),
      { numRuns: 200 },
    );
  });
});
