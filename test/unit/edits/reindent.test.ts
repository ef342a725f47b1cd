import * as assert from 'node:assert/strict';
import { reindentToOriginal } from '../../../src/core/edits/reindent';

describe('reindentToOriginal', () => {
  it('puts de-indented Python back inside its class', () => {
    const original = '    def area(self):\n        return self.w * self.h\n';
    const code = 'def area(self) -> float:\n    """Return the area."""\n    return self.w * self.h\n';
    assert.equal(
      reindentToOriginal(code, original),
      '    def area(self) -> float:\n        """Return the area."""\n        return self.w * self.h\n',
    );
  });

  it('keeps blank lines inside the code blank', () => {
    const original = '    def a(self):\n        pass\n\n    def b(self):\n        pass\n';
    const code = 'def a(self):\n    return 1\n\ndef b(self):\n    return 2';
    assert.equal(reindentToOriginal(code, original), '    def a(self):\n        return 1\n\n    def b(self):\n        return 2\n');
  });

  it('shifts code that lost only part of its indentation', () => {
    const original = '        if x:\n            y()\n';
    assert.equal(reindentToOriginal('    if x:\n        z()\n', original), '        if x:\n            z()\n');
  });

  it('leaves code that already has the indentation alone, even when it nests deeper', () => {
    const original = '    foo();\n';
    assert.equal(reindentToOriginal('    if (a) {\n      foo();\n    }\n', original), '    if (a) {\n      foo();\n    }\n');
  });

  it("uses the original's common indentation when its first line is the deepest", () => {
    const original = '        return x;\n    }\n';
    assert.equal(reindentToOriginal('    return y;\n}\n', original), '        return y;\n    }\n');
  });

  it('gives back the indentation of the first line only, when only it lost it', () => {
    const original = '    x = 1\n    y = 2\n';
    assert.equal(reindentToOriginal('x = 10\n    y = 20\n', original), '    x = 10\n    y = 20\n');
  });

  it('does not indent a replacement for a selection that started mid-line, but fixes its other lines', () => {
    // The selection started after the indentation: "foo();" continues the text before it on its line.
    const original = 'foo();\n    bar();';
    assert.equal(reindentToOriginal('foo(1);\nbar(2);', original), 'foo(1);\n    bar(2);');
    assert.equal(reindentToOriginal('a + b', 'a+b'), 'a + b');
  });

  it('does nothing to code at column 0 when the original is at column 0', () => {
    const original = 'function f() {\n  return 1;\n}\n';
    assert.equal(reindentToOriginal('function f() {\n  return 2;\n}\n', original), 'function f() {\n  return 2;\n}\n');
  });

  describe('tabs and spaces', () => {
    it("turns the model's spaces into the original's tabs", () => {
      const original = '\tfunc (s *Server) Stop() {\n\t\ts.cancel()\n\t}\n';
      const code = 'func (s *Server) Stop() {\n    if s.cancel != nil {\n        s.cancel()\n    }\n}\n';
      assert.equal(
        reindentToOriginal(code, original),
        '\tfunc (s *Server) Stop() {\n\t\tif s.cancel != nil {\n\t\t\ts.cancel()\n\t\t}\n\t}\n',
      );
    });

    it('keeps the alignment spaces of a doc comment in tab-indented code', () => {
      const original = '\tfoo();\n';
      const code = '/**\n * Calls foo.\n */\nfoo();\n';
      assert.equal(reindentToOriginal(code, original), '\t/**\n\t * Calls foo.\n\t */\n\tfoo();\n');
      const spaced = '    /**\n     * Calls foo.\n     */\n    foo();\n';
      assert.equal(reindentToOriginal(spaced, '\t\tfoo();\n'), '\t\t/**\n\t\t * Calls foo.\n\t\t */\n\t\tfoo();\n');
    });

    it("turns the model's tabs into the original's spaces, at the original's width", () => {
      const original = '  if (a) {\n    b();\n  }\n';
      assert.equal(reindentToOriginal('if (a) {\n\tc();\n}\n', original), '  if (a) {\n    c();\n  }\n');
      assert.equal(
        reindentToOriginal('if (a) {\n\tc();\n}\n', '        x();\n', { tabSize: 4 }),
        '        if (a) {\n            c();\n        }\n',
      );
    });

    it('converts nothing when the original mixes tabs and spaces', () => {
      const original = '\tfoo();\n    bar();\n';
      assert.equal(reindentToOriginal('    foo(1);\n\tbar(2);\n', original), '    foo(1);\n\tbar(2);\n');
    });
  });

  describe('line endings', () => {
    it('uses CRLF when the original does', () => {
      const original = '    a();\r\n    b();\r\n';
      assert.equal(reindentToOriginal('a(1);\nb(2);\n', original), '    a(1);\r\n    b(2);\r\n');
    });

    it('uses LF when the original does', () => {
      assert.equal(reindentToOriginal('a(1);\r\nb(2);\r\n', 'a();\nb();\n'), 'a(1);\nb(2);\n');
    });

    it("uses the document's line ending when the original has no line break", () => {
      assert.equal(reindentToOriginal('a();\nb();', 'x();', { eol: '\r\n' }), 'a();\r\nb();');
      assert.equal(reindentToOriginal('a();\r\nb();', 'x();'), 'a();\r\nb();');
    });
  });

  describe('the newline at the end', () => {
    it('ends with a newline when the original did', () => {
      assert.equal(reindentToOriginal('b();', 'a();\n'), 'b();\n');
      assert.equal(reindentToOriginal('b();\n\n\n', 'a();\n'), 'b();\n');
    });

    it('does not end with one when the original did not', () => {
      assert.equal(reindentToOriginal('b();\n', 'a();'), 'b();');
      assert.equal(reindentToOriginal('    b();\n', '    a();'), '    b();');
    });

    it("keeps the blank lines and the next line's indentation the original ended with", () => {
      assert.equal(reindentToOriginal('b();\n', '  a();\n\n'), '  b();\n\n');
      assert.equal(reindentToOriginal('b();\n', '  a();\n  '), '  b();\n  ');
      assert.equal(reindentToOriginal('b();', '  a();  \n'), '  b();\n');
    });

    it('keeps the blank lines the original started with', () => {
      assert.equal(reindentToOriginal('\n\nb();\n', '\n    a();\n'), '\n    b();\n');
    });
  });

  it('handles an empty or blank original and empty code', () => {
    assert.equal(reindentToOriginal('a();\nb();\n', ''), 'a();\nb();');
    assert.equal(reindentToOriginal('a();\nb();', '\n'), 'a();\nb();\n');
    assert.equal(reindentToOriginal('a();\nb();', '\r\n'), 'a();\r\nb();\r\n');
    assert.equal(reindentToOriginal('', '    a();\n'), '');
    assert.equal(reindentToOriginal('\n  \n', '    a();\n'), '');
  });
});
