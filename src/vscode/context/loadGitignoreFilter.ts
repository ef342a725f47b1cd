// The `.gitignore` rules of one workspace folder, for the `@` picker's file list and for folder reads (the issue:
// the file list respects `.gitignore`, as VS Code's search does). Paths are relative to the workspace folder.
import * as vscode from 'vscode';
import type { ContextEngine, GitignoreFilter } from './contextEngine';
import { searchExcludeGlob } from './searchExcludeGlob';

/** More `.gitignore` files than any real repository has; a workspace with more keeps the first ones found. */
const maxGitignoreFiles = 2_000;

/**
 * A filter built from `files` (workspace-folder-relative paths of `.gitignore` files), or from those a search of
 * `folder` finds when `files` is not given.
 */
export async function loadGitignoreFilter(
  folder: vscode.WorkspaceFolder,
  engine: ContextEngine,
  files?: readonly string[],
  token?: vscode.CancellationToken,
): Promise<GitignoreFilter> {
  const found = files ?? (await findGitignoreFiles(folder, token));
  return engine.createGitignoreFilter(found, async (relativePath) => {
    try {
      const bytes = await vscode.workspace.fs.readFile(vscode.Uri.joinPath(folder.uri, relativePath));
      return new TextDecoder().decode(bytes);
    } catch {
      return undefined; // Deleted since it was found, or unreadable: no rules from it.
    }
  });
}

async function findGitignoreFiles(folder: vscode.WorkspaceFolder, token?: vscode.CancellationToken): Promise<string[]> {
  const uris = await vscode.workspace.findFiles(
    new vscode.RelativePattern(folder, '**/.gitignore'),
    searchExcludeGlob(folder),
    maxGitignoreFiles,
    token,
  );
  const root = folder.uri.path.endsWith('/') ? folder.uri.path : `${folder.uri.path}/`;
  return uris.filter((uri) => uri.path.startsWith(root)).map((uri) => uri.path.slice(root.length));
}
