// The public ids of Switchboard inside VS Code's Chat (README "In VS Code's own Chat", docs/vscode-chat.md): kept exactly.
/** The `@switchboard` chat participant (package.json `chatParticipants`). */
export const participantId = 'switchboard.chat';
/** The vendor of Switchboard's models in VS Code's language-model API (package.json `languageModelChatProviders`). */
export const switchboardVendor = 'switchboard';
