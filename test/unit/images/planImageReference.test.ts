import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import {
  identifierFor,
  planImageReference,
  topImports,
  type ReferencePlan,
  type ReferenceTarget,
  type TextPosition,
} from '../../../src/core/images/planImageReference';

const root = path.resolve('/project');
const image = path.join(root, 'assets', 'generated', '2026-11-21-a-lighthouse-42.png');
const alt = 'A lighthouse';

/** The document with `«` and `»` marking the selection (or a lone `|` marking the cursor), as a target. */
function target(languageId: string, file: string, marked: string): ReferenceTarget {
  const cursor = marked.indexOf('|');
  const start = cursor >= 0 ? cursor : marked.indexOf('«');
  const text = marked.replace(/[«»|]/g, '');
  const end = cursor >= 0 ? cursor : marked.indexOf('»') - 1;
  assert.ok(start >= 0 && end >= start, 'mark the selection with «» or the cursor with |');
  return { languageId, filePath: path.join(root, file), text, selection: { start: positionAt(text, start), end: positionAt(text, end) } };
}

function positionAt(text: string, offset: number): TextPosition {
  const before = text.slice(0, offset).split('\n');
  return { line: before.length - 1, character: before.at(-1)?.length ?? 0 };
}

function offsetAt(text: string, position: TextPosition): number {
  const lines = text.split('\n');
  return lines.slice(0, position.line).reduce((sum, line) => sum + line.length + 1, 0) + position.character;
}

/** The document after the plan, as one `editor.edit` applies it (positions refer to the text before the edit). */
function apply(text: string, plan: ReferencePlan): string {
  let result = text;
  for (const insertion of [...plan.insertions].reverse()) {
    const offset = offsetAt(text, insertion);
    result = result.slice(0, offset) + insertion.text + result.slice(offset);
  }
  return result;
}

function run(
  languageId: string,
  file: string,
  marked: string,
  images: readonly string[] = [image],
): { plan: ReferencePlan; after: string } {
  const t = target(languageId, file, marked);
  const plan = planImageReference(t, images, alt);
  assert.ok(plan, `no plan for ${languageId}`);
  return { plan, after: apply(t.text, plan) };
}

describe('planImageReference', () => {
  describe('never writes over the selection', () => {
    it('puts a TypeScript string on its own line after a selected function, in the file’s quotes', () => {
      const { plan, after } = run(
        'typescript',
        'src/fibonacci.ts',
        [
          'export function double(n: number): number {',
          '  return n * 2;',
          '}',
          '',
          '«export function fibonacci(n: number): number {',
          '  return n < 2 ? n : fibonacci(n - 1) + fibonacci(n - 2);',
          '}»',
          '',
        ].join('\n'),
      );
      assert.equal(plan.form, 'string');
      assert.equal(
        after,
        [
          'export function double(n: number): number {',
          '  return n * 2;',
          '}',
          '',
          'export function fibonacci(n: number): number {',
          '  return n < 2 ? n : fibonacci(n - 1) + fibonacci(n - 2);',
          '}',
          "'../assets/generated/2026-11-21-a-lighthouse-42.png'",
          '',
        ].join('\n'),
      );
    });

    it('indents the new line like the selection, and uses double quotes where the file does', () => {
      const { after } = run('javascript', 'main.js', 'const a = {\n  «icon: "x"»,\n  name: "y",\n};\n');
      assert.equal(after, 'const a = {\n  icon: "x",\n  "./assets/generated/2026-11-21-a-lighthouse-42.png"\n  name: "y",\n};\n');
    });

    it('puts a string exactly at a bare cursor', () => {
      const { after } = run('typescript', 'src/load.ts', 'const img = load(|);\n');
      assert.equal(after, "const img = load('../assets/generated/2026-11-21-a-lighthouse-42.png');\n");
    });

    it('gives a selection of whole lines a line of its own below them', () => {
      const { after } = run('html', 'index.html', '<body>\n  «<h1>Hi</h1>\n»</body>\n');
      assert.equal(
        after,
        '<body>\n  <h1>Hi</h1>\n  <img src="assets/generated/2026-11-21-a-lighthouse-42.png" alt="A lighthouse">\n</body>\n',
      );
    });

    it('makes a Markdown image its own paragraph after a selection inside a paragraph', () => {
      const { after } = run('markdown', 'README.md', '# Title\n\nSome «words» here.\nMore text.\n');
      assert.equal(
        after,
        '# Title\n\nSome words here.\n\n![A lighthouse](assets/generated/2026-11-21-a-lighthouse-42.png)\n\nMore text.\n',
      );
    });

    it('writes Markdown exactly at a cursor on an empty line, several images as paragraphs', () => {
      const second = image.replace('-42.png', '-43.png');
      const { after } = run('markdown', 'docs/guide.md', '# Guide\n\n|\n', [image, second]);
      assert.equal(
        after,
        '# Guide\n\n![A lighthouse](../assets/generated/2026-11-21-a-lighthouse-42.png)\n\n' +
          '![A lighthouse](../assets/generated/2026-11-21-a-lighthouse-43.png)\n',
      );
    });

    it('writes CSS url() at the cursor, several as a comma list', () => {
      const second = image.replace('-42.png', '-43.png');
      const { after } = run('css', 'src/styles.css', '.hero {\n  background-image: |;\n}\n', [image, second]);
      assert.equal(
        after,
        '.hero {\n  background-image: url("../assets/generated/2026-11-21-a-lighthouse-42.png"), ' +
          'url("../assets/generated/2026-11-21-a-lighthouse-43.png");\n}\n',
      );
    });

    it('keeps the selected text whole and in order for every form', () => {
      const cases: [string, string, string][] = [
        ['markdown', 'README.md', 'a «b c» d\n'],
        ['html', 'index.html', '<p>«x»</p>\n'],
        ['css', 'a.css', '.a { «color: red;» }\n'],
        ['typescript', 'a.ts', "import x from './x';\nconst «y = x» + 1;\n"],
        ['typescriptreact', 'A.tsx', 'const A = () => «<div />»;\n'],
        ['typescriptreact', 'B.tsx', "import React from 'react';\nconst B = () => (\n  «<div />»\n);\n"],
      ];
      for (const [languageId, file, marked] of cases) {
        const selected = /«([^»]*)»/.exec(marked)?.[1] ?? '';
        const t = target(languageId, file, marked);
        const plan = planImageReference(t, [image], alt);
        assert.ok(plan, languageId);
        const after = apply(t.text, plan);
        assert.ok(after.includes(selected), `${languageId}: the selection "${selected}" is gone:\n${after}`);
        // Nothing of the original text is lost or reordered: removing what was inserted gives it back.
        assert.equal(after.length, t.text.length + plan.insertions.reduce((sum, i) => sum + i.text.length, 0));
        for (const insertion of plan.insertions) {
          const at = offsetAt(t.text, insertion);
          assert.ok(
            at <= offsetAt(t.text, t.selection.start) || at >= offsetAt(t.text, t.selection.end),
            `${languageId}: inside the selection`,
          );
        }
      }
    });
  });

  describe('imports, as the file’s own style suggests', () => {
    it('adds an import after the last import at the top of a TypeScript module, in its quotes and semicolons', () => {
      const marked = [
        '#!/usr/bin/env node',
        '// The cart.',
        '/* A block',
        '   comment. */',
        "'use strict';",
        'import type { OrderLine } from "./orders"',
        'import {',
        '  formatPrice, // money',
        '  roundTo,',
        '} from "./money"',
        '',
        'export function «cartTotal»(lines: OrderLine[]): number {',
        '  return 0;',
        '}',
        '',
      ].join('\n');
      const { plan, after } = run('typescript', 'src/cart.ts', marked);
      assert.equal(plan.form, 'import');
      assert.deepEqual(plan.insertions, [
        {
          line: 9,
          character: '} from "./money"'.length,
          text: '\nimport aLighthouse42 from "../assets/generated/2026-11-21-a-lighthouse-42.png"',
        },
      ]);
      assert.ok(
        after.includes('} from "./money"\nimport aLighthouse42 from "../assets/generated/2026-11-21-a-lighthouse-42.png"\n\nexport'),
      );
    });

    it('in TSX imports the image and puts <img src={name}> after the selection', () => {
      const marked = [
        "import React from 'react';",
        "import logo from './logo.svg';",
        '',
        'export function App() {',
        '  return (',
        '    <main>',
        '      «<h1>Hello</h1>»',
        '    </main>',
        '  );',
        '}',
        '',
      ].join('\n');
      const logoImage = path.join(root, 'src', 'assets', 'logo.png');
      const { plan, after } = run('typescriptreact', 'src/App.tsx', marked, [logoImage]);
      assert.equal(plan.form, 'jsx');
      assert.equal(
        after,
        [
          "import React from 'react';",
          "import logo from './logo.svg';",
          "import logo2 from './assets/logo.png';",
          '',
          'export function App() {',
          '  return (',
          '    <main>',
          '      <h1>Hello</h1>',
          '      <img src={logo2} alt="A lighthouse" />',
          '    </main>',
          '  );',
          '}',
          '',
        ].join('\n'),
      );
    });

    it('in TSX without imports writes the path into src', () => {
      const { plan, after } = run('typescriptreact', 'src/App.tsx', 'export const App = () => (\n  <main>|</main>\n);\n');
      assert.equal(plan.form, 'jsx');
      assert.equal(
        after,
        'export const App = () => (\n  <main><img src="../assets/generated/2026-11-21-a-lighthouse-42.png" alt="A lighthouse" /></main>\n);\n',
      );
    });

    it('uses a string, not an import, in a file that does not start with ES imports', () => {
      for (const text of [
        "const fs = require('fs');\n|\n",
        "const x = 1;\nimport y from './y';\n|\n",
        "import('./lazy');\n|\n",
        'export const a = 1;\n|\n',
        '|\n',
      ]) {
        const { plan } = run('javascript', 'a.js', text);
        assert.equal(plan.form, 'string', text);
      }
    });
  });

  it('offers nothing in languages with no image reference', () => {
    for (const languageId of ['python', 'plaintext', 'json', 'go', 'shellscript', 'yaml']) {
      assert.equal(planImageReference(target(languageId, 'x', 'a «b» c\n'), [image], alt), undefined, languageId);
    }
    assert.equal(planImageReference(target('markdown', 'x.md', '|'), [], alt), undefined, 'no images');
  });

  it('takes positions whose fields are getters (VS Code’s Position)', () => {
    class GetterPosition {
      constructor(
        private readonly l: number,
        private readonly c: number,
      ) {}
      get line(): number {
        return this.l;
      }
      get character(): number {
        return this.c;
      }
    }
    const at = new GetterPosition(1, 0);
    const plan = planImageReference(
      { languageId: 'markdown', filePath: path.join(root, 'README.md'), text: '# A\n\n', selection: { start: at, end: at } },
      [image],
      alt,
    );
    assert.deepEqual(plan?.insertions, [
      { line: 1, character: 0, text: '![A lighthouse](assets/generated/2026-11-21-a-lighthouse-42.png)' },
    ]);
  });

  it('reads lines ending in CRLF', () => {
    const text = "import a from './a';\r\nconst b = 1;\r\n";
    const plan = planImageReference(
      {
        languageId: 'typescript',
        filePath: path.join(root, 'b.ts'),
        text,
        selection: { start: { line: 1, character: 0 }, end: { line: 1, character: 0 } },
      },
      [image],
      alt,
    );
    assert.deepEqual(plan?.insertions, [
      {
        line: 0,
        character: "import a from './a';".length,
        text: "\nimport aLighthouse42 from './assets/generated/2026-11-21-a-lighthouse-42.png';",
      },
    ]);
  });
});

describe('topImports', () => {
  it('finds the end of the last import of the leading block, its quote and semicolon style', () => {
    assert.deepEqual(topImports(["import a from 'a';", 'import "./side-effect";', '', 'const x = 1;', "import late from 'late';"]), {
      lastLine: 1,
      quote: "'",
      semicolon: ';',
    });
    assert.deepEqual(topImports(['import {', '  a,', '  b,', "} from 'x'", 'import fs = require("fs")']), {
      lastLine: 4,
      quote: "'",
      semicolon: '',
    });
    assert.equal(topImports(['import.meta.url;']), undefined);
    assert.equal(topImports(['']), undefined);
  });
});

describe('identifierFor', () => {
  it('names an imported image after its file, never as a name the file uses', () => {
    assert.equal(identifierFor('/p/2026-11-21-a-lighthouse-at-dusk-42.png', new Set()), 'aLighthouseAtDusk42');
    assert.equal(identifierFor('/p/logo.png', new Set()), 'logo');
    assert.equal(identifierFor('/p/logo.png', new Set(['logo', 'logo2'])), 'logo3');
    assert.equal(identifierFor('/p/2026-11-21-42.png', new Set()), 'image42');
    assert.equal(identifierFor('/p/class.png', new Set()), 'classImage');
    assert.equal(identifierFor('/p/2026-11-21-mayak-v-sumerkakh-1.webp', new Set()), 'mayakVSumerkakh1');
  });
});
