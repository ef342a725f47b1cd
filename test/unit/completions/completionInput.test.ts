import * as assert from 'node:assert/strict';
import { buildCompletionInput, defaultCompletionBudget } from '../../../src/core/completions/completionInput';
import { inputAt } from './cursorInput';

/** A TypeScript file of `count` numbered functions. */
function functions(count: number, name = 'step'): string {
  return Array.from({ length: count }, (_, i) => `export function ${name}${i}(value: number): number {\n  return value + ${i};\n}\n`).join(
    '\n',
  );
}

describe('buildCompletionInput', () => {
  it('takes the whole file around the cursor when it fits the budget', () => {
    const input = inputAt('import { sum } from "./sum";\n\nexport const total = sum(█);\n');
    assert.equal(input.prefix, 'import { sum } from "./sum";\n\nexport const total = sum(');
    assert.equal(input.suffix, ');\n');
    assert.equal(input.languageId, 'typescript');
    assert.equal(input.path, 'src/current.typescript');
    assert.deepEqual(input.snippets, []);
    assert.equal(input.multiline, false);
  });

  it('cuts the prefix at a line start and the suffix at a line end, within the budget', () => {
    const before = functions(200);
    const after = functions(200, 'later');
    const input = inputAt(`${before}export const answer = step1(█);\n${after}`, 'typescript', [], { prefixChars: 1_000, suffixChars: 500 });
    assert.ok(input.prefix.length <= 1_000 && input.prefix.length > 900, `prefix of ${input.prefix.length}`);
    const fromBefore = input.prefix.slice(0, input.prefix.indexOf('export const answer'));
    assert.ok(before.endsWith(fromBefore));
    assert.equal(before.charAt(before.length - fromBefore.length - 1), '\n', 'the prefix does not start at a line start');
    assert.ok(input.prefix.endsWith('export const answer = step1('));
    assert.ok(input.suffix.length <= 500 && input.suffix.length > 400, `suffix of ${input.suffix.length}`);
    assert.ok(input.suffix.startsWith(');\n'));
    const intoAfter = input.suffix.slice(');\n'.length);
    assert.ok(after.startsWith(intoAfter));
    assert.equal(after.charAt(intoAfter.length), '\n', 'the suffix does not end at a line end');
  });

  it('leaves no carriage return at the end of a cut suffix of a CRLF file', () => {
    const text = `${'let a = 1;\r\n'.repeat(50)}█${'let b = 2;\r\n'.repeat(50)}`;
    const input = inputAt(text, 'typescript', [], { prefixChars: 100, suffixChars: 100 });
    assert.ok(input.suffix.endsWith('let b = 2;'), JSON.stringify(input.suffix.slice(-12)));
    assert.ok(input.prefix.startsWith('let a = 1;'));
  });

  it('cuts a line longer than the budget mid-line, never inside a surrogate pair', () => {
    const minified = `var s="${'😀'.repeat(3_000)}";█var t="${'😀'.repeat(3_000)}";`;
    for (const chars of [99, 100, 101]) {
      const input = inputAt(minified, 'javascript', [], { prefixChars: chars, suffixChars: chars });
      assert.ok(input.prefix.length <= chars && input.prefix.length >= chars - 1);
      assert.ok(input.suffix.length <= chars && input.suffix.length >= chars - 1);
      assert.ok(!/^[\uDC00-\uDFFF]/.test(input.prefix), 'the prefix starts with half a character');
      assert.ok(!/[\uD800-\uDBFF]$/.test(input.suffix), 'the suffix ends with half a character');
    }
  });

  it('clamps a cursor outside the text', () => {
    const input = buildCompletionInput({ text: 'let x = 1;', offset: 99, languageId: 'typescript' }, []);
    assert.equal(input.prefix, 'let x = 1;');
    assert.equal(input.suffix, '');
    assert.equal(input.path, undefined);
  });

  it('decides single line or block from the cursor', () => {
    assert.equal(inputAt('def area(radius):\n    █\n', 'python').multiline, true);
    assert.equal(inputAt('const total = compute(█);').multiline, false);
  });

  it('uses the documented default budget', () => {
    const big = functions(2_000);
    const middle = Math.floor(big.length / 2);
    const input = buildCompletionInput({ text: big, offset: middle, languageId: 'typescript' }, []);
    assert.ok(
      input.prefix.length <= defaultCompletionBudget.prefixChars && input.prefix.length > defaultCompletionBudget.prefixChars - 100,
    );
    assert.ok(
      input.suffix.length <= defaultCompletionBudget.suffixChars && input.suffix.length > defaultCompletionBudget.suffixChars - 100,
    );
  });
});
