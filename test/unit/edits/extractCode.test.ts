import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import { fencedBlock } from '../../../src/core/conversations/markdownFence';
import { cutOffNote, extractCodeFromReply } from '../../../src/core/edits/extractCode';
import { notCodeReason, proseReason } from '../../../src/core/edits/looksLikeCode';

describe('extractCodeFromReply', () => {
  it('takes the code out of a fence and drops the chatter around it', () => {
    const reply =
      'Here is the refactored code:\n\n```typescript\nconst sum = (a: number, b: number) => a + b;\n```\n\nThis uses an arrow function.';
    assert.deepEqual(extractCodeFromReply(reply, 'typescript'), { kind: 'code', code: 'const sum = (a: number, b: number) => a + b;\n' });
  });

  it('prefers the block tagged with the language over a larger one in another language', () => {
    const reply = [
      'First install it:',
      '```bash',
      'npm install --save-dev some-very-long-package-name another-long-package-name',
      '```',
      'Then:',
      '```py',
      'print(1)',
      '```',
    ].join('\n');
    const result = extractCodeFromReply(reply, 'python');
    assert.equal(result.kind, 'code');
    assert.equal(result.kind === 'code' && result.code, 'print(1)\n');
    assert.equal(result.kind === 'code' && result.note, 'The reply had 2 code blocks; the python one was used.');
  });

  it('understands the usual tags of a language and extra words in the info string', () => {
    const cases: Array<[string, string]> = [
      ['ts', 'typescript'],
      ['tsx', 'typescriptreact'],
      ['TypeScript title="a.ts"', 'typescript'],
      ['{.python}', 'python'],
      ['c++', 'cpp'],
      ['cs', 'csharp'],
      ['sh', 'shellscript'],
      ['rs', 'rust'],
      ['python:src/app.py', 'python'],
    ];
    for (const [info, languageId] of cases) {
      const reply = `\`\`\`text\n${'x'.repeat(100)}\n\`\`\`\n\`\`\`${info}\ncode()\n\`\`\``;
      const result = extractCodeFromReply(reply, languageId);
      assert.equal(result.kind === 'code' && result.code, 'code()\n', `${info} → ${languageId}`);
    }
  });

  it('takes the largest block when none is tagged with the language, and the later one on a tie', () => {
    assert.deepEqual(extractCodeFromReply('```\na\n```\ntext\n```\nbbb\n```', 'go'), {
      kind: 'code',
      code: 'bbb\n',
      note: 'The reply had 2 code blocks; the largest was used.',
    });
    const before = 'Before:\n```go\nx := 1\n```\nAfter:\n```go\ny := 2\n```';
    assert.equal(
      extractCodeFromReply(before, 'go').kind === 'code' && (extractCodeFromReply(before, 'go') as { code: string }).code,
      'y := 2\n',
    );
  });

  it('says when the block is tagged with another language', () => {
    const result = extractCodeFromReply('```javascript\nlet a = 1;\n```', 'typescript');
    assert.deepEqual(result, { kind: 'code', code: 'let a = 1;\n', note: 'The code block is tagged javascript, not typescript.' });
  });

  it('handles ~~~ fences, longer fences and fences inside the code', () => {
    assert.deepEqual(extractCodeFromReply('~~~ruby\nputs 1\n~~~', 'ruby'), { kind: 'code', code: 'puts 1\n' });
    const markdownInCode = '````ts\nconst md = `\n```js\nx\n```\n`;\n````';
    assert.deepEqual(extractCodeFromReply(markdownInCode, 'typescript'), { kind: 'code', code: 'const md = `\n```js\nx\n```\n`;\n' });
    // A shorter or different fence does not close the block.
    assert.deepEqual(extractCodeFromReply('~~~~\na\n~~~\n```\nb\n~~~~~', 'text'), { kind: 'code', code: 'a\n~~~\n```\nb\n' });
  });

  it('does not take inline triple backticks for a fence', () => {
    const result = extractCodeFromReply('Use ```js``` blocks.\n```js``` is inline\n```js\nok();\n```', 'javascript');
    assert.deepEqual(result, { kind: 'code', code: 'ok();\n' });
  });

  it('takes a fence indented inside a list item, without the list indentation', () => {
    const reply = '1. Replace the function:\n\n   ```python\n   def f():\n       return 1\n   ```\n';
    assert.deepEqual(extractCodeFromReply(reply, 'python'), { kind: 'code', code: 'def f():\n    return 1\n' });
  });

  it("keeps the code's own indentation", () => {
    assert.deepEqual(extractCodeFromReply('```python\n    def f(self):\n        pass\n```', 'python'), {
      kind: 'code',
      code: '    def f(self):\n        pass\n',
    });
  });

  it('reads CRLF replies and returns LF code', () => {
    assert.deepEqual(extractCodeFromReply('Sure:\r\n```cs\r\nint a = 1;\r\nint b = 2;\r\n```\r\n', 'csharp'), {
      kind: 'code',
      code: 'int a = 1;\nint b = 2;\n',
    });
  });

  it('takes what an unclosed final fence holds and says the code may be cut', () => {
    assert.deepEqual(extractCodeFromReply('Here:\n```go\nfunc main() {\n\tfmt.Println(', 'go'), {
      kind: 'code',
      code: 'func main() {\n\tfmt.Println(\n',
      note: cutOffNote,
    });
    assert.deepEqual(extractCodeFromReply('```go\n', 'go'), { kind: 'no-code', reason: 'the reply stopped before any code' });
  });

  it('says when the code block is empty', () => {
    assert.deepEqual(extractCodeFromReply('```ts\n```', 'typescript'), { kind: 'no-code', reason: 'the code block in the reply is empty' });
    assert.deepEqual(extractCodeFromReply('```ts\n\n   \n```\nsorry', 'typescript'), {
      kind: 'no-code',
      reason: 'the code block in the reply is empty',
    });
  });

  it('answers no-code with a reason for a reply in prose', () => {
    for (const reply of [
      'The code is already correct; no changes are needed.',
      'I cannot refactor this code because the instruction is unclear. Could you say what you want?',
      'Этот код уже корректен, ничего менять не нужно.',
      'Sure! Here is what I changed:\n- renamed `a` to `sum`\n- removed the loop',
    ]) {
      assert.deepEqual(extractCodeFromReply(reply, 'typescript'), { kind: 'no-code', reason: proseReason }, reply);
    }
  });

  it('answers no-code for an empty reply or one that is not code', () => {
    assert.deepEqual(extractCodeFromReply('', 'typescript'), { kind: 'no-code', reason: 'the reply was empty' });
    assert.deepEqual(extractCodeFromReply('  \n', 'typescript'), { kind: 'no-code', reason: 'the reply was empty' });
    assert.deepEqual(extractCodeFromReply('Sure', 'typescript'), { kind: 'no-code', reason: notCodeReason });
  });

  it('accepts a bare code reply, without the blank lines around it, and says so', () => {
    const reply = '\n\nfunction add(a, b) {\n  // Adds the two numbers.\n  return a + b;\n}\n\n';
    assert.deepEqual(extractCodeFromReply(reply, 'javascript'), {
      kind: 'code',
      code: 'function add(a, b) {\n  // Adds the two numbers.\n  return a + b;\n}\n',
      note: 'The reply had no code block; all of it was taken as code.',
    });
  });

  it('accepts bare documented code whose comments are sentences', () => {
    const python =
      'def area(r):\n    """Return the area of a circle.\n\n    Args:\n        r: The radius of the circle.\n    """\n    return 3.14159 * r * r\n';
    assert.equal(extractCodeFromReply(python, 'python').kind, 'code');
    const ts =
      '/**\n * Adds two numbers together.\n * The result is never negative.\n */\nexport function add(a: number, b: number): number {\n  return a + b;\n}\n';
    assert.equal(extractCodeFromReply(ts, 'typescript').kind, 'code');
  });

  it('refuses a bare reply that mixes code and chatter', () => {
    const reply = 'Here is the fixed version of the function:\nfunction add(a, b) {\n  return a + b;\n}';
    assert.deepEqual(extractCodeFromReply(reply, 'javascript'), { kind: 'no-code', reason: proseReason });
  });

  it('gives back any code written with fencedBlock, whatever chatter surrounds it (property)', () => {
    const chatter = fc.string({ maxLength: 40 }).map((text) => text.replace(/[`~\r]/g, ''));
    const code = fc.string({ maxLength: 80 }).map((text) => text.replace(/\r/g, ''));
    fc.assert(
      fc.property(chatter, code, chatter, fc.constantFrom('\n', '\r\n'), (before, body, after, eol) => {
        fc.pre(body.trim() !== '');
        const reply = `${before}\n${fencedBlock(body, 'python')}\n${after}`.replace(/\n/g, eol);
        const expected = body.endsWith('\n') ? body : `${body}\n`;
        assert.deepEqual(extractCodeFromReply(reply, 'python'), { kind: 'code', code: expected });
      }),
    );
  });

  // Pieces that matter to fences and to the prose rule, shuffled (much faster to generate than arbitrary Unicode).
  const piece = fc.oneof(
    fc.constantFrom(
      '```',
      '~~~',
      '`',
      '\n',
      '\r\n',
      '\r',
      ' ',
      '\t',
      'ts',
      'The',
      'code',
      'is',
      '.',
      ':',
      '(',
      ')',
      ';',
      '=',
      '#',
      '//',
      '/*',
      '*/',
      '"""',
      '😀',
      'é',
    ),
    fc.string({ maxLength: 4 }),
  );
  const replyText = fc.array(piece, { maxLength: 60 }).map((pieces) => pieces.join(''));

  it('never throws (property)', () => {
    fc.assert(
      fc.property(replyText, fc.string({ maxLength: 12 }), (reply, languageId) => {
        const result = extractCodeFromReply(reply, languageId);
        assert.ok(result.kind === 'code' ? result.code.endsWith('\n') : result.reason !== '');
      }),
    );
  });
});
