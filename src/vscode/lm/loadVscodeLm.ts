// The VS Code chat integration is its own bundle (dist/vscodeLm.js, built from vscodeLmModule.ts), loaded on the first
// request from VS Code's Chat view or language-model API, so that activation stays small (docs/performance.md). Code
// loaded at activation imports only its types and reaches its values through this function.
import type * as VscodeLmExports from './vscodeLmModule';

export type VscodeLmModule = typeof VscodeLmExports;

export function loadVscodeLm(): VscodeLmModule {
  // esbuild leaves this require alone (`./vscodeLm.js` is external in esbuild.js); Node loads it once.
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  return require('./vscodeLm.js') as VscodeLmModule;
}
