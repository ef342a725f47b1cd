// The context chips waiting to go with the next message (selection, file), shown with their size.
import * as vscode from 'vscode';
import type { ContextItem } from '../../core/conversations/conversation';
import type { ContextChip } from '../../shared/webviewProtocol';
import type { ChatViewPort } from './chatViewPort';
import { toContextChip } from './toConversationView';

export class ContextTray {
  private pending: { id: string; item: ContextItem }[] = [];
  private counter = 0;

  constructor(private readonly port: ChatViewPort) {}

  get items(): ContextItem[] {
    return this.pending.map((entry) => entry.item);
  }

  get chips(): ContextChip[] {
    return this.pending.map((entry) => toContextChip(entry.item, entry.id));
  }

  add(item: ContextItem): void {
    this.pending.push({ id: `ctx-${++this.counter}`, item });
    this.show();
    if (item.truncated) {
      this.port.notice(
        vscode.l10n.t(
          '{0} is longer than the context budget (switchboard.context.maxChars); only its first {1} characters are sent.',
          item.label,
          item.text.length,
        ),
        'warning',
      );
    }
  }

  remove(id: string): void {
    this.pending = this.pending.filter((entry) => entry.id !== id);
    this.show();
  }

  /** The chips were sent with a message. */
  clear(): void {
    this.pending = [];
    this.show();
  }

  private show(): void {
    this.port.post({ type: 'contexts', contexts: this.chips });
  }
}
