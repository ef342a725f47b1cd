// The conversation open in this window's chat: loaded once (the last one this window had open — kept in the
// window's workspace state, so two windows never open each other's by default), saved as it changes (batched while
// an answer streams, at once when it ends), and shown to the webview. When a save meets another window's changes
// the store merges them or forks a copy (ConversationStore); the result becomes what this window shows, and the
// user is told. The view holds only the messages it shows and asks for earlier pages (showEarlier).
import * as vscode from 'vscode';
import type { Conversation, TurnRecipe } from '../../core/conversations/conversation';
import type { MessagePart } from '../../core/conversations/messagePart';
import { appendUserMessage, createConversation, settleInterrupted } from '../../core/conversations/conversationOps';
import type { ForkedSave, MergedSave } from '../../core/conversations/conversationStore';
import type { ConversationStorage } from './lazyConversationStore';
import type { ChatViewPort } from './chatViewPort';
import { pageBefore } from '../../shared/messagePage';
import { toConversationView, toMessageView } from './toConversationView';
import { errorDetail } from '../../core/errors/errorFactories';
import { describeError } from '../errors/describeError';

const lastConversationKey = 'switchboard.chat.lastConversation';

export class OpenConversation {
  private conversation: Conversation = OpenConversation.fresh();
  private loaded: Promise<void> | undefined;
  /** Called after the whole conversation was shown (opened, replaced, merged): the context meter follows. */
  onShown: () => void = () => undefined;

  constructor(
    private readonly store: ConversationStorage,
    /** This window's state: the workspace state, never the global one. */
    private readonly state: vscode.Memento,
    private readonly port: ChatViewPort,
    private readonly log: vscode.LogOutputChannel,
  ) {}

  static fresh(): Conversation {
    return createConversation({ defaultTitle: vscode.l10n.t('New chat') });
  }

  get current(): Conversation {
    return this.conversation;
  }

  /** Loads the conversation this window had open, once. */
  async ready(): Promise<void> {
    this.loaded ??= (async () => {
      const lastId = this.state.get<string>(lastConversationKey);
      if (!lastId) return;
      const { conversation, problems } = await this.store.load(lastId);
      this.reportProblems(problems.map((problem) => problem.message));
      if (conversation) this.conversation = settleInterrupted(conversation);
    })().catch((error: unknown) => this.log.error(`Loading the last conversation failed: ${String(error)}`));
    await this.loaded;
  }

  /** Adds the user's question (with how it is to be sent) and shows it; the turn that answers it comes next. */
  ask(parts: readonly MessagePart[], recipe: TurnRecipe | undefined): void {
    const { conversation, message } = appendUserMessage(this.conversation, parts, {
      ...(recipe !== undefined ? { recipe } : {}),
      defaultTitle: vscode.l10n.t('New chat'),
    });
    this.conversation = conversation;
    this.port.post({ type: 'title', title: conversation.title });
    this.port.post({ type: 'message', message: toMessageView(message, this.port) });
  }

  /** Changes the conversation in memory (a streaming answer); `saveSoon` writes it. */
  set(conversation: Conversation): void {
    this.conversation = conversation;
  }

  /** Opens `conversation` in this window and shows it. */
  async replace(conversation: Conversation, busy = false): Promise<void> {
    this.conversation = conversation;
    await this.state.update(lastConversationKey, conversation.messages.length > 0 ? conversation.id : undefined);
    this.show(busy);
  }

  show(busy: boolean): void {
    this.port.post({
      type: 'conversation',
      conversation: toConversationView(this.conversation, this.port),
      busy,
    });
    this.onShown();
  }

  /**
   * Answers the view's `loadEarlier`: the page before `beforeId`. When the view asked about another conversation,
   * or a message this one no longer has, it is out of step: it gets the whole (last page of the) conversation again.
   */
  showEarlier(request: { requestId: number; conversationId: string; beforeId: string }, busy: boolean): void {
    const page = request.conversationId === this.conversation.id ? pageBefore(this.conversation.messages, request.beforeId) : undefined;
    if (!page) {
      this.show(busy);
      return;
    }
    this.port.post({
      type: 'earlierMessages',
      requestId: request.requestId,
      conversationId: this.conversation.id,
      messages: page.messages.map((message) => toMessageView(message, this.port)),
      earlier: page.earlier,
    });
  }

  saveSoon(): void {
    if (this.conversation.messages.length > 0) this.store.saveSoon(this.conversation);
  }

  /** Writes it now; another window's changes met on the way become part of what this window shows. */
  async save(): Promise<void> {
    const saved = this.conversation;
    if (saved.messages.length === 0) return;
    try {
      const result = await this.store.save(saved);
      // Unless the user went on meanwhile, what is on disk now (merged, or the copy) is what this window shows.
      if (this.conversation === saved) {
        this.conversation = result.conversation;
        if (result.kind !== 'saved') this.show(false);
      }
      // The store reports the merge or fork itself (onConcurrentChange → tellConcurrentChange).
      await this.state.update(lastConversationKey, this.conversation.id);
    } catch (error) {
      this.log.error(`Saving the conversation failed: ${errorDetail(error)}`);
      this.port.notice(vscode.l10n.t('The conversation could not be saved: {0}', describeError(error)), 'error');
    }
  }

  /** A save (this window's or a batched one) met another window's changes: the store's onConcurrentChange. */
  tellConcurrentChange(result: MergedSave | ForkedSave): void {
    if (result.kind === 'merged') {
      this.log.info(`Merged another window's messages into ${result.conversation.id}`);
      this.port.notice(vscode.l10n.t('Another window added to this conversation at the same time; both windows’ messages are kept.'));
    } else {
      this.log.warn(`Forked ${result.originalId} into ${result.conversation.id}: ${result.reason}`);
      this.port.notice(
        vscode.l10n.t(
          'Another window changed this conversation at the same time in a way that cannot be merged; this window’s version is kept as “{0}”.',
          result.conversation.title,
        ),
        'warning',
      );
    }
  }

  reportProblems(problems: readonly string[]): void {
    for (const problem of problems) {
      this.log.warn(problem);
      this.port.notice(problem, 'warning');
    }
  }
}
