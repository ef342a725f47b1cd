// What Accept, Reject, Accept All, Change Target File… and Show Proposed Changes do (docs/editor-commands.md, "The
// diff flow"), in the lazily loaded bundle: which review and which file a command means — the file its argument
// names (a URI of the file or of a side of its diff: what the title-bar button passes), else the one whose diff has
// the focus; in a multi-file diff that does not tell, the user picks (or chooses all).
import * as vscode from 'vscode';
import type { ChangeReview } from './changeReview';
import type { FileProposal } from './fileProposal';
import type { ReviewRegistry } from './reviewRegistry';

interface Located {
  review: ChangeReview;
  /** Undefined when neither the command nor the active editor says which file. */
  file: FileProposal | undefined;
}

/** Accepts or rejects one file (see above); resolves to whether something was decided. */
export async function decideFromCommand(reviews: ReviewRegistry, decision: 'accept' | 'reject', arg: unknown): Promise<boolean> {
  const located = locate(reviews, arg);
  if (!located) return false;
  const files = located.file ? [located.file] : await pickFiles(located.review, decision);
  if (!files || files.length === 0) return false;
  await located.review.decide(decision, files);
  return true;
}

/** Accepts every undecided file of the review shown (or named by `arg`) in one WorkspaceEdit. */
export async function acceptAllFromCommand(reviews: ReviewRegistry, arg: unknown): Promise<boolean> {
  const located = locate(reviews, arg);
  if (!located) return false;
  await located.review.decide('accept', located.review.undecided);
  return true;
}

/** Proposes the shown change for another file ("Change Target File…"). */
export async function changeTargetFromCommand(reviews: ReviewRegistry, arg: unknown): Promise<void> {
  const located = locate(reviews, arg);
  if (!located?.review.canRetarget) return;
  const file = located.file ?? (await pickFiles(located.review, 'retarget'))?.[0];
  if (file) await located.review.retarget(file);
}

/** Shows what waits for a decision again (the status bar item). */
export async function showPendingReviews(reviews: ReviewRegistry): Promise<void> {
  const pending = reviews.pending;
  if (pending.length <= 1) {
    await pending[0]?.show();
    return;
  }
  const picked = await vscode.window.showQuickPick(
    pending.map((review) => ({ label: review.title, description: review.undecided.map((file) => file.label).join(', '), review })),
    { title: vscode.l10n.t('Proposed changes waiting for Accept or Reject') },
  );
  await picked?.review.show();
}

function locate(reviews: ReviewRegistry, arg: unknown): Located | undefined {
  const newestFirst = [...reviews.pending].reverse();
  const named = typeof arg === 'string' ? vscode.Uri.parse(arg) : arg instanceof vscode.Uri ? arg : undefined;
  const byUri = (uri: vscode.Uri): Located | undefined => {
    for (const review of newestFirst) {
      const file = review.find(uri);
      if (file) return { review, file };
    }
    return undefined;
  };
  const fromArgument = named ? byUri(named) : undefined;
  if (fromArgument) return fromArgument;
  // The diff's own editor (either side) is the active text editor; the target file's editor is not a diff.
  const active = vscode.window.activeTextEditor?.document.uri;
  const fromEditor = active?.scheme === reviews.documents.scheme ? byUri(active) : undefined;
  if (fromEditor) return fromEditor;
  const tab = vscode.window.tabGroups.activeTabGroup.activeTab;
  const shown = newestFirst.find((review) => review.shownIn(tab)) ?? newestFirst[0];
  if (!shown) return undefined;
  return { review: shown, file: shown.undecided.length === 1 ? shown.undecided[0] : undefined };
}

async function pickFiles(review: ChangeReview, purpose: 'accept' | 'reject' | 'retarget'): Promise<FileProposal[] | undefined> {
  const title =
    purpose === 'accept'
      ? vscode.l10n.t('Accept the change to which file?')
      : purpose === 'reject'
        ? vscode.l10n.t('Reject the change to which file?')
        : vscode.l10n.t('Change the target of which change?');
  const items: (vscode.QuickPickItem & { files: FileProposal[] })[] = review.undecided.map((file) => ({
    label: file.label,
    ...(file.isNew ? { description: vscode.l10n.t('new file') } : {}),
    files: [file],
  }));
  if (purpose !== 'retarget') {
    items.push({
      label: purpose === 'accept' ? vscode.l10n.t('All files') : vscode.l10n.t('All files (reject everything)'),
      files: review.undecided,
    });
  }
  return (await vscode.window.showQuickPick(items, { title }))?.files;
}
