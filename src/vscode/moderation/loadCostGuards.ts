// The door to moderation before sending and the semantic cache's turn (docs/moderation-and-caching.md): their code is
// in the lazily loaded dist/chatCommands.js (exported by src/vscode/chat/chatCommandsModule.ts), which this loads on
// first need — only when `switchboard.moderation.enabled` or `switchboard.chat.semanticCache` is on. Only the two
// modules' types are imported here, so the chat's own modules do not depend on the whole bundle's.
import type { moderateBeforeSending } from './moderateBeforeSending';
import type { semanticCacheTurn } from '../semanticCache/semanticCacheTurn';

export interface CostGuards {
  moderateBeforeSending: typeof moderateBeforeSending;
  semanticCacheTurn: typeof semanticCacheTurn;
}

export function loadCostGuards(): CostGuards {
  // esbuild leaves this require alone (`./chatCommands.js` is external in esbuild.js); Node loads it once.
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  return require('./chatCommands.js') as CostGuards;
}
