// The spend ledger and the spend view's extension-host side are their own bundle (dist/spend.js, built from
// spendModule.ts), loaded when something is first recorded, the status bar first reads today's spend, or the spend
// view opens, so that activation stays small (docs/performance.md). Activation code imports only its types and
// reaches its values through this function.
import type * as SpendExports from './spendModule';

export type SpendModule = typeof SpendExports;

export function loadSpend(): SpendModule {
  // esbuild leaves this require alone (`./spend.js` is external in esbuild.js); Node loads it once.
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  return require('./spend.js') as SpendModule;
}
