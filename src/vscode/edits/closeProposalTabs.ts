// The tabs that show proposals: a diff editor, or VS Code's multi-file diff editor (whose tab input type is not in
// the stable API of VS Code 1.95: it is recognized by its `textDiffs`).
import * as vscode from 'vscode';

/** The diffs a tab shows: one for a diff editor, each file's for a multi-file diff, none otherwise. */
export function diffsOf(tab: vscode.Tab | undefined): readonly vscode.TabInputTextDiff[] {
  const input: unknown = tab?.input;
  if (input instanceof vscode.TabInputTextDiff) return [input];
  if (typeof input !== 'object' || input === null || !('textDiffs' in input)) return [];
  const diffs = (input as { textDiffs: unknown }).textDiffs;
  return Array.isArray(diffs) ? diffs.filter((diff: { modified?: unknown }) => diff.modified instanceof vscode.Uri) : [];
}

/** Closes every tab that shows one of the proposal documents `proposalUris`. */
export async function closeProposalTabs(proposalUris: readonly vscode.Uri[]): Promise<void> {
  const keys = new Set(proposalUris.map((uri) => uri.toString()));
  const showing = vscode.window.tabGroups.all
    .flatMap((group) => group.tabs)
    .filter((tab) => diffsOf(tab).some((diff) => keys.has(diff.modified.toString())));
  if (showing.length > 0) await vscode.window.tabGroups.close(showing);
}
