// Entry point of the extension host side. `activate()` only wires things up: no network, no file reads, no
// provider code (the engine bundle loads on first use), so opening VS Code stays fast (docs/performance.md: ≤ 25 ms).
import * as vscode from 'vscode';
import * as path from 'node:path';
import { KeyStore } from '../core/keys/keyStore';
import { ChatController } from './chat/chatController';
import { LazyConversationStore } from './chat/lazyConversationStore';
import { CodeBlockActions } from './chat/codeBlockActions';
import { LastEditorTracker } from './chat/lastEditorTracker';
import { ChatViewProvider } from './chatViewProvider';
import { setProviderLabels } from './errors/providerLabels';
import { ChangeReviews } from './edits/changeReviews';
import { CompletionsFeature } from './completions/completionsFeature';
import { ProposalDocuments } from './edits/proposalDocuments';
import { ImageFeature } from './images/imageFeature';
import { SelectionCodeActions } from './selection/selectionCodeActions';
import { SelectionFeature } from './selection/selectionFeature';
import { ProviderEngineHost } from './engine/providerEngineHost';
import type { ApiKeyCommands } from './keys/apiKeyCommands';
import { loadChatCommands } from './chat/loadChatCommands';
import { ModelCatalog } from './models/modelCatalog';
import { createModelStatusItem } from './models/modelStatusItem';
import { registerCommands } from './registerCommands';
import { registerGenerateImageTool } from './tools/registerGenerateImageTool';
import { lazyHostModels } from './lm/lazyHostModels';
import { registerVscodeChat } from './lm/registerVscodeChat';
import { SettingsService } from './settings/settingsService';
import { SpendFeature } from './spend/spendFeature';
import { Pricing } from './pricing/pricing';

/** What the extension returns from `activate()`; tests and other extensions read it through `exports`. */
export interface SwitchboardApi {
  /** How long `activate()` took, in milliseconds, measured inside the extension host. */
  readonly activationMs: number;
  /**
   * The `@switchboard` chat participant's handler (docs/vscode-chat.md), where this editor has chat participants: for
   * tests and other extensions to drive it with VS Code's own request types.
   */
  readonly chatRequestHandler?: vscode.ChatRequestHandler;
}

export function activate(context: vscode.ExtensionContext): SwitchboardApi {
  const started = performance.now();

  const log = vscode.window.createOutputChannel('Switchboard', { log: true });
  const settings = new SettingsService(log);
  const keys = new KeyStore(context.secrets);
  const providerEngineHost = new ProviderEngineHost(
    settings,
    keys,
    context.globalState,
    log,
    context.globalStorageUri.fsPath,
    lazyHostModels(),
  );
  const catalog = new ModelCatalog(providerEngineHost, keys);
  // Errors name a provider by its label ("OpenAI"); wording an error loads the engine anyway (its templates are there).
  setProviderLabels((id) => providerEngineHost.get().entry(id)?.label);
  // Set / Remove API Key live in the lazily loaded dist/chatCommands.js: activation only needs their ids.
  let apiKeyCommands: ApiKeyCommands | undefined;
  const apiKeys = (): ApiKeyCommands =>
    (apiKeyCommands ??= new (loadChatCommands().ApiKeyCommands)(providerEngineHost, keys, log, () => catalog.clear()));
  context.subscriptions.push(log, settings, providerEngineHost);
  context.subscriptions.push(settings.onDidChange(() => catalog.clear()));
  context.subscriptions.push(context.secrets.onDidChange(() => catalog.clear()));

  const editors = new LastEditorTracker();
  const proposals = new ProposalDocuments();
  const reviews = new ChangeReviews(proposals);
  context.subscriptions.push(
    editors,
    proposals,
    reviews,
    reviews.registerCommands(),
    vscode.workspace.registerTextDocumentContentProvider(ProposalDocuments.scheme, proposals),
  );
  // The store (in the engine bundle) is built, and touches the disk, only when the chat first needs it.
  const store = new LazyConversationStore(
    () =>
      new (providerEngineHost.module().ConversationStore)({
        directory: path.join(context.globalStorageUri.fsPath, 'conversations'),
        log: (message) => log.info(message),
        onProblem: (message) => log.warn(message),
        // A save that met another window's changes (merged, or kept as a copy): the chat tells the user.
        onConcurrentChange: (result) => chat.open.tellConcurrentChange(result),
      }),
  );
  // The open conversation and the draft are this window's (workspace state), so two windows never share them.
  const chat = new ChatController({
    store,
    host: providerEngineHost,
    settings,
    catalog,
    state: context.workspaceState,
    log,
    editors,
    attachmentsDirectory: path.join(context.globalStorageUri.fsPath, 'attachments'),
    reviews,
    writeConversationMarkdown: (conversation, target) => loadChatCommands().writeConversationMarkdown(conversation, target),
  });
  context.subscriptions.push(chat);
  // Spend (docs/spend.md): the ledger, its status bar item and view load on first need (spendFeature.ts).
  const spend = new SpendFeature({ globalStorageUri: context.globalStorageUri, extensionUri: context.extensionUri, log });
  context.subscriptions.push(spend);
  // Prices, cost and budgets (docs/spend.md): answers, images and completions are priced and recorded in the ledger.
  const pricing = new Pricing({ host: providerEngineHost, settings, recorder: () => spend.recorder(), state: context.globalState, log });
  chat.pricing = pricing;
  // Subscriptions are disposed without waiting; deactivate() waits for the answer being saved, then for the ledger.
  shutdown = () => chat.dispose().finally(() => Promise.all([spend.flush(), providerEngineHost.flush()]));
  // Generating, editing and animating images: a bundle of its own, loaded on first use (imageFeature.ts).
  const images = new ImageFeature({ host: providerEngineHost, keys, settings, state: context.globalState, editors, log, pricing });
  chat.imageGenerator = (prompt, signal) => images.generator.forChat(prompt, signal);
  chat.images.insertReference = async (image, alt) => {
    await images.generator.insertReference([image], alt);
  };
  // `switchboard_generateImage` for any chat in VS Code (Copilot Chat, other agents); absent on editors without lm tools.
  const imageTool = registerGenerateImageTool({ images, settings, log });
  if (imageTool) context.subscriptions.push(imageTool);
  // `@switchboard` in VS Code's Chat and Switchboard's models in its picker, where the editor has them.
  const chatRequestHandler = registerVscodeChat({ context, host: providerEngineHost, settings, catalog, images, editors, log, pricing });
  const chatView = new ChatViewProvider(
    context.extensionUri,
    log,
    chat,
    new CodeBlockActions({
      editors,
      reviews,
      engine: () => providerEngineHost.module(),
      questionFiles: (id) => chat.context.questionFiles(id),
    }),
    context.globalStorageUri,
  );
  context.subscriptions.push(
    vscode.window.registerWebviewViewProvider(ChatViewProvider.viewId, chatView, {
      webviewOptions: { retainContextWhenHidden: false },
    }),
  );
  context.subscriptions.push(createModelStatusItem(settings));
  // Inline completions: off until a completion model is chosen; the work loads with the first request.
  const completions = new CompletionsFeature({ host: providerEngineHost, settings, catalog, memento: context.globalState, log, pricing });
  context.subscriptions.push(completions);
  // The selection commands' work loads with the apply-code bundle on first use.
  const selection = new SelectionFeature({ host: providerEngineHost, settings, chat, chatView, editors, reviews, log });
  context.subscriptions.push(
    vscode.languages.registerCodeActionsProvider({ scheme: 'file' }, new SelectionCodeActions(), {
      providedCodeActionKinds: SelectionCodeActions.kinds,
    }),
    vscode.languages.registerCodeActionsProvider({ scheme: 'untitled' }, new SelectionCodeActions(), {
      providedCodeActionKinds: SelectionCodeActions.kinds,
    }),
  );
  registerCommands(context, {
    log,
    settings,
    catalog,
    apiKeys,
    chat,
    chatView,
    editors,
    images,
    selection,
    completions,
  });

  const activationMs = performance.now() - started;
  log.info(`Switchboard ${String(context.extension.packageJSON.version)} activated in ${activationMs.toFixed(2)} ms`);
  return { activationMs, ...(chatRequestHandler ? { chatRequestHandler } : {}) };
}

/** Stops the answer being streamed and writes every pending save of the chat (set by activate). */
let shutdown: (() => Promise<void>) | undefined;

/**
 * VS Code waits for the returned promise (for a while) before the extension host goes away: without it, an answer
 * that finished just before a reload could be lost with the store's batched save. Everything else is disposed
 * through context.subscriptions.
 */
export function deactivate(): Promise<void> | undefined {
  const pending = shutdown?.();
  shutdown = undefined;
  return pending;
}
