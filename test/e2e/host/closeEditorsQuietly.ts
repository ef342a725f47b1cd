// Closing every editor from an in-host suite without VS Code's "save changes?" dialog: a dialog left open by one
// suite blocks every later one (the editor is shared by the whole run), and an accepted edit or a document edited by
// hand may still be unsaved when a suite ends.
import * as vscode from 'vscode';

/** Reverts and closes each unsaved document, then closes every editor. */
export async function closeEditorsQuietly(): Promise<void> {
  for (const document of vscode.workspace.textDocuments.filter((open) => open.isDirty && !open.isClosed)) {
    try {
      await vscode.window.showTextDocument(document, { preview: false });
      await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
    } catch {
      // A document that can no longer be shown has no editor to close.
    }
  }
  await vscode.commands.executeCommand('workbench.action.closeAllEditors');
}
