// Switchboard inside VS Code's own Chat (docs/vscode-chat.md), registered at activation where the editor has the API:
// the `@switchboard` participant (`vscode.chat.createChatParticipant`, 1.90 on) and Switchboard's models for VS
// Code's model picker and other extensions (`vscode.lm.registerLanguageModelChatProvider`, 1.104 on). Both are
// feature-detected, so an older editor activates without them and without an error. What they do lives in the
// vscodeLm bundle (loadVscodeLm.ts), loaded on the first request: the stand-ins here only forward.
import * as vscode from 'vscode';
import type { LastEditorTracker } from '../chat/lastEditorTracker';
import type { ProviderEngineHost } from '../engine/providerEngineHost';
import type { ImageFeature } from '../images/imageFeature';
import type { ModelCatalog } from '../models/modelCatalog';
import type { Pricing } from '../pricing/pricing';
import type { SettingsService } from '../settings/settingsService';
import type { ChatParticipantHandler } from './chatParticipantHandler';
import { loadVscodeLm } from './loadVscodeLm';
import type { SwitchboardChatModelProvider } from './switchboardChatModelProvider';
import { participantId, switchboardVendor } from './vscodeChatIds';

export interface VscodeChatDeps {
  context: vscode.ExtensionContext;
  host: ProviderEngineHost;
  settings: SettingsService;
  catalog: ModelCatalog;
  images: ImageFeature;
  editors: LastEditorTracker;
  /** Budgets and the spend ledger: answers made here count like the chat view's. */
  pricing: Pricing;
  log: vscode.LogOutputChannel;
}

/** Registers what this editor supports; returns the participant's handler when there is one (SwitchboardApi). */
export function registerVscodeChat(deps: VscodeChatDeps): vscode.ChatRequestHandler | undefined {
  const { context, log } = deps;
  // Typed as possibly missing: `engines` may admit an editor whose API lacks them, whatever the typings say.
  const chat = (vscode as { chat?: Partial<typeof vscode.chat> }).chat;
  const lm = (vscode as { lm?: Partial<typeof vscode.lm> }).lm;

  // Another extension added or withdrew a model: Switchboard's pickers list VS Code's models again.
  if (typeof lm?.onDidChangeChatModels === 'function') {
    context.subscriptions.push(lm.onDidChangeChatModels(() => deps.catalog.forgetVscodeModels()));
  }
  if (typeof lm?.registerLanguageModelChatProvider === 'function') {
    let provider: SwitchboardChatModelProvider | undefined;
    const load = (): SwitchboardChatModelProvider => (provider ??= new (loadVscodeLm().SwitchboardChatModelProvider)(deps));
    const changed = new vscode.EventEmitter<void>();
    // A key or provider setting changed: the models on offer may have too (ModelCatalog forgets its lists then).
    context.subscriptions.push(
      changed,
      deps.settings.onDidChange(() => changed.fire()),
      context.secrets.onDidChange(() => changed.fire()),
      lm.registerLanguageModelChatProvider(switchboardVendor, {
        onDidChangeLanguageModelChatInformation: changed.event,
        provideLanguageModelChatInformation: (options, token) => load().provideLanguageModelChatInformation(options, token),
        provideLanguageModelChatResponse: (model, messages, options, progress, token) =>
          load().provideLanguageModelChatResponse(model, messages, options, progress, token),
        provideTokenCount: (model, text, token) => load().provideTokenCount(model, text, token),
      }),
    );
  } else {
    log.info('This editor cannot take language models from extensions (vscode.lm.registerLanguageModelChatProvider)');
  }

  if (typeof chat?.createChatParticipant !== 'function') {
    log.info('This editor has no chat participants (vscode.chat.createChatParticipant): @switchboard is not registered');
    return undefined;
  }
  let handler: ChatParticipantHandler | undefined;
  const loadHandler = (): ChatParticipantHandler => (handler ??= new (loadVscodeLm().ChatParticipantHandler)(deps));
  const handle: vscode.ChatRequestHandler = (request, chatContext, stream, token) =>
    loadHandler().handle(request, chatContext, stream, token);
  const participant = chat.createChatParticipant(participantId, handle);
  participant.iconPath = vscode.Uri.joinPath(context.extensionUri, 'media', 'icon.png');
  participant.followupProvider = { provideFollowups: (result) => loadVscodeLm().participantFollowups(result) };
  context.subscriptions.push(participant);
  return handle;
}
