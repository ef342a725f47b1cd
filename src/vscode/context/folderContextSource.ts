// A workspace folder as context: a listing plus the files that fit, smallest first (the engine's folder reader).
// Files matching `switchboard.context.exclude` or the folder's `.gitignore` are never read; a folder outside every
// workspace folder is not read at all.
import * as vscode from 'vscode';
import { contextNote, unreadItem } from './contextNote';
import { type ContextSourceDeps, exclusionOf, readLimitsOf } from './contextSourceDeps';
import { loadGitignoreFilter } from './loadGitignoreFilter';
import { baseName, locateInWorkspace } from './locateInWorkspace';
import type { PendingContext } from './pendingContext';

export function folderContextSource(uri: vscode.Uri, deps: ContextSourceDeps): PendingContext {
  const label = `${baseName(uri)}/`;
  return {
    key: `folder:${uri.toString()}`,
    kind: 'folder',
    label,
    open: async () => {
      await vscode.commands.executeCommand('revealInExplorer', uri);
    },
    read: async (signal) => {
      signal?.throwIfAborted();
      const location = locateInWorkspace(uri);
      if (!location) return unreadItem('folder', label, contextNote('context.outsideWorkspace', { path: uri.fsPath || uri.toString() }));
      const engine = deps.engine();
      const ignore = await loadGitignoreFilter(location.folder, engine);
      signal?.throwIfAborted();
      return engine.readFolderContext(
        { absolutePath: location.uri.fsPath, relativePath: location.relativePath, label },
        { exclusion: exclusionOf(deps), ignore, limits: readLimitsOf(engine), ...(signal ? { signal } : {}) },
      );
    },
  };
}
