// The selection of an editor as context (the `@selection` entry, the suggested chip, Ask About the Selection). The
// range is fixed when the chip is added; its text is read again at send, so an edit made since is what goes out.
// A selection in a file matching `switchboard.context.exclude` is not read either.
import * as vscode from 'vscode';
import { rangeContext } from '../chat/editorContext';
import { excludedDocumentItem } from './activeFileContextSource';
import type { ContextSourceDeps } from './contextSourceDeps';
import type { PendingContext } from './pendingContext';

/** The editor's selection as a source, or undefined when nothing is selected. */
export function selectionContextSource(editor: vscode.TextEditor, deps: ContextSourceDeps): PendingContext | undefined {
  const selection = editor.selection;
  if (selection.isEmpty) return undefined;
  const document = editor.document;
  const range = new vscode.Range(selection.start, selection.end);
  const fromRange = rangeContext(document, range, 'selection', 0);
  const label = fromRange.label;
  return {
    key: `selection:${document.uri.toString()}#${range.start.line}:${range.start.character}-${range.end.line}:${range.end.character}`,
    kind: 'selection',
    label,
    open: async () => {
      await vscode.window.showTextDocument(document, { selection: range, preview: false });
    },
    read: async (signal) => {
      signal?.throwIfAborted();
      return (
        (await excludedDocumentItem(document, 'selection', label, deps)) ??
        rangeContext(document, document.validateRange(range), 'selection')
      );
    },
  };
}
