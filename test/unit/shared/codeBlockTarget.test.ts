import * as assert from 'node:assert/strict';
import { codeBlockTarget } from '../../../src/shared/codeBlockTarget';

describe('codeBlockTarget', () => {
  const code = 'export const x = 1;\n';

  it('reads the path from the info string in the forms models write', () => {
    for (const info of [
      'ts src/util/date.ts',
      'ts:src/util/date.ts',
      'typescript title="src/util/date.ts"',
      "ts title='src/util/date.ts'",
      'ts filename=src/util/date.ts',
      'src/util/date.ts',
      'ts ./src/util/date.ts',
      '{.ts file=src/util/date.ts}',
    ]) {
      assert.deepEqual(codeBlockTarget(info, code), { path: 'src/util/date.ts', code }, info);
    }
  });

  it('reads it from a first-line comment, and leaves that line out of the code', () => {
    const cases: [string, string, string][] = [
      ['ts', '// src/app.ts\nconst a = 1;\n', 'src/app.ts'],
      ['python', '# file: tools/run.py\nprint(1)\n', 'tools/run.py'],
      ['html', '<!-- path: public/index.html -->\n<p>hi</p>\n', 'public/index.html'],
      ['css', '/* File: styles/site.css */\nbody {}\n', 'styles/site.css'],
      ['sql', '-- db/schema.sql\ncreate table t (id int);\n', 'db/schema.sql'],
      ['', '// filepath: lib\\win\\path.ts\r\nlet a;\r\n', 'lib/win/path.ts'],
    ];
    for (const [info, text, path] of cases) {
      const target = codeBlockTarget(info, text);
      assert.equal(target.path, path, text);
      assert.equal(target.code, text.slice(text.indexOf('\n') + 1));
    }
  });

  it('names no file for plain language tags, versions, prose comments or a shebang', () => {
    for (const [info, text] of [
      ['ts', code],
      ['python 3.11', 'print(1)\n'],
      ['bash', '# Install the dependencies first\nnpm ci\n'],
      ['sh', '#!/usr/bin/env bash\necho hi\n'],
      ['json', '{ "a": 1 }\n'],
      ['', ''],
    ] as const) {
      assert.deepEqual(codeBlockTarget(info, text), { path: undefined, code: text }, `${info} ${text}`);
    }
  });

  it('keeps extensionless well-known files and dotted folders', () => {
    assert.equal(codeBlockTarget('dockerfile Dockerfile', 'FROM node\n').path, 'Dockerfile');
    assert.equal(codeBlockTarget('yaml', '# .github/workflows/ci.yml\non: push\n').path, '.github/workflows/ci.yml');
  });

  it('passes `..` through as written: the extension refuses paths outside the workspace', () => {
    assert.equal(codeBlockTarget('ts ../secrets/app.ts', code).path, '../secrets/app.ts');
  });
});
