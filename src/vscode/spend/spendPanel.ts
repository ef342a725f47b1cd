// The spend view's panel (`switchboard.showSpend`, docs/spend.md "Spend view"): a webview under the chat's strict
// Content-Security-Policy (src/core/webviewDocument.ts) running dist/spendView.js, which draws the chart itself. The
// view asks for the report when it loads (also each time the panel comes back into view); the panel sends a fresh
// one then and after every record while it is open.
import * as vscode from 'vscode';
import { createNonce, renderWebviewDocument } from '../../core/webviewDocument';
import type { SpendReport } from '../../core/spend/spendReport';
import { isSpendViewRequest, type SpendViewMessage } from '../../shared/spendView';
import { spendViewStrings } from './spendViewStrings';

export interface SpendPanelDeps {
  extensionUri: vscode.Uri;
  report: () => Promise<SpendReport>;
  log: vscode.LogOutputChannel;
}

export class SpendPanel implements vscode.Disposable {
  static readonly viewType = 'switchboard.spend';
  private readonly panel: vscode.WebviewPanel;
  private ready = false;

  constructor(private readonly deps: SpendPanelDeps) {
    const dist = vscode.Uri.joinPath(deps.extensionUri, 'dist');
    this.panel = vscode.window.createWebviewPanel(SpendPanel.viewType, vscode.l10n.t('Switchboard Spend'), vscode.ViewColumn.Active, {
      enableScripts: true,
      localResourceRoots: [dist],
    });
    const webview = this.panel.webview;
    webview.html = renderWebviewDocument({
      cspSource: webview.cspSource,
      nonce: createNonce(),
      scriptUri: webview.asWebviewUri(vscode.Uri.joinPath(dist, 'spendView.js')).toString(),
      styleUris: [webview.asWebviewUri(vscode.Uri.joinPath(dist, 'spendView.css')).toString()],
      lang: vscode.env.language,
      title: vscode.l10n.t('Switchboard Spend'),
      strings: spendViewStrings(),
    });
    webview.onDidReceiveMessage((message: unknown) => {
      if (!isSpendViewRequest(message)) {
        deps.log.warn(`Spend view: ignored a malformed message: ${JSON.stringify(message)?.slice(0, 200) ?? ''}`);
        return;
      }
      this.ready = true;
      this.update();
    });
    this.panel.onDidChangeViewState(() => {
      if (!this.panel.visible) this.ready = false;
    });
  }

  readonly onDidDispose = (listener: () => void): vscode.Disposable => this.panel.onDidDispose(listener);

  reveal(): void {
    this.panel.reveal();
  }

  /** Sends a fresh report, when the view is there to take it. */
  update(): void {
    if (!this.ready) return;
    this.deps
      .report()
      .then((report) => this.panel.webview.postMessage({ type: 'report', report } satisfies SpendViewMessage))
      .then(undefined, (error: unknown) => this.deps.log.warn(`Spend view: ${error instanceof Error ? error.message : String(error)}`));
  }

  dispose(): void {
    this.panel.dispose();
  }
}
