// The list of past conversations and what can be done with one: open, rename, delete, export as Markdown.
import * as vscode from 'vscode';
import type { Conversation, ConversationSummary } from '../../core/conversations/conversation';
import { renameConversation } from '../../core/conversations/conversationOps';
import type { ConversationStorage } from './lazyConversationStore';
import type { ChatViewPort } from './chatViewPort';
import { OpenConversation } from './openConversation';

/** What the history needs of the chat: stopping an answer before the open conversation changes. */
export interface ChatTurns {
  stop(): Promise<void>;
  readonly busy: boolean;
}

export class ConversationHistory {
  constructor(
    private readonly store: ConversationStorage,
    private readonly open: OpenConversation,
    private readonly turns: ChatTurns,
    private readonly port: ChatViewPort,
    /** Writes a conversation as Markdown (writeConversationMarkdown.ts, loaded with the chat commands' bundle). */
    private readonly writeMarkdown: (conversation: Conversation, target?: vscode.Uri) => Promise<vscode.Uri | undefined>,
  ) {}

  /** The conversations, newest first, the one open now, and what could not be read (for the history picker). */
  async entries(): Promise<{ items: ConversationSummary[]; currentId: string; problems: string[] }> {
    const { items, problems } = await this.store.list();
    return { items, currentId: this.open.current.id, problems: problems.map((problem) => problem.message) };
  }

  async list(): Promise<void> {
    const { items, currentId, problems } = await this.entries();
    this.port.post({
      type: 'conversations',
      items: items.map((item) => ({ id: item.id, title: item.title, updatedAt: item.updatedAt, messageCount: item.messageCount })),
      currentId,
      problems,
    });
  }

  async show(id: string): Promise<void> {
    await this.open.ready();
    if (id === this.open.current.id) return;
    await this.turns.stop();
    const { conversation, problems } = await this.store.load(id);
    this.open.reportProblems(problems.map((problem) => problem.message));
    if (!conversation) {
      this.port.notice(vscode.l10n.t('That conversation could not be opened.'), 'error');
      return;
    }
    await this.open.replace(conversation);
  }

  async rename(id: string, title: string): Promise<void> {
    await this.open.ready();
    const defaultTitle = vscode.l10n.t('New chat');
    if (id === this.open.current.id) {
      // The open one is renamed in memory, or its next save would bring the old title back.
      this.open.set(renameConversation(this.open.current, title, { defaultTitle }));
      await this.open.save();
      this.open.show(this.turns.busy);
    } else {
      await this.store.rename(id, title, { defaultTitle });
    }
    await this.list();
  }

  async delete(id: string): Promise<void> {
    await this.open.ready();
    if (id === this.open.current.id) {
      await this.turns.stop();
      await this.store.delete(id);
      await this.open.replace(OpenConversation.fresh());
    } else {
      await this.store.delete(id);
    }
    await this.list();
  }

  /** Writes the open conversation as Markdown to a file the user picks. Returns the file, or undefined if cancelled. */
  async export(target?: vscode.Uri): Promise<vscode.Uri | undefined> {
    await this.open.ready();
    const conversation = this.open.current;
    return this.writeMarkdown(conversation, target);
  }
}
