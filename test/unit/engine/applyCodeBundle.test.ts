// The apply-code boundary, checked on the bundles themselves: activation loads dist/extension.js, which keeps only
// the review commands' registration, their context keys and the proposal documents; placing code, target files,
// the reviews and what their commands do live in dist/applyCode.js, required on the first Apply or selection edit
// (src/vscode/edits/loadApplyCode.ts, docs/performance.md). Builds both in memory with the exact options of
// esbuild.js in production mode, so dist/ is left alone.
import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import { build, type BuildOptions } from 'esbuild';

interface BundleConfigs {
  extensionBuild: BuildOptions;
  applyCodeBuild: BuildOptions;
}

const repoRoot = path.resolve(__dirname, '..', '..', '..');
// esbuild.js is the build script itself (CommonJS, no types); requiring it only reads its options.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { extensionBuild, applyCodeBuild } = require(path.join(repoRoot, 'esbuild.js')) as BundleConfigs;

async function bundle(options: BuildOptions): Promise<{ inputs: string[]; requires: Set<string> }> {
  const result = await build({ ...options, absWorkingDir: repoRoot, minify: true, sourcemap: false, write: false, metafile: true });
  const code = result.outputFiles.find((file) => file.path.endsWith('.js'))?.text ?? '';
  return {
    inputs: Object.keys(result.metafile.inputs),
    requires: new Set(Array.from(code.matchAll(/\brequire\("([^"]+)"\)/g), (match) => match[1] ?? '')),
  };
}

/** What only applying code needs: none of it may load at activation. */
const lazyModules = [
  'codeApplier',
  'placeInFile',
  'resolveCodeTarget',
  'askPlacement',
  'pickTargetFile',
  'documentSymbols',
  'changeReview',
  'fileProposal',
  'reviewCommands',
  'closeProposalTabs',
].map((name) => `src/vscode/edits/${name}.ts`);

describe('the bundles split at the apply-code boundary', function () {
  // Two production builds of the real sources.
  this.timeout(60_000);

  it('keeps placing, reviewing and deciding out of the activation bundle, which requires dist/applyCode.js for them', async () => {
    const [extension, applyCode] = await Promise.all([bundle(extensionBuild), bundle(applyCodeBuild)]);
    assert.deepEqual(
      lazyModules.filter((input) => extension.inputs.includes(input)),
      [],
      'apply-code modules bundled into dist/extension.js (import only their types; reach them through loadApplyCode)',
    );
    assert.ok(extension.requires.has('./applyCode.js'), 'dist/extension.js does not require ./applyCode.js');
    assert.ok(extension.inputs.includes('src/vscode/edits/changeReviews.ts'), 'the review commands are not registered at activation');
    assert.deepEqual(
      lazyModules.filter((input) => !applyCode.inputs.includes(input)),
      [],
      'modules missing from dist/applyCode.js',
    );
    assert.ok(!applyCode.inputs.includes('src/vscode/extension.ts'), 'dist/applyCode.js carries the activation code');
    assert.ok(!applyCode.inputs.some((input) => input.startsWith('src/core/http/')), 'dist/applyCode.js carries the engine');
  });
});
