import * as assert from 'node:assert/strict';
import { placeFragment } from '../../../src/core/edits/placeFragment';
import type { Placement, PlaceFragmentInput } from '../../../src/core/edits/placeFragment';

/** The placement without its score (each rule's score is covered by the corpus's range checks). */
function where(input: PlaceFragmentInput): Omit<Placement, 'score'> | Placement {
  const placement = placeFragment(input);
  if (placement.kind !== 'placed') return placement;
  const { score: _score, ...rest } = placement;
  return rest;
}

describe('placeFragment: the rules beyond the corpus', () => {
  it('finds the end of a function past braces inside strings, template literals, regular expressions in strings and comments', () => {
    const fileText = [
      'function render(name) {',
      "  const open = '{';",
      '  const close = "}"; // } closes nothing',
      '  /* { */',
      '  return `<b>${name}}</b>`;',
      '}',
      '',
      'function after() {}',
      '',
    ].join('\n');
    const fragment = 'function render(name) {\n  return name;\n}';
    assert.deepEqual(where({ fileText, fragment, fileLanguage: 'javascript' }), {
      kind: 'placed',
      rule: 'symbol',
      startLine: 0,
      endLine: 6,
      symbolName: 'render',
    });
  });

  it("finds a Python function's end past a docstring whose text starts at column 0", () => {
    const fileText = ['def help():', '    """', 'Usage: run it', '    """', '    return 1', '', 'def other():', '    pass', ''].join('\n');
    assert.deepEqual(where({ fileText, fragment: 'def help():\n    return 2', fileLanguage: 'python' }), {
      kind: 'placed',
      rule: 'symbol',
      startLine: 0,
      endLine: 5,
      symbolName: 'help',
    });
  });

  it('reads Rust lifetimes as lifetimes, not as the start of a string', () => {
    const fileText = ["fn first<'a>(items: &'a [u8]) -> &'a u8 {", '    &items[0]', '}', '', 'fn second() {}', ''].join('\n');
    assert.deepEqual(
      where({ fileText, fragment: "fn first<'a>(items: &'a [u8]) -> &'a u8 {\n    items.first().unwrap()\n}", fileLanguage: 'rust' }),
      {
        kind: 'placed',
        rule: 'symbol',
        startLine: 0,
        endLine: 3,
        symbolName: 'first',
      },
    );
  });

  it("takes a symbol's inclusive endLine and a signature in its name (Java's provider: `total(int, int)`)", () => {
    const fileText = ['class A {', '    int total(int a) {', '        return a;', '    }', '}', ''].join('\n');
    const symbols = [
      {
        name: 'A',
        kind: 'Class',
        startLine: 0,
        endLine: 4,
        children: [{ name: 'total(int)', kind: 'Method', startLine: 1, endLine: 3, children: [] }],
      },
    ];
    assert.deepEqual(where({ fileText, fragment: 'int total(int a) {\n    return a * 2;\n}', fileLanguage: 'java', symbols }), {
      kind: 'placed',
      rule: 'symbol',
      startLine: 1,
      endLine: 4,
      symbolName: 'A.total',
    });
  });

  it('takes a class with a decorator spanning lines, when the block brings its own', () => {
    const fileText = [
      '@Component({',
      "  selector: 'app-root',",
      '})',
      'export class AppComponent {',
      "  title = 'shop';",
      '}',
      '',
      'export const routes = [];',
      '',
    ].join('\n');
    const fragment = "@Component({\n  selector: 'app-root',\n  standalone: true,\n})\nexport class AppComponent {\n  title = 'store';\n}";
    assert.deepEqual(where({ fileText, fragment, fileLanguage: 'typescript' }), {
      kind: 'placed',
      rule: 'symbol',
      startLine: 0,
      endLine: 6,
      symbolName: 'AppComponent',
    });
  });

  it('lets the user choose between two provider symbols of one name that the block does not tell apart', () => {
    const fileText = ['class A {', '  run() {', '    go();', '  }', '}', 'class B {', '  run() {', '    go();', '  }', '}', ''].join('\n');
    const method = (startLine: number) => ({ name: 'run', kind: 'Method', startLine, endLine: startLine + 2, children: [] });
    const symbols = [
      { name: 'A', kind: 'Class', startLine: 0, endLine: 4, children: [method(1)] },
      { name: 'B', kind: 'Class', startLine: 5, endLine: 9, children: [method(6)] },
    ];
    const placement = placeFragment({ fileText, fragment: 'run() {\n  stop();\n}', fileLanguage: 'typescript', symbols });
    assert.equal(placement.kind, 'ambiguous');
    if (placement.kind !== 'ambiguous') return;
    assert.deepEqual(
      placement.candidates.map(({ startLine, endLine, symbolName }) => ({ startLine, endLine, symbolName })),
      [
        { startLine: 1, endLine: 4, symbolName: 'A.run' },
        { startLine: 6, endLine: 9, symbolName: 'B.run' },
      ],
    );
  });

  it("does not replace the file's doc comment with a remark of the model's above the definition", () => {
    const fileText = ['/** Adds. */', 'function add(a, b) {', '  return a + b;', '}', ''].join('\n');
    assert.deepEqual(
      where({
        fileText,
        fragment: '// Fixed version:\nfunction add(a, b) {\n  return Number(a) + Number(b);\n}',
        fileLanguage: 'javascript',
      }),
      {
        kind: 'placed',
        rule: 'symbol',
        startLine: 1,
        endLine: 4,
        symbolName: 'add',
      },
    );
  });

  it('refuses only a clearly different language: aliases and unknown tags decide nothing', () => {
    const fileText = 'def f():\n    return 1\n';
    const fragment = 'def f():\n    return 2';
    assert.equal(placeFragment({ fileText, fragment, fileLanguage: 'python', fragmentLanguage: 'py' }).kind, 'placed');
    assert.equal(placeFragment({ fileText, fragment, fileLanguage: 'python', fragmentLanguage: 'text' }).kind, 'placed');
    assert.equal(placeFragment({ fileText, fragment, fileLanguage: 'plaintext', fragmentLanguage: 'python' }).kind, 'placed');
    assert.deepEqual(placeFragment({ fileText, fragment, fileLanguage: 'python', fragmentLanguage: 'rust' }), {
      kind: 'none',
      reason: 'other-language',
    });
  });

  it("uses the block's language for definitions when the file's is unknown", () => {
    const fileText = 'x = 1\n\ndef f():\n    return 1\n\ny = 2\n';
    assert.deepEqual(where({ fileText, fragment: 'def f():\n    return 2', fileLanguage: 'plaintext', fragmentLanguage: 'python' }), {
      kind: 'placed',
      rule: 'symbol',
      startLine: 2,
      endLine: 4,
      symbolName: 'f',
    });
  });

  it('does not insert imports at the top of a file whose language has none (Markdown)', () => {
    const fileText = '# Shop\n\nRun `npm start`.\n';
    assert.deepEqual(placeFragment({ fileText, fragment: "import { x } from './x';", fileLanguage: 'markdown' }), {
      kind: 'none',
      reason: 'no-match',
    });
  });

  it('does not take anchors that are too far apart for the block', () => {
    const middle = Array.from({ length: 40 }, (_, index) => `  step${index}();`);
    const fileText = ['start();', ...middle, 'finish();', ''].join('\n');
    assert.deepEqual(placeFragment({ fileText, fragment: 'start();\nother();\nfinish();' }), { kind: 'none', reason: 'no-match' });
  });

  it('places a 50-line block in a 5,000-line file (the time is printed, not asserted)', () => {
    const parts = ["import { log } from './log';", ''];
    for (let index = 0; index < 556; index += 1) {
      parts.push(
        `export function step${index}(input: number[]): number {`,
        `  let total = ${index};`,
        '  for (const value of input) {',
        `    total += value * ${index % 7};`,
        '  }',
        `  log('step ${index}', total);`,
        '  return total;',
        '}',
        '',
      );
    }
    const lines = parts;
    // 50 lines from the middle of the file, starting inside a function, with every tenth line changed.
    const fragment = lines
      .slice(2506, 2556)
      .map((line, index) => (index % 10 === 3 ? line.replace('+=', '-=') : line))
      .join('\n');
    const started = performance.now();
    const placement = placeFragment({ fileText: lines.join('\n'), fragment, fileLanguage: 'typescript' });
    const elapsed = performance.now() - started;
    console.log(`      ${lines.length} lines, 50-line block: ${elapsed.toFixed(1)} ms`);
    assert.equal(placement.kind, 'placed');
    if (placement.kind !== 'placed') return;
    assert.deepEqual([placement.rule, placement.startLine, placement.endLine], ['fuzzy', 2506, 2556]);
  });
});
