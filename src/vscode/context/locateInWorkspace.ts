// Where a URI is in the workspace: its workspace folder and its path relative to it, or undefined when it lies
// outside every folder. The URI is normalized first, so `folder/../../etc/passwd` is outside, not inside
// `folder` (a URI may come from the webview or a drag, docs/security.md).
import * as path from 'node:path';
import * as vscode from 'vscode';

export interface WorkspaceLocation {
  folder: vscode.WorkspaceFolder;
  /** The normalized URI. */
  uri: vscode.Uri;
  /** Relative to `folder`, with `/`; empty for the folder itself. */
  relativePath: string;
}

export function locateInWorkspace(uri: vscode.Uri): WorkspaceLocation | undefined {
  const normalized = uri.with({ path: path.posix.normalize(uri.path) });
  const folder = vscode.workspace.getWorkspaceFolder(normalized);
  if (!folder) return undefined;
  const relativePath = path.posix.relative(folder.uri.path, normalized.path);
  if (relativePath === '..' || relativePath.startsWith('../') || path.posix.isAbsolute(relativePath)) return undefined;
  return { folder, uri: normalized, relativePath };
}

/** The last segment of a URI's path (the folder's name for a workspace root). */
export function baseName(uri: vscode.Uri): string {
  return path.posix.basename(uri.path) || uri.path;
}
