import * as vscode from 'vscode';
import type { RangeArgument } from './selectionTarget';

/**
 * The lightbulb entries (docs/editor-commands.md): "Fix with Switchboard" on diagnostics, "Explain / Refactor with Switchboard" on
 * a selection. They only run the commands; nothing is computed until one is chosen.
 */
export class SelectionCodeActions implements vscode.CodeActionProvider {
  static readonly kinds = [vscode.CodeActionKind.QuickFix, vscode.CodeActionKind.RefactorRewrite];

  provideCodeActions(
    document: vscode.TextDocument,
    range: vscode.Range | vscode.Selection,
    context: vscode.CodeActionContext,
  ): vscode.CodeAction[] {
    const actions: vscode.CodeAction[] = [];
    const diagnostics = context.diagnostics.filter((diagnostic) => diagnostic.range.intersection(range) !== undefined);
    if (diagnostics.length > 0) {
      // Whole lines around the diagnostics, so the model sees the statement, not a fragment of it.
      const start = Math.min(range.start.line, ...diagnostics.map((d) => d.range.start.line));
      const end = Math.max(range.end.line, ...diagnostics.map((d) => d.range.end.line));
      const fix = new vscode.CodeAction(vscode.l10n.t('Fix with Switchboard'), vscode.CodeActionKind.QuickFix);
      fix.diagnostics = diagnostics;
      fix.command = { command: 'switchboard.fixSelection', title: fix.title, arguments: [{ range: lines(document, start, end) }] };
      actions.push(fix);
    }
    if (!range.isEmpty) {
      const target: RangeArgument = {
        startLine: range.start.line,
        startCharacter: range.start.character,
        endLine: range.end.line,
        endCharacter: range.end.character,
      };
      const explain = new vscode.CodeAction(vscode.l10n.t('Explain with Switchboard'), vscode.CodeActionKind.RefactorRewrite);
      explain.command = { command: 'switchboard.explainSelection', title: explain.title, arguments: [{ range: target }] };
      const refactor = new vscode.CodeAction(vscode.l10n.t('Refactor with Switchboard'), vscode.CodeActionKind.RefactorRewrite);
      refactor.command = { command: 'switchboard.refactorSelection', title: refactor.title, arguments: [{ range: target }] };
      actions.push(explain, refactor);
    }
    return actions;
  }
}

function lines(document: vscode.TextDocument, start: number, end: number): RangeArgument {
  return {
    startLine: start,
    startCharacter: 0,
    endLine: end,
    endCharacter: document.lineAt(Math.min(end, document.lineCount - 1)).text.length,
  };
}
