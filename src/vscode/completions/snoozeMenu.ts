// `switchboard.snoozeCompletions` (and a click on the status item): a short menu to snooze inline completions for a
// while, wake them up, turn them on or off, or change the model (docs/completions.md).
import * as vscode from 'vscode';

export interface SnoozeMenuTarget {
  readonly snoozed: boolean;
  readonly off: boolean;
  snooze(minutes: number): Promise<void>;
  toggle(): Promise<void>;
}

type Item = vscode.QuickPickItem & { run: () => Thenable<unknown> };

/** `minutes` given: snoozes without asking (0 wakes them up). */
export async function snoozeMenu(target: SnoozeMenuTarget, minutes?: number): Promise<void> {
  if (minutes !== undefined) {
    if (!Number.isFinite(minutes) || minutes < 0) throw new Error(vscode.l10n.t('Snooze for a number of minutes (0 or more).'));
    await target.snooze(minutes);
    return;
  }
  const snoozeFor = (value: number): Item => ({
    label: `$(clock) ${vscode.l10n.t('Snooze for {0} minutes', value)}`,
    run: () => target.snooze(value),
  });
  const items: Item[] = [
    ...(target.snoozed ? [{ label: `$(play) ${vscode.l10n.t('Wake up now')}`, run: () => target.snooze(0) }] : []),
    snoozeFor(5),
    snoozeFor(15),
    snoozeFor(60),
    {
      label: target.off
        ? `$(sparkle) ${vscode.l10n.t('Turn inline completions on')}`
        : `$(circle-slash) ${vscode.l10n.t('Turn inline completions off')}`,
      run: () => target.toggle(),
    },
    {
      label: `$(settings-gear) ${vscode.l10n.t('Select Completion Model…')}`,
      run: () => vscode.commands.executeCommand('switchboard.selectCompletionModel'),
    },
  ];
  const picked = await vscode.window.showQuickPick(items, { title: vscode.l10n.t('Switchboard: Inline Completions') });
  await picked?.run();
}
