// The chat panel's extension side (docs/chat.md), thin: the turn itself runs in core (core/turns: the recipe stored
// with each question, so Regenerate, Edit and Retry replay exactly what was sent); this class composes the chat's
// parts and hands them their work: what the user does with a turn (ChatActions), the open conversation
// (OpenConversation), the list of conversations (ConversationHistory), the model picker (ModelPickerFeed), the
// context chips (ContextTray), all talking to the webview through one ChatViewPort. It outlives the webview:
// hiding the view does not stop an answer, and showing it again replays the state.
import * as vscode from 'vscode';
import type { Conversation } from '../../core/conversations/conversation';
import type { ConversationStorage } from './lazyConversationStore';
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
import type { ChatImageGenerator } from './imageTurn';
import type { Pricing } from '../pricing/pricing';
import { ModelPickerFeed } from './modelPickerFeed';
import { OpenConversation } from './openConversation';
import { ChatTurns } from './chatTurns';
import { toConversationView } from './toConversationView';
import { ChatActions, draftKey } from './chatActions';

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
  /** Writes a conversation as Markdown (the export; loaded with the chat commands' bundle, writeConversationMarkdown.ts). */
  writeConversationMarkdown: (conversation: Conversation, target?: vscode.Uri) => Promise<vscode.Uri | undefined>;
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
  /** Prices, cost and budgets (issue 19, docs/spend.md); set once the spend ledger exists. */
  pricing: Pricing | undefined;
  /** Send, regenerate, edit, retry, undo an edit, a new chat. */
  readonly actions: ChatActions;
  private readonly turns: ChatTurns;
  private readonly undo: EditUndo;
  private garbageTimer: ReturnType<typeof setTimeout> | undefined;

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
      () => this.pricing,
    );
    this.history = new ConversationHistory(deps.store, this.open, this.turns, this.port, deps.writeConversationMarkdown);
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
    this.actions = new ChatActions({
      open: this.open,
      turns: this.turns,
      undo: this.undo,
      contexts: this.contexts,
      context: this.context,
      images: this.images,
      port: this.port,
      settings: deps.settings,
      host: deps.host,
      state: deps.state,
      imageGenerator: () => this.imageGenerator,
    });
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

  /** Stops the answer being streamed and writes every pending save (awaited by deactivate). */
  async dispose(): Promise<void> {
    clearTimeout(this.garbageTimer);
    this.models.dispose();
    this.budget.dispose();
    this.context.dispose();
    await this.turns.stop();
    await this.deps.store.dispose();
  }
}
