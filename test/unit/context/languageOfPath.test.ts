import * as assert from 'node:assert/strict';
import { languageOfPath } from '../../../src/core/context/languageOfPath';

describe('languageOfPath', () => {
  it('gives VS Code language ids for common extensions and names', () => {
    assert.equal(languageOfPath('src/app.ts'), 'typescript');
    assert.equal(languageOfPath('src/App.tsx'), 'typescriptreact');
    assert.equal(languageOfPath('lib/index.mjs'), 'javascript');
    assert.equal(languageOfPath('tool.py'), 'python');
    assert.equal(languageOfPath('README.md'), 'markdown');
    assert.equal(languageOfPath('package.json'), 'json');
    assert.equal(languageOfPath('tsconfig.json'), 'jsonc');
    assert.equal(languageOfPath('scripts\\build.sh'), 'shellscript');
    assert.equal(languageOfPath('Dockerfile'), 'dockerfile');
    assert.equal(languageOfPath('docker/api.Dockerfile'), 'dockerfile');
    assert.equal(languageOfPath('Makefile'), 'makefile');
    assert.equal(languageOfPath('STYLE.CSS'), 'css');
  });

  it('gives nothing for an unknown or missing extension, a dot file without one, or a prototype member name', () => {
    assert.equal(languageOfPath('data.unknownext'), undefined);
    assert.equal(languageOfPath('LICENSE'), undefined);
    assert.equal(languageOfPath('.profile'), undefined);
    assert.equal(languageOfPath('trailing.'), undefined);
    assert.equal(languageOfPath('x.constructor'), undefined);
    assert.equal(languageOfPath('toString'), undefined);
    assert.equal(languageOfPath(''), undefined);
  });
});
