// The lazily loaded extension-host bundles, checked on the bundles themselves (docs/performance.md): activation loads
// dist/extension.js, which keeps only each bundle's door and requires the bundle for the rest; each bundle carries its
// own modules, and neither the activation code nor the engine. Builds them in memory with the exact options of
// esbuild.js in production mode.
import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import { build, type BuildOptions } from 'esbuild';

const repoRoot = path.resolve(__dirname, '..', '..', '..');
// esbuild.js is the build script itself (CommonJS, no types); requiring it only reads its options.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const builds = require(path.join(repoRoot, 'esbuild.js')) as Record<string, BuildOptions>;

interface LazyBundle {
  /** Its options' name in esbuild.js, and the file activation requires. */
  build: string;
  file: string;
  /** What reaches it from activation code. */
  door: string;
  /** Modules that must be in it and not in dist/extension.js. */
  modules: string[];
  /** Modules that must stay at activation (registration, context keys). */
  atActivation?: string[];
}

const lazyBundles: LazyBundle[] = [
  {
    build: 'applyCodeBuild',
    file: './applyCode.js',
    door: 'loadApplyCode',
    modules: [
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
    ].map((name) => `src/vscode/edits/${name}.ts`),
    atActivation: ['src/vscode/edits/changeReviews.ts'],
  },
  {
    build: 'imageCommandsBuild',
    file: './imageCommands.js',
    door: 'ImageFeature',
    modules: ['imageGenerator', 'editImageCommand', 'animateImageCommand', 'imageSourceFiles', 'multiStepInput', 'generateImageTool'].map(
      (name) => `src/vscode/images/${name}.ts`,
    ),
  },
  {
    build: 'chatToolsBuild',
    file: './chatTools.js',
    door: 'loadChatTools',
    modules: ['chatToolRunner', 'toolApprovals', 'toolCards', 'builtinToolExecutor', 'turnProposals', 'languageModelTools'].map(
      (name) => `src/vscode/tools/${name}.ts`,
    ),
  },
  {
    build: 'completionsBuild',
    file: './completions.js',
    door: 'CompletionsFeature',
    modules: ['inlineCompleter', 'selectCompletionModel', 'snoozeMenu'].map((name) => `src/vscode/completions/${name}.ts`),
    atActivation: ['src/vscode/completions/completionsFeature.ts'],
  },
  {
    build: 'spendBuild',
    file: './spend.js',
    door: 'SpendFeature',
    modules: [
      'src/vscode/spend/spendSession.ts',
      'src/vscode/spend/spendPanel.ts',
      'src/vscode/spend/spendStatusItem.ts',
      'src/core/spend/spendLedger.ts',
      'src/core/spend/spendReport.ts',
    ],
    atActivation: ['src/vscode/spend/spendFeature.ts'],
  },
  {
    build: 'chatCommandsBuild',
    file: './chatCommands.js',
    door: 'loadChatCommands',
    modules: [
      'src/vscode/chat/chatHistoryPicker.ts',
      'src/vscode/chat/exportConversationCommand.ts',
      'src/vscode/models/selectModelCommand.ts',
      'src/vscode/selection/selectionCommands.ts',
    ],
  },
  {
    build: 'vscodeLmBuild',
    file: './vscodeLm.js',
    door: 'loadVscodeLm',
    modules: [
      'chatParticipantHandler',
      'chatParticipantFollowups',
      'switchboardChatModelProvider',
      'vscodeHostModels',
      'fromVscodeMessages',
    ].map((name) => `src/vscode/lm/${name}.ts`),
    atActivation: ['src/vscode/lm/registerVscodeChat.ts', 'src/vscode/lm/lazyHostModels.ts'],
  },
];

async function bundle(options: BuildOptions): Promise<{ inputs: string[]; requires: Set<string> }> {
  const result = await build({ ...options, absWorkingDir: repoRoot, minify: true, sourcemap: false, write: false, metafile: true });
  const code = result.outputFiles.find((file) => file.path.endsWith('.js'))?.text ?? '';
  return {
    inputs: Object.keys(result.metafile.inputs),
    requires: new Set(Array.from(code.matchAll(/\brequire\("([^"]+)"\)/g), (match) => match[1] ?? '')),
  };
}

describe('the lazily loaded extension-host bundles', function () {
  this.timeout(120_000);
  let extension: Awaited<ReturnType<typeof bundle>>;

  before(async () => {
    const options = builds['extensionBuild'];
    assert.ok(options, 'esbuild.js exports no extensionBuild');
    extension = await bundle(options);
  });

  for (const lazy of lazyBundles) {
    it(`${lazy.file}: out of the activation bundle, which requires it (through ${lazy.door})`, async () => {
      const options = builds[lazy.build];
      assert.ok(options, `esbuild.js exports no ${lazy.build}`);
      const own = await bundle(options);
      assert.deepEqual(
        lazy.modules.filter((input) => extension.inputs.includes(input)),
        [],
        `modules bundled into dist/extension.js (import only their types; reach them through ${lazy.door})`,
      );
      assert.ok(extension.requires.has(lazy.file), `dist/extension.js does not require ${lazy.file}`);
      for (const input of lazy.atActivation ?? []) assert.ok(extension.inputs.includes(input), `${input} is not at activation`);
      assert.deepEqual(
        lazy.modules.filter((input) => !own.inputs.includes(input)),
        [],
        `modules missing from ${lazy.file}`,
      );
      assert.ok(!own.inputs.includes('src/vscode/extension.ts'), `${lazy.file} carries the activation code`);
      assert.ok(!own.inputs.some((input) => input.startsWith('src/core/http/')), `${lazy.file} carries the engine`);
    });
  }
});
