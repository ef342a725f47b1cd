// What dist/chatCommands.js exports (loadChatCommands.ts): the chat's commands that open a picker or a dialog — the
// conversation history, Export, and Select Chat Model (also the status bar's model item). None is needed before
// the first time it runs, so activation does not load them (docs/performance.md). The selection commands and Set /
// Remove API Key too.
export { showChatHistory } from './chatHistoryPicker';
export type { ChatHistoryDeps } from './chatHistoryPicker';
export { exportConversation } from './exportConversationCommand';
export type { ExportConversationArgs, ExportConversationDeps } from './exportConversationCommand';
export { writeConversationMarkdown } from './writeConversationMarkdown';
export { selectModel } from '../models/selectModelCommand';
// The selection commands (src/vscode/selection/selectionFeature.ts builds them on first use).
export { SelectionCommands } from '../selection/selectionCommands';
export { ApiKeyCommands } from '../keys/apiKeyCommands';
// Moderation before sending and the semantic cache's turn (issue 19, docs/moderation-and-caching.md): loaded on the
// first send with either setting on (ChatActions), and by the image commands when moderation is on.
export { moderateBeforeSending } from '../moderation/moderateBeforeSending';
export { semanticCacheTurn } from '../semanticCache/semanticCacheTurn';
