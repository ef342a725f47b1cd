// The chat view’s meter adds its own estimate of the draft to the extension's figures (src/webview/estimateTokens.ts,
// a twin of core's, as the webview may not import core): the two must count every text alike.
import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import { estimateTokens as coreEstimate } from '../../src/core/context/estimateTokens';
import { estimateTokens as webviewEstimate } from '../../src/webview/estimateTokens';

describe('estimateTokens: the webview twin counts as core does', () => {
  it('for any text: ASCII, Cyrillic, CJK, emoji and lone surrogates', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 400 }), (text) => {
        assert.equal(webviewEstimate(text), coreEstimate(text));
      }),
      { numRuns: 500 },
    );
    for (const text of ['', 'hello world', 'Привет, мир', '日本語のテキスト', '👍🏽 ok', '\ud800 lone'])
      assert.equal(webviewEstimate(text), coreEstimate(text), text);
  });
});
