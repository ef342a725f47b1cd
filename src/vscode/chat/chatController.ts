// The chat panel's brain on the extension side (SPEC §5): the open conversation, the answer being streamed, the
// context chips waiting to be sent, the draft, and the list of past conversations. It outlives the webview: hiding
// the view does not stop an answer, and showing it again replays the state.
import * as vscode from 'vscode';
import type { ChatEvent } from '../../core/chat/chatTypes';
import type { Conversation, ContextItem } from '../../core/conversations/conversation';
import {
  appendUserMessage,
  createConversation,
  editUserMessage,
  renameConversation,
  settleInterrupted,
  startAssistantMessage,
  truncateForRegenerate,
} from '../../core/conversations/conversationOps';
import { applyChatEvent } from '../../core/conversations/applyChatEvent';
import type { ConversationStore } from '../../core/conversations/conversationStore';
import { exportMarkdown } from '../../core/conversations/exportMarkdown';
import { toChatMessages } from '../../core/conversations/toChatMessages';
import { ProviderError, type ProviderErrorKind } from '../../core/errors/providerError';
import { attachImages } from '../../core/conversations/attachImages';
import { formatDuration } from '../../core/formatDuration';
import type { ExtensionToWebviewMessage, ModelGroup } from '../../shared/webviewProtocol';
import type { ProviderEngineHost } from '../engine/providerEngineHost';
import type { ModelCatalog } from '../models/modelCatalog';
import type { SettingsService } from '../settings/settingsService';
import { toContextChip, toConversationView, toMessageView } from './toConversationView';

const lastConversationKey = 'switchboard.chat.lastConversation';
const draftKey = 'switchboard.chat.draft';

export interface ChatControllerDeps {
  store: ConversationStore;
  host: ProviderEngineHost;
  settings: SettingsService;
  catalog: ModelCatalog;
  state: vscode.Memento;
  log: vscode.LogOutputChannel;
}

interface ActiveTurn {
  messageId: string;
  controller: AbortController;
  done: Promise<void>;
}

export class ChatController implements vscode.Disposable {
  private conversation: Conversation = this.newConversation();
  private loaded: Promise<void> | undefined;
  private active: ActiveTurn | undefined;
  private pendingContexts: { id: string; item: ContextItem }[] = [];
  private post: (message: ExtensionToWebviewMessage) => void = () => undefined;
  /** Turns a saved image's path into a URI the webview may load (set while a view is attached). */
  private imageSrc: (path: string) => string | undefined = () => undefined;
  private contextCounter = 0;

  private readonly subscriptions: vscode.Disposable[] = [];

  constructor(private readonly deps: ChatControllerDeps) {
    // The model can change elsewhere (the status bar, Select Chat Model): the panel's picker follows.
    this.subscriptions.push(deps.settings.onDidChange((settings) => this.post({ type: 'models', groups: [], current: settings.chatModel, loading: false })));
  }

  /** A webview is ready: it gets everything it needs to draw the current state. */
  async attach(post: (message: ExtensionToWebviewMessage) => void, version: string, imageSrc: (path: string) => string | undefined): Promise<void> {
    this.post = post;
    this.imageSrc = imageSrc;
    await this.ensureLoaded();
    post({
      type: 'init',
      version,
      locale: vscode.env.language,
      conversation: this.view(),
      draft: this.deps.state.get<string>(draftKey, ''),
      contexts: this.chips(),
      currentModel: this.deps.settings.settings.chatModel,
      sendOnEnter: vscode.workspace.getConfiguration('switchboard').get<boolean>('chat.sendOnEnter', true),
      busy: this.active !== undefined,
    });
  }

  detach(): void {
    this.post = () => undefined;
    this.imageSrc = () => undefined;
  }

  get busy(): boolean {
    return this.active !== undefined;
  }

  /** The conversation currently shown (for tests and commands). */
  get current(): Conversation {
    return this.conversation;
  }

  /** Generates images for `/image <prompt>` typed into the chat; set by the image feature. */
  imageGenerator: ((prompt: string, signal: AbortSignal) => Promise<{ provider: string; model: string; paths: string[]; skipped: string[] }>) | undefined;

  async send(text: string): Promise<void> {
    const trimmed = text.trim();
    if (trimmed === '' && this.pendingContexts.length === 0) return;
    await this.ensureLoaded();
    if (this.active) await this.stop();
    const image = /^\/image(?:\s+([\s\S]*))?$/.exec(trimmed);
    if (image && !image[1]?.trim()) {
      this.post({ type: 'notice', level: 'warning', text: vscode.l10n.t('Write what to draw after /image, e.g. “/image a lighthouse at dusk”.') });
      this.post({ type: 'setDraft', text: '/image ' });
      return;
    }
    const contexts = image ? [] : this.pendingContexts.map((pending) => pending.item);
    const { conversation, message } = appendUserMessage(this.conversation, trimmed, {
      ...(contexts.length > 0 ? { contexts } : {}),
      defaultTitle: vscode.l10n.t('New chat'),
    });
    if (!image) this.pendingContexts = [];
    this.conversation = conversation;
    await this.deps.state.update(draftKey, '');
    this.post({ type: 'contexts', contexts: this.chips() });
    this.post({ type: 'title', title: conversation.title });
    this.post({ type: 'message', message: toMessageView(message, this.imageSrc) });
    if (image) this.startImageTurn(image[1]?.trim() ?? '');
    else this.startTurn();
  }

  /**
   * A selection command's turn (explain): shown as `display` with the code as a context chip, sent with the
   * command's own prompt (its template may be overridden in settings) and, if given, another model.
   */
  async sendPrepared(options: { display: string; contexts: ContextItem[]; systemPrompt: string; userContent: string; model?: string }): Promise<void> {
    await this.ensureLoaded();
    if (this.active) await this.stop();
    const { conversation, message } = appendUserMessage(this.conversation, options.display, {
      contexts: options.contexts,
      defaultTitle: vscode.l10n.t('New chat'),
    });
    this.conversation = conversation;
    this.post({ type: 'title', title: conversation.title });
    this.post({ type: 'message', message: toMessageView(message, this.imageSrc) });
    this.startTurn({ systemPrompt: options.systemPrompt, lastUserContent: options.userContent, ...(options.model ? { model: options.model } : {}) });
  }

  async stop(): Promise<void> {
    const active = this.active;
    if (!active) return;
    active.controller.abort();
    await active.done;
  }

  async regenerate(): Promise<void> {
    await this.ensureLoaded();
    await this.stop();
    const next = truncateForRegenerate(this.conversation);
    if (next === this.conversation && this.conversation.messages.at(-1)?.role !== 'user') return;
    this.conversation = next;
    this.post({ type: 'conversation', conversation: this.view(), busy: false });
    this.startTurn();
  }

  async editAndResend(messageId: string, text: string): Promise<void> {
    await this.ensureLoaded();
    await this.stop();
    const next = editUserMessage(this.conversation, messageId, text.trim(), { defaultTitle: vscode.l10n.t('New chat') });
    if (next === this.conversation) return;
    this.conversation = next;
    this.post({ type: 'conversation', conversation: this.view(), busy: false });
    this.startTurn();
  }

  async newChat(): Promise<void> {
    await this.ensureLoaded();
    await this.stop();
    this.conversation = this.newConversation();
    await this.deps.state.update(lastConversationKey, undefined);
    this.post({ type: 'conversation', conversation: this.view(), busy: false });
    this.post({ type: 'focusInput' });
  }

  async open(id: string): Promise<void> {
    await this.ensureLoaded();
    if (id === this.conversation.id) return;
    await this.stop();
    const { conversation, problems } = await this.deps.store.load(id);
    this.reportProblems(problems.map((problem) => problem.message));
    if (!conversation) {
      this.post({ type: 'notice', level: 'error', text: vscode.l10n.t('That conversation could not be opened.') });
      return;
    }
    this.conversation = settleInterrupted(conversation);
    await this.deps.state.update(lastConversationKey, id);
    this.post({ type: 'conversation', conversation: this.view(), busy: false });
  }

  async rename(id: string, title: string): Promise<void> {
    await this.ensureLoaded();
    if (id === this.conversation.id) {
      this.conversation = renameConversation(this.conversation, title, { defaultTitle: vscode.l10n.t('New chat') });
      if (this.conversation.messages.length > 0) await this.deps.store.save(this.conversation);
      this.post({ type: 'conversation', conversation: this.view(), busy: this.busy });
    } else {
      await this.deps.store.rename(id, title, { defaultTitle: vscode.l10n.t('New chat') });
    }
    await this.listConversations();
  }

  async delete(id: string): Promise<void> {
    await this.ensureLoaded();
    if (id === this.conversation.id) {
      await this.stop();
      await this.deps.store.delete(id);
      this.conversation = this.newConversation();
      await this.deps.state.update(lastConversationKey, undefined);
      this.post({ type: 'conversation', conversation: this.view(), busy: false });
    } else {
      await this.deps.store.delete(id);
    }
    await this.listConversations();
  }

  async listConversations(): Promise<void> {
    const { items, problems } = await this.deps.store.list();
    this.post({
      type: 'conversations',
      items: items.map((item) => ({ id: item.id, title: item.title, updatedAt: item.updatedAt, messageCount: item.messageCount })),
      currentId: this.conversation.id,
      problems: problems.map((problem) => problem.message),
    });
  }

  /** Writes the conversation as Markdown to a file the user picks. Returns the file, or undefined if cancelled. */
  async exportConversation(target?: vscode.Uri): Promise<vscode.Uri | undefined> {
    await this.ensureLoaded();
    const markdown = exportMarkdown(this.conversation, {
      you: vscode.l10n.t('You'),
      model: vscode.l10n.t('Model'),
      usage: (usage) => vscode.l10n.t('Tokens: {0} in, {1} out', usage.inputTokens ?? '?', usage.outputTokens ?? '?'),
      stopped: vscode.l10n.t('Stopped before the answer was complete.'),
      error: (error) => vscode.l10n.t('Error ({0}): {1}', error.kind, error.message),
      fallback: (from) => vscode.l10n.t('Answered instead of {0}/{1}, which failed.', from.provider, from.model),
      cached: vscode.l10n.t('Replayed from the response cache.'),
      contextHeader: (item) => item.label + (item.path && item.path !== item.label ? ` (${item.path})` : ''),
    });
    const folder = vscode.workspace.workspaceFolders?.[0]?.uri;
    const fileName = `${this.conversation.title.replace(/[^\p{L}\p{N}]+/gu, '-').replace(/^-|-$/g, '').slice(0, 60) || 'chat'}.md`;
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

  async requestModels(refresh: boolean): Promise<void> {
    const current = this.deps.settings.settings.chatModel;
    this.post({ type: 'models', groups: [], current, loading: true });
    const providers = await this.deps.catalog.chatProviders();
    const groups: ModelGroup[] = [];
    await Promise.all(
      providers.map(async (entry) => {
        const result = await this.deps.catalog.models(entry, refresh);
        groups.push({
          provider: entry.id,
          label: entry.label,
          models: result.models.map((model) => model.id),
          ...(result.error ? { error: result.error.message } : {}),
        });
      }),
    );
    groups.sort((a, b) => providers.findIndex((p) => p.id === a.provider) - providers.findIndex((p) => p.id === b.provider));
    this.post({ type: 'models', groups, current: this.deps.settings.settings.chatModel, loading: false });
  }

  async selectModel(model: string): Promise<void> {
    await this.deps.settings.setChatModel(model);
    this.post({ type: 'models', groups: [], current: model, loading: false });
  }

  /** Attaches a context chip that goes with the next message. */
  addContext(item: ContextItem): void {
    this.pendingContexts.push({ id: `ctx-${++this.contextCounter}`, item });
    this.post({ type: 'contexts', contexts: this.chips() });
    if (item.truncated) {
      this.post({
        type: 'notice',
        level: 'warning',
        text: vscode.l10n.t('{0} is longer than the context budget (switchboard.context.maxChars); only its first {1} characters are sent.', item.label, item.text.length),
      });
    }
  }

  removeContext(id: string): void {
    this.pendingContexts = this.pendingContexts.filter((pending) => pending.id !== id);
    this.post({ type: 'contexts', contexts: this.chips() });
  }

  async saveDraft(text: string): Promise<void> {
    await this.deps.state.update(draftKey, text);
  }

  focusInput(): void {
    this.post({ type: 'focusInput' });
  }

  notice(text: string, level: 'info' | 'warning' | 'error' = 'info'): void {
    this.post({ type: 'notice', text, level });
  }

  /** Waits for the answer being streamed, if any (tests, and deactivation). */
  async idle(): Promise<void> {
    await this.active?.done;
  }

  async dispose(): Promise<void> {
    for (const subscription of this.subscriptions) subscription.dispose();
    this.active?.controller.abort();
    await this.active?.done;
    await this.deps.store.flush();
  }

  private startTurn(prepared: { systemPrompt?: string; lastUserContent?: string; model?: string } = {}): void {
    const settings = this.deps.settings.settings;
    const chosen = prepared.model ?? settings.chatModel;
    const models = [chosen, ...settings.fallbackModels.filter((model) => model !== chosen)].filter((model) => model !== '');
    const slash = chosen.indexOf('/');
    const { conversation, message } = startAssistantMessage(this.conversation, {
      ...(slash > 0 ? { provider: chosen.slice(0, slash), model: chosen.slice(slash + 1) } : {}),
    });
    this.conversation = conversation;
    const controller = new AbortController();
    const messageId = message.id;
    this.post({ type: 'message', message: toMessageView(message, this.imageSrc) });
    this.post({ type: 'busy', busy: true });

    const run = async (): Promise<void> => {
      const messages = toChatMessages(this.conversation);
      const last = messages.at(-1);
      if (prepared.lastUserContent !== undefined && last?.role === 'user') messages[messages.length - 1] = { ...last, content: prepared.lastUserContent };
      const systemPrompt = [prepared.systemPrompt, settings.systemPrompt].filter((text) => text).join('\n\n');
      const request = {
        messages,
        ...(systemPrompt ? { systemPrompt } : {}),
        ...(settings.temperature !== undefined ? { temperature: settings.temperature } : {}),
        ...(settings.maxTokens !== undefined ? { maxTokens: settings.maxTokens } : {}),
        signal: controller.signal,
      };
      const events: AsyncIterable<ChatEvent> =
        models.length === 0 ? noModelChosen() : this.deps.host.get().chat(models, request);
      for await (const event of events) {
        this.conversation = applyChatEvent(this.conversation, messageId, event);
        this.forward(messageId, event);
        if (this.conversation.messages.length > 0) this.deps.store.saveSoon(this.conversation);
      }
    };

    const done = run()
      .catch((error: unknown) => {
        // Failures arrive as `error` events; anything thrown here is a bug, but the partial answer stays.
        const text = error instanceof Error ? error.message : String(error);
        this.deps.log.error(`Chat turn failed: ${text}`);
        this.conversation = applyChatEvent(this.conversation, messageId, {
          type: 'error',
          error: new ProviderError({ kind: 'invalid-response', provider: 'switchboard', message: text }),
        });
      })
      .finally(async () => {
        if (this.active?.messageId === messageId) this.active = undefined;
        const final = this.conversation.messages.find((m) => m.id === messageId);
        if (final) this.post({ type: 'message', message: toMessageView(final, this.imageSrc) });
        this.post({ type: 'busy', busy: this.active !== undefined });
        await this.deps.store.save(this.conversation).catch((error: unknown) => {
          this.deps.log.error(`Saving the conversation failed: ${error instanceof Error ? error.message : String(error)}`);
          this.post({ type: 'notice', level: 'error', text: vscode.l10n.t('The conversation could not be saved: {0}', error instanceof Error ? error.message : String(error)) });
        });
        await this.deps.state.update(lastConversationKey, this.conversation.id);
      });
    this.active = { messageId, controller, done };
  }

  /** `/image`: the same generation and saving as the command, with the images shown inline in the answer. */
  private startImageTurn(prompt: string): void {
    const { conversation, message } = startAssistantMessage(this.conversation);
    this.conversation = conversation;
    const controller = new AbortController();
    const messageId = message.id;
    this.post({ type: 'message', message: toMessageView(message, this.imageSrc) });
    this.post({ type: 'busy', busy: true });
    const finish = (event: ChatEvent): void => {
      this.conversation = applyChatEvent(this.conversation, messageId, event);
    };
    const run = async (): Promise<void> => {
      if (!this.imageGenerator) throw new Error(vscode.l10n.t('Image generation is not available.'));
      this.post({ type: 'status', messageId, text: vscode.l10n.t('Generating the image…') });
      const result = await this.imageGenerator(prompt, controller.signal);
      finish({ type: 'model', provider: result.provider, model: result.model });
      const saved = result.paths.map((file) => vscode.workspace.asRelativePath(file)).join(', ');
      const lines = [
        result.paths.length > 0 ? vscode.l10n.t('Saved {0}.', saved) : vscode.l10n.t('No image was saved.'),
        ...result.skipped,
      ];
      finish({ type: 'text-delta', text: lines.join('\n\n') });
      this.conversation = attachImages(this.conversation, messageId, result.paths.map((file) => ({ path: file, alt: prompt })));
      finish({ type: 'done', finishReason: 'stop' });
    };
    const done = run()
      .catch((error: unknown) => {
        const cancelled = controller.signal.aborted || (error as { kind?: string }).kind === 'cancelled';
        if (cancelled) {
          finish({ type: 'done', finishReason: 'cancelled' });
          return;
        }
        const kind = (error as { kind?: unknown }).kind;
        finish({
          type: 'error',
          error: new ProviderError({
            kind: typeof kind === 'string' ? (kind as ProviderErrorKind) : 'bad-request',
            provider: String((error as { provider?: unknown }).provider ?? 'switchboard'),
            message: error instanceof Error ? error.message : String(error),
          }),
        });
      })
      .finally(async () => {
        if (this.active?.messageId === messageId) this.active = undefined;
        const final = this.conversation.messages.find((m) => m.id === messageId);
        if (final) this.post({ type: 'message', message: toMessageView(final, this.imageSrc) });
        this.post({ type: 'busy', busy: this.active !== undefined });
        await this.deps.store.save(this.conversation).catch((error: unknown) => this.deps.log.error(`Saving the conversation failed: ${String(error)}`));
        await this.deps.state.update(lastConversationKey, this.conversation.id);
      });
    this.active = { messageId, controller, done };
  }

  private forward(messageId: string, event: ChatEvent): void {
    switch (event.type) {
      case 'text-delta':
        this.post({ type: 'delta', messageId, text: event.text });
        return;
      case 'model':
      case 'usage': {
        const message = this.conversation.messages.find((m) => m.id === messageId);
        if (message && event.type === 'model') this.post({ type: 'message', message: toMessageView(message, this.imageSrc) });
        return;
      }
      case 'rate-limit-wait':
        this.post({ type: 'status', messageId, text: vscode.l10n.t('Waiting {0} for the rate limit of {1}/{2}…', formatDuration(event.waitMs), event.provider, event.model) });
        return;
      case 'retry':
        this.deps.log.warn(`Retry ${event.attempt} of ${event.provider}/${event.model} in ${event.delayMs} ms: ${event.error.message}`);
        this.post({ type: 'status', messageId, text: vscode.l10n.t('Retrying in {0} (attempt {1}): {2}', formatDuration(event.delayMs), event.attempt + 1, event.error.message) });
        return;
      case 'fallback':
        this.deps.log.warn(`Fallback from ${event.from.provider}/${event.from.model} to ${event.to.provider}/${event.to.model}: ${event.error.message}`);
        this.post({
          type: 'status',
          messageId,
          text: vscode.l10n.t('{0}/{1} failed ({2}); trying {3}/{4}…', event.from.provider, event.from.model, event.error.message, event.to.provider, event.to.model),
        });
        return;
      case 'notice': {
        this.deps.log.info(`${event.provider}/${event.model} refused the temperature setting; sent without it, and will for the rest of the session.`);
        const text = vscode.l10n.t('{0}/{1} does not accept a temperature; sent without it.', event.provider, event.model);
        // The status line under the answer shows while the request is sent again and goes at its first text; the
        // notice stays a few seconds longer, so a fast answer does not hide it.
        this.post({ type: 'status', messageId, text });
        this.post({ type: 'notice', level: 'info', text });
        return;
      }
      case 'done':
      case 'error':
        if (event.type === 'error') this.deps.log.warn(`Answer failed: ${event.error.message}`);
        return;
    }
  }

  private async ensureLoaded(): Promise<void> {
    this.loaded ??= (async () => {
      const lastId = this.deps.state.get<string>(lastConversationKey);
      if (!lastId) return;
      const { conversation, problems } = await this.deps.store.load(lastId);
      this.reportProblems(problems.map((problem) => problem.message));
      if (conversation) this.conversation = settleInterrupted(conversation);
    })().catch((error: unknown) => {
      this.deps.log.error(`Loading the last conversation failed: ${error instanceof Error ? error.message : String(error)}`);
    });
    await this.loaded;
  }

  private reportProblems(problems: readonly string[]): void {
    for (const problem of problems) {
      this.deps.log.warn(problem);
      this.post({ type: 'notice', level: 'warning', text: problem });
    }
  }

  private newConversation(): Conversation {
    return createConversation({ defaultTitle: vscode.l10n.t('New chat') });
  }

  private view() {
    return toConversationView(this.conversation, this.imageSrc);
  }

  private chips() {
    return this.pendingContexts.map((pending) => toContextChip(pending.item, pending.id));
  }
}

/** The stream of a request made before any chat model was chosen: one error that says what to do. */
async function* noModelChosen(): AsyncGenerator<ChatEvent> {
  yield {
    type: 'error',
    error: new ProviderError({
      kind: 'not-found',
      provider: 'switchboard',
      message: vscode.l10n.t('No chat model is chosen yet. Pick one with “Switchboard: Select Chat Model”, or in the model menu above.'),
    }),
  };
}
