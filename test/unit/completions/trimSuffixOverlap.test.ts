import * as assert from 'node:assert/strict';
import { trimSuffixOverlap } from '../../../src/core/completions/trimSuffixOverlap';

describe('trimSuffixOverlap', () => {
  it('takes the longest safe overlap, falling back to a shorter one', () => {
    // `))` holds the `)` of the completion's own `f(`; the last `)` alone is the one the suffix already has.
    assert.equal(trimSuffixOverlap('f(a))', 'g(', '))', '))'), 'f(a)');
    assert.equal(trimSuffixOverlap('x]})', 'f([{', ']})', ']})'), 'x');
  });

  it('keeps a closer whose opener is in the completion, and brackets inside its strings do not count', () => {
    assert.equal(trimSuffixOverlap('g()', 'f(', ')', ')'), 'g()');
    assert.equal(trimSuffixOverlap('"(" + x)', 'f(', ')', ')'), '"(" + x');
  });

  it('cuts word overlaps only at word boundaries', () => {
    assert.equal(trimSuffixOverlap('totalPrice', 'const x = ', 'Price;', 'Price;'), 'totalPrice');
    assert.equal(trimSuffixOverlap('sum(prices', 'return ', 'prices);', 'prices);'), 'sum(');
  });

  it('compares lines of a block with the suffix whatever its line breaks', () => {
    assert.equal(trimSuffixOverlap('a();\n  b();', '  ', '\r\n\r\n  b();\r\n}', ''), 'a();');
  });
});
