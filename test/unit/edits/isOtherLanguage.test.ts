import * as assert from 'node:assert/strict';
import { isOtherLanguage } from '../../../src/core/edits/isOtherLanguage';

describe('isOtherLanguage: a code block clearly in another language than its file', () => {
  const cases: [string | undefined, string | undefined, boolean][] = [
    ['typescript', 'python', true],
    ['go', 'javascript', true],
    ['java', 'kotlin', true],
    ['json', 'yaml', true],
    ['typescript', 'js', false],
    ['javascriptreact', 'tsx', false],
    ['cpp', 'c', false],
    ['scss', 'css', false],
    ['jsonc', 'json', false],
    ['python', 'py', false],
    ['markdown', 'python', false],
    ['html', 'css', false],
    ['vue', 'typescript', false],
    ['typescript', 'text', false],
    ['plaintext', 'python', false],
    ['typescript', undefined, false],
    [undefined, 'python', false],
  ];
  for (const [file, fragment, expected] of cases) {
    it(`a ${fragment ?? 'untagged'} block for a ${file ?? 'unknown'} file: ${expected ? 'another language' : 'not refused'}`, () => {
      assert.equal(isOtherLanguage(file, fragment), expected);
    });
  }
});
