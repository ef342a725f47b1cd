// The provider engine as one bundle (dist/engine.js): everything that pulls in undici and the protocol clients.
// The extension loads it on first use, not at activation (SPEC §10), through src/vscode/engine/loadEngine.ts.
//
// Classes cross the bundle boundary: code in the extension bundle must not use `instanceof` on what comes from
// here (its own copy of a class is a different class); it uses the `kind`/`name` fields instead.
export { ChatService } from './chat/chatService';
export type { ChatServiceConfig, ProviderModels } from './chat/chatService';
export { checkProviderKey } from './keys/checkProviderKey';
export type { KeyCheck } from './keys/checkProviderKey';
