import * as vscode from 'vscode';

/**
 * Read-only virtual documents holding an original snapshot and a proposed rewrite, shown side by side in a diff
 * editor. The proposal can change while it streams in; the diff updates with it.
 */
export class ProposalDocuments implements vscode.TextDocumentContentProvider, vscode.Disposable {
  static readonly scheme = 'switchboard-proposal';
  private readonly texts = new Map<string, string>();
  private readonly changeEmitter = new vscode.EventEmitter<vscode.Uri>();
  readonly onDidChange = this.changeEmitter.event;
  private counter = 0;

  /** A new virtual document; `name` keeps the file name (and so the language) of the original. */
  create(name: string, text: string): vscode.Uri {
    const uri = vscode.Uri.from({ scheme: ProposalDocuments.scheme, path: `/${++this.counter}/${name}` });
    this.texts.set(uri.toString(), text);
    return uri;
  }

  update(uri: vscode.Uri, text: string): void {
    this.texts.set(uri.toString(), text);
    this.changeEmitter.fire(uri);
  }

  release(uri: vscode.Uri): void {
    this.texts.delete(uri.toString());
  }

  provideTextDocumentContent(uri: vscode.Uri): string {
    return this.texts.get(uri.toString()) ?? '';
  }

  dispose(): void {
    this.changeEmitter.dispose();
    this.texts.clear();
  }
}
