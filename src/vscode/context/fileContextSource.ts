// A workspace file as context (`@` picker, Add to Chat, a drop on the chat view). Read through the engine's reader,
// which never reads a file matching `switchboard.context.exclude`, a binary file or one over the size limit, and
// says why on the chip. A file open with unsaved edits is sent as the editor shows it. A file outside every
// workspace folder is not read at all.
import * as vscode from 'vscode';
import type { ContextItem } from '../../core/conversations/messagePart';
import { headWithin } from './budgetText';
import { contextNote, unreadItem } from './contextNote';
import { type ContextSourceDeps, exclusionOf, readLimitsOf } from './contextSourceDeps';
import { baseName, locateInWorkspace } from './locateInWorkspace';
import type { PendingContext } from './pendingContext';

export function fileContextSource(uri: vscode.Uri, deps: ContextSourceDeps): PendingContext {
  const label = baseName(uri);
  return {
    key: `file:${uri.toString()}`,
    kind: 'file',
    label,
    open: async () => {
      // `vscode.open` also opens what a text editor cannot (images, binaries) with the right editor.
      await vscode.commands.executeCommand('vscode.open', uri);
    },
    read: (signal) => readWorkspaceFile(uri, label, deps, signal),
  };
}

/** Reads a file of the workspace as a `file` item (also used for project instructions). */
export async function readWorkspaceFile(
  uri: vscode.Uri,
  label: string,
  deps: ContextSourceDeps,
  signal?: AbortSignal,
): Promise<ContextItem> {
  signal?.throwIfAborted();
  const location = locateInWorkspace(uri);
  if (!location) return unreadItem('file', label, contextNote('context.outsideWorkspace', { path: uri.fsPath || uri.toString() }));
  const engine = deps.engine();
  const exclusion = exclusionOf(deps);
  const limits = readLimitsOf(engine);
  const document = vscode.workspace.textDocuments.find((open) => open.uri.toString() === location.uri.toString());
  if (document && (document.isDirty || location.uri.scheme !== 'file') && !exclusion.isExcluded(location.relativePath)) {
    return documentItem(document, label, location.relativePath, limits.maxChars);
  }
  return engine.readFileContext(
    {
      absolutePath: location.uri.fsPath,
      relativePath: location.relativePath,
      label,
      ...(document ? { language: document.languageId } : {}),
    },
    { exclusion, limits, ...(signal ? { signal } : {}) },
  );
}

/** An open document's text as the editor has it, cut to the budget. */
function documentItem(document: vscode.TextDocument, label: string, relativePath: string, maxChars: number): ContextItem {
  const text = document.getText();
  const truncated = text.length > maxChars;
  return {
    kind: 'file',
    label,
    path: relativePath,
    language: document.languageId,
    text: truncated ? headWithin(text, maxChars) : text,
    ...(truncated ? { truncated: true } : {}),
  };
}
