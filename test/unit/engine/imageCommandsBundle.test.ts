// The image-commands boundary, checked on the bundles themselves: activation loads dist/extension.js, which keeps only
// ImageFeature (and the function that requires the bundle); generating, editing and animating images and inserting
// their references live in dist/imageCommands.js, required on first use (src/vscode/images/loadImageCommands.ts,
// docs/performance.md). Builds both in memory with the exact options of esbuild.js in production mode.
import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import { build, type BuildOptions } from 'esbuild';

interface BundleConfigs {
  extensionBuild: BuildOptions;
  imageCommandsBuild: BuildOptions;
}

const repoRoot = path.resolve(__dirname, '..', '..', '..');
// esbuild.js is the build script itself (CommonJS, no types); requiring it only reads its options.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { extensionBuild, imageCommandsBuild } = require(path.join(repoRoot, 'esbuild.js')) as BundleConfigs;

async function bundle(options: BuildOptions): Promise<{ inputs: string[]; requires: Set<string> }> {
  const result = await build({ ...options, absWorkingDir: repoRoot, minify: true, sourcemap: false, write: false, metafile: true });
  const code = result.outputFiles.find((file) => file.path.endsWith('.js'))?.text ?? '';
  return {
    inputs: Object.keys(result.metafile.inputs),
    requires: new Set(Array.from(code.matchAll(/\brequire\("([^"]+)"\)/g), (match) => match[1] ?? '')),
  };
}

const lazyModules = [
  'imageGenerator',
  'editImageCommand',
  'animateImageCommand',
  'imageSourceFiles',
  'multiStepInput',
  'generateImageTool',
].map((name) => `src/vscode/images/${name}.ts`);

describe('the bundles split at the image-commands boundary', function () {
  this.timeout(60_000);

  it('keeps the image commands out of the activation bundle, which requires dist/imageCommands.js for them', async () => {
    const [extension, images] = await Promise.all([bundle(extensionBuild), bundle(imageCommandsBuild)]);
    assert.deepEqual(
      lazyModules.filter((input) => extension.inputs.includes(input)),
      [],
      'image-command modules bundled into dist/extension.js (import only their types; reach them through ImageFeature)',
    );
    assert.ok(extension.requires.has('./imageCommands.js'), 'dist/extension.js does not require ./imageCommands.js');
    assert.deepEqual(
      lazyModules.filter((input) => !images.inputs.includes(input)),
      [],
      'modules missing from dist/imageCommands.js',
    );
    assert.ok(!images.inputs.includes('src/vscode/extension.ts'), 'dist/imageCommands.js carries the activation code');
    assert.ok(!images.inputs.some((input) => input.startsWith('src/core/http/')), 'dist/imageCommands.js carries the engine');
  });
});
