// The source for a URI from outside the chat (Add to Chat, a drop on the chat view, the `@` picker): a folder or a
// file, told apart by the file system. An open document that is not on disk (untitled, or another scheme) is read
// from its editor. Nothing is read here; a URI that no longer exists becomes a file chip whose read says so.
import * as vscode from 'vscode';
import { activeFileContextSource } from './activeFileContextSource';
import type { ContextSourceDeps } from './contextSourceDeps';
import { fileContextSource } from './fileContextSource';
import { folderContextSource } from './folderContextSource';
import type { PendingContext } from './pendingContext';

export async function contextSourceForUri(uri: vscode.Uri, deps: ContextSourceDeps, kind?: 'file' | 'folder'): Promise<PendingContext> {
  if (kind === 'folder') return folderContextSource(uri, deps);
  const document = vscode.workspace.textDocuments.find((open) => open.uri.toString() === uri.toString());
  if (document && (document.isUntitled || uri.scheme !== 'file')) return activeFileContextSource(document, deps);
  if (kind === 'file') return fileContextSource(uri, deps);
  try {
    const stat = await vscode.workspace.fs.stat(uri);
    if ((stat.type & vscode.FileType.Directory) !== 0) return folderContextSource(uri, deps);
  } catch {
    // Gone or unreadable: the file chip's read says so.
  }
  return fileContextSource(uri, deps);
}
