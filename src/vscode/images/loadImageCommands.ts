// The image commands are their own bundle (dist/imageCommands.js, built from imageCommandsModule.ts), loaded on first
// use so that activation stays small (docs/performance.md). Code loaded at activation imports only their types and
// reaches their values through this function (ImageFeature does).
import type * as ImageCommandsExports from './imageCommandsModule';

export type ImageCommandsModule = typeof ImageCommandsExports;

export function loadImageCommands(): ImageCommandsModule {
  // esbuild leaves this require alone (`./imageCommands.js` is external in esbuild.js); Node loads it once.
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  return require('./imageCommands.js') as ImageCommandsModule;
}
