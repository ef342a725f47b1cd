import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import { extractCodeFromReply } from '../../../src/core/edits/extractCode';
import { extractCodeSoFar } from '../../../src/core/edits/extractCodeSoFar';

describe('extractCodeSoFar', () => {
  it('is empty before a fence has opened', () => {
    assert.equal(extractCodeSoFar(''), '');
    assert.equal(extractCodeSoFar('Here is the code'), '');
    assert.equal(extractCodeSoFar('Here is the code:\n``'), '');
    assert.equal(extractCodeSoFar('Here is the code:\n```typesc'), '', 'the opening line is not complete yet');
  });

  it('shows the code of an open fence as it grows, the unfinished line included', () => {
    assert.equal(extractCodeSoFar('Sure:\n```ts\n'), '');
    assert.equal(extractCodeSoFar('Sure:\n```ts\nconst a'), 'const a');
    assert.equal(extractCodeSoFar('Sure:\n```ts\nconst a = 1;\nconst b'), 'const a = 1;\nconst b');
  });

  it('holds back an unfinished line that may become the closing fence', () => {
    assert.equal(extractCodeSoFar('```ts\na;\n`'), 'a;\n');
    assert.equal(extractCodeSoFar('```ts\na;\n``'), 'a;\n');
    assert.equal(extractCodeSoFar('```ts\na;\n```'), 'a;\n');
    assert.equal(extractCodeSoFar('```ts\na;\n   '), 'a;\n');
    assert.equal(extractCodeSoFar('```ts\na;\n``x'), 'a;\n``x');
    assert.equal(extractCodeSoFar('~~~\na;\n``'), 'a;\n``');
  });

  it('stops at the closing fence and ignores later blocks', () => {
    assert.equal(extractCodeSoFar('```ts\na;\n```\nAnd also:\n```ts\nb;\n'), 'a;\n');
  });

  it('handles CRLF and a chunk that ends between \\r and \\n', () => {
    assert.equal(extractCodeSoFar('```cs\r\nint a;\r'), 'int a;\n');
    assert.equal(extractCodeSoFar('```cs\r\nint a;\r\n'), 'int a;\n');
  });

  it('removes the indentation of an indented fence from the unfinished line too', () => {
    assert.equal(extractCodeSoFar('1. Do:\n   ```py\n   x = 1\n   y ='), 'x = 1\ny =');
  });

  it('only grows as the reply streams, and ends with the final code (property)', () => {
    const codeLine = fc.string({ maxLength: 12 }).map((s) => s.replace(/[\r\n`~]/g, ''));
    const reply = fc.record({
      before: fc.constantFrom('', 'Here is the code:\n', 'Sure!\r\n\r\n'),
      lines: fc.array(codeLine, { minLength: 1, maxLength: 6 }),
      eol: fc.constantFrom('\n', '\r\n'),
      after: fc.constantFrom('', '\nThat is all.', '\n```js\nother()\n```'),
    });
    fc.assert(
      fc.property(reply, ({ before, lines, eol, after }) => {
        const text = `${before}\`\`\`ts${eol}${lines.join(eol)}${eol}\`\`\`${after}`;
        let previous = '';
        for (let i = 0; i <= text.length; i += 1) {
          const soFar = extractCodeSoFar(text.slice(0, i));
          assert.ok(
            soFar.startsWith(previous),
            `${JSON.stringify(text.slice(0, i))}: ${JSON.stringify(soFar)} does not extend ${JSON.stringify(previous)}`,
          );
          previous = soFar;
        }
        assert.equal(previous, lines.map((line) => `${line}\n`).join(''));
        const final = extractCodeFromReply(text, 'typescript');
        if (lines.some((line) => line.trim() !== '')) assert.equal(final.kind === 'code' && final.code, previous);
      }),
    );
  });
});
