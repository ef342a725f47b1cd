import * as assert from 'node:assert/strict';
import { pickFreeTestFilePath, proposeTestFilePath, type TestFilePlan } from '../../../src/core/edits/testFileName';

function pathOf(plan: TestFilePlan): string {
  assert.equal(plan.kind, 'new-file', JSON.stringify(plan));
  return plan.kind === 'new-file' ? plan.path : '';
}

describe('proposeTestFilePath', () => {
  describe('TypeScript and JavaScript', () => {
    it("defaults to foo.test.ts next to the source, with the source's extension", () => {
      assert.deepEqual(proposeTestFilePath('src/util/foo.ts', ['foo.ts', 'bar.ts']), {
        kind: 'new-file',
        path: 'src/util/foo.test.ts',
        exists: false,
        convention: 'foo.test.ts next to the source (the usual convention; the project shows none)',
      });
      assert.equal(pathOf(proposeTestFilePath('web/App.tsx', [])), 'web/App.test.tsx');
      assert.equal(pathOf(proposeTestFilePath('lib/x.mjs', [])), 'lib/x.test.mjs');
    });

    it('follows .spec when the siblings use it', () => {
      const plan = proposeTestFilePath(
        'src/foo.ts',
        ['foo.ts', 'bar.ts', 'bar.spec.ts'],
        ['src/a.test.ts', 'src/b.test.ts', 'src/c.test.ts'],
      );
      assert.equal(pathOf(plan), 'src/foo.spec.ts');
      assert.match(plan.kind === 'new-file' ? plan.convention : '', /named like the tests beside it/);
    });

    it('follows .spec when the project uses it and the siblings show nothing', () => {
      assert.equal(
        pathOf(proposeTestFilePath('src/foo.ts', ['foo.ts'], ['src/a/a.spec.ts', 'src/b/b.spec.js', 'src/c/c.test.ts'])),
        'src/foo.spec.ts',
      );
    });

    it('proposes the existing test file of the same source', () => {
      const plan = proposeTestFilePath('src/foo.ts', ['foo.ts', 'foo.spec.ts', 'a.test.ts', 'b.test.ts']);
      assert.deepEqual(plan, {
        kind: 'new-file',
        path: 'src/foo.spec.ts',
        exists: true,
        convention: 'foo.spec.ts next to the source (it exists already)',
      });
    });

    it('uses a __tests__ folder next to the source when there is one', () => {
      assert.equal(
        pathOf(proposeTestFilePath('src/components/Button.tsx', ['Button.tsx', '__tests__'])),
        'src/components/__tests__/Button.test.tsx',
      );
    });

    it("uses a __tests__ folder when the project's tests are in such folders", () => {
      const project = ['src/a/__tests__/a.test.ts', 'src/b/__tests__/b.test.ts', 'src/c/c.test.ts'];
      assert.equal(pathOf(proposeTestFilePath('src/d/d.ts', ['d.ts'], project)), 'src/d/__tests__/d.test.ts');
      // Named like the source inside __tests__ when that is what the project does.
      const plain = ['src/a/__tests__/a.ts', 'src/b/__tests__/b.ts'];
      assert.equal(pathOf(proposeTestFilePath('src/d/d.ts', ['d.ts'], plain)), 'src/d/__tests__/d.ts');
    });

    it("mirrors the project's separate test tree, learning where the pairs are", () => {
      const project = [
        'src/core/conversations/exportMarkdown.ts',
        'src/core/conversations/markdownFence.ts',
        'src/core/http/httpClient.ts',
        'test/unit/conversations/exportMarkdown.test.ts',
        'test/unit/http/httpClient.test.ts',
      ];
      const plan = proposeTestFilePath('src/core/edits/reindent.ts', ['reindent.ts', 'extractCode.ts'], project);
      assert.equal(pathOf(plan), 'test/unit/edits/reindent.test.ts');
      assert.equal(
        plan.kind === 'new-file' && plan.convention,
        "reindent.test.ts in test/unit/edits, where the project keeps its tests, named like the project's tests",
      );
    });

    it("learns the place from a sibling's test when the sample holds test files only", () => {
      const project = ['test/unit/conversations/exportMarkdown.test.ts', 'test/unit/http/httpClient.test.ts', 'test/e2e/chat.e2e.test.ts'];
      const siblings = ['exportMarkdown.ts', 'markdownFence.ts'];
      assert.equal(
        pathOf(proposeTestFilePath('src/core/conversations/markdownFence.ts', siblings, project)),
        'test/unit/conversations/markdownFence.test.ts',
      );
    });

    it('knows when the test in the test tree exists', () => {
      const project = ['src/a.ts', 'test/a.test.ts', 'test/b.test.ts'];
      assert.deepEqual(proposeTestFilePath('src/a.ts', ['a.ts'], project), {
        kind: 'new-file',
        path: 'test/a.test.ts',
        exists: true,
        convention: 'a.test.ts in test, where the project keeps its tests (it exists already)',
      });
    });

    it('falls back to the test folder closest to the source, below src', () => {
      const project = ['packages/web/test/x/one.test.ts', 'packages/web/test/two.test.ts', 'tests/e2e/flow.test.ts'];
      assert.equal(pathOf(proposeTestFilePath('packages/web/src/lib/three.ts', [], project)), 'packages/web/test/lib/three.test.ts');
    });
  });

  describe('Python', () => {
    it('defaults to test_foo.py next to the source', () => {
      assert.equal(pathOf(proposeTestFilePath('pkg/foo.py', ['foo.py', '__init__.py'])), 'pkg/test_foo.py');
    });

    it('uses foo_test.py when the project does', () => {
      assert.equal(pathOf(proposeTestFilePath('pkg/foo.py', ['foo.py', 'bar_test.py'])), 'pkg/foo_test.py');
      assert.equal(
        pathOf(proposeTestFilePath('pkg/foo.py', ['foo.py'], ['pkg/a_test.py', 'pkg/b_test.py', 'other/test_c.py'])),
        'pkg/foo_test.py',
      );
    });

    it('puts the test in a flat tests/ folder when the project does', () => {
      const project = ['tests/test_a.py', 'tests/test_b.py', 'tests/conftest.py', 'mypkg/a.py'];
      assert.equal(pathOf(proposeTestFilePath('mypkg/sub/c.py', ['c.py'], project)), 'tests/test_c.py');
    });

    it('mirrors the package in tests/ as the existing pairs show', () => {
      const project = ['src/mypkg/io/reader.py', 'tests/io/test_reader.py', 'tests/test_top.py'];
      assert.equal(pathOf(proposeTestFilePath('src/mypkg/io/writer.py', ['writer.py', 'reader.py'], project)), 'tests/io/test_writer.py');
    });
  });

  describe('Go', () => {
    it('always puts foo_test.go next to the source', () => {
      assert.deepEqual(
        proposeTestFilePath('internal/server/server.go', ['server.go', 'server_test.go'], ['test/integration_test.go', 'test/b_test.go']),
        {
          kind: 'new-file',
          path: 'internal/server/server_test.go',
          exists: true,
          convention: 'server_test.go next to the source (it exists already)',
        },
      );
    });
  });

  describe('Rust', () => {
    it('says the tests go in the same file', () => {
      const plan = proposeTestFilePath('src/parser.rs', ['parser.rs', 'lib.rs']);
      assert.equal(plan.kind, 'same-file');
      assert.match(plan.kind === 'same-file' ? plan.reason : '', /#\[cfg\(test\)\] mod tests/);
    });
  });

  describe('Java and Kotlin', () => {
    it('puts FooTest.java in src/test/java for the Maven layout', () => {
      assert.equal(pathOf(proposeTestFilePath('src/main/java/com/acme/Foo.java', ['Foo.java'])), 'src/test/java/com/acme/FooTest.java');
      assert.equal(pathOf(proposeTestFilePath('app/src/main/kotlin/com/acme/util.kt', [])), 'app/src/test/kotlin/com/acme/UtilTest.kt');
    });

    it('uses FooTests.java when the project does', () => {
      assert.equal(
        pathOf(proposeTestFilePath('src/main/java/com/acme/Foo.java', ['Foo.java'], ['src/test/java/com/acme/BarTests.java'])),
        'src/test/java/com/acme/FooTests.java',
      );
    });

    it('puts FooTest.java next to the source without a Maven layout', () => {
      assert.equal(pathOf(proposeTestFilePath('Foo.java', ['Foo.java'])), 'FooTest.java');
    });
  });

  describe('C#', () => {
    it('defaults to FooTests.cs', () => {
      assert.equal(pathOf(proposeTestFilePath('src/App/Services/Foo.cs', ['Foo.cs'])), 'src/App/Services/FooTests.cs');
    });

    it('follows a separate test project', () => {
      const project = ['src/App/Services/Bar.cs', 'tests/App.Tests/Services/BarTests.cs', 'tests/App.Tests/OtherTests.cs'];
      assert.equal(
        pathOf(proposeTestFilePath('src/App/Services/Foo.cs', ['Foo.cs', 'Bar.cs'], project)),
        'tests/App.Tests/Services/FooTests.cs',
      );
    });
  });

  describe('Ruby', () => {
    it('defaults to foo_spec.rb, or foo_test.rb when the project uses minitest', () => {
      assert.equal(pathOf(proposeTestFilePath('lib/foo.rb', ['foo.rb'])), 'lib/foo_spec.rb');
      assert.equal(pathOf(proposeTestFilePath('lib/foo.rb', ['foo.rb'], ['lib/a_test.rb'])), 'lib/foo_test.rb');
    });

    it('mirrors lib/ in spec/ when the project does', () => {
      const project = ['lib/acme/a.rb', 'spec/acme/a_spec.rb', 'spec/acme/b_spec.rb'];
      assert.equal(pathOf(proposeTestFilePath('lib/acme/c.rb', ['c.rb', 'a.rb'], project)), 'spec/acme/c_spec.rb');
    });
  });

  describe('other languages', () => {
    it("uses each language's usual name", () => {
      assert.equal(pathOf(proposeTestFilePath('src/Foo.php', [])), 'src/FooTest.php');
      assert.equal(pathOf(proposeTestFilePath('Sources/Foo.swift', [])), 'Sources/FooTests.swift');
      assert.equal(pathOf(proposeTestFilePath('src/foo.cpp', [])), 'src/foo_test.cpp');
      assert.equal(pathOf(proposeTestFilePath('include/foo.hpp', [])), 'include/foo_test.cpp');
      assert.equal(pathOf(proposeTestFilePath('lib/foo.dart', [])), 'lib/foo_test.dart');
      assert.equal(pathOf(proposeTestFilePath('lib/foo.ex', [])), 'lib/foo_test.exs');
      assert.equal(pathOf(proposeTestFilePath('src/foo.zig', [])), 'src/foo.test.zig');
    });

    it('accepts Windows separators and ./', () => {
      assert.equal(pathOf(proposeTestFilePath('src\\util\\foo.ts', [])), 'src/util/foo.test.ts');
      assert.equal(pathOf(proposeTestFilePath('./foo.py', [])), 'test_foo.py');
    });
  });
});

describe('pickFreeTestFilePath', () => {
  const taken =
    (...paths: string[]) =>
    (candidate: string) =>
      paths.includes(candidate);

  it('returns the path itself when it is free', () => {
    assert.equal(pickFreeTestFilePath('src/foo.test.ts', taken()), 'src/foo.test.ts');
  });

  it('numbers the name before the test marker, so test runners still find it', () => {
    assert.equal(pickFreeTestFilePath('src/foo.test.ts', taken('src/foo.test.ts')), 'src/foo.2.test.ts');
    assert.equal(pickFreeTestFilePath('src/foo.test.ts', taken('src/foo.test.ts', 'src/foo.2.test.ts')), 'src/foo.3.test.ts');
    assert.equal(pickFreeTestFilePath('pkg/test_foo.py', taken('pkg/test_foo.py')), 'pkg/test_foo_2.py');
    assert.equal(pickFreeTestFilePath('a/foo_test.go', taken('a/foo_test.go')), 'a/foo_2_test.go');
    assert.equal(pickFreeTestFilePath('lib/foo_spec.rb', taken('lib/foo_spec.rb')), 'lib/foo_2_spec.rb');
    assert.equal(pickFreeTestFilePath('FooTest.java', taken('FooTest.java')), 'Foo2Test.java');
    assert.equal(pickFreeTestFilePath('FooTests.cs', taken('FooTests.cs')), 'Foo2Tests.cs');
    assert.equal(pickFreeTestFilePath('src/__tests__/foo.ts', taken('src/__tests__/foo.ts')), 'src/__tests__/foo.2.ts');
  });

  it('gives up after the attempts allowed', () => {
    assert.equal(
      pickFreeTestFilePath('foo.test.ts', () => true, 5),
      undefined,
    );
  });
});
