// What dist/vscodeLm.js exports (loadVscodeLm.ts): Switchboard inside VS Code's own Chat and language-model API — the
// `@switchboard` participant, the `switchboard` language models, and the `vscode-lm` provider kind's editor side
// (docs/vscode-chat.md). None is needed before the first request, so activation registers stand-ins that load this.
export { ChatParticipantHandler } from './chatParticipantHandler';
export type { ChatParticipantDeps, ParticipantResultMetadata } from './chatParticipantHandler';
export { participantFollowups } from './chatParticipantFollowups';
export { SwitchboardChatModelProvider } from './switchboardChatModelProvider';
export type { SwitchboardChatModelDeps } from './switchboardChatModelProvider';
export { VscodeHostModels } from './vscodeHostModels';
