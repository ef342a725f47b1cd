// What the chat can be pointed at (docs/chat.md, "Workspace context"): the `@` picker's sources and file list, Add
// to Chat and drops, the active editor's file offered as a chip, the project's instructions on every turn, and
// opening what a chip refers to. The sources themselves live in src/vscode/context/; this class connects them to the
// chat's ContextTray and view.
import { existsSync } from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { ContextItem } from '../../core/conversations/messagePart';
import { contextsOf } from '../../core/conversations/messagePart';
import type { ProviderEngineHost } from '../engine/providerEngineHost';
import type { SettingsService } from '../settings/settingsService';
import { activeFileContextSource } from '../context/activeFileContextSource';
import { contextSourceForUri } from '../context/contextSourceForUri';
import type { ContextSourceDeps } from '../context/contextSourceDeps';
import { gitChangesContextSource } from '../context/gitChangesContextSource';
import type { PendingContext } from '../context/pendingContext';
import { problemsContextSource } from '../context/problemsContextSource';
import { projectInstructionsSources } from '../context/projectInstructionsSources';
import { selectionContextSource } from '../context/selectionContextSource';
import { terminalContextSource } from '../context/terminalContextSource';
import { TerminalOutputTracker } from '../context/terminalOutputTracker';
import { WorkspaceFileIndex } from '../context/workspaceFileIndex';
import type { ChatViewPort } from './chatViewPort';
import { isImageFile } from './chatImages';
import type { ContextTray } from './contextTray';
import type { LastEditorTracker } from './lastEditorTracker';
import type { OpenConversation } from './openConversation';

/** The `@` picker shows this many workspace files and folders at most. */
const suggestionLimit = 30;

export type EditorContextKind = 'selection' | 'file' | 'problems' | 'terminal' | 'diff';

export class ChatContext implements vscode.Disposable {
  readonly deps: ContextSourceDeps;
  private readonly terminals = new TerminalOutputTracker();
  private readonly files: WorkspaceFileIndex;
  private readonly subscriptions: vscode.Disposable[] = [];
  private lastQuery: { requestId: number; query: string } | undefined;
  /**
   * Set once a view has shown the chat: until then, switching editors or changing settings reads nothing (reading a
   * chip's file loads the engine bundle, which a user who never opens the chat should not pay for).
   */
  private started = false;

  constructor(
    private readonly tray: ContextTray,
    private readonly port: ChatViewPort,
    private readonly open: OpenConversation,
    private readonly editors: LastEditorTracker,
    private readonly settings: SettingsService,
    host: ProviderEngineHost,
    log: vscode.LogOutputChannel,
    /** Image files go to the chat as images, not as text (ChatImages.attachFiles). */
    private readonly attachImages: (uris: readonly vscode.Uri[]) => Promise<void> = () => Promise.resolve(),
  ) {
    this.deps = { engine: () => host.module(), exclude: () => settings.settings.contextExclude };
    this.files = new WorkspaceFileIndex(() => host.module(), log);
    this.subscriptions.push(
      this.terminals,
      this.files,
      // More files became known (indexing went on, a file was created): the open picker asks again.
      this.files.onDidUpdate(() => {
        if (this.lastQuery) this.query(this.lastQuery.requestId, this.lastQuery.query);
      }),
      vscode.window.onDidChangeActiveTextEditor(() => {
        if (this.started) void this.offerActiveFile();
      }),
      vscode.workspace.onDidGrantWorkspaceTrust(() => {
        if (this.started) void this.refreshInstructions();
      }),
      vscode.workspace.onDidChangeWorkspaceFolders(() => {
        if (this.started) void this.refreshInstructions();
      }),
      settings.onDidChange(() => {
        if (this.started) void this.refreshInstructions();
      }),
    );
  }

  /** The view is (again) ready: offer the active file, attach the project's instructions. */
  async start(): Promise<void> {
    this.started = true;
    await Promise.all([this.offerActiveFile(), this.refreshInstructions()]);
  }

  /** `@selection`, `@file`, `@problems`, `@terminal`, `@changes`. */
  async addFromEditor(kind: EditorContextKind, activeFileOnly = false): Promise<void> {
    const editor = this.editors.editor;
    let source: PendingContext | undefined;
    switch (kind) {
      case 'problems':
        source = problemsContextSource(activeFileOnly && editor ? editor.document.uri : 'all', this.deps);
        break;
      case 'terminal':
        source = terminalContextSource(this.terminals);
        break;
      case 'diff':
        source = gitChangesContextSource(this.deps);
        break;
      case 'selection':
      case 'file':
        if (!editor) {
          this.port.notice(vscode.l10n.t('Open a file first: the context comes from the active editor.'), 'warning');
          return;
        }
        source = kind === 'file' ? activeFileContextSource(editor.document, this.deps) : selectionContextSource(editor, this.deps);
        if (!source) {
          this.port.notice(vscode.l10n.t('Nothing is selected in {0}.', vscode.workspace.asRelativePath(editor.document.uri)), 'warning');
          return;
        }
        break;
    }
    await this.tray.add([source]);
  }

  /** Files and folders by URI (the `@` picker, a drop on the view, Add to Chat). */
  async addUris(uris: readonly (string | vscode.Uri)[]): Promise<void> {
    const parsed = uris.flatMap((uri) => {
      if (typeof uri !== 'string') return [uri];
      try {
        return [vscode.Uri.parse(uri, true)];
      } catch {
        return [];
      }
    });
    const images = parsed.filter(isImageFile);
    const others = parsed.filter((uri) => !isImageFile(uri));
    if (others.length > 0) await this.tray.add(await Promise.all(others.map((uri) => contextSourceForUri(uri, this.deps))));
    await this.attachImages(images);
  }

  /** The `@` picker's query: the best workspace files and folders known now (never waiting for the file search). */
  query(requestId: number, query: string): void {
    this.lastQuery = { requestId, query };
    const { items, indexing } = this.files.query(query, suggestionLimit);
    this.port.post({ type: 'contextSuggestions', requestId, items, indexing });
  }

  /** Opens what a chip refers to: a waiting chip through its source, a sent one from what the message stored. */
  async openChip(contextId: string, messageId: string | undefined): Promise<void> {
    if (messageId === undefined) {
      await this.tray.open(contextId);
      return;
    }
    const message = this.open.current.messages.find((candidate) => candidate.id === messageId);
    const index = Number(contextId.slice(messageId.length + 1));
    const item = message ? contextsOf(message.parts)[index] : undefined;
    if (item) await openStoredContext(item);
  }

  /**
   * The files the question before answer `answerId` was about (its file and selection chips), for applying the
   * answer's code when a block names no file of its own.
   */
  questionFiles(answerId: string): vscode.Uri[] {
    const messages = this.open.current.messages;
    const index = messages.findIndex((message) => message.id === answerId);
    const question = messages
      .slice(0, Math.max(0, index))
      .reverse()
      .find((message) => message.role === 'user');
    if (!question) return [];
    return contextsOf(question.parts)
      .filter((item) => (item.kind === 'file' || item.kind === 'selection') && item.path !== undefined)
      .flatMap((item) => {
        const uri = existingInWorkspace(item.path ?? '');
        return uri ? [uri] : [];
      });
  }

  dispose(): void {
    for (const subscription of this.subscriptions) subscription.dispose();
  }

  /** The active editor's file as a suggested chip (again after a send took the attached one). */
  async offerActiveFile(): Promise<void> {
    const document = vscode.window.activeTextEditor?.document;
    // Output panels and the like are editors too, but not anything a person means by "the current file".
    const offered = document && (document.uri.scheme === 'file' || document.uri.scheme === 'untitled') ? document : undefined;
    await this.tray.suggest(offered ? activeFileContextSource(offered, this.deps) : undefined);
  }

  private async refreshInstructions(): Promise<void> {
    const sources = await projectInstructionsSources({ ...this.deps, enabled: () => this.settings.settings.projectInstructions });
    await this.tray.setInstructions(sources);
  }
}

/** Opens the file, folder or view a stored context item came from. */
async function openStoredContext(item: ContextItem): Promise<void> {
  switch (item.kind) {
    case 'problems':
      await vscode.commands.executeCommand('workbench.actions.view.problems');
      return;
    case 'terminal':
      await vscode.commands.executeCommand('workbench.action.terminal.focus');
      return;
    case 'diff':
      await vscode.commands.executeCommand('workbench.view.scm');
      return;
    case 'file':
    case 'folder':
    case 'selection':
    case 'instructions': {
      const uri = item.path !== undefined ? await findInWorkspace(item.path) : undefined;
      if (!uri) return;
      if (item.kind === 'folder') {
        await vscode.commands.executeCommand('revealInExplorer', uri);
        return;
      }
      const line = Math.max(0, (item.startLine ?? 1) - 1);
      await vscode.window.showTextDocument(uri, { selection: new vscode.Range(line, 0, line, 0), preview: true });
    }
  }
}

/** A stored path is data from disk: it may name a file inside a workspace folder, never one outside. */
function staysInFolder(relative: string): boolean {
  return !path.isAbsolute(relative) && !relative.split(/[\\/]/).includes('..');
}

/** A stored path as the URI of the first workspace folder (on disk) that has it, without waiting. */
function existingInWorkspace(relative: string): vscode.Uri | undefined {
  if (!staysInFolder(relative)) return undefined;
  const folders = vscode.workspace.workspaceFolders ?? [];
  for (const folder of folders) {
    const uri = vscode.Uri.joinPath(folder.uri, relative);
    if (uri.scheme === 'file' && existsSync(uri.fsPath)) return uri;
  }
  return folders[0] ? vscode.Uri.joinPath(folders[0].uri, relative) : undefined;
}

/** A stored (workspace-relative) path as a URI of the first workspace folder that has it. */
async function findInWorkspace(relative: string): Promise<vscode.Uri | undefined> {
  if (!staysInFolder(relative)) return undefined;
  for (const folder of vscode.workspace.workspaceFolders ?? []) {
    const uri = vscode.Uri.joinPath(folder.uri, relative);
    try {
      await vscode.workspace.fs.stat(uri);
      return uri;
    } catch {
      // Not in this folder.
    }
  }
  return undefined;
}
