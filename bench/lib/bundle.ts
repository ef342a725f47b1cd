// Bundles a benchmark entry for Node the way esbuild.js bundles dist/engine.js for the VSIX (bundled, minified,
// CommonJS, node20, `module` before `main`), into bench/results/.build/.
import * as path from 'node:path';
import * as esbuild from 'esbuild';
import { repoRoot, resultsDir } from './report';

export const buildDir = path.join(resultsDir, '.build');

export async function bundleForNode(
  entry: string,
  outName: string,
  options: { external?: string[]; minify?: boolean } = {},
): Promise<{ file: string; bytes: number }> {
  const outfile = path.join(buildDir, outName);
  const result = await esbuild.build({
    entryPoints: [path.join(repoRoot, entry)],
    outfile,
    bundle: true,
    minify: options.minify ?? true,
    sourcemap: false,
    legalComments: 'none',
    logLevel: 'silent',
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    mainFields: ['module', 'main'],
    external: options.external ?? [],
    metafile: true,
  });
  const bytes = Object.values(result.metafile.outputs).reduce((sum, output) => sum + output.bytes, 0);
  return { file: outfile, bytes };
}
