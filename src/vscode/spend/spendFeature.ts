// Spend (issue 19, docs/spend.md) as activation sees it: the `switchboard.showSpend` command, the recorder the chat,
// images, completions and budgets write to and read from, and one look at the disk a moment after activation for
// today's spend. The ledger, the status bar item and the spend view are in the lazily loaded spend bundle
// (loadSpend.ts), required on the first record, the first total, or when this month's file exists.
import * as vscode from 'vscode';
import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import { localMonth } from '../../core/spend/localDay';
import type { SpendEntry, SpendRecorder, SpendTotals } from '../../core/spend/spendTypes';
import { loadSpend } from './loadSpend';
import type { SpendSession } from './spendModule';

export interface SpendFeatureDeps {
  /** The extension's global storage: the ledger's files are in its `spend` folder. */
  globalStorageUri: vscode.Uri;
  extensionUri: vscode.Uri;
  log: vscode.LogOutputChannel;
}

/** How long after activation the status bar first looks for today's spend (activation itself never waits for it). */
const firstLookMs = 1500;

export class SpendFeature implements vscode.Disposable {
  private session: SpendSession | undefined;
  private readonly subscriptions: vscode.Disposable[] = [];
  private readonly firstLook: ReturnType<typeof setTimeout>;
  private readonly spendRecorder: SpendRecorder = {
    record: (entry: SpendEntry) => this.open().ledger.record(entry),
    totals: (now?: number): Promise<SpendTotals> => this.open().ledger.totals(now),
  };

  constructor(private readonly deps: SpendFeatureDeps) {
    this.subscriptions.push(vscode.commands.registerCommand('switchboard.showSpend', () => this.show()));
    this.firstLook = setTimeout(() => void this.lookForToday(), firstLookMs);
    this.firstLook.unref?.();
  }

  /** The folder of the month files. */
  get directory(): string {
    return path.join(this.deps.globalStorageUri.fsPath, 'spend');
  }

  /** Where spend is recorded and read; the ledger loads on the first call of either method. */
  recorder(): SpendRecorder {
    return this.spendRecorder;
  }

  /** `switchboard.showSpend`: the spend view. */
  async show(): Promise<void> {
    await this.open().showPanel();
  }

  /** Writes what the ledger holds (deactivate waits for it). */
  async flush(): Promise<void> {
    await this.session?.dispose();
  }

  dispose(): void {
    clearTimeout(this.firstLook);
    for (const subscription of this.subscriptions) subscription.dispose();
    // The ledger's last write is `flush`, which deactivate awaits; this only lets go of the UI.
    this.session?.disposeUi();
  }

  private open(): SpendSession {
    this.session ??= new (loadSpend().SpendSession)({ ...this.deps, directory: this.directory });
    return this.session;
  }

  /** Loads the spend bundle only when this month has a file: a fresh install never loads it at startup. */
  private async lookForToday(): Promise<void> {
    if (this.session !== undefined) return;
    try {
      await fs.access(path.join(this.directory, `${localMonth(Date.now())}.json`));
    } catch {
      return;
    }
    try {
      await this.open().refreshStatus();
    } catch (error) {
      this.deps.log.warn(`Spend: could not read today's spend: ${error instanceof Error ? error.message : String(error)}`);
    }
  }
}
