// The VS Code side of applying code — placement questions, target files, reviews and their commands — is its own
// bundle (dist/applyCode.js, built from applyCodeModule.ts), loaded on the first Apply, Apply all or selection edit,
// so that activation stays small (docs/performance.md). Code loaded at activation imports only its types and
// reaches its values through this function (or through ChangeReviews.load, which is this by default).
import type * as ApplyCodeExports from './applyCodeModule';

export type ApplyCodeModule = typeof ApplyCodeExports;

export function loadApplyCode(): ApplyCodeModule {
  // esbuild leaves this require alone (`./applyCode.js` is external in esbuild.js); Node loads it once.
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  return require('./applyCode.js') as ApplyCodeModule;
}
