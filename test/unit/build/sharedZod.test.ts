// dist/zod.js exports only the zod functions the extension-host code calls (scripts/build/zodMini.ts): every bundle
// that requires it instead of carrying its own copy (esbuild.js, sharedZodPlugin) would fail at run time on a call
// the entry leaves out, which no type check sees. This reads the sources each of those bundles is built from and
// checks every `z.name(` they call is exported.
import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { build, type BuildOptions } from 'esbuild';

const repoRoot = path.resolve(__dirname, '..', '..', '..');
// esbuild.js is the build script itself (CommonJS, no types); requiring it only reads its options.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const builds = require(path.join(repoRoot, 'esbuild.js')) as Record<string, BuildOptions>;

/** The extension-host builds that take zod from dist/zod.js. */
const sharing = [
  'extensionBuild',
  'engineBuild',
  'applyCodeBuild',
  'imageCommandsBuild',
  'chatToolsBuild',
  'completionsBuild',
  'chatCommandsBuild',
  'spendBuild',
];

describe('dist/zod.js, shared by the extension-host bundles', function () {
  this.timeout(120_000);

  it('exports every zod function the bundles’ sources call', async () => {
    const exported = new Set(
      [...readFileSync(path.join(repoRoot, 'scripts', 'build', 'zodMini.ts'), 'utf8').matchAll(/^\s+(\w+),$/gm)].map((match) => match[1]),
    );
    assert.ok(exported.has('object') && exported.has('safeParse'), 'could not read the export list');
    const sources = new Set<string>();
    for (const name of sharing) {
      const options = builds[name];
      if (options === undefined) continue;
      const result = await build({ ...options, absWorkingDir: repoRoot, write: false, metafile: true, logLevel: 'silent' });
      for (const input of Object.keys(result.metafile.inputs)) if (input.startsWith('src/')) sources.add(input);
    }
    const missing = new Map<string, string>();
    for (const source of sources) {
      const text = readFileSync(path.join(repoRoot, source), 'utf8');
      if (!/from 'zod\/mini'/.test(text)) continue;
      for (const match of text.matchAll(/\bz\.(\w+)\(/g)) {
        const name = match[1] ?? '';
        if (!exported.has(name)) missing.set(name, source);
      }
    }
    assert.deepEqual(
      [...missing].map(([name, source]) => `${name} (${source})`),
      [],
    );
  });
});
