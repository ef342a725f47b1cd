// The open reviews of proposed changes and the commands that decide them (docs/editor-commands.md, "The diff flow").
// Accept / Reject / Accept All live on the diff itself: in the diff editor's title bar and as keybindings, shown
// while the active editor is an undecided proposal (the context keys below), and they stay until the user decides.
// Closing a diff decides nothing: the status bar counts what waits for a decision and shows it again.
//
// Loaded at activation, so it only registers, tracks and forwards: the reviews themselves and what the commands do
// live in the apply-code bundle (loadApplyCode.ts), loaded with the first proposal.
import * as vscode from 'vscode';
import type { ChangeReview, ChangeReviewOptions } from './changeReview';
import type { FileProposal } from './fileProposal';
import { loadApplyCode, type ApplyCodeModule } from './loadApplyCode';
import type { ProposalDocuments } from './proposalDocuments';
import type { ReviewRegistry } from './reviewRegistry';

/** The ids of the review commands (and the prefix of the context keys) under one namespace. */
export function reviewCommandIds(namespace: string): {
  accept: string;
  reject: string;
  acceptAll: string;
  changeTarget: string;
  showPending: string;
} {
  return {
    accept: `${namespace}.acceptProposal`,
    reject: `${namespace}.rejectProposal`,
    acceptAll: `${namespace}.acceptAllProposals`,
    changeTarget: `${namespace}.changeProposalTarget`,
    showPending: `${namespace}.showProposals`,
  };
}

export class ChangeReviews implements ReviewRegistry, vscode.Disposable {
  private readonly reviews: ChangeReview[] = [];
  private status: vscode.StatusBarItem | undefined;
  private readonly subscriptions: vscode.Disposable[];
  private readonly context = new Map<string, boolean>();
  readonly commands: ReturnType<typeof reviewCommandIds>;

  /**
   * `load` gives the apply-code bundle (the in-editor tests hand in the modules themselves). `namespace` prefixes
   * the commands and context keys: `switchboard` in the extension; another one only where a second instance shares
   * the extension host (the in-editor tests).
   */
  constructor(
    readonly documents: ProposalDocuments,
    readonly load: () => ApplyCodeModule = loadApplyCode,
    private readonly namespace = 'switchboard',
  ) {
    this.commands = reviewCommandIds(namespace);
    const update = (): void => this.update();
    this.subscriptions = [
      vscode.window.tabGroups.onDidChangeTabs(update),
      vscode.window.tabGroups.onDidChangeTabGroups(update),
      vscode.window.onDidChangeActiveTextEditor(update),
    ];
  }

  /** The reviews waiting for a decision, oldest first. */
  get pending(): readonly ChangeReview[] {
    return this.reviews.filter((review) => !review.ended);
  }

  /** Opens a review of `files` and shows it; its decisions arrive through `review.done`. */
  async open(files: readonly FileProposal[], options: ChangeReviewOptions): Promise<ChangeReview> {
    const review = new (this.load().ChangeReview)(files, options);
    this.reviews.push(review);
    review.onDidChange(() => {
      const index = this.reviews.indexOf(review);
      if (review.ended && index >= 0) this.reviews.splice(index, 1);
      this.update();
    });
    await review.show();
    this.update();
    return review;
  }

  /** The undecided file a URI belongs to (a side of its diff, or the file itself), in the newest review first. */
  find(uri: vscode.Uri): FileProposal | undefined {
    for (const review of [...this.pending].reverse()) {
      const file = review.find(uri);
      if (file) return file;
    }
    return undefined;
  }

  /** Registers the review commands (an optional URI argument names the file); the Disposable unregisters them. */
  registerCommands(): vscode.Disposable {
    const register = (id: string, handler: (arg?: unknown) => Promise<unknown>): vscode.Disposable =>
      vscode.commands.registerCommand(id, async (arg?: unknown) => {
        try {
          return await handler(arg);
        } catch (error) {
          void vscode.window.showErrorMessage(error instanceof Error ? error.message : String(error));
          throw error;
        }
      });
    // With nothing under review there is nothing to load or decide.
    const idle = (): boolean => this.pending.length === 0;
    return vscode.Disposable.from(
      register(this.commands.accept, async (arg) => !idle() && this.load().decideFromCommand(this, 'accept', arg)),
      register(this.commands.reject, async (arg) => !idle() && this.load().decideFromCommand(this, 'reject', arg)),
      register(this.commands.acceptAll, async (arg) => !idle() && this.load().acceptAllFromCommand(this, arg)),
      register(this.commands.changeTarget, async (arg) => (idle() ? undefined : this.load().changeTargetFromCommand(this, arg))),
      register(this.commands.showPending, async () => (idle() ? undefined : this.load().showPendingReviews(this))),
    );
  }

  dispose(): void {
    for (const review of this.reviews.splice(0)) review.dispose();
    for (const subscription of this.subscriptions) subscription.dispose();
    this.status?.dispose();
  }

  /** Keeps the context keys (which the title-bar buttons and keybindings depend on) and the status bar current. */
  private update(): void {
    const tab = vscode.window.tabGroups.activeTabGroup.activeTab;
    const pending = this.pending;
    const active = [...pending].reverse().find((review) => review.shownIn(tab));
    this.setContext('proposalActive', active !== undefined);
    this.setContext('proposalMultiFile', (active?.undecided.length ?? 0) > 1);
    this.setContext('proposalRetargetable', active?.canRetarget ?? false);
    this.setContext('proposalsPending', pending.length > 0);
    const count = pending.reduce((sum, review) => sum + review.undecided.length, 0);
    if (count === 0) {
      this.status?.hide();
      return;
    }
    if (!this.status) {
      this.status = vscode.window.createStatusBarItem(`${this.namespace}.proposals`, vscode.StatusBarAlignment.Left, 100);
      this.status.name = vscode.l10n.t('Switchboard: proposed changes');
      this.status.command = this.commands.showPending;
    }
    this.status.text = `$(git-compare) ${count}`;
    this.status.tooltip = vscode.l10n.t('Switchboard: proposed changes waiting for Accept or Reject ({0}). Click to show them.', count);
    this.status.show();
  }

  private setContext(key: string, value: boolean): void {
    if (this.context.get(key) === value) return;
    this.context.set(key, value);
    void vscode.commands.executeCommand('setContext', `${this.namespace}.${key}`, value);
  }
}
