import * as assert from 'node:assert/strict';
import { hasCodeSign, isProseLine, judgeBareReply } from '../../../src/core/edits/looksLikeCode';

describe('isProseLine', () => {
  const prose = [
    'Here is the refactored code:',
    'This function adds two numbers.',
    'I made the following changes!',
    'Вот исправленный код:',
    '- Renamed the variable to be clearer.',
    '1. Extracted a helper function.',
    'The result (as before) is cached.',
    'Note that this version avoids the extra allocation and keeps the order',
    'Is this what you wanted?',
  ];
  const notProse = [
    'return a + b;',
    'for item in items:',
    'const value = compute(input);',
    'SELECT id FROM users WHERE active = 1;',
    'SELECT name FROM users WHERE id IN ids',
    'Console.WriteLine("Hello, world.");',
    'import os',
    'End Sub',
    'Hello world.',
    'else:',
    'def f(x):',
    'class Foo(Base):',
    'x = "A value that is long and ends with a period."',
  ];
  for (const line of prose) it(`prose: ${line}`, () => assert.equal(isProseLine(line), true));
  for (const line of notProse) it(`not prose: ${line}`, () => assert.equal(isProseLine(line), false));
});

describe('hasCodeSign', () => {
  it('sees brackets, operators and keywords', () => {
    for (const line of ['f(x)', 'a = 1', 'x;', '<div>', 'import os', 'return', 'pub fn main', 'end'])
      assert.equal(hasCodeSign(line), true, line);
    for (const line of ['Sure', 'Thanks a lot', 'OK!', 'importance']) assert.equal(hasCodeSign(line), false, line);
  });
});

describe('judgeBareReply', () => {
  it('accepts code with block comments, docstrings and line comments full of sentences', () => {
    for (const reply of [
      '/*\n This module does things.\n It is very useful.\n */\nint main() { return 0; }',
      "'''\nReturns the answer to everything.\n'''\nanswer = 42",
      '# This is the main entry point.\nmain()',
      '<!--\n The header of the page.\n-->\n<h1>Hi</h1>',
      '=begin\nThis is a Ruby block comment.\n=end\nputs 1',
      '/// Returns the sum of the two numbers.\nfn add(a: i32, b: i32) -> i32 { a + b }',
      'const files = glob("src/**/*.ts");\nrun(files);',
    ]) {
      assert.deepEqual(judgeBareReply(reply), { code: true }, reply);
    }
  });

  it('does not take a glob for the start of a comment', () => {
    assert.deepEqual(judgeBareReply('const g = "src/**/*.ts";\nThis line is an explanation in prose.'), {
      code: false,
      reason: 'the model answered in prose, without a code block',
    });
  });

  it('refuses prose, empty replies and replies without any sign of code', () => {
    assert.equal(judgeBareReply('I think the code is fine as it is.').code, false);
    assert.deepEqual(judgeBareReply(''), { code: false, reason: 'the reply was empty' });
    assert.deepEqual(judgeBareReply('Done'), { code: false, reason: 'the reply has no code block and does not look like code' });
  });
});
