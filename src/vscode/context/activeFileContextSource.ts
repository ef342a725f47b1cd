// The active editor's document as context (the suggested chip, `@file`, Add to Chat from the palette): its text as
// the editor has it, unsaved edits included, cut to `switchboard.context.maxChars`. A document matching
// `switchboard.context.exclude` is not read: the chip says so.
import * as vscode from 'vscode';
import type { ContextItem, ContextKind } from '../../core/conversations/messagePart';
import { fileContext } from '../chat/editorContext';
import { type ContextSourceDeps, exclusionOf } from './contextSourceDeps';
import { baseName, locateInWorkspace } from './locateInWorkspace';
import type { PendingContext } from './pendingContext';

export function activeFileContextSource(document: vscode.TextDocument, deps: ContextSourceDeps): PendingContext {
  const label = baseName(document.uri);
  return {
    // The same key as fileContextSource's: the file picked in `@` and the suggested chip are one chip.
    key: `file:${document.uri.toString()}`,
    kind: 'file',
    label,
    open: async () => {
      await vscode.window.showTextDocument(document, { preview: false });
    },
    read: async (signal) => {
      signal?.throwIfAborted();
      return (await excludedDocumentItem(document, 'file', label, deps)) ?? fileContext(document);
    },
  };
}

/**
 * For a document matching `switchboard.context.exclude`: the engine's item for it (no text, the note
 * saying why). Undefined for any other document, which may be read.
 */
export async function excludedDocumentItem(
  document: vscode.TextDocument,
  kind: ContextKind,
  label: string,
  deps: ContextSourceDeps,
): Promise<ContextItem | undefined> {
  // Outside the workspace (an editor on ~/.ssh/id_rsa) the file's name is what the patterns can match.
  const relativePath = locateInWorkspace(document.uri)?.relativePath ?? baseName(document.uri);
  const exclusion = exclusionOf(deps);
  if (!exclusion.isExcluded(relativePath)) return undefined;
  const engine = deps.engine();
  // The engine's reader does not open an excluded file; it returns the item with its note.
  const item = await engine.readFileContext(
    { absolutePath: document.uri.fsPath, relativePath, label },
    { exclusion, limits: engine.defaultContextReadLimits },
  );
  return { ...item, kind, label, text: '' };
}
