// Inline completions (issue 18, docs/completions.md) as activation sees them: the status bar item, the commands, and
// an inline completion provider that answers "nothing" at once unless a completion model is chosen, completions are
// on and not snoozed, and the language is not disabled. Everything else — the prompt, the request, the cleaning, the
// cache — is in the lazily loaded completions bundle (loadCompletions.ts), required on the first real request.
import * as vscode from 'vscode';
import type { ProviderEngineHost } from '../engine/providerEngineHost';
import type { ModelCatalog } from '../models/modelCatalog';
import type { Pricing } from '../pricing/pricing';
import type { SettingsService } from '../settings/settingsService';
import type { CompletionsHealth } from './completionsHealth';
import { CompletionsState } from './completionsState';
import type { InlineCompleter } from './inlineCompleter';
import { loadCompletions } from './loadCompletions';

export interface CompletionsFeatureDeps {
  host: ProviderEngineHost;
  settings: SettingsService;
  catalog: ModelCatalog;
  /** The global state: on/off, snooze and the counts follow the user, not the workspace. */
  memento: vscode.Memento;
  log: vscode.LogOutputChannel;
  /** Prices (issue 19): what each completion request cost goes into the spend ledger. */
  pricing?: Pricing;
}

export class CompletionsFeature implements vscode.Disposable {
  readonly state: CompletionsState;
  private readonly item: vscode.StatusBarItem;
  private readonly subscriptions: vscode.Disposable[] = [];
  private completer: InlineCompleter | undefined;
  private health: CompletionsHealth = { kind: 'ok' };
  private snoozeTimer: ReturnType<typeof setTimeout> | undefined;

  constructor(private readonly deps: CompletionsFeatureDeps) {
    this.state = new CompletionsState(deps.memento);
    this.item = vscode.window.createStatusBarItem('switchboard.completions', vscode.StatusBarAlignment.Right, 99);
    this.item.name = vscode.l10n.t('Switchboard Inline Completions');
    this.item.command = 'switchboard.snoozeCompletions';
    this.subscriptions.push(
      this.item,
      vscode.languages.registerInlineCompletionItemProvider(
        { pattern: '**' },
        { provideInlineCompletionItems: (document, position, context, token) => this.provide(document, position, context, token) },
      ),
      deps.settings.onDidChange(() => this.update()),
    );
    this.update();
  }

  /** Whether a request may be made at all (a model is chosen, completions are on and not snoozed). */
  get active(): boolean {
    return this.deps.settings.settings.completionsModel !== '' && !this.state.off && this.state.snoozedUntil() === 0;
  }

  get snoozed(): boolean {
    return this.state.snoozedUntil() > 0;
  }

  get off(): boolean {
    return this.state.off;
  }

  /** The snooze menu (a click on the status item), or a snooze of `minutes` without asking. */
  async snoozeMenu(minutes?: number): Promise<void> {
    await loadCompletions().snoozeMenu(this, minutes);
  }

  /** `switchboard.selectCompletionModel`: the picker, or `model` saved without asking. */
  async selectModel(model?: string): Promise<string | undefined> {
    const chosen = await loadCompletions().selectCompletionModel(this.deps, model);
    if (chosen !== undefined && chosen !== '' && this.state.off) await this.state.setOff(false);
    this.update();
    return chosen;
  }

  async toggle(): Promise<void> {
    if (this.deps.settings.settings.completionsModel === '') {
      await vscode.commands.executeCommand('switchboard.selectCompletionModel');
      return;
    }
    await this.state.setOff(!this.state.off);
    if (!this.state.off) await this.state.snooze(0);
    this.update();
  }

  /** Snoozes for `minutes` (0 wakes them up). */
  async snooze(minutes: number): Promise<void> {
    await this.state.snooze(minutes);
    clearTimeout(this.snoozeTimer);
    if (minutes > 0) {
      this.snoozeTimer = setTimeout(() => this.update(), minutes * 60_000 + 500);
      this.snoozeTimer.unref?.();
    }
    this.update();
  }

  /** The completer's report of its last request. */
  reportHealth(health: CompletionsHealth): void {
    if (health.kind === this.health.kind && (health.kind === 'ok' || health.message === (this.health as { message?: string }).message))
      return;
    this.health = health;
    this.update();
  }

  async accepted(): Promise<void> {
    await this.state.countAccepted();
    this.update();
  }

  dispose(): void {
    clearTimeout(this.snoozeTimer);
    this.completer?.dispose();
    for (const subscription of this.subscriptions) subscription.dispose();
  }

  private provide(
    document: vscode.TextDocument,
    position: vscode.Position,
    context: vscode.InlineCompletionContext,
    token: vscode.CancellationToken,
  ): vscode.ProviderResult<vscode.InlineCompletionItem[]> {
    if (!this.active) return undefined;
    if (this.deps.settings.settings.completionsDisabledLanguages.includes(document.languageId)) return undefined;
    this.completer ??= new (loadCompletions().InlineCompleter)({
      host: this.deps.host,
      settings: this.deps.settings,
      log: this.deps.log,
      report: (health) => this.reportHealth(health),
      shown: () => void this.state.countShown().then(() => this.update()),
      ...(this.deps.pricing !== undefined ? { pricing: this.deps.pricing } : {}),
    });
    return this.completer.provide(document, position, context, token);
  }

  private update(): void {
    const model = this.deps.settings.settings.completionsModel;
    const short = model.slice(model.indexOf('/') + 1);
    const until = this.state.snoozedUntil();
    const counts = vscode.l10n.t('Shown {0}, accepted {1} (counted on this machine only).', this.state.shown, this.state.accepted);
    if (model === '') {
      this.item.hide();
      return;
    }
    if (this.state.off) {
      this.item.text = `$(circle-slash) ${short}`;
      this.item.tooltip = `${vscode.l10n.t('Switchboard inline completions are off ({0}) — click to snooze, turn on or change the model', model)}\n${counts}`;
    } else if (until > 0) {
      const minutes = Math.max(1, Math.round((until - Date.now()) / 60_000));
      this.item.text = `$(clock) ${vscode.l10n.t('{0} min', minutes)}`;
      this.item.tooltip = `${vscode.l10n.t('Switchboard inline completions are snoozed for {0} more minutes ({1})', minutes, model)}\n${counts}`;
    } else if (this.health.kind !== 'ok') {
      this.item.text = `$(${this.health.kind === 'paused' ? 'debug-pause' : 'warning'}) ${short}`;
      this.item.tooltip = `${
        this.health.kind === 'paused'
          ? vscode.l10n.t('Switchboard inline completions are paused after repeated failures: {0}', this.health.message)
          : vscode.l10n.t('The last inline completion failed: {0}', this.health.message)
      }\n${counts}`;
    } else {
      this.item.text = `$(sparkle) ${short}`;
      this.item.tooltip = `${vscode.l10n.t('Switchboard inline completions: {0} — click to snooze, turn off or change the model', model)}\n${counts}`;
    }
    this.item.show();
  }
}
