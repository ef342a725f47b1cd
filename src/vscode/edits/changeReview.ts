// A review of proposed changes to one or more files (docs/editor-commands.md, "The diff flow"): one file shows as
// a diff editor, several as VS Code's multi-file diff editor (one diff per file where that editor is missing).
// Accept and Reject act on one file or all; everything accepted in one decision lands as ONE WorkspaceEdit (one
// undo step); a file changed since the proposal is reported as a conflict and never overwritten; a decided file's
// diff closes, and the review ends when the last file is decided.
import * as vscode from 'vscode';
import { closeProposalTabs, diffsOf } from './closeProposalTabs';
import type { FileProposal } from './fileProposal';

export type FileOutcome = 'applied' | 'rejected' | 'conflict' | 'failed';

export interface FileResult {
  file: FileProposal;
  outcome: FileOutcome;
  /** Which decision of the review settled the file, from 1: files applied by one decision went in one WorkspaceEdit. */
  decision: number;
}

export interface ChangeReviewOptions {
  /** The multi-file diff editor's title. */
  title: string;
  /** Proposes the same change for another file, or undefined when the user cancelled ("Change Target File…"). */
  retarget?: (file: FileProposal) => Promise<FileProposal | undefined>;
}

export class ChangeReview {
  readonly done: Promise<FileResult[]>;
  private files: FileProposal[];
  private readonly outcomes = new Map<FileProposal, { outcome: FileOutcome; decision: number }>();
  private decisions = 0;
  private finish: (results: FileResult[]) => void = () => undefined;
  /** Decisions run one at a time: a second click waits for the first edit to land. */
  private queue: Promise<unknown> = Promise.resolve();
  private readonly changeEmitter = new vscode.EventEmitter<void>();
  /** Fires when a file is decided or replaced, and when the review ends. */
  readonly onDidChange = this.changeEmitter.event;

  constructor(
    files: readonly FileProposal[],
    private readonly options: ChangeReviewOptions,
  ) {
    this.files = [...files];
    this.done = new Promise((resolve) => (this.finish = resolve));
  }

  get title(): string {
    return this.options.title;
  }

  get undecided(): FileProposal[] {
    return this.files.filter((file) => !this.outcomes.has(file));
  }

  get ended(): boolean {
    return this.undecided.length === 0;
  }

  get canRetarget(): boolean {
    return this.options.retarget !== undefined;
  }

  /** The undecided file a URI belongs to: a side of its diff, or the file itself. */
  find(uri: vscode.Uri): FileProposal | undefined {
    const key = uri.toString();
    return this.undecided.find(
      (file) => file.proposalUri.toString() === key || file.originalUri.toString() === key || file.uri.toString() === key,
    );
  }

  /** Whether a tab shows (part of) this review. */
  shownIn(tab: vscode.Tab | undefined): boolean {
    return diffsOf(tab).some((diff) => this.find(diff.modified) !== undefined);
  }

  /** Opens the undecided files: one diff, or the multi-file diff editor (one diff per file where it is missing). */
  async show(): Promise<void> {
    const files = this.undecided;
    const only = files[0];
    if (files.length === 1 && only) {
      await only.showDiff();
      return;
    }
    if (files.length === 0) return;
    if ((await vscode.commands.getCommands(true)).includes('vscode.changes')) {
      try {
        await vscode.commands.executeCommand(
          'vscode.changes',
          this.options.title,
          // A new file's original side is an empty document: without one, the tab would not list the file's diff.
          files.map((file) => [file.uri, file.originalUri, file.proposalUri]),
        );
        // The multi-file diff opens as a preview that the next file opened would replace: keep it.
        await vscode.commands.executeCommand('workbench.action.keepEditor');
        return;
      } catch {
        // Shown one diff per file below.
      }
    }
    for (const file of files) await file.showDiff();
  }

  /** Accepts or rejects `files` (undecided files of this review); accepted ones land as one WorkspaceEdit. */
  decide(decision: 'accept' | 'reject', files: readonly FileProposal[]): Promise<void> {
    const run = this.queue.then(() => this.decideNow(decision, files));
    this.queue = run.catch(() => undefined);
    return run;
  }

  /** Puts `replacement` in the place of `file` (another target for the same change) and shows the review again. */
  async retarget(file: FileProposal): Promise<void> {
    const retarget = this.options.retarget;
    if (!retarget || this.outcomes.has(file)) return;
    const replacement = await retarget(file);
    if (!replacement || this.outcomes.has(file)) return;
    await this.closeViews([file]);
    this.files = this.files.map((candidate) => (candidate === file ? replacement : candidate));
    file.release();
    this.changeEmitter.fire();
    await this.show();
  }

  /** Rejects whatever is undecided (the extension is going away). */
  dispose(): void {
    const number = ++this.decisions;
    for (const file of this.undecided) {
      this.outcomes.set(file, { outcome: 'rejected', decision: number });
      file.release();
    }
    this.end();
  }

  private async decideNow(decision: 'accept' | 'reject', requested: readonly FileProposal[]): Promise<void> {
    const files = requested.filter((file) => this.files.includes(file) && !this.outcomes.has(file));
    if (files.length === 0) return;
    const number = ++this.decisions;
    const settle = (file: FileProposal, outcome: FileOutcome): void => void this.outcomes.set(file, { outcome, decision: number });
    if (decision === 'reject') {
      for (const file of files) settle(file, 'rejected');
    } else {
      const edit = new vscode.WorkspaceEdit();
      const applying: FileProposal[] = [];
      for (const file of files) {
        if (await file.changedSinceProposal()) {
          settle(file, 'conflict');
        } else {
          await file.addTo(edit);
          applying.push(file);
        }
      }
      const applied = applying.length === 0 || (await vscode.workspace.applyEdit(edit));
      for (const file of applying) settle(file, applied ? 'applied' : 'failed');
    }
    await this.closeViews(files);
    for (const file of files) file.release();
    if (this.ended) {
      this.end();
      const accepted = this.files.filter((file) => this.outcomes.get(file)?.outcome === 'applied');
      // One file: show where it changed; several: the files stay as they are, their edits one undo step away.
      const only = accepted[0];
      if (accepted.length === 1 && this.files.length === 1 && only) await vscode.window.showTextDocument(only.uri, { preview: false });
    } else {
      this.changeEmitter.fire();
      // The multi-file diff closed with the decided file: show the rest again (diffs of their own stay open).
      if (!this.isShown()) await this.show();
    }
  }

  /** Whether some tab still shows an undecided file. */
  isShown(): boolean {
    return vscode.window.tabGroups.all.some((group) => group.tabs.some((tab) => this.shownIn(tab)));
  }

  /** Closes the tabs that show any of `files` (a multi-file diff is shown again with the files left). */
  private closeViews(files: readonly FileProposal[]): Promise<void> {
    return closeProposalTabs(files.map((file) => file.proposalUri));
  }

  private end(): void {
    this.finish(this.files.map((file) => ({ file, outcome: 'rejected', decision: this.decisions, ...this.outcomes.get(file) })));
    this.changeEmitter.fire();
    this.changeEmitter.dispose();
  }
}
