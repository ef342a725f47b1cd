// Lint rules, including the layer boundaries of docs/architecture.md: imports point one way only.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

const vscodeImport = {
  name: 'vscode',
  message: 'src/core and src/shared run without VS Code (docs/architecture.md): put editor code in src/vscode.',
};
const pattern = (group, message) => ({ group, message });

// The line between the two extension-host bundles (esbuild.js). src/core/engine.ts and everything it pulls in is
// dist/engine.js (undici, zod, eventsource-parser, every protocol client), loaded on first use through
// ProviderEngineHost (src/vscode/engine/providerEngineHost.ts); a value import of any of these modules from
// src/vscode would drag it into dist/extension.js, which activation loads (docs/performance.md), so src/vscode imports only
// their types. On the activation side of the line, and importable as values: settings and their validation
// (config/, validation/describeSchemaIssue, providers/providerEntry and chat/rateLimits, which the settings schema
// needs), the key store (keys/keyStore), conversations and their operations (conversations/, but not the store, which
// the chat builds on first use), the webview document,
// ProviderError and the small shared helpers (assertNever, formatDuration). test/unit/engine/bundleContents.test.ts
// checks the result on the built bundles.
const engineModules = [
  '**/core/engine',
  '**/core/providerEngine',
  '**/core/providers/**',
  '!**/core/providers/providerEntry',
  '**/core/chat/**',
  '!**/core/chat/rateLimits',
  '**/core/http/**',
  '**/core/sse/**',
  '**/core/images/**',
  '**/core/context/**',
  '**/core/conversations/conversationStore',
  '!**/core/context/estimateTokens',
  '!**/core/context/defaultContextExclude',
  '**/core/prompts/**',
  '**/core/edits/**',
  '**/core/turns/**',
  '**/core/tools/**',
  '**/core/keys/check*',
  '**/core/validation/parseResponse',
  '**/core/validation/fastValidator',
  '**/core/validation/shapeChecks',
  '**/core/errors/map*',
  '**/core/errors/errorBodyInfo',
  '**/core/errors/googleErrorReason',
  '**/core/errors/quoteProviderText',
  '**/core/errors/redactSecrets',
  // Embeddings, moderation and the semantic cache (issue 19); the cache's setting is read at activation.
  '**/core/pricing/**',
  '**/core/embeddings/**',
  '**/core/moderation/**',
  '**/core/semanticCache/**',
  '!**/core/semanticCache/semanticCacheSetting',
];

/**
 * The extension-host code that is its own lazily loaded bundle (esbuild.js), by folder of src/vscode: what activation
 * code may import as values (`doors`), and what it should go through instead.
 */
const lazyBundles = [
  {
    folder: 'edits',
    name: 'apply-code',
    doors: ['changeReviews', 'proposalDocuments', 'loadApplyCode'],
    via: 'loadApplyCode() or ChangeReviews',
  },
  { folder: 'images', name: 'image-commands', doors: ['imageFeature', 'loadImageCommands'], via: 'ImageFeature' },
  {
    folder: 'tools',
    name: 'chat-tools',
    doors: ['loadChatTools', 'registerGenerateImageTool', 'generateImageToolName', 'toolExecutor'],
    via: 'loadChatTools()',
  },
  {
    folder: 'completions',
    name: 'completions',
    doors: ['completionsFeature', 'loadCompletions', 'completionsState', 'completionsHealth'],
    via: 'CompletionsFeature',
  },
  { folder: 'spend', name: 'spend', doors: ['spendFeature', 'loadSpend'], via: 'SpendFeature' },
  {
    folder: 'lm',
    name: 'vscode-lm',
    doors: ['loadVscodeLm', 'registerVscodeChat', 'lazyHostModels', 'vscodeChatIds', 'participantCommand'],
    via: 'loadVscodeLm() or registerVscodeChat()',
  },
];

const engineTypesOnly = { group: engineModules, allowTypeImports: true, message: 'Engine module: import only its types (see above).' };

function bundleTypesOnly({ folder, name, doors, via }) {
  return {
    // src/core/<folder> is not the bundle: the engine's rule covers it.
    group: [`**/${folder}/*`, ...doors.map((door) => `!**/${folder}/${door}`), `!**/core/${folder}/*`],
    allowTypeImports: true,
    message: `This module belongs to the lazily loaded ${name} bundle: import only its types here, and reach its values through ${via}.`,
  };
}

export default tseslint.config(
  { ignores: ['dist/**', 'out/**', 'node_modules/**', 'test-results/**', '.vscode-test/**', 'bench/results/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ['**/*.ts'],
    // Type-aware rules: each file is checked with the tsconfig that covers it (the project service finds the
    // nearest one: ./tsconfig.json for src; test/, bench/, bench/render/ and scripts/ have their own). The sample
    // workspace is part of none.
    languageOptions: {
      parserOptions: {
        projectService: { allowDefaultProject: ['sample-workspace/src/*.ts'] },
        tsconfigRootDir: import.meta.dirname,
      },
    },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      // A promise nobody awaits loses its rejection: await it, or handle the rejection (log it). `void` only marks
      // one that is fire-and-forget and cannot reject (a notification, a promise that catches its own errors).
      '@typescript-eslint/no-floating-promises': 'error',
      // Switches end in `default: assertNever(x)`, which already proves exhaustiveness at compile time; the rule
      // catches the switches without one.
      '@typescript-eslint/switch-exhaustiveness-check': ['error', { considerDefaultExhaustiveForUnions: true }],
      'no-restricted-syntax': ['error', { selector: 'ExportDefaultDeclaration', message: 'Use named exports.' }],
    },
  },
  {
    files: ['src/core/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [vscodeImport],
          patterns: [
            pattern(
              ['**/vscode/**', '**/webview/**', '**/shared/**'],
              'src/core imports only node built-ins, undici, zod and its own files (docs/architecture.md).',
            ),
          ],
        },
      ],
    },
  },
  {
    files: ['src/vscode/**/*.ts'],
    rules: {
      '@typescript-eslint/no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: engineModules,
              allowTypeImports: true,
              message:
                'This module belongs to the lazily loaded engine bundle: import only its types here, and reach its values through ProviderEngineHost (get() or module()).',
            },
          ],
        },
      ],
    },
  },
  // The lazily loaded extension-host bundles (lazyBundles above): a folder's own files import each other freely; every
  // other folder reaches a bundle only through its doors, and imports only types from the rest of it.
  ...lazyBundles.map((bundle) => ({
    files: [`src/vscode/${bundle.folder}/**/*.ts`],
    rules: {
      '@typescript-eslint/no-restricted-imports': [
        'error',
        { patterns: [engineTypesOnly, ...lazyBundles.filter((other) => other !== bundle).map(bundleTypesOnly)] },
      ],
    },
  })),
  {
    files: ['src/vscode/**/*.ts'],
    ignores: lazyBundles.map((bundle) => `src/vscode/${bundle.folder}/**`),
    rules: {
      '@typescript-eslint/no-restricted-imports': ['error', { patterns: [engineTypesOnly, ...lazyBundles.map(bundleTypesOnly)] }],
    },
  },
  {
    files: ['src/shared/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [vscodeImport],
          patterns: [
            pattern(
              ['**/core/**', '**/vscode/**', '**/webview/**'],
              'src/shared imports only zod and its own files (docs/architecture.md).',
            ),
          ],
        },
      ],
    },
  },
  {
    files: ['src/webview/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [{ name: 'vscode', message: 'The webview runs in a browser: talk to the extension through src/shared messages.' }],
          patterns: [
            pattern(['**/core/**', '**/vscode/**'], 'src/webview imports only src/shared and browser libraries (docs/architecture.md).'),
            pattern(['node:*'], 'The webview runs in a browser.'),
          ],
        },
      ],
    },
  },
  {
    files: ['test/unit/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [{ name: 'vscode', message: 'Unit tests run on plain Node; real-editor tests live in test/e2e.' }],
          patterns: [
            pattern(['**/src/vscode/**', '**/src/webview/**'], 'Unit tests cover src/core and src/shared (docs/architecture.md).'),
          ],
        },
      ],
    },
  },
  {
    files: ['**/*.js', '**/*.cjs'],
    languageOptions: {
      sourceType: 'commonjs',
      globals: { require: 'readonly', module: 'writable', process: 'readonly', console: 'readonly', __dirname: 'readonly' },
    },
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
);
