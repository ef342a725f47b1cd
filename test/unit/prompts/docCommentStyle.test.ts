import * as assert from 'node:assert/strict';
import { docCommentStyle } from '../../../src/core/prompts/docCommentStyle';

describe('docCommentStyle', () => {
  const expected: Array<[string, RegExp]> = [
    ['typescript', /^TSDoc$/],
    ['typescriptreact', /^TSDoc$/],
    ['javascript', /^JSDoc$/],
    ['javascriptreact', /^JSDoc$/],
    ['python', /docstrings/],
    ['rust', /\/\/\//],
    ['csharp', /C# XML documentation/],
    ['java', /^Javadoc$/],
    ['kotlin', /Javadoc/],
    ['go', /^GoDoc/],
    ['c', /^Doxygen$/],
    ['cpp', /^Doxygen$/],
    ['php', /^PHPDoc$/],
    ['ruby', /^YARD$/],
  ];
  for (const [languageId, name] of expected) {
    it(`${languageId}: ${name.source}`, () => {
      assert.match(docCommentStyle(languageId).name, name);
    });
  }

  it('describes the comment syntax', () => {
    assert.match(docCommentStyle('csharp').description, /`\/\/\/` XML documentation comments/);
    assert.match(docCommentStyle('python').description, /triple-quoted string as the first statement/);
    assert.match(docCommentStyle('go').description, /begin with the declared name/);
  });

  it("falls back to the language's usual convention", () => {
    assert.deepEqual(docCommentStyle('zig'), {
      name: 'the usual documentation comments of zig',
      description: 'the documentation-comment convention usual for zig (plain comments directly above each declaration if it has none)',
    });
    assert.match(docCommentStyle('').description, /this language/);
  });
});
