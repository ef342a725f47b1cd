// `Switchboard: Chat History…`, also the history button in the chat view's title bar (docs/chat.md): a searchable
// QuickPick of the conversations, newest first, each with its date and number of messages, and Rename and Delete
// buttons on its row. Picking one opens it in the chat with the focus in the input. The work itself is
// ConversationHistory's, the same the chat view uses. Part of the lazily loaded dist/chatCommands.js.
import * as vscode from 'vscode';
import { describeError } from '../errors/describeError';
import type { ConversationHistory } from './conversationHistory';

export interface ChatHistoryDeps {
  history: Pick<ConversationHistory, 'entries' | 'show' | 'rename' | 'delete'>;
  /** Shows the chat with the focus in its input. */
  revealChat(): Promise<void>;
}

interface Row extends vscode.QuickPickItem {
  conversation?: { id: string; title: string };
}

/** Resolves to the id of the conversation opened, or undefined when the picker was closed. */
export function showChatHistory(deps: ChatHistoryDeps): Promise<string | undefined> {
  const picker = vscode.window.createQuickPick<Row>();
  picker.title = vscode.l10n.t('Switchboard: Chat History');
  picker.placeholder = vscode.l10n.t('Type to search the conversations');
  picker.matchOnDescription = true;
  const renameButton: vscode.QuickInputButton = { iconPath: new vscode.ThemeIcon('edit'), tooltip: vscode.l10n.t('Rename') };
  const deleteButton: vscode.QuickInputButton = { iconPath: new vscode.ThemeIcon('trash'), tooltip: vscode.l10n.t('Delete') };
  const dates = new Intl.DateTimeFormat(vscode.env.language, { dateStyle: 'medium', timeStyle: 'short' });

  const load = async (): Promise<void> => {
    picker.busy = true;
    const { items, currentId, problems } = await deps.history.entries();
    const rows: Row[] = items.map((item) => ({
      label: item.title,
      description: [
        dates.format(item.updatedAt),
        item.messageCount === 1 ? vscode.l10n.t('1 message') : vscode.l10n.t('{0} messages', item.messageCount),
        ...(item.id === currentId ? [vscode.l10n.t('open now')] : []),
      ].join(' · '),
      buttons: [renameButton, deleteButton],
      conversation: { id: item.id, title: item.title },
    }));
    // A damaged conversation file was moved aside (the store never deletes one): said here, where it went missing.
    const damaged: Row[] = problems.map((problem) => ({ label: `$(warning) ${problem}`, alwaysShow: true }));
    picker.items = [...rows, ...damaged];
    if (items.length === 0) picker.placeholder = vscode.l10n.t('No conversations yet');
    picker.busy = false;
  };

  return new Promise<string | undefined>((resolve) => {
    let settled = false;
    /** While Rename or Delete asks its question, or a pick opens, the picker hides: that does not close it. */
    let away = false;
    const finish = (id: string | undefined): void => {
      if (settled) return;
      settled = true;
      picker.dispose();
      resolve(id);
    };
    const reload = (): void => {
      load().catch((error: unknown) => {
        picker.busy = false;
        void vscode.window.showErrorMessage(describeError(error));
      });
    };
    /** Runs a question outside the picker, then shows the picker again with the list as it is now. */
    const ask = async (question: () => Promise<void>): Promise<void> => {
      away = true;
      try {
        await question();
      } catch (error) {
        void vscode.window.showErrorMessage(describeError(error));
      } finally {
        away = false;
        picker.show();
        reload();
      }
    };

    picker.onDidHide(() => {
      if (!away) finish(undefined);
    });
    picker.onDidAccept(async () => {
      const conversation = picker.selectedItems[0]?.conversation;
      if (!conversation) return;
      away = true;
      picker.hide();
      try {
        await deps.history.show(conversation.id);
        await deps.revealChat();
        finish(conversation.id);
      } catch (error) {
        void vscode.window.showErrorMessage(describeError(error));
        finish(undefined);
      }
    });
    picker.onDidTriggerItemButton(({ item, button }) => {
      const conversation = item.conversation;
      if (!conversation) return;
      if (button === renameButton) {
        void ask(async () => {
          const title = await vscode.window.showInputBox({
            title: vscode.l10n.t('Rename the conversation'),
            value: conversation.title,
            valueSelection: [0, conversation.title.length],
            validateInput: (text) => (text.trim() === '' ? vscode.l10n.t('Write a title.') : undefined),
          });
          if (title !== undefined && title.trim() !== conversation.title) await deps.history.rename(conversation.id, title.trim());
        });
      } else if (button === deleteButton) {
        void ask(async () => {
          const remove = vscode.l10n.t('Delete');
          const choice = await vscode.window.showWarningMessage(
            vscode.l10n.t('Delete the conversation “{0}”?', conversation.title),
            { modal: true, detail: vscode.l10n.t('Its messages cannot be brought back.') },
            remove,
          );
          if (choice === remove) await deps.history.delete(conversation.id);
        });
      }
    });
    picker.show();
    reload();
  });
}
