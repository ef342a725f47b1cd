// The chat's picker commands are their own bundle (dist/chatCommands.js, built from chatCommandsModule.ts), loaded
// the first time one of them runs so that activation stays small (docs/performance.md). Code loaded at activation
// imports only their types and reaches their values through this function (registerCommands.ts does).
import type * as ChatCommandsExports from './chatCommandsModule';

export type ChatCommandsModule = typeof ChatCommandsExports;

export function loadChatCommands(): ChatCommandsModule {
  // esbuild leaves this require alone (`./chatCommands.js` is external in esbuild.js); Node loads it once.
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  return require('./chatCommands.js') as ChatCommandsModule;
}
