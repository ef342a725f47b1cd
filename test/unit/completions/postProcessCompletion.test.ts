// Each cleaning rule of docs/completions.md ("Cleaning the answer") on answers shaped like real servers' and models':
// FIM models' raw middles with their special tokens, chat models' fenced answers, echoes, loops.
import * as assert from 'node:assert/strict';
import { postProcessCompletion } from '../../../src/core/completions/postProcessCompletion';
import { inputAt } from './cursorInput';

function clean(document: string, raw: string, languageId = 'typescript', lineSuffix?: string): string | undefined {
  return postProcessCompletion(raw, inputAt(document, languageId), lineSuffix === undefined ? {} : { lineSuffix });
}

const returning = 'export function add(a: number, b: number): number {\n  return █\n}\n';
const emptyBody = 'export function add(a: number, b: number): number {\n  █\n}\n';

describe('postProcessCompletion', () => {
  describe('special tokens and stop sequences', () => {
    it("ends the answer at a model's special token", () => {
      assert.equal(clean(returning, 'a + b;<|endoftext|>\nexport function sub('), 'a + b;');
      assert.equal(clean(returning, 'a + b;<|fim_middle|>'), 'a + b;');
      assert.equal(clean(returning, 'a + b;<|file_sep|>src/other.ts'), 'a + b;');
      assert.equal(clean(returning, 'a + b;<EOT>'), 'a + b;');
      assert.equal(clean(returning, 'a + b;<｜fim▁end｜>'), 'a + b;');
      assert.equal(clean(returning, 'a + b;<｜end▁of▁sentence｜>'), 'a + b;');
      assert.equal(clean(returning, 'a + b;<fim_prefix>'), 'a + b;');
      assert.equal(clean(returning, 'a + b;[SUFFIX]'), 'a + b;');
      assert.equal(clean(returning, '<|endoftext|>'), undefined);
    });
  });

  describe("a chat model's wrapping", () => {
    it('strips a Markdown fence and what follows it', () => {
      assert.equal(clean(returning, '```typescript\na + b;\n```\n\nThis returns the sum.'), 'a + b;');
      assert.equal(clean(emptyBody, '```ts\nconst sum = a + b;\n  return sum;\n```'), 'const sum = a + b;\n  return sum;');
      assert.equal(clean(returning, '~~~\na + b;\n~~~'), 'a + b;');
    });

    it('strips a leading "Here is…" line that introduces the code', () => {
      assert.equal(clean(returning, "Here's the missing code:\n\n```typescript\na + b;\n```"), 'a + b;');
      assert.equal(clean(returning, 'Sure! Here is the completion:\na + b;'), 'a + b;');
      assert.equal(clean(returning, 'Here is the completion:\n```\n  return a + b;\n```\nIt adds a and b.'), 'a + b;');
    });

    it('drops a closing fence left alone at the end', () => {
      assert.equal(clean(emptyBody, 'return a + b;\n```'), 'return a + b;');
    });

    it('keeps fences in Markdown, where they may be the text', () => {
      assert.equal(clean('# Usage\n\nRun the tests:\n\n█', '```sh\nnpm test\n```', 'markdown'), '```sh');
    });
  });

  describe('a server that returns the prefix back', () => {
    it('removes the echoed lines and keeps the middle', () => {
      assert.equal(clean(returning, 'export function add(a: number, b: number): number {\n  return a + b;'), 'a + b;');
      assert.equal(clean(returning, '  return a + b;'), 'a + b;');
      assert.equal(clean(returning, 'return a + b;'), 'a + b;');
      assert.equal(
        clean('const total = items.red█', 'const total = items.reduce((sum, n) => sum + n, 0);'),
        'uce((sum, n) => sum + n, 0);',
      );
    });

    it('gives nothing when the answer is only the echo', () => {
      assert.equal(clean(returning, '  return '), undefined);
      assert.equal(clean(returning, 'export function add(a: number, b: number): number {\n  return '), undefined);
    });

    it('repeated indentation before the code is an echo', () => {
      assert.equal(clean('def area(r):\n    █', '    return 3.14 * r * r', 'python'), 'return 3.14 * r * r');
    });

    it('does not take a short line above for an echo', () => {
      const afterBrace = 'if (ready) {\n  start();\n}\n█';
      assert.equal(clean(afterBrace, '}\nfinish();'), '}');
      assert.equal(clean('const x = a█', 'a + 1;'), 'a + 1;');
    });
  });

  describe('single line or block', () => {
    it('cuts a single-line completion at the first line break', () => {
      assert.equal(clean(returning, 'a + b;\n}\n\nexport function sub(a: number, b: number) {'), 'a + b;');
      assert.equal(clean('const total = █', '\nconst other = 1;'), undefined);
    });

    it('ends a TypeScript block where it closes, when the file already closes it', () => {
      assert.equal(
        clean(emptyBody, 'const sum = a + b;\n  return sum;\n}\n\nexport function sub(a: number, b: number): number {\n  return a - b;\n}'),
        'const sum = a + b;\n  return sum;',
      );
    });

    it('keeps the closing line of a block the file leaves open, and stops after it', () => {
      assert.equal(
        clean('export function add(a: number, b: number) {█', '\n  return a + b;\n}\n\nexport function next() {}'),
        '\n  return a + b;\n}',
      );
      // The file's `}` closes the function, not the `if` being written.
      const openIf = 'function f(x: number) {\n  if (x > 0) {█\n}\n';
      assert.equal(clean(openIf, '\n    return x;\n  }\n  return 0;\n}'), '\n    return x;\n  }');
    });

    it('ends a Python block where the indentation drops back', () => {
      const document = 'def area(r):\n    █\n\nprint(area(2))\n';
      assert.equal(
        clean(document, 'return 3.14159 * r * r\n\ndef perimeter(r):\n    return 2 * 3.14159 * r', 'python'),
        'return 3.14159 * r * r',
      );
      const method = 'class Shape:\n    def area(self):\n        █\n\n    def name(self):\n        return "shape"\n';
      assert.equal(
        clean(
          method,
          'if self.radius is None:\n            return 0\n        return 3.14 * self.radius ** 2\n\n    def name(self):',
          'python',
        ),
        'if self.radius is None:\n            return 0\n        return 3.14 * self.radius ** 2',
      );
      const branch = 'if ready:\n    █\nelse:\n    wait()\n';
      assert.equal(clean(branch, 'start()\nelse:\n    wait()', 'python'), 'start()');
    });

    it('ends a JSON object at its closing brace when the file has it', () => {
      const document = '{\n  "name": "demo",\n  "scripts": {\n    █\n  }\n}\n';
      assert.equal(
        clean(document, '"build": "tsc",\n    "test": "mocha"\n  },\n  "license": "MIT"\n}', 'json'),
        '"build": "tsc",\n    "test": "mocha"',
      );
    });

    it('inside an empty block, ends before the closer after the cursor and keeps its line break', () => {
      assert.equal(clean('function f() {█}', '\n  return 1;\n}'), '\n  return 1;\n');
      assert.equal(clean("it('adds', () => {█});", '\n  expect(add(1, 2)).toBe(3);\n});'), '\n  expect(add(1, 2)).toBe(3);\n');
    });

    it('caps a block at 30 lines (or the given number)', () => {
      const body = Array.from({ length: 50 }, (_, i) => `  console.log(${i});`).join('\n');
      const result = clean('function f() {█', `\n${body}\n}`);
      assert.equal(result?.split('\n').length, 30);
      const five = postProcessCompletion(`\n${body}\n}`, inputAt('function f() {█'), { maxLines: 5 });
      assert.equal(five, '\n  console.log(0);\n  console.log(1);\n  console.log(2);\n  console.log(3);');
    });
  });

  describe('the text after the cursor', () => {
    it('drops a closer the text after the cursor already has (`foo(bar|)`)', () => {
      assert.equal(clean('const result = compute(█);\n', 'items, 2);'), 'items, 2');
      assert.equal(clean('print(name█)', '.upper())', 'python'), '.upper()');
      assert.equal(clean('const result = compute(█);\n', 'items.map(String));'), 'items.map(String)');
      assert.equal(clean('render({█})', 'title: "Cart" })'), 'title: "Cart" ');
    });

    it('keeps closers the completion opens itself', () => {
      assert.equal(clean('wrap(█)', 'inner()'), 'inner()');
      assert.equal(clean('const list = [█];', '[1, 2], [3, 4]'), '[1, 2], [3, 4]');
    });

    it('drops the quote that closes the string the cursor is in', () => {
      assert.equal(clean('console.log("█");', 'Hello, world");'), 'Hello, world');
      assert.equal(clean("const name = '█';", "cart';"), 'cart');
    });

    it('drops the rest of the line written again', () => {
      assert.equal(clean('const total = █;', 'cartTotal(items);'), 'cartTotal(items)');
      assert.equal(clean('  return █value;', 'computed(value'), 'computed(');
      // Too short to be a duplicate: the `x` of the suffix is the model's own `x`.
      assert.equal(clean('const y = █x;', '2 * x'), '2 * x');
    });

    it("drops a block's last lines that the file already has after the cursor", () => {
      const document = 'function area(r: number) {\n  █\n  return result;\n}\n';
      assert.equal(clean(document, 'const result = Math.PI * r * r;\n  return result;'), 'const result = Math.PI * r * r;');
    });

    it('uses the editor line given over the suffix the model saw', () => {
      const input = inputAt('const total = compute(█);');
      assert.equal(postProcessCompletion('items);', input, { lineSuffix: ');' }), 'items');
      assert.equal(postProcessCompletion('items);', input, { lineSuffix: '' }), 'items);');
    });
  });

  describe('endless answers', () => {
    it('gives nothing for an endless first line', () => {
      assert.equal(clean('const a = █', 'x'.repeat(600)), undefined);
      assert.equal(clean('const zeros = [█', '0, '.repeat(200)), undefined);
      assert.equal(clean(returning, `a + b + ${'c'.repeat(520)};`), undefined);
    });

    it('keeps what comes before a looping tail', () => {
      assert.equal(clean('function f() {█', `\n  start();\n  ${'retry(); '.repeat(60)}`), '\n  start();');
      assert.equal(clean('function f() {\n  █\n}', 'console.log(i);\n  '.repeat(40)), 'console.log(i);');
    });

    it('keeps a line repeated a few times', () => {
      const three = 'assert.ok(a);\n  assert.ok(a);\n  assert.ok(a);';
      assert.equal(clean('function f() {\n  █\n}', three), three);
    });
  });

  describe('whitespace', () => {
    it('gives nothing for whitespace', () => {
      assert.equal(clean(returning, '   \n\t\n'), undefined);
      assert.equal(clean(emptyBody, '\n\n'), undefined);
      assert.equal(clean(returning, ''), undefined);
    });

    it('does not double the space before the cursor, and trims the end of the line', () => {
      assert.equal(clean('const answer = █', ' 42;  '), '42;');
      assert.equal(clean('const answer =█', ' 42;'), ' 42;');
    });

    it('reads CRLF answers', () => {
      assert.equal(clean(emptyBody, 'const sum = a + b;\r\n  return sum;\r\n}\r\n'), 'const sum = a + b;\n  return sum;');
    });
  });
});
