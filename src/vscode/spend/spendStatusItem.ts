// The status bar's spend item (docs/spend.md): today's dollars, this month's on hover, a click opens the spend view.
// Hidden until something is recorded in this window or the ledger has spend for today.
import * as vscode from 'vscode';
import { formatUsd } from '../../shared/spendView';
import type { SpendSum, SpendTotals } from '../../core/spend/spendTypes';

export class SpendStatusItem implements vscode.Disposable {
  private readonly item: vscode.StatusBarItem;
  visible = false;

  constructor() {
    this.item = vscode.window.createStatusBarItem('switchboard.spend', vscode.StatusBarAlignment.Right, 98);
    this.item.name = vscode.l10n.t('Switchboard Spend');
    this.item.command = 'switchboard.showSpend';
  }

  update(totals: SpendTotals, show: boolean): void {
    const today = withUnknown(totals.day);
    const month = withUnknown(totals.month);
    this.item.text = `$(graph) ${formatUsd(totals.day.usd)}`;
    const summary = vscode.l10n.t('Spent today: {0} · this month: {1}', today, month);
    this.item.tooltip = summary;
    this.item.accessibilityInformation = { label: summary, role: 'button' };
    if (show && !this.visible) this.item.show();
    this.visible ||= show;
  }

  dispose(): void {
    this.item.dispose();
  }
}

/** "$0.42", or "$0.42 (+2 with unknown price)". */
function withUnknown(sum: SpendSum): string {
  const usd = formatUsd(sum.usd);
  return sum.unpriced === 0 ? usd : vscode.l10n.t('{0} (+{1} with unknown price)', usd, sum.unpriced);
}
