// The chat-tools boundary, checked on the bundles themselves: activation loads dist/extension.js, which keeps only
// ChatToolAccess (and the function that requires the bundle); asking the user, running the tools and drawing their
// cards live in dist/chatTools.js, required on the first turn with tools (src/vscode/tools/loadChatTools.ts,
// docs/performance.md). Builds both in memory with the exact options of esbuild.js in production mode.
import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import { build, type BuildOptions } from 'esbuild';

interface BundleConfigs {
  extensionBuild: BuildOptions;
  chatToolsBuild: BuildOptions;
}

const repoRoot = path.resolve(__dirname, '..', '..', '..');
// esbuild.js is the build script itself (CommonJS, no types); requiring it only reads its options.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { extensionBuild, chatToolsBuild } = require(path.join(repoRoot, 'esbuild.js')) as BundleConfigs;

async function bundle(options: BuildOptions): Promise<{ inputs: string[]; requires: Set<string> }> {
  const result = await build({ ...options, absWorkingDir: repoRoot, minify: true, sourcemap: false, write: false, metafile: true });
  const code = result.outputFiles.find((file) => file.path.endsWith('.js'))?.text ?? '';
  return {
    inputs: Object.keys(result.metafile.inputs),
    requires: new Set(Array.from(code.matchAll(/\brequire\("([^"]+)"\)/g), (match) => match[1] ?? '')),
  };
}

const lazyModules = ['chatToolRunner', 'toolApprovals', 'toolCards', 'builtinToolExecutor', 'turnProposals', 'languageModelTools'].map(
  (name) => `src/vscode/tools/${name}.ts`,
);

describe('the bundles split at the chat-tools boundary', function () {
  this.timeout(60_000);

  it('keeps the tools out of the activation bundle, which requires dist/chatTools.js for them', async () => {
    const [extension, tools] = await Promise.all([bundle(extensionBuild), bundle(chatToolsBuild)]);
    assert.deepEqual(
      lazyModules.filter((input) => extension.inputs.includes(input)),
      [],
      'chat-tools modules bundled into dist/extension.js (import only their types; reach them through loadChatTools)',
    );
    assert.ok(extension.requires.has('./chatTools.js'), 'dist/extension.js does not require ./chatTools.js');
    assert.deepEqual(
      lazyModules.filter((input) => !tools.inputs.includes(input)),
      [],
      'modules missing from dist/chatTools.js',
    );
    assert.ok(!tools.inputs.includes('src/vscode/extension.ts'), 'dist/chatTools.js carries the activation code');
    assert.ok(!tools.inputs.some((input) => input.startsWith('src/core/http/')), 'dist/chatTools.js carries the engine');
  });
});
