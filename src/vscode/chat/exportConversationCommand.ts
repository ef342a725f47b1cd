// `Switchboard: Export Chat as Markdown…`, also the export button in the chat view's title bar (docs/chat.md): the
// open conversation as Markdown into a file the user picks (ConversationHistory.export), and then a notification that
// says where it went, with Open and, for a file in the workspace, Reveal in Explorer. Part of the lazily loaded
// dist/chatCommands.js.
import * as vscode from 'vscode';
import { describeError } from '../errors/describeError';
import type { ConversationHistory } from './conversationHistory';

export interface ExportConversationDeps {
  history: Pick<ConversationHistory, 'export'>;
  /** How many messages the open conversation has: an empty one has nothing to export. */
  messageCount(): number;
  log: vscode.LogOutputChannel;
}

export interface ExportConversationArgs {
  /** Where to write, without asking (a URI or a URI string; tests and keybindings). */
  target?: vscode.Uri | string;
}

/** Resolves to the written file, or undefined when there was nothing to export or the save dialog was cancelled. */
export async function exportConversation(deps: ExportConversationDeps, args?: ExportConversationArgs): Promise<vscode.Uri | undefined> {
  if (deps.messageCount() === 0) {
    void vscode.window.showInformationMessage(vscode.l10n.t('The conversation is empty: there is nothing to export yet.'));
    return undefined;
  }
  const target = typeof args?.target === 'string' ? vscode.Uri.parse(args.target, true) : args?.target;
  const uri = await deps.history.export(target);
  if (!uri) return undefined;
  offerExportedFile(uri, deps.log);
  return uri;
}

/** Not awaited: a notification with buttons can stay in the notification centre long after the command resolved. */
function offerExportedFile(uri: vscode.Uri, log: vscode.LogOutputChannel): void {
  const open = vscode.l10n.t('Open');
  const reveal = vscode.l10n.t('Reveal in Explorer');
  // The Explorer shows only the workspace's files; a file saved elsewhere is named by its full path.
  const inWorkspace = vscode.workspace.getWorkspaceFolder(uri) !== undefined;
  const where = vscode.workspace.asRelativePath(uri, false);
  void (async () => {
    try {
      const choice = await vscode.window.showInformationMessage(
        vscode.l10n.t('Exported the conversation to {0}', where),
        ...(inWorkspace ? [open, reveal] : [open]),
      );
      if (choice === open) await vscode.commands.executeCommand('vscode.open', uri);
      if (choice === reveal) await vscode.commands.executeCommand('revealInExplorer', uri);
    } catch (error) {
      log.warn(`Could not open ${uri.toString()}: ${describeError(error)}`);
    }
  })();
}
