// Inline completions' work is its own bundle (dist/completions.js, built from completionsModule.ts), loaded on the
// first request so that activation stays small (docs/performance.md). Activation code imports only its types and
// reaches its values through this function.
import type * as CompletionsExports from './completionsModule';

export type CompletionsModule = typeof CompletionsExports;

export function loadCompletions(): CompletionsModule {
  // esbuild leaves this require alone (`./completions.js` is external in esbuild.js); Node loads it once.
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  return require('./completions.js') as CompletionsModule;
}
