// The completions boundary, checked on the bundles themselves: activation loads dist/extension.js, which keeps only
// CompletionsFeature (the status item, the commands and a provider that answers "nothing" while completions are off);
// building the prompt, asking the model and cleaning the answer live in dist/completions.js, required on the first
// request (src/vscode/completions/loadCompletions.ts, docs/performance.md).
import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import { build, type BuildOptions } from 'esbuild';

interface BundleConfigs {
  extensionBuild: BuildOptions;
  completionsBuild: BuildOptions;
}

const repoRoot = path.resolve(__dirname, '..', '..', '..');
// esbuild.js is the build script itself (CommonJS, no types); requiring it only reads its options.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { extensionBuild, completionsBuild } = require(path.join(repoRoot, 'esbuild.js')) as BundleConfigs;

async function bundle(options: BuildOptions): Promise<{ inputs: string[]; requires: Set<string> }> {
  const result = await build({ ...options, absWorkingDir: repoRoot, minify: true, sourcemap: false, write: false, metafile: true });
  const code = result.outputFiles.find((file) => file.path.endsWith('.js'))?.text ?? '';
  return {
    inputs: Object.keys(result.metafile.inputs),
    requires: new Set(Array.from(code.matchAll(/\brequire\("([^"]+)"\)/g), (match) => match[1] ?? '')),
  };
}

const lazyModules = ['inlineCompleter', 'selectCompletionModel', 'snoozeMenu'].map((name) => `src/vscode/completions/${name}.ts`);

describe('the bundles split at the completions boundary', function () {
  this.timeout(60_000);

  it('keeps the work of inline completions out of the activation bundle, which requires dist/completions.js for them', async () => {
    const [extension, completions] = await Promise.all([bundle(extensionBuild), bundle(completionsBuild)]);
    assert.deepEqual(
      lazyModules.filter((input) => extension.inputs.includes(input)),
      [],
      'completions modules bundled into dist/extension.js (import only their types; reach them through CompletionsFeature)',
    );
    assert.ok(extension.requires.has('./completions.js'), 'dist/extension.js does not require ./completions.js');
    assert.deepEqual(
      lazyModules.filter((input) => !completions.inputs.includes(input)),
      [],
      'modules missing from dist/completions.js',
    );
    assert.ok(!completions.inputs.includes('src/vscode/extension.ts'), 'dist/completions.js carries the activation code');
    assert.ok(!completions.inputs.some((input) => input.startsWith('src/core/http/')), 'dist/completions.js carries the engine');
  });
});
