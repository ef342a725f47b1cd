import type * as EngineModule from '../../core/engine';

export type Engine = typeof EngineModule;

let engine: Engine | undefined;

/**
 * Loads the provider engine (dist/engine.js: undici, zod, every protocol client) on first use, so activation
 * stays small and fast (SPEC §10). esbuild leaves this require alone (`./engine.js` is external).
 */
export function loadEngine(): Engine {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  engine ??= require('./engine.js') as Engine;
  return engine;
}
