import * as assert from 'node:assert/strict';
import { applyPlacement } from '../../../src/core/edits/applyPlacement';
import { placeByFuzzyMatch } from '../../../src/core/edits/placeByFuzzyMatch';
import { placeFragment } from '../../../src/core/edits/placeFragment';
import type { Placement } from '../../../src/core/edits/placeFragment';
import { fragmentDefinitions } from '../../../src/core/edits/fragmentDefinitions';
import { fuzzyThreshold, newDefinitionsThreshold } from '../../../src/core/edits/placementThresholds';
import { syntaxFamily } from '../../../src/core/edits/syntaxFamily';
import { placementCases } from './placementCorpus/placementCases';
import type { PlacementCase } from './placementCorpus/placementCases';

/** The file's lines with their line breaks, split independently of the code under test. */
function rawLines(text: string): string[] {
  return text.match(/[^\r\n]*(?:\r\n|\r|\n)|[^\r\n]+$/g) ?? [];
}

function place(testCase: PlacementCase): Placement {
  const input: Parameters<typeof placeFragment>[0] = { fileText: testCase.file, fragment: testCase.fragment };
  if (testCase.fileLanguage !== undefined) input.fileLanguage = testCase.fileLanguage;
  if (testCase.fragmentLanguage !== undefined) input.fragmentLanguage = testCase.fragmentLanguage;
  if (testCase.symbols !== undefined) input.symbols = testCase.symbols;
  return placeFragment(input);
}

describe('placing a code block in its file: the corpus of answer/file pairs', () => {
  it('has at least 50 cases, each with a unique name', () => {
    assert.ok(placementCases.length >= 50, `only ${placementCases.length} cases`);
    assert.equal(new Set(placementCases.map((testCase) => testCase.name)).size, placementCases.length);
  });

  for (const testCase of placementCases) {
    const { expect } = testCase;
    it(`${testCase.name}: ${expect.kind}${'rule' in expect ? ` by ${expect.rule}` : ''}${'reason' in expect ? ` (${expect.reason})` : ''}`, () => {
      const placement = place(testCase);
      switch (expect.kind) {
        case 'none':
          assert.deepEqual(placement, { kind: 'none', reason: expect.reason });
          return;
        case 'ambiguous':
          assert.equal(placement.kind, 'ambiguous', JSON.stringify(placement));
          if (placement.kind !== 'ambiguous') return;
          assert.deepEqual(
            placement.candidates.map(({ rule, startLine, endLine }) => ({ rule, startLine, endLine })),
            expect.candidates,
          );
          return;
        case 'placed': {
          assert.equal(placement.kind, 'placed', JSON.stringify(placement));
          if (placement.kind !== 'placed') return;
          assert.deepEqual(
            { rule: placement.rule, startLine: placement.startLine, endLine: placement.endLine },
            { rule: expect.rule, startLine: expect.startLine, endLine: expect.endLine },
          );
          if (expect.symbolName !== undefined) assert.equal(placement.symbolName, expect.symbolName);
          assert.ok(placement.score >= 0 && placement.score <= 1, `score ${placement.score}`);

          const applied = applyPlacement(testCase.file, placement, testCase.fragment);
          if (expect.fileAfter !== undefined) {
            assert.equal(applied, expect.fileAfter);
            assert.ok(applied.includes(expect.becomes), 'the region became the block without its imports');
            return;
          }
          const lines = rawLines(testCase.file);
          const before = lines.slice(0, expect.startLine).join('');
          const after = lines.slice(expect.endLine).join('');
          assert.ok(applied.startsWith(before), 'the lines before the region are unchanged');
          assert.ok(applied.endsWith(after), 'the lines after the region are unchanged');
          const becomes = expect.crlf === true ? expect.becomes.replace(/\n/g, '\r\n') : expect.becomes;
          assert.equal(applied.slice(before.length, applied.length - after.length), becomes);
          if (expect.crlf === true) assert.ok(!/(?<!\r)\n/.test(applied), 'every line of a CRLF file ends with CRLF');
          return;
        }
      }
    });
  }

  it(`the fuzzy thresholds (${fuzzyThreshold}; ${newDefinitionsThreshold} for new definitions) separate the blocks that belong somewhere from those that do not`, () => {
    // Rule "fuzzy" alone, with no threshold: the best score of each block over its file. The blocks the corpus places
    // by fuzzy matching must reach their threshold; those it finds no place for must stay under it. A block made of
    // whole definitions (which rule "symbol" did not find) has the higher threshold.
    const groups = new Map<number, { placed: number[]; unplaced: number[] }>([
      [fuzzyThreshold, { placed: [], unplaced: [] }],
      [newDefinitionsThreshold, { placed: [], unplaced: [] }],
    ]);
    for (const testCase of placementCases) {
      const fragmentLines = rawLines(testCase.fragment).map((line) => line.replace(/\r?\n$/, ''));
      const best = placeByFuzzyMatch(rawLines(testCase.file), fragmentLines, new Map(), 0);
      const score = best?.kind === 'placed' ? best.score : best?.kind === 'ambiguous' ? (best.candidates[0]?.score ?? 0) : 0;
      const definitions = fragmentDefinitions(fragmentLines, syntaxFamily(testCase.fileLanguage));
      const group = groups.get(definitions === undefined ? fuzzyThreshold : newDefinitionsThreshold);
      if (testCase.expect.kind === 'placed' && testCase.expect.rule === 'fuzzy') group?.placed.push(score);
      if (testCase.expect.kind === 'none' && testCase.expect.reason === 'no-match') group?.unplaced.push(score);
    }
    for (const [threshold, { placed, unplaced }] of groups) {
      const list = (scores: number[]) => scores.map((score) => score.toFixed(2)).join(' ') || '-';
      console.log(`      threshold ${threshold}: placed ${list(placed)}; not placed ${list(unplaced)}`);
      assert.ok(
        placed.every((score) => score >= threshold),
        `placed below ${threshold}`,
      );
      assert.ok(
        unplaced.every((score) => score < threshold),
        `not placed at or above ${threshold}`,
      );
    }
    assert.ok([...groups.values()].every(({ placed, unplaced }) => placed.length > 0 && unplaced.length > 0));
  });
});
