// Builds Switchboard's bundles with esbuild.
//   node esbuild.js               development build (source maps, not minified)
//   node esbuild.js --production  minified, no source maps (what the VSIX ships)
//   node esbuild.js --watch       rebuild on change; output readable by VS Code's `$esbuild-watch` problem matcher
//   node esbuild.js --tests       build only the real-editor test bundles (runner extension and in-host suites)
'use strict';
const esbuild = require('esbuild');
const fs = require('node:fs');
const path = require('node:path');
const { codiconSubsetPlugin } = require('./scripts/build/codiconSubset');

const production = process.argv.includes('--production');
const watch = process.argv.includes('--watch');
const tests = process.argv.includes('--tests');

/**
 * Prints build start/end markers and every error as `file:line:col: error: text`, the shape that VS Code's
 * esbuild problem matcher (and most others) understand, so `npm run watch` errors show up in the Problems view.
 */
const problemMatcherPlugin = {
  name: 'problem-matcher',
  setup(build) {
    build.onStart(() => {
      if (watch) console.log('[watch] build started');
    });
    build.onEnd((result) => {
      for (const { text, location } of result.errors) {
        console.error(`✘ [ERROR] ${text}`);
        if (location) console.error(`    ${location.file}:${location.line}:${location.column}:`);
      }
      if (watch) console.log('[watch] build finished');
    });
  },
};

const common = {
  bundle: true,
  minify: production,
  sourcemap: production ? false : 'linked',
  sourcesContent: false,
  logLevel: 'silent',
  legalComments: 'none',
  plugins: [problemMatcherPlugin],
  metafile: true,
};

/**
 * In the activation bundle, the English error templates (src/core/errors/errorTemplates.ts, the largest table and one
 * that grows with every feature) are replaced by a stand-in that reads them from the engine bundle on first use
 * (src/vscode/errors/lazyErrorTemplates.ts). The engine bundle and the tests use the module itself.
 */
const lazyErrorTemplatesPlugin = {
  name: 'lazy-error-templates',
  setup(build) {
    const standIn = path.join(__dirname, 'src', 'vscode', 'errors', 'lazyErrorTemplates.ts');
    build.onResolve({ filter: /\/errorTemplates$/ }, (args) => (args.importer === standIn ? undefined : { path: standIn }));
  },
};

/**
 * zod's mini build serves the activation bundle (settings, the webview protocol's checks) and the engine alike: the
 * extension-host bundles require one copy, dist/zod.js (zodBuild below), instead of carrying ~30 KB each.
 */
const sharedZodPlugin = {
  name: 'shared-zod',
  setup(build) {
    build.onResolve({ filter: /^zod\/mini$/ }, () => ({ path: './zod.js', external: true }));
  },
};

/** The extension host side: Node, CommonJS, `vscode` provided by the editor. */
const extensionBuild = {
  ...common,
  entryPoints: { extension: 'src/vscode/extension.ts' },
  outdir: 'dist',
  platform: 'node',
  format: 'cjs',
  target: 'node20',
  // The engine is its own bundle, required on first use (src/vscode/engine/providerEngineHost.ts); so is applying
  // code (src/vscode/edits/loadApplyCode.ts).
  external: [
    'vscode',
    './engine.js',
    './applyCode.js',
    './imageCommands.js',
    './chatTools.js',
    './completions.js',
    './chatCommands.js',
    './spend.js',
    './vscodeLm.js',
  ],
  plugins: [problemMatcherPlugin, lazyErrorTemplatesPlugin, sharedZodPlugin],
  mainFields: ['module', 'main'],
};

/** zod's mini build, once, for every extension-host bundle (sharedZodPlugin). */
const zodBuild = {
  ...common,
  entryPoints: { zod: 'scripts/build/zodMini.ts' },
  outdir: 'dist',
  platform: 'node',
  format: 'cjs',
  target: 'node20',
  mainFields: ['module', 'main'],
};

/**
 * The VS Code side of applying code from an answer (placement questions, target files, reviews and their commands):
 * extension-host code like dist/extension.js, required on the first Apply or selection edit to keep activation small.
 */
const applyCodeBuild = { ...extensionBuild, entryPoints: { applyCode: 'src/vscode/edits/applyCodeModule.ts' } };

/**
 * Generating, editing and animating images (the commands' dialogs, saving, inserting references): extension-host code
 * required on the first image command, `/image` or image button in the chat (src/vscode/images/loadImageCommands.ts).
 */
const imageCommandsBuild = { ...extensionBuild, entryPoints: { imageCommands: 'src/vscode/images/imageCommandsModule.ts' } };

/**
 * The chat's tools on the extension's side (asking the user, running the built-in tools, other extensions' tools, the
 * tool cards): extension-host code required on the first turn with tools (src/vscode/tools/loadChatTools.ts).
 */
const chatToolsBuild = { ...extensionBuild, entryPoints: { chatTools: 'src/vscode/tools/chatToolsModule.ts' } };

/**
 * Inline completions' work (the prompt from the editor, the request, cleaning and caching, the model picker):
 * extension-host code required on the first completion request (src/vscode/completions/loadCompletions.ts).
 */
const completionsBuild = { ...extensionBuild, entryPoints: { completions: 'src/vscode/completions/completionsModule.ts' } };

/**
 * The chat's picker commands (the conversation history, Export, Select Chat Model): extension-host code required the
 * first time one of them runs (src/vscode/chat/loadChatCommands.ts).
 */
const chatCommandsBuild = { ...extensionBuild, entryPoints: { chatCommands: 'src/vscode/chat/chatCommandsModule.ts' } };

/**
 * Spend (docs/spend.md): the ledger, the status bar item and the spend view's panel: extension-host code required on
 * the first record or total, when this month's spend file exists after activation, or when the view opens
 * (src/vscode/spend/loadSpend.ts).
 */
const spendBuild = { ...extensionBuild, entryPoints: { spend: 'src/vscode/spend/spendModule.ts' } };

/**
 * Switchboard inside VS Code's own Chat (the `@switchboard` participant, the `switchboard` language models, the
 * `vscode-lm` provider kind's editor side): extension-host code required on the first request from VS Code's Chat or
 * language-model API (src/vscode/lm/loadVscodeLm.ts).
 */
const vscodeLmBuild = { ...extensionBuild, entryPoints: { vscodeLm: 'src/vscode/lm/vscodeLmModule.ts' } };

/**
 * In the engine bundle, `undici` is the subset the engine uses (src/core/http/undiciSubset.cjs): its index.js loads
 * fetch, WebSocket, caches and mocks besides, ~270 KB the engine never runs. Its HTTP parser ships in its plain
 * WebAssembly build only (src/core/http/llhttpWithoutSimd.cjs), and as a binary file, dist/llhttp.wasm, rather than
 * base64 in the JavaScript (src/core/http/llhttpWasmFile.cjs); its HTTP/2 client, which the engine never uses, is left
 * out (src/core/http/http2Unused.cjs), and so is its fetch body module, needed only to send a FormData object
 * (src/core/http/formDataBodyUnused.cjs).
 */
const undiciSubsetPlugin = {
  name: 'undici-subset',
  setup(build) {
    const subset = path.join(__dirname, 'src', 'core', 'http', 'undiciSubset.cjs');
    build.onResolve({ filter: /^undici$/ }, (args) => (args.importer === subset ? undefined : { path: subset }));
    // One of undici's two builds of its HTTP parser: the plain one (src/core/http/llhttpWithoutSimd.cjs says why).
    build.onResolve({ filter: /llhttp_simd-wasm\.js$/ }, () => ({
      path: path.join(__dirname, 'src', 'core', 'http', 'llhttpWithoutSimd.cjs'),
    }));
    build.onResolve({ filter: /llhttp-wasm\.js$/ }, () => ({ path: path.join(__dirname, 'src', 'core', 'http', 'llhttpWasmFile.cjs') }));
    build.onResolve({ filter: /client-h2\.js$/ }, () => ({ path: path.join(__dirname, 'src', 'core', 'http', 'http2Unused.cjs') }));
    build.onResolve({ filter: /web\/fetch\/body\.js$/ }, () => ({
      path: path.join(__dirname, 'src', 'core', 'http', 'formDataBodyUnused.cjs'),
    }));
    // The parser's binary, written beside the bundle that reads it.
    build.onEnd((result) => {
      if (result.errors.length > 0 || build.initialOptions.write === false) return;
      // undici's module decodes its base64 into the WebAssembly binary.
      const wasm = require('undici/lib/llhttp/llhttp-wasm.js');
      const outdir = path.resolve(build.initialOptions.absWorkingDir ?? __dirname, build.initialOptions.outdir);
      fs.mkdirSync(outdir, { recursive: true });
      fs.writeFileSync(path.join(outdir, 'llhttp.wasm'), wasm);
    });
  },
};

/**
 * The provider engine: undici, zod and every protocol client. Kept out of the activation bundle so that
 * activation loads ~20 KB instead of ~600 KB (docs/performance.md); the extension requires it on first use.
 */
const engineBuild = {
  ...common,
  entryPoints: { engine: 'src/core/engine.ts' },
  outdir: 'dist',
  platform: 'node',
  format: 'cjs',
  target: 'node20',
  plugins: [problemMatcherPlugin, undiciSubsetPlugin, sharedZodPlugin],
  mainFields: ['module', 'main'],
};

/**
 * Modules the webview build takes from elsewhere: markdown-it's HTML entity table answered by the browser's own
 * (src/webview/render/decodeEntities.ts). The webview tests' bundles use the same (test/webview/harness).
 */
const webviewAlias = { entities: path.join(__dirname, 'src', 'webview', 'render', 'decodeEntities.ts') };

/** The chat UI: a browser bundle loaded by the webview under a strict CSP. */
const webviewBuild = {
  ...common,
  entryPoints: { webview: 'src/webview/main.ts' },
  alias: webviewAlias,
  outdir: 'dist',
  platform: 'browser',
  format: 'iife',
  target: 'es2022',
  // CSS imported by the webview (its own, the Markdown styles, codicons) becomes dist/webview.css; the codicon
  // font is written beside it under a fixed name. Both carry only the icons of src/webview/codiconNames.ts
  // (scripts/build/codiconSubset.js).
  loader: { '.ttf': 'file' },
  assetNames: '[name]',
  plugins: [problemMatcherPlugin, codiconSubsetPlugin()],
  // Non-ASCII characters (typographic quotes, ellipses, arrows) as UTF-8 rather than \uXXXX escapes; the Russian
  // strings are not in the bundle at all (l10n/webview.ru.json, put into the document by the extension). The webview
  // document declares UTF-8, which a script without a charset of its own inherits.
  charset: 'utf8',
};

/**
 * The spend view's script (src/webview/spend/spendMain.ts): a browser bundle of its own, a few kilobytes, which draws
 * its chart as SVG without a chart library; its CSS becomes dist/spendView.css.
 */
const spendViewBuild = {
  ...common,
  entryPoints: { spendView: 'src/webview/spend/spendMain.ts' },
  outdir: 'dist',
  platform: 'browser',
  format: 'iife',
  target: 'es2022',
  charset: 'utf8',
};

/** Test bundles for the real editor: the runner extension and the suites it runs inside the extension host. */
function testBuilds() {
  const hostDir = 'test/e2e/host';
  const suites = fs
    .readdirSync(hostDir)
    .filter((f) => f.endsWith('.host.ts'))
    .map((f) => path.join(hostDir, f));
  return [
    {
      ...common,
      minify: false,
      sourcemap: 'inline',
      entryPoints: suites,
      outdir: 'out/e2e/host',
      platform: 'node',
      format: 'cjs',
      target: 'node20',
      external: [
        'vscode',
        'mocha',
        './applyCode.js',
        './imageCommands.js',
        './chatTools.js',
        './completions.js',
        './chatCommands.js',
        './spend.js',
        './vscodeLm.js',
      ],
    },
    {
      ...common,
      minify: false,
      sourcemap: false,
      entryPoints: { extension: 'test/e2e/runner-extension/extension.ts' },
      outdir: 'out/e2e/runner-extension',
      platform: 'node',
      format: 'cjs',
      target: 'node20',
      external: ['vscode'],
    },
  ];
}

async function main() {
  const builds = tests
    ? testBuilds()
    : [
        extensionBuild,
        applyCodeBuild,
        imageCommandsBuild,
        chatToolsBuild,
        completionsBuild,
        zodBuild,
        chatCommandsBuild,
        spendBuild,
        vscodeLmBuild,
        engineBuild,
        webviewBuild,
        spendViewBuild,
      ];
  if (watch) {
    const contexts = await Promise.all(builds.map((b) => esbuild.context(b)));
    await Promise.all(contexts.map((c) => c.watch()));
    return;
  }
  const results = await Promise.allSettled(builds.map((b) => esbuild.build(b)));
  const failed = results.filter((r) => r.status === 'rejected');
  if (failed.length > 0) {
    // The plugin already printed each error with its location.
    process.exitCode = 1;
    return;
  }
  for (const r of results) {
    for (const [file, info] of Object.entries(r.value.metafile.outputs)) {
      if (file.endsWith('.map')) continue;
      console.log(`  ${file.padEnd(40)} ${(info.bytes / 1024).toFixed(1).padStart(8)} KB`);
    }
  }
}

// The bundles' options, for the unit test that checks what the activation bundle pulls in.
module.exports = {
  extensionBuild,
  applyCodeBuild,
  imageCommandsBuild,
  chatToolsBuild,
  completionsBuild,
  chatCommandsBuild,
  spendBuild,
  spendViewBuild,
  vscodeLmBuild,
  zodBuild,
  engineBuild,
  webviewAlias,
};

if (require.main === module) {
  main().catch((error) => {
    console.error(error);
    process.exit(1);
  });
}
