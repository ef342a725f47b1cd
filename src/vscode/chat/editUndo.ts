// Undo of an edit-and-resend (issue 13: "the removal can be undone"). Editing a sent message drops every later
// message; the conversation as it was just before the edit is kept here until the conversation moves on (another
// send, regenerate, retry, edit, or a new chat), so Undo can bring all of it back and save it.
import * as vscode from 'vscode';
import type { Conversation } from '../../core/conversations/conversation';
import type { ChatViewPort } from './chatViewPort';
import type { OpenConversation } from './openConversation';

export class EditUndo {
  private before: Conversation | undefined;

  constructor(
    private readonly open: OpenConversation,
    private readonly port: ChatViewPort,
  ) {}

  /** The conversation an edit starts from (core's editAndResend leaves it untouched). */
  remember(conversation: Conversation): void {
    this.before = conversation;
  }

  /** The conversation moved on: the edit is no longer undone. */
  forget(): void {
    this.before = undefined;
  }

  /** Shows and saves the conversation from before the edit; the caller has stopped the edit's answer. */
  async undo(): Promise<void> {
    const before = this.before;
    this.before = undefined;
    if (before === undefined || before.id !== this.open.current.id) {
      this.port.notice(vscode.l10n.t('There is no edit to undo: the conversation has changed since.'), 'warning');
      return;
    }
    await this.open.replace(before);
    await this.open.save();
    this.port.notice(vscode.l10n.t('The conversation is back as it was before the edit.'));
  }
}
