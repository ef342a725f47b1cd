import * as vscode from 'vscode';
import type { ChatController } from './chat/chatController';
import type { LastEditorTracker } from './chat/lastEditorTracker';
import type { ChatViewProvider } from './chatViewProvider';
import type { GenerateImageArgs } from './images/imageGenerator';
import type { ImageFeature } from './images/imageFeature';
import type { SelectionCommandArgs, SelectionFeature } from './selection/selectionFeature';
import type { ApiKeyCommandArgs, ApiKeyCommands } from './keys/apiKeyCommands';
import type { ModelCatalog } from './models/modelCatalog';
import type { SelectModelArgs } from './models/selectModelCommand';
import { loadChatCommands } from './chat/loadChatCommands';
import type { ExportConversationArgs } from './chat/exportConversationCommand';
import type { SettingsService } from './settings/settingsService';
import { describeError } from './errors/describeError';
import { addToChatCommand } from './context/addToChatCommand';
import type { CompletionsFeature } from './completions/completionsFeature';
import { errorDetail } from '../core/errors/errorFactories';

export interface CommandServices {
  log: vscode.LogOutputChannel;
  settings: SettingsService;
  catalog: ModelCatalog;
  /** Built on first use (dist/chatCommands.js). */
  apiKeys: () => ApiKeyCommands;
  chat: ChatController;
  chatView: ChatViewProvider;
  editors: LastEditorTracker;
  images: ImageFeature;
  selection: SelectionFeature;
  completions: CompletionsFeature;
}

export interface ChatCommandArgs {
  /** `switchboard.newChat` / `openChat`: put this text into the input (not sent). */
  draft?: string;
}

/**
 * Registers every `switchboard.*` command. Each handler is small and delegates to an adapter. A command that
 * fails shows its error instead of failing silently, and still rejects for callers of executeCommand.
 */
export function registerCommands(context: vscode.ExtensionContext, services: CommandServices): void {
  // `more`: the explorer's context menu passes the clicked file and then the whole multi-selection.
  const register = <A>(id: string, handler: (args?: A, more?: unknown) => unknown): void => {
    context.subscriptions.push(
      vscode.commands.registerCommand(id, async (args?: A, more?: unknown) => {
        try {
          return await handler(args, more);
        } catch (error) {
          services.log.error(`${id} failed: ${errorDetail(error)}`);
          void vscode.window.showErrorMessage(describeError(error));
          throw error;
        }
      }),
    );
  };

  // Reveals the view and puts the focus in its input, so what is typed next lands there (also its keybinding).
  register('switchboard.openChat', () => services.chatView.reveal({ focusInput: true }));

  // The chat view's title bar (docs/chat.md): the conversation history and Export, from dist/chatCommands.js.
  register('switchboard.showChatHistory', () =>
    loadChatCommands().showChatHistory({
      history: services.chat.history,
      revealChat: () => services.chatView.reveal({ focusInput: true }),
    }),
  );
  register<ExportConversationArgs>('switchboard.exportConversation', (args) =>
    loadChatCommands().exportConversation(
      { history: services.chat.history, messageCount: () => services.chat.current.messages.length, log: services.log },
      args,
    ),
  );

  // Files and folders (a Uri, a Uri[] or URI strings; none: the active editor's file) become chips in the chat.
  const addToChat = addToChatCommand({
    ...services.chat.context.deps,
    add: async (sources) => {
      await services.chatView.reveal();
      await services.chat.contexts.add(sources);
    },
    addImages: (uris) => services.chat.images.attachFiles(uris),
  });
  register('switchboard.addToChat', (first?: unknown, all?: unknown) => addToChat(first, all));

  // Inline completions (docs/completions.md): on/off, the snooze menu (also the status item's click), the model.
  register('switchboard.toggleCompletions', () => services.completions.toggle());
  register('switchboard.snoozeCompletions', (minutes?: unknown) =>
    services.completions.snoozeMenu(typeof minutes === 'number' ? minutes : undefined),
  );
  register('switchboard.selectCompletionModel', (model?: unknown) =>
    services.completions.selectModel(typeof model === 'string' ? model : undefined),
  );
  // Run by VS Code when a suggestion is accepted (the item's command): counted on this machine only.
  register('switchboard.completions.accepted', () => services.completions.accepted());

  // "Always allow read-only tools in this workspace", taken back (the tool cards' "Ask again" does the same).
  register('switchboard.resetToolApprovals', () => services.chat.tools.revoke());

  register('switchboard.newChat', async () => {
    await services.chatView.reveal({ focusInput: true });
    await services.chat.actions.newChat();
    return services.chat.current.id;
  });

  register('switchboard.askAboutSelection', () => services.selection.ask());
  register<SelectionCommandArgs>('switchboard.explainSelection', (args) => services.selection.explain(args));
  register<SelectionCommandArgs>('switchboard.refactorSelection', (args) => services.selection.refactor(args));
  register<SelectionCommandArgs>('switchboard.fixSelection', (args) => services.selection.fix(args));
  register<SelectionCommandArgs>('switchboard.documentSelection', (args) => services.selection.document(args));
  register<SelectionCommandArgs>('switchboard.generateTests', (args) => services.selection.generateTests(args));

  register<GenerateImageArgs>('switchboard.generateImage', (args) => services.images.generator.command(args));
  // The explorer's context menu passes the clicked image's Uri; keybindings and tasks pass an argument object.
  register('switchboard.editImage', (first?: unknown) => services.images.edit.run(first));
  register('switchboard.animateImage', (first?: unknown) => services.images.animate.run(first));

  register('switchboard.showLog', () => {
    services.log.show(true);
  });

  register<SelectModelArgs>('switchboard.selectModel', (args) => loadChatCommands().selectModel(services.catalog, services.settings, args));
  register<ApiKeyCommandArgs>('switchboard.setApiKey', (args) => services.apiKeys().setApiKey(args));
  register<ApiKeyCommandArgs>('switchboard.removeApiKey', (args) => services.apiKeys().removeApiKey(args));
}
