import * as vscode from 'vscode';

/**
 * Remembers the last text editor the user worked in. Focusing the chat view makes `activeTextEditor` undefined,
 * so "insert at the cursor" and "apply as diff" act on the editor that was active before.
 */
export class LastEditorTracker implements vscode.Disposable {
  private last: vscode.TextEditor | undefined = vscode.window.activeTextEditor;
  private readonly subscription = vscode.window.onDidChangeActiveTextEditor((editor) => {
    if (editor && editor.document.uri.scheme !== 'output') this.last = editor;
  });

  /** The active editor, or the last one that is still visible. */
  get editor(): vscode.TextEditor | undefined {
    const active = vscode.window.activeTextEditor;
    if (active) return active;
    if (this.last && !this.last.document.isClosed) {
      return vscode.window.visibleTextEditors.find((editor) => editor.document === this.last?.document) ?? this.last;
    }
    return undefined;
  }

  dispose(): void {
    this.subscription.dispose();
  }
}
