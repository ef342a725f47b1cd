import * as vscode from 'vscode';
import { createNonce, renderWebviewDocument } from '../core/webviewDocument';
import {
  parseWebviewToExtensionMessage,
  type ExtensionToWebviewMessage,
  type WebviewToExtensionMessage,
} from '../shared/webviewProtocol';

/** The chat panel: a webview view in the Switchboard activity-bar container. */
export class ChatViewProvider implements vscode.WebviewViewProvider {
  static readonly viewId = 'switchboard.chatView';

  private view: vscode.WebviewView | undefined;

  constructor(
    private readonly extensionUri: vscode.Uri,
    private readonly log: vscode.LogOutputChannel,
  ) {}

  resolveWebviewView(webviewView: vscode.WebviewView): void {
    this.view = webviewView;
    const webview = webviewView.webview;
    const distUri = vscode.Uri.joinPath(this.extensionUri, 'dist');
    const mediaUri = vscode.Uri.joinPath(this.extensionUri, 'media');
    webview.options = {
      enableScripts: true,
      enableCommandUris: false,
      localResourceRoots: [distUri, mediaUri],
    };
    webview.html = renderWebviewDocument({
      cspSource: webview.cspSource,
      nonce: createNonce(),
      scriptUri: webview.asWebviewUri(vscode.Uri.joinPath(distUri, 'webview.js')).toString(),
      styleUris: [webview.asWebviewUri(vscode.Uri.joinPath(mediaUri, 'chat.css')).toString()],
      lang: vscode.env.language,
      title: vscode.l10n.t('Switchboard Chat'),
    });
    webviewView.onDidDispose(() => {
      if (this.view === webviewView) this.view = undefined;
    });
    webview.onDidReceiveMessage((data: unknown) => this.receive(data));
  }

  private receive(data: unknown): void {
    const parsed = parseWebviewToExtensionMessage(data);
    if (!parsed.ok) {
      this.log.warn(`Ignored a malformed message from the chat view: ${parsed.error}`);
      return;
    }
    this.handle(parsed.message);
  }

  private handle(message: WebviewToExtensionMessage): void {
    switch (message.type) {
      case 'ready':
        void this.post({
          type: 'init',
          version: String(vscode.extensions.getExtension('switchboard.switchboard')?.packageJSON.version ?? ''),
          locale: vscode.env.language,
          conversation: { id: 'empty', title: '', messages: [] },
          draft: '',
          contexts: [],
          currentModel: '',
          sendOnEnter: true,
          busy: false,
        });
        return;
      case 'reportError':
        this.log.error(`Chat view: ${message.message}`);
        return;
      default:
        this.log.info(`Chat view: ${message.type} is not handled yet`);
    }
  }

  private post(message: ExtensionToWebviewMessage): Thenable<boolean> {
    return this.view?.webview.postMessage(message) ?? Promise.resolve(false);
  }
}
