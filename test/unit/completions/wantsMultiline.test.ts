import * as assert from 'node:assert/strict';
import { wantsMultiline } from '../../../src/core/completions/wantsMultiline';
import { withCursor } from './cursorInput';

function decide(document: string, languageId = 'typescript'): boolean {
  const { text, offset } = withCursor(document);
  return wantsMultiline(text, offset, languageId);
}

describe('wantsMultiline', () => {
  it('wants a block on an empty line after a line ending with an opener', () => {
    assert.equal(decide('function total(items: Item[]) {\n  █\n}\n'), true);
    assert.equal(decide('const handler = (event: Event) =>\n  █'), true);
    assert.equal(decide('const colors = [\n  █\n];'), true);
    assert.equal(decide('fetchUser(\n  █\n);'), true);
    // Blank lines between the opener and the cursor, and a comment after the opener, do not matter.
    assert.equal(decide('if (ready) { // start\n\n\n    █\n}'), true);
    assert.equal(decide('if (ready) {\r\n  █\r\n}', 'typescript'), true);
  });

  it("takes Python's colon as an opener, and only in Python", () => {
    assert.equal(decide('def area(radius):\n    █\n', 'python'), true);
    assert.equal(decide('for item in items:  # each one\n    █', 'python'), true);
    assert.equal(decide('def area(radius):█', 'python'), true);
    assert.equal(decide('const point = { x:\n  █', 'typescript'), false);
  });

  it('wants a block right after a `{` that ends its line, and inside an empty block', () => {
    assert.equal(decide('function total(items: Item[]) {█'), true);
    assert.equal(decide('function total(items: Item[]) {█}'), true);
    assert.equal(decide("it('adds', () => {█});"), true);
    assert.equal(decide('class Cart { █ }'), true);
  });

  it('wants one line when text follows the cursor on its line, or mid-statement', () => {
    assert.equal(decide('const total = compute(█);'), false);
    assert.equal(decide('console.log(█'), false);
    assert.equal(decide('const total = █'), false);
    assert.equal(decide('  return items.█'), false);
    assert.equal(decide('const args = [first,\n  █'), false);
    // An empty line after a finished statement: one line at a time.
    assert.equal(decide('function f() {\n  const a = 1;\n  █\n}'), false);
    assert.equal(decide('█'), false);
    assert.equal(decide('\n█'), false);
  });

  it('keeps a `//` that is not a comment', () => {
    assert.equal(decide("const url = 'http://example.com/{\n█"), true);
    assert.equal(decide('const url = "http://example.com/";\n█'), false);
  });
});
