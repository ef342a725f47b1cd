// The chat's tools on the extension's side are their own bundle (dist/chatTools.js, built from chatToolsModule.ts),
// loaded on the first turn with tools so that activation stays small (docs/performance.md). Code loaded at
// activation imports only their types and reaches their values through this function.
import type * as ChatToolsExports from './chatToolsModule';

export type ChatToolsModule = typeof ChatToolsExports;

export function loadChatTools(): ChatToolsModule {
  // esbuild leaves this require alone (`./chatTools.js` is external in esbuild.js); Node loads it once.
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  return require('./chatTools.js') as ChatToolsModule;
}
