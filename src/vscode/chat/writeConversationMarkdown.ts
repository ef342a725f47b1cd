// The open conversation written as Markdown into a file (the export button and `Switchboard: Export Chat as
// Markdown…`, through ConversationHistory.export): the words of the export in the UI's language, the file the user
// picks (or `target`). Part of the lazily loaded dist/chatCommands.js, so the export's code is not loaded at activation.
import * as vscode from 'vscode';
import type { Conversation } from '../../core/conversations/conversation';
import { exportFileName } from '../../core/conversations/exportFileName';
import { exportMarkdown } from '../../core/conversations/exportMarkdown';
import { describeMessageError } from '../errors/describeError';

/** Resolves to the written file, or undefined when the save dialog was cancelled. */
export async function writeConversationMarkdown(conversation: Conversation, target?: vscode.Uri): Promise<vscode.Uri | undefined> {
  const markdown = exportMarkdown(conversation, {
    you: vscode.l10n.t('You'),
    model: vscode.l10n.t('Model'),
    usage: (usage) => vscode.l10n.t('Tokens: {0} in, {1} out', usage.inputTokens ?? '?', usage.outputTokens ?? '?'),
    stopped: vscode.l10n.t('Stopped before the answer was complete.'),
    error: (error) => vscode.l10n.t('Error ({0}): {1}', error.kind, describeMessageError(error)),
    fallback: (from) => vscode.l10n.t('Answered instead of {0}/{1}, which failed.', from.provider, from.model),
    cached: vscode.l10n.t('Replayed from the response cache.'),
    contextHeader: (item) => item.label + (item.path && item.path !== item.label ? ` (${item.path})` : ''),
  });
  const folder = vscode.workspace.workspaceFolders?.[0]?.uri;
  const fileName = exportFileName(conversation.title);
  const uri =
    target ??
    (await vscode.window.showSaveDialog({
      title: vscode.l10n.t('Export the conversation as Markdown'),
      filters: { Markdown: ['md'] },
      ...(folder ? { defaultUri: vscode.Uri.joinPath(folder, fileName) } : {}),
    }));
  if (!uri) return undefined;
  await vscode.workspace.fs.writeFile(uri, new TextEncoder().encode(markdown));
  return uri;
}
