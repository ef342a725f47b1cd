import * as assert from 'node:assert/strict';
import { applyPlacement, insertFragmentAt } from '../../../src/core/edits/applyPlacement';

describe('applyPlacement: writing a placed block into its file', () => {
  it('changes only the region: every other line keeps its own line break, even in a file with mixed breaks', () => {
    const file = 'a\r\nb\nc\r\nd\r\n';
    assert.equal(applyPlacement(file, { startLine: 2, endLine: 3 }, 'C1\nC2'), 'a\r\nb\nC1\r\nC2\r\nd\r\n');
  });

  it('gives the block the line break most of the file uses', () => {
    assert.equal(applyPlacement('x\r\ny\r\nz\n', { startLine: 0, endLine: 1 }, 'one\ntwo\n'), 'one\r\ntwo\r\ny\r\nz\n');
  });

  it('keeps a missing final line break missing when the region ends the file', () => {
    assert.equal(applyPlacement('a\nb', { startLine: 1, endLine: 2 }, 'B1\nB2\n'), 'a\nB1\nB2');
    assert.equal(applyPlacement('a\nb', { startLine: 0, endLine: 2 }, 'whole\n'), 'whole');
  });

  it('keeps a final line break when the region ends the file', () => {
    assert.equal(applyPlacement('a\nb\n', { startLine: 1, endLine: 2 }, 'B'), 'a\nB\n');
  });

  it('inserts before startLine when endLine equals it, indented like that line', () => {
    const file = 'function f() {\n  first();\n  last();\n}\n';
    assert.equal(
      applyPlacement(file, { startLine: 2, endLine: 2 }, 'middle();'),
      'function f() {\n  first();\n  middle();\n  last();\n}\n',
    );
  });

  it('appends to a file without a final line break and leaves it without one', () => {
    assert.equal(applyPlacement('a\nb', { startLine: 2, endLine: 2 }, 'c\n'), 'a\nb\nc');
    assert.equal(applyPlacement('a\nb\n', { startLine: 2, endLine: 2 }, 'c'), 'a\nb\nc\n');
  });

  it('writes into an empty file with the block as it is', () => {
    assert.equal(applyPlacement('', { startLine: 0, endLine: 0 }, 'x = 1\r\n'), 'x = 1\r\n');
    assert.equal(applyPlacement('', { startLine: 0, endLine: 0 }, 'x = 1'), 'x = 1');
  });

  it('clamps a range past the end of the file', () => {
    assert.equal(applyPlacement('a\nb\n', { startLine: 1, endLine: 40 }, 'B'), 'a\nB\n');
  });

  it("turns the block's tabs into the file's spaces, at the file's width", () => {
    const file = 'class A {\n  run() {\n    go();\n  }\n}\n';
    assert.equal(
      applyPlacement(file, { startLine: 1, endLine: 4 }, 'run() {\n\tif (ready) {\n\t\tgo();\n\t}\n}'),
      'class A {\n  run() {\n    if (ready) {\n      go();\n    }\n  }\n}\n',
    );
  });

  it("turns the block's spaces into the file's tabs even when the region has no indented line", () => {
    const file = 'package main\n\nfunc a() {}\n\nfunc b() {\n\treturn\n}\n';
    assert.equal(
      applyPlacement(file, { startLine: 2, endLine: 3 }, 'func a() {\n    if ok {\n        run()\n    }\n}'),
      'package main\n\nfunc a() {\n\tif ok {\n\t\trun()\n\t}\n}\n\nfunc b() {\n\treturn\n}\n',
    );
  });

  it('merges only when both the region and the block are imports; other code is replaced', () => {
    const file = "import { a } from './a';\nconst x = 1;\n";
    assert.equal(
      applyPlacement(file, { startLine: 0, endLine: 1 }, "import { b } from './b';"),
      "import { a } from './a';\nimport { b } from './b';\nconst x = 1;\n",
    );
    assert.equal(applyPlacement(file, { startLine: 1, endLine: 2 }, 'const x = 2;'), "import { a } from './a';\nconst x = 2;\n");
  });

  it("keeps the comma after a replaced object member, and drops the block's comma before a closing brace", () => {
    const file = '{\n  "a": 1,\n  "b": 2\n}\n';
    assert.equal(applyPlacement(file, { startLine: 1, endLine: 2 }, '"a": 10'), '{\n  "a": 10,\n  "b": 2\n}\n');
    assert.equal(applyPlacement(file, { startLine: 2, endLine: 3 }, '"b": 20,'), '{\n  "a": 1,\n  "b": 20\n}\n');
  });

  it("leaves a Go composite literal's trailing comma alone (the region had one)", () => {
    const file = 'x := T{\n\ta: 1,\n}\n';
    assert.equal(applyPlacement(file, { startLine: 1, endLine: 2 }, 'a: 2,'), 'x := T{\n\ta: 2,\n}\n');
  });
});

describe('insertFragmentAt: inserting a block at the cursor line', () => {
  const file = 'function f(x) {\n  if (x) {\n\n    return 1;\n  }\n  return 0;\n}\n';

  it('indents the block like a non-blank cursor line', () => {
    assert.equal(
      insertFragmentAt(file, 5, 'log(x);\nlog(0);'),
      'function f(x) {\n  if (x) {\n\n    return 1;\n  }\n  log(x);\n  log(0);\n  return 0;\n}\n',
    );
  });

  it('on an empty line, indents one level deeper than a line above that opens a block', () => {
    assert.equal(insertFragmentAt(file, 2, 'log(x);'), 'function f(x) {\n  if (x) {\n    log(x);\n\n    return 1;\n  }\n  return 0;\n}\n');
  });

  it("on a line of only spaces, takes those spaces (the editor's auto-indent)", () => {
    assert.equal(insertFragmentAt('a {\n      \n}\n', 1, 'b();'), 'a {\n      b();\n      \n}\n');
  });

  it('at the end of the file, after its last line', () => {
    assert.equal(insertFragmentAt('a\nb', 2, 'c'), 'a\nb\nc');
  });

  it('keeps CRLF', () => {
    assert.equal(insertFragmentAt('a\r\nb\r\n', 1, 'x\ny'), 'a\r\nx\r\ny\r\nb\r\n');
  });
});
