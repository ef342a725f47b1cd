// The chat-commands boundary, checked on the bundles themselves: activation loads dist/extension.js, which registers
// the commands and keeps the conversation history and the model catalog they work on; the pickers and dialogs of
// Chat History, Export and Select Chat Model live in dist/chatCommands.js, required the first time one of them runs
// (src/vscode/chat/loadChatCommands.ts, docs/performance.md). Builds both in memory with the exact options of
// esbuild.js in production mode.
import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import { build, type BuildOptions } from 'esbuild';

interface BundleConfigs {
  extensionBuild: BuildOptions;
  chatCommandsBuild: BuildOptions;
}

const repoRoot = path.resolve(__dirname, '..', '..', '..');
// esbuild.js is the build script itself (CommonJS, no types); requiring it only reads its options.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { extensionBuild, chatCommandsBuild } = require(path.join(repoRoot, 'esbuild.js')) as BundleConfigs;

async function bundle(options: BuildOptions): Promise<{ inputs: string[]; requires: Set<string> }> {
  const result = await build({ ...options, absWorkingDir: repoRoot, minify: true, sourcemap: false, write: false, metafile: true });
  const code = result.outputFiles.find((file) => file.path.endsWith('.js'))?.text ?? '';
  return {
    inputs: Object.keys(result.metafile.inputs),
    requires: new Set(Array.from(code.matchAll(/\brequire\("([^"]+)"\)/g), (match) => match[1] ?? '')),
  };
}

const lazyModules = [
  'src/vscode/chat/chatHistoryPicker.ts',
  'src/vscode/chat/exportConversationCommand.ts',
  'src/vscode/models/selectModelCommand.ts',
  'src/vscode/selection/selectionCommands.ts',
];

describe('the bundles split at the chat-commands boundary', function () {
  this.timeout(60_000);

  it('keeps the history, export and model pickers out of the activation bundle, which requires dist/chatCommands.js', async () => {
    const [extension, commands] = await Promise.all([bundle(extensionBuild), bundle(chatCommandsBuild)]);
    assert.deepEqual(
      lazyModules.filter((input) => extension.inputs.includes(input)),
      [],
      'chat-commands modules bundled into dist/extension.js (import only their types; reach them through loadChatCommands)',
    );
    assert.ok(extension.requires.has('./chatCommands.js'), 'dist/extension.js does not require ./chatCommands.js');
    assert.deepEqual(
      lazyModules.filter((input) => !commands.inputs.includes(input)),
      [],
      'modules missing from dist/chatCommands.js',
    );
    assert.ok(!commands.inputs.includes('src/vscode/extension.ts'), 'dist/chatCommands.js carries the activation code');
    assert.ok(!commands.inputs.some((input) => input.startsWith('src/core/http/')), 'dist/chatCommands.js carries the engine');
  });
});
