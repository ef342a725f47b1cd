// The spend bundle (dist/spend.js, esbuild.js): the ledger, the status bar item and the spend view, loaded on first
// need through loadSpend.ts. Activation code imports only types from here.
export { SpendSession } from './spendSession';
export type { SpendSessionDeps } from './spendSession';
