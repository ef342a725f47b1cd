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

  /** `scheme`: another one only where a second instance shares the extension host (the in-editor tests). */
  constructor(readonly scheme: string = ProposalDocuments.scheme) {}

  /**
   * The two sides of one file's diff. Their path is the file's workspace-relative path (so both sides get its
   * language, and the multi-file diff editor shows its name and folder); the query tells them and each proposal apart.
   */
  createPair(filePath: string, original: string, proposed: string): { originalUri: vscode.Uri; proposalUri: vscode.Uri } {
    const path = `/${filePath.replace(/^\/+/, '')}`;
    const id = ++this.counter;
    const originalUri = vscode.Uri.from({ scheme: this.scheme, path, query: `${id}-original` });
    const proposalUri = vscode.Uri.from({ scheme: this.scheme, path, query: `${id}-proposal` });
    this.texts.set(originalUri.toString(), original);
    this.texts.set(proposalUri.toString(), proposed);
    return { originalUri, proposalUri };
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
