// The chat panel: a webview view in the Switchboard activity-bar container. It only hosts the webview and routes
// its (validated) messages; the ChatController holds the state.
import * as vscode from 'vscode';
import { errorDetail } from '../core/errors/errorFactories';
import { createNonce, readWebviewStringTable, renderWebviewDocument } from '../core/webviewDocument';
import { assertNever } from '../shared/assertNever';
import {
  parseWebviewToExtensionMessage,
  type ErrorAction,
  type ExtensionToWebviewMessage,
  type SlashCommand,
  type WebviewToExtensionMessage,
} from '../shared/webviewProtocol';
import type { ChatController } from './chat/chatController';
import type { CodeBlockActions } from './chat/codeBlockActions';
import { describeError } from './errors/describeError';
import { openBudgetSettings } from './pricing/pricing';

/** The chat's `/` commands and the selection commands they run (on the last editor the user worked in). */
const slashCommands: Record<SlashCommand, string> = {
  explain: 'switchboard.explainSelection',
  refactor: 'switchboard.refactorSelection',
  fix: 'switchboard.fixSelection',
  document: 'switchboard.documentSelection',
  tests: 'switchboard.generateTests',
};

export class ChatViewProvider implements vscode.WebviewViewProvider {
  static readonly viewId = 'switchboard.chatView';

  private view: vscode.WebviewView | undefined;
  /** The last model pick, still being written to the settings. */
  private modelSelection: Promise<void> = Promise.resolve();
  /** Open Chat asked for the input's focus while the webview was (re)loading: done once it is ready. */
  private focusInputWhenReady: (() => void) | undefined;

  constructor(
    private readonly extensionUri: vscode.Uri,
    private readonly log: vscode.LogOutputChannel,
    private readonly chat: ChatController,
    private readonly codeActions: CodeBlockActions,
    /** The extension's global storage (attachments live in its `attachments` folder). */
    private readonly storageUri: vscode.Uri,
  ) {}

  resolveWebviewView(webviewView: vscode.WebviewView): void {
    this.view = webviewView;
    const webview = webviewView.webview;
    const distUri = vscode.Uri.joinPath(this.extensionUri, 'dist');
    const mediaUri = vscode.Uri.joinPath(this.extensionUri, 'media');
    webview.options = {
      enableScripts: true,
      enableCommandUris: false,
      localResourceRoots: [
        distUri,
        mediaUri,
        // Images attached to messages (their thumbnails), stored by the extension (ChatImages).
        vscode.Uri.joinPath(this.storageUri, 'attachments'),
        ...(vscode.workspace.workspaceFolders ?? []).map((folder) => folder.uri),
      ],
    };
    webview.html = renderWebviewDocument({
      cspSource: webview.cspSource,
      nonce: createNonce(),
      scriptUri: webview.asWebviewUri(vscode.Uri.joinPath(distUri, 'webview.js')).toString(),
      styleUris: [webview.asWebviewUri(vscode.Uri.joinPath(distUri, 'webview.css')).toString()],
      lang: vscode.env.language,
      title: vscode.l10n.t('Switchboard Chat'),
      // The view's strings in the display language (l10n/webview.<lang>.json); English is built into the view.
      strings: readWebviewStringTable(vscode.Uri.joinPath(this.extensionUri, 'l10n').fsPath, vscode.env.language),
    });
    webviewView.onDidDispose(() => {
      if (this.view === webviewView) {
        this.view = undefined;
        this.chat.port.detach();
      }
    });
    webview.onDidReceiveMessage((data: unknown) => this.receive(data));
  }

  /**
   * Reveals the view (`<viewId>.focus`, the command VS Code generates for every view). With `focusInput`, the focus
   * then goes into the chat's input, so text typed right after Open Chat lands there: a hidden view's webview is
   * loaded anew when shown (it is not retained), so the request is posted once that webview reports ready.
   */
  async reveal(options: { focusInput?: boolean } = {}): Promise<void> {
    const running = this.view?.visible === true && this.chat.port.attached;
    // Resolves once the input has the focus: the command then ends after it, so whatever runs next (the next
    // command, the next keystroke) is not interrupted by a focus arriving late. A webview that never reports ready
    // gets no focus after a while, rather than taking it much later.
    const focused =
      !options.focusInput || running
        ? undefined
        : new Promise<void>((resolve) => {
            const done = (): void => {
              clearTimeout(timer);
              if (this.focusInputWhenReady === done) this.focusInputWhenReady = undefined;
              resolve();
            };
            const timer = setTimeout(done, 10_000);
            this.focusInputWhenReady?.();
            this.focusInputWhenReady = done;
          });
    await vscode.commands.executeCommand(`${ChatViewProvider.viewId}.focus`);
    if (options.focusInput && running) this.post({ type: 'focusInput' });
    await focused;
  }

  private receive(data: unknown): void {
    const parsed = parseWebviewToExtensionMessage(data);
    if (!parsed.ok) {
      this.log.warn(`Ignored a malformed message from the chat view: ${parsed.error}`);
      return;
    }
    this.handle(parsed.message).catch((error: unknown) => {
      this.log.error(`Chat view ${parsed.message.type}: ${errorDetail(error)}`);
      this.post({ type: 'notice', level: 'error', text: describeError(error) });
    });
  }

  private async handle(message: WebviewToExtensionMessage): Promise<void> {
    switch (message.type) {
      case 'ready':
        await this.chat.attach(
          {
            post: (outgoing) => this.post(outgoing),
            imageSrc: (file) => this.view?.webview.asWebviewUri(vscode.Uri.file(file)).toString(),
          },
          String(vscode.extensions.getExtension('switchboard.switchboard')?.packageJSON.version ?? ''),
        );
        if (this.focusInputWhenReady) {
          this.post({ type: 'focusInput' });
          this.focusInputWhenReady();
        }
        return;
      case 'reportError':
        this.log.error(`Chat view: ${message.message}`);
        return;
      case 'send':
        // A send right after a model was picked (the "Use …" button of a notice posts both) goes to the new model.
        await this.modelSelection;
        await this.chat.actions.send(message.text);
        return;
      case 'stop':
        await this.chat.actions.stop();
        return;
      case 'regenerate':
        await this.chat.actions.regenerate();
        return;
      case 'askFresh':
        await this.chat.actions.askFresh(message.messageId);
        return;
      case 'editAndResend':
        await this.chat.actions.editAndResend(message.messageId, message.text);
        return;
      case 'undoEdit':
        await this.chat.actions.undoEdit();
        return;
      case 'newChat':
        await this.chat.actions.newChat();
        return;
      case 'openConversation':
        await this.chat.history.show(message.conversationId);
        return;
      case 'renameConversation':
        await this.chat.history.rename(message.conversationId, message.title);
        return;
      case 'deleteConversation':
        await this.chat.history.delete(message.conversationId);
        return;
      case 'exportConversation': {
        const uri = await this.chat.history.export();
        if (uri) this.chat.port.notice(vscode.l10n.t('Exported to {0}', vscode.workspace.asRelativePath(uri)));
        return;
      }
      case 'requestConversations':
        await this.chat.history.list();
        return;
      case 'requestModels':
        await this.chat.models.request(message.refresh);
        return;
      case 'selectModel': {
        const selection = this.chat.models.select(message.model);
        this.modelSelection = selection.catch(() => undefined);
        await selection;
        return;
      }
      case 'addContext':
        await this.chat.context.addFromEditor(message.kind, message.activeFile === true);
        return;
      case 'addContextUris':
        await this.chat.context.addUris(message.uris);
        return;
      case 'acceptContext':
        this.chat.contexts.accept(message.contextId);
        return;
      case 'removeContext':
        this.chat.contexts.remove(message.contextId);
        return;
      case 'openContext':
        await this.chat.context.openChip(message.contextId, message.messageId);
        return;
      case 'queryContext':
        this.chat.context.query(message.requestId, message.query);
        return;
      case 'slashCommand':
        await vscode.commands.executeCommand(slashCommands[message.command]);
        return;
      case 'applyAll': {
        const answer = this.chat.current.messages.find((candidate) => candidate.id === message.messageId);
        const text = answer ? answer.parts.map((part) => (part.type === 'text' ? part.text : '')).join('') : '';
        const result = await this.codeActions.applyAll(text, message.messageId);
        if (result) this.chat.port.notice(result);
        return;
      }
      case 'codeAction': {
        const result = await this.codeActions.run(message.action, message.code, message.language, message.info, message.messageId);
        if (result) this.chat.port.notice(result);
        return;
      }
      case 'openLink':
        await this.openLink(message.href);
        return;
      case 'errorAction':
        await this.errorAction(message.action, message.messageId);
        return;
      case 'draftChanged':
        await this.chat.actions.saveDraft(message.text);
        return;
      case 'attachImage':
        await this.chat.images.attachDownscaled(message);
        return;
      case 'imageAction':
        await this.chat.images.action(message.action, message.path, message.messageId);
        return;
      case 'toolDecision':
        this.chat.tools.decide(message.callId, message.decision);
        return;
      case 'revokeToolApprovals':
        await this.chat.tools.revoke();
        return;
      case 'loadEarlier':
        await this.chat.open.ready();
        this.chat.open.showEarlier(message, this.chat.busy);
        return;
      default:
        assertNever(message, 'chat view message');
    }
  }

  /** Model output is untrusted: only web links open, after VS Code's own confirmation; other schemes are refused. */
  private async openLink(href: string): Promise<void> {
    let uri: vscode.Uri;
    try {
      uri = vscode.Uri.parse(href, true);
    } catch {
      this.chat.port.notice(vscode.l10n.t('Not a valid link: {0}', href), 'warning');
      return;
    }
    if (uri.scheme !== 'http' && uri.scheme !== 'https') {
      this.log.warn(`Refused to open a ${uri.scheme}: link from the chat`);
      this.chat.port.notice(
        vscode.l10n.t('Switchboard opens only http and https links from the chat; this one is {0}:.', uri.scheme),
        'warning',
      );
      return;
    }
    await vscode.env.openExternal(uri);
  }

  private async errorAction(action: ErrorAction, messageId: string | undefined): Promise<void> {
    switch (action) {
      case 'setKey': {
        // The key of the provider that rejected it, without asking which one.
        const answer = this.chat.current.messages.find((m) => m.id === messageId);
        const provider = answer?.role === 'assistant' ? answer.provider : undefined;
        await vscode.commands.executeCommand('switchboard.setApiKey', ...(provider !== undefined ? [{ provider }] : []));
        return;
      }
      case 'openSettings':
        await vscode.commands.executeCommand('workbench.action.openSettings', '@ext:switchboard.switchboard');
        return;
      case 'retry':
        await this.chat.actions.retry(messageId);
        return;
      case 'switchModel':
        await vscode.commands.executeCommand('switchboard.selectModel');
        return;
      case 'openLog':
        await vscode.commands.executeCommand('switchboard.showLog');
        return;
      // A request a budget held back (docs/spend.md "Budgets"): raise it in the settings, or send this one request.
      case 'raiseBudget':
        await openBudgetSettings();
        return;
      case 'sendAnyway':
        this.chat.pricing?.allowOnce();
        await this.chat.actions.retry(messageId);
        return;
      default:
        assertNever(action, 'error action');
    }
  }

  private post(message: ExtensionToWebviewMessage): void {
    // Nobody waits for delivery (a view that is gone answers false); a failure to send is logged, not lost.
    this.view?.webview
      .postMessage(message)
      .then(undefined, (error: unknown) => this.log.warn(`Could not post ${message.type} to the chat view: ${errorDetail(error)}`));
  }
}
