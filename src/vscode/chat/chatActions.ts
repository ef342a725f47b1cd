// What the chat does when the user sends, regenerates, edits, retries, undoes an edit or starts a new chat (issue 13,
// docs/chat.md): each composes the turn from the settings and the composer and hands it to ChatTurns, one at a time.
// Split from ChatController, which composes the chat's parts and talks to the view.
import * as vscode from 'vscode';
import type { ContextItem } from '../../core/conversations/conversation';
import { userParts } from '../../core/conversations/conversationOps';
import { textPart } from '../../core/conversations/messagePart';
import { withoutRepeatedInstructions } from '../../core/conversations/repeatedInstructions';
import type { ProviderEngineHost } from '../engine/providerEngineHost';
import type { SettingsService } from '../settings/settingsService';
import type { ChatContext } from './chatContext';
import type { ChatImages } from './chatImages';
import type { ChatTurns, TurnRun } from './chatTurns';
import type { ChatViewPort } from './chatViewPort';
import type { ContextTray } from './contextTray';
import type { EditUndo } from './editUndo';
import { type ChatImageGenerator, imageTurn } from './imageTurn';
import { OpenConversation } from './openConversation';
import { recipeFromSettings } from './recipeFromSettings';
import { loadCostGuards } from '../moderation/loadCostGuards';

/** Where the composer's draft is kept (this window's workspace state). */
export const draftKey = 'switchboard.chat.draft';

export interface ChatActionsDeps {
  open: OpenConversation;
  turns: ChatTurns;
  undo: EditUndo;
  contexts: ContextTray;
  context: ChatContext;
  images: ChatImages;
  port: ChatViewPort;
  settings: SettingsService;
  host: ProviderEngineHost;
  /** This window's state (the draft). */
  state: vscode.Memento;
  /** Generates images for `/image <prompt>` (set by the image feature after the chat is built). */
  imageGenerator: () => ChatImageGenerator | undefined;
}

export class ChatActions {
  /** A chat turn: core/turns, which loads with the engine bundle (a turn needs the engine anyway). */
  private readonly runTurn: TurnRun = (conversation, options) => this.engine().runTurn(conversation, options);

  constructor(private readonly deps: ChatActionsDeps) {}

  async send(text: string): Promise<void> {
    const trimmed = text.trim();
    if (trimmed === '' && !this.deps.contexts.hasAttached) return;
    await this.moveOn();
    const image = /^\/image(?:\s+([\s\S]*))?$/.exec(trimmed);
    const prompt = image?.[1]?.trim();
    if (image && !prompt) {
      this.deps.port.notice(vscode.l10n.t('Write what to draw after /image, e.g. “/image a lighthouse at dusk”.'), 'warning');
      this.deps.port.post({ type: 'setDraft', text: '/image ' });
      return;
    }
    const recipe = recipeFromSettings(this.deps.settings.settings);
    if (!image && recipe.models.length === 0) {
      // Refused before anything is added: the text goes back into the input, the chips stay.
      this.deps.port.notice(
        vscode.l10n.t('No chat model is chosen yet. Pick one with “Switchboard: Select Chat Model”, or in the model menu above.'),
        'error',
        ['switchModel', 'setKey', 'openSettings'],
      );
      this.deps.port.post({ type: 'setDraft', text });
      return;
    }
    // Images go only to a model that can see them: refused before anything is added (text and chips stay).
    const images = image ? [] : this.deps.contexts.imagesForSend();
    const chosen = recipe.models[0];
    if (images.length > 0 && chosen !== undefined && !(await this.deps.images.mayGoTo(chosen))) {
      this.deps.port.post({ type: 'setDraft', text });
      return;
    }
    if (!(await this.moderated(prompt ?? trimmed, image ? 'image' : 'chat'))) {
      this.deps.port.post({ type: 'setDraft', text });
      return;
    }
    // Context is read now, as it is when sent (an edited file goes out edited), and stored as sent.
    const contexts = image ? [] : withoutRepeatedInstructions(await this.deps.contexts.readForSend(), this.deps.open.current);
    const parts = userParts(trimmed, contexts, images);
    this.deps.open.ask(parts, image ? undefined : recipe);
    if (!image) {
      this.deps.contexts.clear();
      void this.deps.context.offerActiveFile();
    }
    await this.deps.state.update(draftKey, '');
    const plain = contexts.length === 0 && images.length === 0 && chosen !== undefined;
    this.deps.turns.start(
      prompt
        ? imageTurn(prompt, this.deps.imageGenerator(), this.deps.port)
        : plain
          ? this.withSemanticCache(chosen, this.runTurn)
          : this.runTurn,
    );
  }

  /** "Ask fresh" on an answer of the semantic cache: the question goes to the model, and its answer is stored. */
  async askFresh(messageId: string): Promise<void> {
    await this.moveOn();
    const answer = this.deps.open.current.messages.find((message) => message.id === messageId);
    if (answer?.role !== 'assistant' || answer.provider === undefined || answer.model === undefined) return;
    const regenerate: TurnRun = (conversation, options) => this.engine().regenerate(conversation, { ...options, answerId: messageId });
    this.deps.turns.start(this.withSemanticCache(`${answer.provider}/${answer.model}`, regenerate, true), true);
  }

  /** Moderation before sending (docs/moderation-and-caching.md): true when it is off, or the prompt passed or was let through. */
  private async moderated(text: string, kind: 'chat' | 'image'): Promise<boolean> {
    if (!this.deps.settings.settings.moderationEnabled || text === '') return true;
    return loadCostGuards().moderateBeforeSending(this.deps.host, text, kind);
  }

  /** The semantic cache in front of a turn of `model`, when `switchboard.chat.semanticCache` is on. */
  private withSemanticCache(model: string, run: TurnRun, fresh = false): TurnRun {
    if (this.deps.settings.settings.semanticCache === false) return run;
    const notice = (text: string, level: 'info' | 'warning'): void => this.deps.port.notice(text, level);
    return loadCostGuards().semanticCacheTurn({ host: this.deps.host, notice }, model, run, { fresh });
  }

  /**
   * A selection command's turn (explain): shown as `display` with the code as a context chip, sent with the
   * command's own prompt (its template may be overridden in settings) and, if given, another model — and stored
   * that way, so Regenerate and Edit send it again as it was sent.
   */
  async sendPrepared(options: {
    display: string;
    contexts: ContextItem[];
    systemPrompt: string;
    userContent: string;
    model?: string;
  }): Promise<void> {
    await this.moveOn();
    const recipe = recipeFromSettings(this.deps.settings.settings, options.model, options.systemPrompt);
    this.deps.open.ask(userParts(options.display, options.contexts), { ...recipe, promptParts: [textPart(options.userContent)] });
    this.deps.turns.start(this.runTurn);
  }

  stop(): Promise<void> {
    return this.deps.turns.stop();
  }

  async regenerate(): Promise<void> {
    await this.moveOn();
    this.deps.turns.start((conversation, options) => this.engine().regenerate(conversation, options), true);
  }

  async editAndResend(messageId: string, text: string): Promise<void> {
    await this.moveOn();
    if (!(await this.moderated(text.trim(), 'chat'))) {
      // Nothing was sent: the conversation is shown as it was, the edited text waits in the composer.
      this.deps.open.show(false);
      this.deps.port.post({ type: 'setDraft', text });
      return;
    }
    this.deps.undo.remember(this.deps.open.current);
    const defaultTitle = vscode.l10n.t('New chat');
    this.deps.turns.start(
      (conversation, options) =>
        this.engine().editAndResend(conversation, messageId, [textPart(text.trim())], { ...options, defaultTitle }),
      true,
    );
  }

  /** Undo of the last edit: the conversation as it was before it, the edit's answer stopped if it still streams. */
  async undoEdit(): Promise<void> {
    await this.deps.open.ready();
    await this.stop();
    await this.deps.undo.undo();
  }

  /**
   * Retry from an error: a turn that failed before its first word is replaced (not added again, and never sent as
   * history); an answer that failed part-way is regenerated from there.
   */
  async retry(answerId: string | undefined): Promise<void> {
    await this.moveOn();
    this.deps.turns.start((conversation, options) => this.engine().retry(conversation, answerId, options), true);
  }

  async newChat(): Promise<void> {
    await this.moveOn();
    await this.deps.open.replace(OpenConversation.fresh());
    this.deps.port.post({ type: 'focusInput' });
  }

  async saveDraft(text: string): Promise<void> {
    await this.deps.state.update(draftKey, text);
  }

  /** Waits for the answer being streamed, if any (tests). */
  idle(): Promise<void> {
    return this.deps.turns.idle();
  }

  private engine(): ReturnType<ProviderEngineHost['module']> {
    return this.deps.host.module();
  }

  /** Before a turn or another conversation: the one streaming stops, and the last edit is no longer undone. */
  private async moveOn(): Promise<void> {
    await this.deps.open.ready();
    await this.stop();
    this.deps.undo.forget();
  }
}
