// The choice offered when a fragment has no single good place in its file (docs/chat.md, "Applying code"): two
// regions match equally well, none matches well enough, or the block is in another language than the file. Never
// a silent whole-file replace: the user picks a region, the selection, the cursor, or another file.
import * as vscode from 'vscode';
import { assertNever } from '../../shared/assertNever';

export type PlacementChoice =
  | { kind: 'region'; startLine: number; endLine: number }
  | { kind: 'replaceSelection' }
  | { kind: 'insertAtCursor' }
  | { kind: 'insertAtEnd' }
  | { kind: 'changeTarget' };

export interface PlacementQuestion {
  /** The file's workspace-relative path. */
  file: string;
  reason: 'ambiguous' | 'no-match' | 'other-language';
  /** Regions that match equally well: 0-based lines, `endLine` exclusive; `preview` is the region's first line. */
  candidates: readonly { startLine: number; endLine: number; preview: string }[];
  /** The selected lines of the file's editor (0-based, `endLine` exclusive), when something is selected there. */
  selection: { startLine: number; endLine: number } | undefined;
  /** The line the cursor of the file's editor is on, when the file has an editor. */
  cursorLine: number | undefined;
  fragmentLanguage: string | undefined;
  fileLanguage: string;
  /** Whether "Change Target File…" is offered. */
  canRetarget: boolean;
}

type Item = vscode.QuickPickItem & { choice: PlacementChoice };

export async function askPlacement(question: PlacementQuestion): Promise<PlacementChoice | undefined> {
  const items: Item[] = question.candidates.map((candidate) => ({
    label: `$(list-selection) ${vscode.l10n.t('Lines {0}–{1}', candidate.startLine + 1, candidate.endLine)}`,
    detail: candidate.preview.trim(),
    choice: { kind: 'region', startLine: candidate.startLine, endLine: candidate.endLine },
  }));
  if (question.selection) {
    items.push({
      label: `$(replace) ${vscode.l10n.t('Replace Selection')}`,
      description: vscode.l10n.t('lines {0}–{1}', question.selection.startLine + 1, question.selection.endLine),
      choice: { kind: 'replaceSelection' },
    });
  }
  items.push(
    question.cursorLine !== undefined
      ? {
          label: `$(insert) ${vscode.l10n.t('Insert at Cursor')}`,
          description: vscode.l10n.t('line {0}', question.cursorLine + 1),
          choice: { kind: 'insertAtCursor' },
        }
      : { label: `$(insert) ${vscode.l10n.t('Insert at the End of the File')}`, choice: { kind: 'insertAtEnd' } },
  );
  if (question.canRetarget)
    items.push({ label: `$(go-to-file) ${vscode.l10n.t('Change Target File…')}`, choice: { kind: 'changeTarget' } });
  const picked = await vscode.window.showQuickPick(items, { title: titleOf(question), ignoreFocusOut: true, matchOnDetail: true });
  return picked?.choice;
}

function titleOf(question: PlacementQuestion): string {
  switch (question.reason) {
    case 'ambiguous':
      return vscode.l10n.t('The code fits {0} equally well in more than one place: where should it go?', question.file);
    case 'no-match':
      return vscode.l10n.t('No part of {0} matches the code well enough to replace it: what should happen?', question.file);
    case 'other-language':
      return vscode.l10n.t(
        'The code block is {0}, but {1} is {2}: what should happen?',
        question.fragmentLanguage ?? '?',
        question.file,
        question.fileLanguage,
      );
    default:
      return assertNever(question.reason, 'placement question');
  }
}
