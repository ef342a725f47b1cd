// Reads Switchboard's settings the safe way (docs/security.md) and keeps them current.
//
// Application-scoped settings decide where requests and keys go, so they are read from the user's settings only:
// `inspect().globalValue`, never the workspace or folder values, even if a repository's .vscode/settings.json
// sets them (VS Code already ignores them there; reading them explicitly from the user level makes sure).
import * as vscode from 'vscode';
import {
  readSwitchboardSettings,
  type SettingKey,
  type SettingProblem,
  type SwitchboardSettings,
} from '../../core/config/switchboardSettings';
import { defaultSettings } from '../../core/config/switchboardSettings';
import { errorDetail } from '../../core/errors/errorFactories';

export interface ProxySettings {
  proxy?: string;
  noProxy?: readonly string[];
  strictSSL: boolean;
}

export class SettingsService implements vscode.Disposable {
  private cached: { settings: SwitchboardSettings; problems: SettingProblem[] } | undefined;
  private lastReported = '';
  private readonly changeEmitter = new vscode.EventEmitter<SwitchboardSettings>();
  private readonly subscription: vscode.Disposable;

  /** Fires after any `switchboard.*` or proxy setting changed, with the new, validated settings. */
  readonly onDidChange = this.changeEmitter.event;

  constructor(private readonly log: vscode.LogOutputChannel) {
    this.subscription = vscode.workspace.onDidChangeConfiguration((event) => {
      if (!event.affectsConfiguration('switchboard') && !event.affectsConfiguration('http')) return;
      this.cached = undefined;
      this.changeEmitter.fire(this.settings);
    });
  }

  /** The current, validated settings; problems are reported once, in one notification. */
  get settings(): SwitchboardSettings {
    if (!this.cached) {
      this.cached = readSwitchboardSettings((key) => this.userValue(key));
      this.report(this.cached.problems);
    }
    return this.cached.settings;
  }

  get problems(): readonly SettingProblem[] {
    void this.settings;
    return this.cached?.problems ?? [];
  }

  /**
   * `switchboard.images.folder` (resource scope): the folder's or workspace's value, but only in a trusted
   * workspace; otherwise only the user's own value (docs/security.md).
   */
  imagesFolderFor(folder: vscode.WorkspaceFolder | undefined): string {
    const inspected = vscode.workspace.getConfiguration('switchboard', folder?.uri).inspect<unknown>('images.folder');
    const candidates = vscode.workspace.isTrusted
      ? [inspected?.workspaceFolderValue, inspected?.workspaceValue, inspected?.globalValue]
      : [inspected?.globalValue];
    const value = candidates.find((candidate) => candidate !== undefined);
    return typeof value === 'string' && value.trim() !== '' ? value : defaultSettings.imagesFolder;
  }

  /** VS Code's own proxy settings, from the user level only (they decide where requests go). */
  proxySettings(): ProxySettings {
    const http = vscode.workspace.getConfiguration('http');
    const proxy = http.inspect<string>('proxy')?.globalValue;
    const noProxy = http.inspect<string[]>('noProxy')?.globalValue;
    const strictSSL = http.inspect<boolean>('proxyStrictSSL')?.globalValue;
    return {
      ...(proxy ? { proxy } : {}),
      ...(Array.isArray(noProxy) ? { noProxy } : {}),
      strictSSL: strictSSL ?? true,
    };
  }

  /** Persists the chosen chat model in the user's settings. */
  async setChatModel(model: string): Promise<void> {
    await vscode.workspace.getConfiguration('switchboard').update('chat.model', model, vscode.ConfigurationTarget.Global);
    this.cached = undefined;
  }

  dispose(): void {
    this.subscription.dispose();
    this.changeEmitter.dispose();
  }

  private userValue(key: SettingKey): unknown {
    return vscode.workspace.getConfiguration('switchboard').inspect<unknown>(key)?.globalValue;
  }

  private report(problems: readonly SettingProblem[]): void {
    const text = problems.map((problem) => `“${problem.setting}”: ${problem.message}`).join('; ');
    if (text === this.lastReported) return;
    this.lastReported = text;
    if (problems.length === 0) return;
    this.log.warn(`Invalid settings: ${text}`);
    const message =
      problems.length === 1
        ? vscode.l10n.t('Switchboard ignores the setting {0} until it is fixed; everything else keeps working.', text)
        : vscode.l10n.t('Switchboard ignores these settings until they are fixed; everything else keeps working: {0}', text);
    const openSettings = vscode.l10n.t('Open Settings');
    void vscode.window.showWarningMessage(message, openSettings).then((choice) => {
      if (choice === openSettings) {
        vscode.commands
          .executeCommand('workbench.action.openSettingsJson')
          .then(undefined, (error: unknown) => this.log.warn(`Opening the settings failed: ${errorDetail(error)}`));
      }
    });
  }
}
