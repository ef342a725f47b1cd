// `switchboard.setApiKey` and `switchboard.removeApiKey` (docs/security.md): keys go to SecretStorage only, are
// checked against the provider right away, and never appear in a log line or a message.
import * as vscode from 'vscode';
import type { KeyCheck } from '../../core/keys/checkProviderKey';
import type { KeyStore, SaveResult } from '../../core/keys/keyStore';
import type { ResolvedProviderEntry } from '../../core/providers/createChatProvider';
import { assertNever } from '../../shared/assertNever';
import { keyInfoOf, type ProviderEngineHost } from '../engine/providerEngineHost';
import { startCommand } from '../startCommand';
import { describeKeyStatus } from './describeKeyStatus';
import { isChatProvider } from '../models/modelCatalog';
import { describeError } from '../errors/describeError';

export interface ApiKeyCommandArgs {
  /** Skip the provider picker. */
  provider?: string;
}

export interface SetApiKeyResult {
  provider: string;
  saved: SaveResult['saved'];
  check: KeyCheck['result'];
}

export class ApiKeyCommands {
  constructor(
    private readonly host: ProviderEngineHost,
    private readonly keys: KeyStore,
    private readonly log: vscode.LogOutputChannel,
    private readonly onKeysChanged: () => void,
  ) {}

  async setApiKey(args?: ApiKeyCommandArgs): Promise<SetApiKeyResult | undefined> {
    const entry = await this.pickProvider(args?.provider, vscode.l10n.t('Set the API key of which provider?'), () => true);
    if (!entry) return undefined;
    const apiKey = await this.askSecret(
      vscode.l10n.t('API key for {0}', entry.label),
      entry.requiresKey
        ? vscode.l10n.t('Stored in VS Code’s secret storage and sent only to {0}.', entry.baseUrl)
        : vscode.l10n.t('{0} does not need a key; set one only if your server asks for it. Sent only to {1}.', entry.label, entry.baseUrl),
    );
    if (apiKey === undefined) return undefined;
    let apiSecret: string | undefined;
    if (entry.preset?.requiresSecret) {
      apiSecret = await this.askSecret(
        vscode.l10n.t('Secret key for {0}', entry.label),
        vscode.l10n.t('{0} needs the secret key shown beside the API key.', entry.label),
      );
      if (apiSecret === undefined) return undefined;
    }

    const saved = await this.keys.save(entry.id, { apiKey, ...(apiSecret !== undefined ? { apiSecret } : {}) });
    this.onKeysChanged();
    this.log.info(`Key for ${entry.id} ${saved.saved === 'secret-storage' ? 'saved to secret storage' : 'kept for this session only'}`);
    if (saved.saved === 'session-only') this.explainSessionOnly(entry, saved.reason);

    const check = await vscode.window.withProgress(
      { location: vscode.ProgressLocation.Notification, title: vscode.l10n.t('Checking the {0} key…', entry.label), cancellable: true },
      async (_progress, token) => {
        const controller = new AbortController();
        token.onCancellationRequested(() => controller.abort());
        return this.host.get().checkKey(entry.id, controller.signal);
      },
    );
    this.reportCheck(entry, check);
    return { provider: entry.id, saved: saved.saved, check: check.result };
  }

  async removeApiKey(args?: ApiKeyCommandArgs): Promise<string | undefined> {
    const entry = await this.pickProvider(
      args?.provider,
      vscode.l10n.t('Remove the stored key of which provider?'),
      (source) => source === 'stored' || source === 'session',
    );
    if (!entry) return undefined;
    await this.keys.remove(entry.id);
    this.onKeysChanged();
    this.log.info(`Key for ${entry.id} removed`);
    const status = await this.keys.status(keyInfoOf(entry));
    void vscode.window.showInformationMessage(
      status.source === 'environment'
        ? vscode.l10n.t('Removed the stored key of {0}. The {1} environment variable is still used.', entry.label, status.envVar ?? '')
        : vscode.l10n.t('Removed the stored key of {0}.', entry.label),
    );
    return entry.id;
  }

  private async pickProvider(
    id: string | undefined,
    placeholder: string,
    include: (source: string) => boolean,
  ): Promise<ResolvedProviderEntry | undefined> {
    const service = this.host.get();
    if (id !== undefined) {
      const entry = service.entry(id);
      if (!entry) throw new Error(vscode.l10n.t('There is no provider “{0}”.', id));
      return entry;
    }
    const items: (vscode.QuickPickItem & { entry: ResolvedProviderEntry })[] = [];
    for (const entry of service.providerEntries().entries) {
      const status = await this.keys.status(keyInfoOf(entry));
      if (!include(status.source)) continue;
      items.push({ label: entry.label, description: `${entry.id} · ${describeKeyStatus(status)}`, detail: entry.baseUrl, entry });
    }
    if (items.length === 0) {
      void vscode.window.showInformationMessage(vscode.l10n.t('No provider has a stored key.'));
      return undefined;
    }
    const picked = await vscode.window.showQuickPick(items, { placeHolder: placeholder, matchOnDescription: true, matchOnDetail: true });
    return picked?.entry;
  }

  private async askSecret(title: string, prompt: string): Promise<string | undefined> {
    const value = await vscode.window.showInputBox({
      title,
      prompt,
      password: true,
      ignoreFocusOut: true,
      placeHolder: vscode.l10n.t('Paste the key here'),
      validateInput: (text) => {
        const trimmed = text.trim();
        if (trimmed === '') return vscode.l10n.t('The key is empty.');
        if (/\s/.test(trimmed)) return vscode.l10n.t('A key has no spaces or line breaks; check what was pasted.');
        return undefined;
      },
    });
    return value === undefined ? undefined : value.trim();
  }

  private explainSessionOnly(entry: ResolvedProviderEntry, reason: string): void {
    const envVar = entry.keyEnvVars[0];
    void vscode.window.showErrorMessage(
      vscode.l10n.t(
        'VS Code’s secret storage could not save the {0} key ({1}), so Switchboard keeps it only until VS Code closes. On Linux this usually means no keyring (GNOME Keyring or KWallet) is running: start one, or start VS Code with --password-store="basic"{2}.',
        entry.label,
        reason,
        envVar ? vscode.l10n.t(', or set the {0} environment variable', envVar) : '',
      ),
      { modal: false },
    );
  }

  private reportCheck(entry: ResolvedProviderEntry, check: KeyCheck): void {
    switch (check.result) {
      case 'works':
        this.offerModels(entry, describeWorkingKey(entry.label, check));
        return;
      case 'rejected': {
        const again = vscode.l10n.t('Set the Key Again');
        void vscode.window
          .showWarningMessage(
            vscode.l10n.t('The key was saved, but {0} did not accept it: {1}', entry.label, describeError(check.error)),
            again,
          )
          .then((choice) => {
            if (choice === again) startCommand('switchboard.setApiKey', { provider: entry.id });
          });
        return;
      }
      case 'unreachable':
        void vscode.window.showWarningMessage(
          vscode.l10n.t('The key was saved, but it could not be checked: {0}', describeError(check.error)),
        );
        return;
      case 'unverified':
        this.offerModels(
          entry,
          vscode.l10n.t('The {0} key was saved. {0} has no free way to check a key; the first request will tell.', entry.label),
        );
        return;
      default:
        assertNever(check, 'key check');
    }
  }

  /** A key that works leads on to the next step, choosing one of the provider's models (docs/chat.md). */
  private offerModels(entry: ResolvedProviderEntry, text: string): void {
    if (!isChatProvider(entry)) {
      void vscode.window.showInformationMessage(text);
      return;
    }
    const choose = vscode.l10n.t('Choose a Model');
    void vscode.window.showInformationMessage(text, choose).then((choice) => {
      if (choice === choose) startCommand('switchboard.selectModel', { provider: entry.id });
    });
  }
}

/** The "key works" sentence, with what the check learnt: models, credits, or (OpenRouter) the money left. */
function describeWorkingKey(label: string, check: Extract<KeyCheck, { result: 'works' }>): string {
  if (check.creditUnit === 'usd') {
    if (check.credits !== undefined && typeof check.creditLimit === 'number') {
      return vscode.l10n.t('The {0} key works: {1} of its {2} limit left.', label, dollars(check.credits), dollars(check.creditLimit));
    }
    if (check.creditLimit === null) {
      return check.creditsUsed !== undefined
        ? vscode.l10n.t(
            'The {0} key works. It has no spending limit of its own (the account balance applies); {1} spent with it so far.',
            label,
            dollars(check.creditsUsed),
          )
        : vscode.l10n.t('The {0} key works. It has no spending limit of its own (the account balance applies).', label);
    }
  }
  if (check.models !== undefined) return vscode.l10n.t('The {0} key works: {1} models available.', label, check.models);
  if (check.credits !== undefined) return vscode.l10n.t('The {0} key works: {1} credits left.', label, check.credits);
  return vscode.l10n.t('The {0} key works.', label);
}

/** US dollars in the display language's format ($4.90, 4,90 $). */
function dollars(amount: number): string {
  try {
    return new Intl.NumberFormat(vscode.env.language, { style: 'currency', currency: 'USD' }).format(amount);
  } catch {
    return `$${amount.toFixed(2)}`;
  }
}
