// The lazy engine boundary, checked on the bundles themselves: activation loads dist/extension.js, which must
// carry no HTTP client, conversation store or file readers (docs/performance.md: activation stays small and fast);
// undici, every protocol client and the conversation store live in
// dist/engine.js, which ProviderEngineHost requires on first use. Builds both in memory with the exact options of
// esbuild.js in production mode (what the VSIX ships), so dist/ is left alone.
import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import { build, type BuildOptions, type Metafile } from 'esbuild';

interface BundleConfigs {
  extensionBuild: BuildOptions;
  engineBuild: BuildOptions;
}

const repoRoot = path.resolve(__dirname, '..', '..', '..');
// esbuild.js is the build script itself (CommonJS, no types); requiring it only reads its options.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { extensionBuild, engineBuild } = require(path.join(repoRoot, 'esbuild.js')) as BundleConfigs;

interface Bundle {
  /** The JavaScript written to dist/<name>.js. */
  code: string;
  /** Every source file and package file esbuild put into it, relative to the repository. */
  inputs: string[];
  /** Every module the bundle still requires at run time. */
  requires: Set<string>;
}

async function bundle(options: BuildOptions): Promise<Bundle> {
  const result = await build({ ...options, absWorkingDir: repoRoot, minify: true, sourcemap: false, write: false, metafile: true });
  const js = result.outputFiles.filter((file) => file.path.endsWith('.js'));
  assert.equal(js.length, 1, 'one JavaScript output per bundle');
  const code = js[0]?.text ?? '';
  const metafile: Metafile = result.metafile;
  return {
    code,
    inputs: Object.keys(metafile.inputs),
    requires: new Set(Array.from(code.matchAll(/\brequire\("([^"]+)"\)/g), (match) => match[1] ?? '')),
  };
}

/** Node's own network modules: whatever opens a socket goes through one of them. */
const networkModules = ['http', 'https', 'http2', 'net', 'tls', 'dns', 'dgram'].flatMap((name) => [name, `node:${name}`]);
/** The HTTP and streaming packages the engine is built on. */
const httpPackages = ['undici', 'eventsource-parser'];

const fromPackage = (input: string, name: string): boolean => input.startsWith(`node_modules/${name}/`);

describe('the bundles split at the lazy engine boundary', function () {
  // Two production builds of the real sources (about a second each on a slow machine).
  this.timeout(60_000);

  let extension: Bundle;
  let engine: Bundle;
  before(async () => {
    [extension, engine] = await Promise.all([bundle(extensionBuild), bundle(engineBuild)]);
  });

  it('the activation bundle contains no HTTP client', () => {
    const packages = httpPackages.filter((name) => extension.inputs.some((input) => fromPackage(input, name)));
    assert.deepEqual(packages, [], 'HTTP packages bundled into dist/extension.js');
    const engineSources = extension.inputs.filter(
      (input) => /^src\/core\/(http|sse)\//.test(input) || /^src\/core\/providers\/(?!providerEntry\.ts$)/.test(input),
    );
    assert.deepEqual(engineSources, [], 'engine modules bundled into dist/extension.js (import only their types in src/vscode)');
    const network = networkModules.filter((name) => extension.requires.has(name));
    assert.deepEqual(network, [], 'network modules required by dist/extension.js');
    assert.doesNotMatch(extension.code, /undici/, 'dist/extension.js mentions undici');
    assert.doesNotMatch(extension.code, /\bfetch\(/, 'dist/extension.js calls fetch()');
  });

  it('the activation bundle loads the engine from dist/engine.js instead of containing it', () => {
    assert.ok(extension.requires.has('./engine.js'), 'dist/extension.js does not require ./engine.js');
    assert.ok(!extension.inputs.includes('src/core/engine.ts') && !extension.inputs.includes('src/core/providerEngine.ts'));
  });

  it('the conversation store, the error templates, the workspace-context readers, the turn runner and the tools load with the engine, not at activation', () => {
    const lazySources = extension.inputs.filter(
      (input) =>
        input === 'src/core/conversations/conversationStore.ts' ||
        input === 'src/core/errors/errorTemplates.ts' ||
        /^src\/core\/context\/(?!(estimateTokens|defaultContextExclude)\.ts$)/.test(input) ||
        /^src\/core\/(turns|tools)\//.test(input),
    );
    assert.deepEqual(lazySources, [], 'lazily used modules bundled into dist/extension.js');
    assert.ok(engine.inputs.includes('src/core/conversations/conversationStore.ts'), 'the conversation store is not in dist/engine.js');
    assert.ok(engine.inputs.includes('src/core/errors/errorTemplates.ts'), 'the error templates are not in dist/engine.js');
    assert.ok(engine.inputs.includes('src/core/turns/runToolLoop.ts'), 'the tool loop is not in dist/engine.js');
    assert.ok(extension.inputs.includes('src/vscode/errors/lazyErrorTemplates.ts'), 'the templates’ stand-in is not in dist/extension.js');
  });

  it('the engine bundle carries the HTTP client', () => {
    assert.ok(
      engine.inputs.some((input) => fromPackage(input, 'undici')),
      'undici is not in dist/engine.js',
    );
    assert.ok(engine.inputs.includes('src/core/http/httpClient.ts'), 'the HTTP client is not in dist/engine.js');
    assert.ok(engine.requires.has('node:http') || engine.requires.has('http'), 'dist/engine.js does not require node:http');
  });
});
