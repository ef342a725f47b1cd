import * as assert from 'node:assert/strict';
import { cutToBlock } from '../../../src/core/completions/cutToBlock';
import { inputAt } from './cursorInput';

describe('cutToBlock', () => {
  it('returns a one-line answer as it is', () => {
    assert.equal(cutToBlock('return 1;', inputAt('function f() {\n  █\n}'), ''), 'return 1;');
  });

  it('keeps deeper lines and blank lines inside the block', () => {
    const body = 'for (const item of items) {\n    total += item;\n  }\n\n  return total;';
    assert.equal(cutToBlock(`${body}\n}\n`, inputAt('function f(items: number[]) {\n  █\n}'), ''), `${body}\n`);
  });

  it('closes a block with `end` in Ruby', () => {
    assert.equal(cutToBlock('\n  puts "hi"\nend\n\ndef other', inputAt('def greet█', 'ruby'), ''), '\n  puts "hi"\nend');
  });

  it('measures tabs and spaces alike', () => {
    assert.equal(cutToBlock('return 1;\n}\nfoo();', inputAt('function f() {\n\t█\n}'), ''), 'return 1;\n');
  });
});
