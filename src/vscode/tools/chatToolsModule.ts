// What dist/chatTools.js exports (loadChatTools.ts): the chat's tools on the extension's side (issue 17, docs/chat.md
// "Tools") — asking the user, running Switchboard's own tools and other extensions' ones, and the tool cards.
export type { ToolExecutor } from './toolExecutor';
export { ChatToolRunner } from './chatToolRunner';
export { toolWorkspaceOf } from './toolWorkspaceOf';
export { editorRipgrepPath } from './ripgrepPath';
export { runRipgrepSearch } from './runRipgrepSearch';
export type { RipgrepSearchOptions, SearchBackend, TextSearchResult } from './runRipgrepSearch';
export { TurnProposals } from './turnProposals';
export type { TurnProposalsDeps } from './turnProposals';
export { createBuiltinToolExecutor } from './builtinToolExecutor';
export type { BuiltinToolDeps } from './builtinToolExecutor';
export { otherExtensionTools } from './languageModelTools';
