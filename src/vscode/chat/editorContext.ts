// The code a request is about (docs/editor-commands.md): the selection, or the enclosing symbol or current line when nothing is
// selected; the file's language and workspace-relative path. Large texts are cut to a budget, and marked as cut
// so the user is told (never silently).
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { ContextItem } from '../../core/conversations/conversation';

/** Characters of context sent with one request unless the user raises `switchboard.context.maxChars`. */
export const defaultContextBudget = 24_000;

export function contextBudget(): number {
  const value = vscode.workspace.getConfiguration('switchboard').get<number>('context.maxChars');
  return typeof value === 'number' && value >= 1_000 ? value : defaultContextBudget;
}

/** The selection of `editor` as a context item, or undefined when nothing is selected. */
export function selectionContext(editor: vscode.TextEditor, budget = contextBudget()): ContextItem | undefined {
  const selection = editor.selection;
  if (selection.isEmpty) return undefined;
  return rangeContext(editor.document, selection, 'selection', budget);
}

/** The whole file of `document` as a context item. */
export function fileContext(document: vscode.TextDocument, budget = contextBudget()): ContextItem {
  const full = new vscode.Range(0, 0, document.lineCount, 0);
  return rangeContext(document, document.validateRange(full), 'file', budget);
}

export function rangeContext(
  document: vscode.TextDocument,
  range: vscode.Range,
  kind: ContextItem['kind'],
  budget = contextBudget(),
): ContextItem {
  const text = document.getText(range);
  const relative = vscode.workspace.asRelativePath(document.uri, false);
  const name = path.basename(document.uri.path) || relative;
  const startLine = range.start.line + 1;
  const endLine = range.end.character === 0 && range.end.line > range.start.line ? range.end.line : range.end.line + 1;
  const truncated = text.length > budget;
  return {
    kind,
    label: kind === 'file' ? name : `${name}:${startLine}${endLine !== startLine ? `-${endLine}` : ''}`,
    path: relative,
    language: document.languageId,
    text: truncated ? text.slice(0, budget) : text,
    startLine,
    endLine,
    ...(truncated ? { truncated: true } : {}),
  };
}
