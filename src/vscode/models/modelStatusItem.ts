import * as vscode from 'vscode';
import type { SettingsService } from '../settings/settingsService';

/** The status bar item that shows the current chat model and opens the model picker. */
export function createModelStatusItem(settings: SettingsService): vscode.Disposable {
  const item = vscode.window.createStatusBarItem('switchboard.model', vscode.StatusBarAlignment.Right, 100);
  item.name = vscode.l10n.t('Switchboard Chat Model');
  item.command = 'switchboard.selectModel';
  // Follows every change of `switchboard.chat.model`, from the pickers or settings.json alike.
  const update = (): void => {
    const model = settings.settings.chatModel;
    item.text = model ? `$(hubot) ${model.slice(model.indexOf('/') + 1)}` : `$(hubot) ${vscode.l10n.t('Select a model')}`;
    item.tooltip = model
      ? vscode.l10n.t('Switchboard chat model: {0} — click to change', model)
      : vscode.l10n.t('Switchboard: no chat model chosen yet — click to choose one');
  };
  update();
  item.show();
  const subscription = settings.onDidChange(update);
  return vscode.Disposable.from(item, subscription);
}
