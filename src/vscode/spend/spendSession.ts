// The spend ledger of this window with what shows it (docs/spend.md): the status bar item with today's spend and the
// spend view. Built by SpendFeature on first need; everything here is in the lazily loaded spend bundle.
import * as vscode from 'vscode';
import * as path from 'node:path';
import { SpendLedger, type SpendProblem } from '../../core/spend/spendLedger';
import { SpendPanel } from './spendPanel';
import { SpendStatusItem } from './spendStatusItem';

export interface SpendSessionDeps {
  /** The folder of the month files. */
  directory: string;
  extensionUri: vscode.Uri;
  log: vscode.LogOutputChannel;
}

/** Records arriving together (an answer with its images) update the status bar and the view once. */
const updateDelayMs = 200;

export class SpendSession {
  readonly ledger: SpendLedger;
  private readonly status = new SpendStatusItem();
  private panel: SpendPanel | undefined;
  private recorded = false;
  private updateTimer: ReturnType<typeof setTimeout> | undefined;
  private readonly focus: vscode.Disposable;

  constructor(private readonly deps: SpendSessionDeps) {
    this.ledger = new SpendLedger({
      directory: deps.directory,
      log: (message) => deps.log.info(message),
      onProblem: (problem) => this.tell(problem),
      onRecorded: () => {
        this.recorded = true;
        this.scheduleUpdate();
      },
    });
    // Another window may have spent meanwhile: its records are in the file the totals re-read.
    this.focus = vscode.window.onDidChangeWindowState((state) => {
      if (state.focused && this.status.visible) void this.refreshStatus();
    });
  }

  /** Reads today's and this month's totals into the status bar item (shown once there is spend to show). */
  async refreshStatus(): Promise<void> {
    const totals = await this.ledger.totals();
    const anyToday = Object.keys(totals.day.byProvider).length > 0;
    this.status.update(totals, this.recorded || anyToday);
  }

  async showPanel(): Promise<void> {
    if (this.panel === undefined) {
      this.panel = new SpendPanel({ extensionUri: this.deps.extensionUri, report: () => this.ledger.report(), log: this.deps.log });
      this.panel.onDidDispose(() => (this.panel = undefined));
    }
    this.panel.reveal();
    // The status bar shows what the view shows (today's spend may be another window's, read just now).
    await this.refreshStatus();
  }

  /** Writes what the ledger holds. */
  async dispose(): Promise<void> {
    this.disposeUi();
    await this.ledger.dispose();
  }

  disposeUi(): void {
    clearTimeout(this.updateTimer);
    this.focus.dispose();
    this.status.dispose();
    this.panel?.dispose();
  }

  private scheduleUpdate(): void {
    if (this.updateTimer !== undefined) return;
    this.updateTimer = setTimeout(() => {
      this.updateTimer = undefined;
      this.refreshStatus().catch((error: unknown) => this.deps.log.warn(`Spend: ${String(error)}`));
      this.panel?.update();
    }, updateDelayMs);
    this.updateTimer.unref?.();
  }

  /** A damaged file and a failed write are the user's to know (their spend counts again from a point); the rest is logged. */
  private tell(problem: SpendProblem): void {
    this.deps.log.warn(problem.message);
    switch (problem.kind) {
      case 'damaged':
        void vscode.window.showWarningMessage(
          vscode.l10n.t(
            "Switchboard's spend file {0} was damaged. It was kept as {1}, and this month's spend counts from empty again.",
            path.basename(problem.file),
            path.basename(problem.movedTo ?? problem.file),
          ),
        );
        return;
      case 'write-failed':
        void vscode.window.showWarningMessage(
          vscode.l10n.t('Switchboard could not save its spend record to {0}. The log has the details.', problem.file),
        );
        return;
      case 'newer-version':
      case 'read-failed':
        return;
      default:
        return problem.kind satisfies never;
    }
  }
}
