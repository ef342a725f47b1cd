// The Problems panel as context: every diagnostic of the workspace, or of one file, one line each
// (`path:line:col severity: message [source code]`), errors first, cut to the context budget. Hints are left out
// (they are the editor's fading of unused code, not problems), and so are files matching
// `switchboard.context.exclude`: a diagnostic may quote the file's text.
import * as vscode from 'vscode';
import type { ContextItem } from '../../core/conversations/messagePart';
import { contextBudget } from '../chat/editorContext';
import { headWithin } from './budgetText';
import { contextNote, unreadItem } from './contextNote';
import { type ContextSourceDeps, exclusionOf } from './contextSourceDeps';
import { baseName, locateInWorkspace } from './locateInWorkspace';
import type { PendingContext } from './pendingContext';

const severityNames: Record<vscode.DiagnosticSeverity, string> = {
  [vscode.DiagnosticSeverity.Error]: 'error',
  [vscode.DiagnosticSeverity.Warning]: 'warning',
  [vscode.DiagnosticSeverity.Information]: 'info',
  [vscode.DiagnosticSeverity.Hint]: 'hint',
};

export function problemsContextSource(scope: 'all' | vscode.Uri, deps: ContextSourceDeps): PendingContext {
  const label = scope === 'all' ? (vscode.workspace.name ?? vscode.l10n.t('workspace')) : baseName(scope);
  return {
    key: scope === 'all' ? 'problems:all' : `problems:${scope.toString()}`,
    kind: 'problems',
    label,
    open: async () => {
      await vscode.commands.executeCommand('workbench.actions.view.problems');
    },
    read: async (signal) => {
      signal?.throwIfAborted();
      const entries: [vscode.Uri, readonly vscode.Diagnostic[]][] =
        scope === 'all' ? vscode.languages.getDiagnostics() : [[scope, vscode.languages.getDiagnostics(scope)]];
      return problemsItem(entries, label, deps, scope === 'all' ? undefined : scope);
    },
  };
}

interface Problem {
  severity: vscode.DiagnosticSeverity;
  path: string;
  line: number;
  text: string;
}

function problemsItem(
  entries: [vscode.Uri, readonly vscode.Diagnostic[]][],
  label: string,
  deps: ContextSourceDeps,
  file?: vscode.Uri,
): ContextItem {
  const path = file ? (locateInWorkspace(file)?.relativePath ?? file.fsPath) : undefined;
  const problems: Problem[] = [];
  let exclusion: ReturnType<typeof exclusionOf> | undefined;
  for (const [uri, diagnostics] of entries) {
    const shown = diagnostics.filter((diagnostic) => diagnostic.severity !== vscode.DiagnosticSeverity.Hint);
    if (shown.length === 0) continue;
    const location = locateInWorkspace(uri);
    exclusion ??= exclusionOf(deps);
    if (location && exclusion.isExcluded(location.relativePath)) continue;
    const where = location ? location.relativePath : uri.scheme === 'file' ? uri.fsPath : uri.toString();
    for (const diagnostic of shown)
      problems.push({
        severity: diagnostic.severity,
        path: where,
        line: diagnostic.range.start.line,
        text: problemLine(where, diagnostic),
      });
  }
  if (problems.length === 0) return unreadItem('problems', label, contextNote('context.noProblems'), path !== undefined ? { path } : {});
  problems.sort((a, b) => a.severity - b.severity || a.path.localeCompare(b.path) || a.line - b.line);

  const budget = contextBudget();
  const lines: string[] = [];
  let used = 0;
  let kept = 0;
  for (const problem of problems) {
    if (used + problem.text.length + 1 > budget) break;
    lines.push(problem.text);
    used += problem.text.length + 1;
    kept++;
  }
  const left = problems.length - kept;
  // A first problem longer than the whole budget is still sent, cut.
  if (kept === 0) lines.push(headWithin(problems[0]?.text ?? '', budget));
  if (left > 0) lines.push(`… ${kept === 0 ? left - 1 : left} more not shown`);
  return {
    kind: 'problems',
    label,
    ...(path !== undefined ? { path } : {}),
    text: lines.join('\n'),
    ...(left > 0 ? { truncated: true } : {}),
  };
}

/** `src/app.ts:10:5 error: Type 'string' is not assignable to type 'number'. [ts 2322]` */
function problemLine(where: string, diagnostic: vscode.Diagnostic): string {
  const start = diagnostic.range.start;
  const code = typeof diagnostic.code === 'object' ? diagnostic.code.value : diagnostic.code;
  const origin = [diagnostic.source, code].filter((part) => part !== undefined && part !== '').join(' ');
  const message = diagnostic.message.replace(/\r?\n/g, '\n    ');
  return `${where}:${start.line + 1}:${start.character + 1} ${severityNames[diagnostic.severity]}: ${message}${origin ? ` [${origin}]` : ''}`;
}
