// Which file a code block of an answer is applied to (docs/chat.md, "Applying code"): the file the block names
// (src/shared/codeBlockTarget.ts), resolved inside the workspace folders; else the file the question was about
// (its first file or selection chip); else the last active editor. A named path that does not exist is a new file.
// A path that leaves the workspace (`..`, or an absolute path outside every folder) is refused, and so is
// anything inside `.git` (a hook written there would run on the next commit: model output is never executed).
import * as path from 'node:path';
import * as vscode from 'vscode';

export type CodeTarget =
  { kind: 'file'; uri: vscode.Uri; exists: boolean } | { kind: 'refused'; message: string } | { kind: 'cancelled' } | { kind: 'none' };

export interface CodeTargetHints {
  /** The files (and selections' files) attached to the question the answer replied to. */
  questionFiles: readonly vscode.Uri[];
  /** The last active editor's file. */
  editor: vscode.Uri | undefined;
}

export async function resolveCodeTarget(named: string | undefined, hints: CodeTargetHints): Promise<CodeTarget> {
  if (named !== undefined) return resolveNamedPath(named, hints);
  const question = hints.questionFiles[0];
  if (question) return { kind: 'file', uri: question, exists: (await fileType(question)) === vscode.FileType.File };
  if (hints.editor) return { kind: 'file', uri: hints.editor, exists: true };
  return { kind: 'none' };
}

/** A path as an answer wrote it (relative to a workspace folder, or absolute inside one), as a file of the workspace. */
export async function resolveNamedPath(named: string, hints: CodeTargetHints): Promise<CodeTarget> {
  const folders = vscode.workspace.workspaceFolders ?? [];
  if (folders.length === 0) {
    return { kind: 'refused', message: vscode.l10n.t('Open a folder first: Switchboard writes code only into the workspace folders.') };
  }
  const normalized = path.posix.normalize(named.replace(/\\/g, '/'));
  const outside = {
    kind: 'refused' as const,
    message: vscode.l10n.t('The code block names {0}, which is outside the workspace, so nothing was applied.', named),
  };
  // Folders that hold the question's file or the active editor first: the answer most likely means those.
  const hinted = [...hints.questionFiles, ...(hints.editor ? [hints.editor] : [])];
  const ordered = [...folders].sort(
    (a, b) => Number(hinted.some((uri) => isInside(uri, b.uri))) - Number(hinted.some((uri) => isInside(uri, a.uri))),
  );

  let candidates: vscode.Uri[];
  let relative: string;
  if (normalized.startsWith('/')) {
    const folder = ordered.find((candidate) => isInside(candidate.uri.with({ path: normalized }), candidate.uri));
    if (!folder) return outside;
    relative = path.posix.relative(folder.uri.path, normalized);
    candidates = [vscode.Uri.joinPath(folder.uri, relative)];
  } else {
    if (normalized === '..' || normalized.startsWith('../')) return outside;
    relative = normalized;
    // In a multi-root workspace an answer may start the path with a folder's name.
    const [first, ...rest] = relative.split('/');
    const byName = folders.length > 1 && rest.length > 0 ? folders.find((folder) => folder.name === first) : undefined;
    candidates = [
      ...(byName ? [vscode.Uri.joinPath(byName.uri, ...rest)] : []),
      ...ordered.map((folder) => vscode.Uri.joinPath(folder.uri, relative)),
    ];
  }
  // Case-insensitive: on Windows and macOS `.GIT` is the same folder.
  if (relative === '' || relative === '.' || relative.split('/').some((part) => part.toLowerCase() === '.git')) {
    return {
      kind: 'refused',
      message: vscode.l10n.t('Switchboard does not write {0}: code goes into files of the workspace, never into .git.', named),
    };
  }

  for (const candidate of candidates) {
    const type = await fileType(candidate);
    if (type === vscode.FileType.File) return { kind: 'file', uri: candidate, exists: true };
    if (type === vscode.FileType.Directory) {
      return { kind: 'refused', message: vscode.l10n.t('The code block names {0}, which is a folder, not a file.', named) };
    }
  }
  // A bare file name ("app.ts"): the workspace's file of that name, when the answer did not say which folder.
  if (!relative.includes('/')) {
    const found = await findByName(relative, hinted);
    if (found) return found;
  }
  const fallback = candidates[0];
  return fallback ? { kind: 'file', uri: fallback, exists: false } : outside;
}

async function findByName(name: string, hinted: readonly vscode.Uri[]): Promise<CodeTarget | undefined> {
  const matches = await vscode.workspace.findFiles(`**/${name}`, '**/node_modules/**', 50);
  if (matches.length === 0) return undefined;
  const preferred = matches.find((match) => hinted.some((uri) => uri.toString() === match.toString()));
  const only = matches.length === 1 ? matches[0] : undefined;
  const chosen = preferred ?? only;
  if (chosen) return { kind: 'file', uri: chosen, exists: true };
  const picked = await vscode.window.showQuickPick(
    matches.map((uri) => ({ label: vscode.workspace.asRelativePath(uri), uri })),
    { title: vscode.l10n.t('The answer names {0}; which one is it?', name) },
  );
  return picked ? { kind: 'file', uri: picked.uri, exists: true } : { kind: 'cancelled' };
}

function isInside(uri: vscode.Uri, folder: vscode.Uri): boolean {
  if (uri.scheme !== folder.scheme || uri.authority !== folder.authority) return false;
  const root = folder.path.endsWith('/') ? folder.path : `${folder.path}/`;
  return path.posix.normalize(uri.path).startsWith(root);
}

async function fileType(uri: vscode.Uri): Promise<vscode.FileType | undefined> {
  try {
    return (await vscode.workspace.fs.stat(uri)).type & ~vscode.FileType.SymbolicLink;
  } catch {
    return undefined;
  }
}
