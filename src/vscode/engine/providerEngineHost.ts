// Owns the one ProviderEngine of the extension: created on first use, reconfigured whenever settings change, with
// keys read from the KeyStore only when a client is built.
import * as vscode from 'vscode';
import type { ProviderEngine } from '../../core/providerEngine';
import type { KeyStore, ProviderKeyInfo } from '../../core/keys/keyStore';
import type { ResolvedProviderEntry } from '../../core/providers/createChatProvider';
import type { SettingsService } from '../settings/settingsService';
import { loadEngine } from './loadEngine';

export class ProviderEngineHost implements vscode.Disposable {
  private service: ProviderEngine | undefined;
  private readonly subscription: vscode.Disposable;

  constructor(
    private readonly settings: SettingsService,
    private readonly keys: KeyStore,
    private readonly globalState: vscode.Memento,
    private readonly log: vscode.LogOutputChannel,
  ) {
    this.subscription = settings.onDidChange(() => {
      if (this.service) this.configure(this.service);
    });
  }

  get(): ProviderEngine {
    if (!this.service) {
      const started = performance.now();
      const { ProviderEngine } = loadEngine();
      this.service = new ProviderEngine({
        credentials: (entry) => this.keys.credentials(keyInfoOf(entry)),
        log: (message) => this.log.info(message),
        cacheStorage: {
          get: async (key) => this.globalState.get<string>(key),
          update: async (key, value) => this.globalState.update(key, value),
        },
      });
      this.configure(this.service);
      this.log.info(`Provider engine loaded in ${(performance.now() - started).toFixed(1)} ms`);
    }
    return this.service;
  }

  dispose(): void {
    this.subscription.dispose();
  }

  private configure(service: ProviderEngine): void {
    const settings = this.settings.settings;
    const proxy = this.settings.proxySettings();
    const timeoutMs = settings.timeoutSeconds * 1000;
    service.configure({
      providers: settings.providers,
      responseCache: settings.responseCache,
      http: {
        firstByteTimeoutMs: timeoutMs,
        idleTimeoutMs: timeoutMs,
        generationTimeoutMs: settings.imagesTimeoutSeconds * 1000,
        deadlineMs: settings.deadlineSeconds * 1000,
        maxRetries: settings.maxRetries,
        strictSSL: proxy.strictSSL,
        ...(proxy.proxy ? { proxy: proxy.proxy } : {}),
        ...(proxy.noProxy ? { noProxy: proxy.noProxy } : {}),
      },
    });
  }
}

/** What the KeyStore needs to know about a provider entry. */
export function keyInfoOf(entry: ResolvedProviderEntry): ProviderKeyInfo {
  return {
    id: entry.id,
    requiresKey: entry.requiresKey,
    requiresSecret: entry.preset?.requiresSecret ?? false,
    keyEnvVars: entry.keyEnvVars,
    secretEnvVars: entry.preset?.secretEnvVars ?? [],
  };
}
