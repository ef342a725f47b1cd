// The chat panel's extension side (docs/chat.md), thin: the turn itself runs in core (core/turns: the recipe stored
// with each question, so Regenerate, Edit and Retry replay exactly what was sent); this class composes the recipe
// from the settings, runs one turn at a time with Stop, and hands the parts their work: the open conversation
// (OpenConversation), the list of conversations (ConversationHistory), the model picker (ModelPickerFeed), the
// context chips (ContextTray), all talking to the webview through one ChatViewPort. It outlives the webview:
// hiding the view does not stop an answer, and showing it again replays the state.
import * as vscode from 'vscode';
import type { Conversation, ContextItem } from '../../core/conversations/conversation';
import { userParts } from '../../core/conversations/conversationOps';
import type { ConversationStorage } from './lazyConversationStore';
import { textPart } from '../../core/conversations/messagePart';
import { withoutRepeatedInstructions } from '../../core/conversations/repeatedInstructions';
import type { ChangeReviews } from '../edits/changeReviews';
import type { ProviderEngineHost } from '../engine/providerEngineHost';
import type { ModelCatalog } from '../models/modelCatalog';
import type { SettingsService } from '../settings/settingsService';
import { type AttachedView, ChatViewPort } from './chatViewPort';
import { ChatContext } from './chatContext';
import { ChatToolAccess } from './chatToolAccess';
import { gitChangesContextSource } from '../context/gitChangesContextSource';
import { problemsContextSource } from '../context/problemsContextSource';
import { ContextBudgetFeed } from './contextBudgetFeed';
import type { LastEditorTracker } from './lastEditorTracker';
import { ContextTray } from './contextTray';
import { ConversationHistory } from './conversationHistory';
import { ChatImages } from './chatImages';
import { EditUndo } from './editUndo';
import { type ChatImageGenerator, imageTurn } from './imageTurn';
import { ModelPickerFeed } from './modelPickerFeed';
import { OpenConversation } from './openConversation';
import { ChatTurns, type TurnRun } from './chatTurns';
import { recipeFromSettings } from './recipeFromSettings';
import { toConversationView } from './toConversationView';

const draftKey = 'switchboard.chat.draft';

export interface ChatControllerDeps {
  store: ConversationStorage & { dispose(): Promise<void> };
  host: ProviderEngineHost;
  settings: SettingsService;
  catalog: ModelCatalog;
  /** This window's state (the open conversation, the draft): the workspace state, never the global one. */
  state: vscode.Memento;
  log: vscode.LogOutputChannel;
  editors: LastEditorTracker;
  /** Where images attached to messages are stored (the extension's global storage). */
  attachmentsDirectory: string;
  /** The reviews of proposed changes: the edits and files a model proposes with its tools open there. */
  reviews: ChangeReviews;
}

export class ChatController implements vscode.Disposable {
  readonly port: ChatViewPort;
  readonly open: OpenConversation;
  readonly history: ConversationHistory;
  readonly models: ModelPickerFeed;
  readonly contexts: ContextTray;
  readonly budget: ContextBudgetFeed;
  /** What the chat can be pointed at: the `@` picker, Add to Chat, the active file, the project's instructions. */
  readonly context: ChatContext;
  /** Images pasted, dropped or picked into the chat, and the buttons on images in it (issue 16). */
  readonly images: ChatImages;
  /** The tools the model may call (issue 17), and the user's Allow / Deny on their cards. */
  readonly tools: ChatToolAccess;
  /** Generates images for `/image <prompt>` typed into the chat; set by the image feature. */
  imageGenerator: ChatImageGenerator | undefined;
  private readonly turns: ChatTurns;
  private readonly undo: EditUndo;
  private garbageTimer: ReturnType<typeof setTimeout> | undefined;
  /** A chat turn: core/turns, which loads with the engine bundle (a turn needs the engine anyway). */
  private readonly runTurn: TurnRun = (conversation, options) => this.engine().runTurn(conversation, options);

  constructor(private readonly deps: ChatControllerDeps) {
    this.port = new ChatViewPort(deps.attachmentsDirectory);
    this.tools = new ChatToolAccess({
      host: deps.host,
      settings: deps.settings,
      reviews: deps.reviews,
      state: deps.state,
      log: deps.log,
      port: this.port,
      contextSources: { problems: problemsContextSource, changes: gitChangesContextSource },
    });
    this.port.toolCards = (message) => this.tools.cardsOf(message);
    this.open = new OpenConversation(deps.store, deps.state, this.port, deps.log);
    this.turns = new ChatTurns(
      this.open,
      this.port,
      deps.host,
      deps.log,
      () => void this.budget.refresh(),
      (model) => this.budget.windowTokens(model),
      (request, model) => this.images.prepare(request, model),
      (onChange) => this.tools.forTurn(onChange),
    );
    this.history = new ConversationHistory(deps.store, this.open, this.turns, this.port);
    this.models = new ModelPickerFeed(this.port, deps.settings, deps.catalog);
    this.contexts = new ContextTray(this.port);
    this.budget = new ContextBudgetFeed(this.contexts, this.open, deps.settings, deps.host, this.port);
    this.open.onShown = () => void this.budget.refresh();
    this.images = new ChatImages({
      tray: this.contexts,
      port: this.port,
      open: this.open,
      host: deps.host,
      catalog: deps.catalog,
      log: deps.log,
      directory: deps.attachmentsDirectory,
      reveal: async () => {
        if (!this.port.attached) await vscode.commands.executeCommand('switchboard.chatView.focus');
      },
    });
    this.context = new ChatContext(this.contexts, this.port, this.open, deps.editors, deps.settings, deps.host, deps.log, (uris) =>
      this.images.attachFiles(uris),
    );
    this.undo = new EditUndo(this.open, this.port);
  }

  /** A webview is ready: it gets everything it needs to draw the current state. */
  async attach(view: AttachedView, version: string): Promise<void> {
    this.port.attach(view);
    await this.open.ready();
    view.post({
      type: 'init',
      version,
      locale: vscode.env.language,
      conversation: toConversationView(this.open.current, this.port),
      draft: this.deps.state.get<string>(draftKey, ''),
      contexts: this.contexts.chips,
      ...(this.contexts.currentBudget ? { budget: this.contexts.currentBudget } : {}),
      currentModel: this.deps.settings.settings.chatModel,
      sendOnEnter: vscode.workspace.getConfiguration('switchboard').get<boolean>('chat.sendOnEnter', true),
      busy: this.busy,
    });
    void this.budget.refresh();
    void this.context.start();
    this.collectAttachmentsLater();
  }

  /**
   * Once a session, a minute after the chat first showed, stored images no conversation refers to any more are
   * removed (ChatImages.collectGarbage); never during startup, never twice.
   */
  private collectAttachmentsLater(): void {
    if (this.garbageTimer !== undefined) return;
    this.garbageTimer = setTimeout(() => {
      this.images
        .collectGarbage(this.deps.store)
        .catch((error: unknown) =>
          this.deps.log.warn(`Could not tidy the stored images: ${error instanceof Error ? error.message : String(error)}`),
        );
    }, 60_000);
    this.garbageTimer.unref?.();
  }

  get busy(): boolean {
    return this.turns.busy;
  }

  /** The conversation currently shown (for tests and commands). */
  get current(): Conversation {
    return this.open.current;
  }

  async send(text: string): Promise<void> {
    const trimmed = text.trim();
    if (trimmed === '' && !this.contexts.hasAttached) return;
    await this.moveOn();
    const image = /^\/image(?:\s+([\s\S]*))?$/.exec(trimmed);
    const prompt = image?.[1]?.trim();
    if (image && !prompt) {
      this.port.notice(vscode.l10n.t('Write what to draw after /image, e.g. “/image a lighthouse at dusk”.'), 'warning');
      this.port.post({ type: 'setDraft', text: '/image ' });
      return;
    }
    const recipe = recipeFromSettings(this.deps.settings.settings);
    if (!image && recipe.models.length === 0) {
      // Refused before anything is added: the text goes back into the input, the chips stay.
      this.port.notice(
        vscode.l10n.t('No chat model is chosen yet. Pick one with “Switchboard: Select Chat Model”, or in the model menu above.'),
        'error',
        ['switchModel', 'setKey', 'openSettings'],
      );
      this.port.post({ type: 'setDraft', text });
      return;
    }
    // Images go only to a model that can see them: refused before anything is added (text and chips stay).
    const images = image ? [] : this.contexts.imagesForSend();
    const chosen = recipe.models[0];
    if (images.length > 0 && chosen !== undefined && !(await this.images.mayGoTo(chosen))) {
      this.port.post({ type: 'setDraft', text });
      return;
    }
    // Context is read now, as it is when sent (an edited file goes out edited), and stored as sent.
    const contexts = image ? [] : withoutRepeatedInstructions(await this.contexts.readForSend(), this.open.current);
    const parts = userParts(trimmed, contexts, images);
    this.open.ask(parts, image ? undefined : recipe);
    if (!image) {
      this.contexts.clear();
      void this.context.offerActiveFile();
    }
    await this.deps.state.update(draftKey, '');
    this.turns.start(prompt ? imageTurn(prompt, this.imageGenerator, this.port) : this.runTurn);
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
    this.open.ask(userParts(options.display, options.contexts), { ...recipe, promptParts: [textPart(options.userContent)] });
    this.turns.start(this.runTurn);
  }

  stop(): Promise<void> {
    return this.turns.stop();
  }

  async regenerate(): Promise<void> {
    await this.moveOn();
    this.turns.start((conversation, options) => this.engine().regenerate(conversation, options), true);
  }

  async editAndResend(messageId: string, text: string): Promise<void> {
    await this.moveOn();
    this.undo.remember(this.open.current);
    const defaultTitle = vscode.l10n.t('New chat');
    this.turns.start(
      (conversation, options) =>
        this.engine().editAndResend(conversation, messageId, [textPart(text.trim())], { ...options, defaultTitle }),
      true,
    );
  }

  /** Undo of the last edit: the conversation as it was before it, the edit's answer stopped if it still streams. */
  async undoEdit(): Promise<void> {
    await this.open.ready();
    await this.stop();
    await this.undo.undo();
  }

  /**
   * Retry from an error: a turn that failed before its first word is replaced (not added again, and never sent as
   * history); an answer that failed part-way is regenerated from there.
   */
  async retry(answerId: string | undefined): Promise<void> {
    await this.moveOn();
    this.turns.start((conversation, options) => this.engine().retry(conversation, answerId, options), true);
  }

  async newChat(): Promise<void> {
    await this.moveOn();
    await this.open.replace(OpenConversation.fresh());
    this.port.post({ type: 'focusInput' });
  }

  async saveDraft(text: string): Promise<void> {
    await this.deps.state.update(draftKey, text);
  }

  /** Waits for the answer being streamed, if any (tests). */
  idle(): Promise<void> {
    return this.turns.idle();
  }

  /** Stops the answer being streamed and writes every pending save (awaited by deactivate). */
  async dispose(): Promise<void> {
    clearTimeout(this.garbageTimer);
    this.models.dispose();
    this.budget.dispose();
    this.context.dispose();
    await this.turns.stop();
    await this.deps.store.dispose();
  }

  private engine(): ReturnType<ProviderEngineHost['module']> {
    return this.deps.host.module();
  }

  /** Before a turn or another conversation: the one streaming stops, and the last edit is no longer undone. */
  private async moveOn(): Promise<void> {
    await this.open.ready();
    await this.stop();
    this.undo.forget();
  }
}
