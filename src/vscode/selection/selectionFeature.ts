// The selection commands as activation sees them (docs/editor-commands.md): their arguments and a façade whose
// methods build SelectionCommands on first use. The commands' work lives in the lazily loaded chat-commands bundle
// (dist/chatCommands.js, src/vscode/chat/loadChatCommands.ts); an edit of the selection then loads the apply-code
// bundle for its review.
import type * as vscode from 'vscode';
import type { ChatController } from '../chat/chatController';
import type { LastEditorTracker } from '../chat/lastEditorTracker';
import type { ChatViewProvider } from '../chatViewProvider';
import type { ChangeReviews } from '../edits/changeReviews';
import type { ProviderEngineHost } from '../engine/providerEngineHost';
import type { SettingsService } from '../settings/settingsService';
import type { EditOutcome, SelectionCommandArgs, SelectionCommands } from './selectionCommands';
import { loadChatCommands } from '../chat/loadChatCommands';

export type { EditOutcome, SelectionCommandArgs };

export interface SelectionFeatureDeps {
  host: ProviderEngineHost;
  settings: SettingsService;
  chat: ChatController;
  chatView: ChatViewProvider;
  editors: LastEditorTracker;
  reviews: ChangeReviews;
  log: vscode.LogOutputChannel;
}

export class SelectionFeature {
  private commands: SelectionCommands | undefined;

  constructor(private readonly deps: SelectionFeatureDeps) {}

  explain(args?: SelectionCommandArgs): Promise<void> {
    return this.load().explain(args);
  }

  ask(): Promise<void> {
    return this.load().ask();
  }

  refactor(args?: SelectionCommandArgs): Promise<EditOutcome> {
    return this.load().refactor(args);
  }

  fix(args?: SelectionCommandArgs): Promise<EditOutcome> {
    return this.load().fix(args);
  }

  document(args?: SelectionCommandArgs): Promise<EditOutcome> {
    return this.load().document(args);
  }

  generateTests(args?: SelectionCommandArgs): Promise<vscode.Uri | undefined> {
    return this.load().generateTests(args);
  }

  private load(): SelectionCommands {
    const { host, settings, chat, chatView, editors, reviews, log } = this.deps;
    this.commands ??= new (loadChatCommands().SelectionCommands)(host, settings, chat, chatView, editors, reviews, log);
    return this.commands;
  }
}
