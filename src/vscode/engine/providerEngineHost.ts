// The one way into the provider engine bundle (dist/engine.js: undici, zod, every protocol client, built from
// src/core/engine.ts), which is loaded on first use so that activation stays small and fast (docs/performance.md). Owns the
// one ProviderEngine of the extension: created on first use, reconfigured whenever settings change, with keys read
// from the KeyStore only when a client is built. Everything else in src/vscode reaches the engine through this
// class and imports only types from the engine's modules (a lint rule in eslint.config.mjs holds the line).
import * as vscode from 'vscode';
import type * as EngineExports from '../../core/engine';
import type { ProviderEngine } from '../../core/providerEngine';
import type { KeyStore, ProviderKeyInfo } from '../../core/keys/keyStore';
import type { ResolvedProviderEntry } from '../../core/providers/createChatProvider';
import type { SettingsService } from '../settings/settingsService';
import { semanticCacheOptions } from '../../core/semanticCache/semanticCacheSetting';
import type { HostLanguageModels } from '../../core/lm/hostLanguageModels';

/** What dist/engine.js exports: the ProviderEngine class and the functions the commands use on first need. */
export type EngineModule = typeof EngineExports;

export class ProviderEngineHost implements vscode.Disposable {
  private loaded: EngineModule | undefined;
  private service: ProviderEngine | undefined;
  private readonly subscription: vscode.Disposable;

  constructor(
    private readonly settings: SettingsService,
    private readonly keys: KeyStore,
    private readonly globalState: vscode.Memento,
    private readonly log: vscode.LogOutputChannel,
    /** The extension's global storage folder (the semantic cache's file); absent: that cache lives in memory. */
    private readonly storageDirectory?: string,
    /** VS Code's language models for the `vscode-lm` provider kind, where the editor has them (docs/vscode-chat.md). */
    private readonly hostModels?: HostLanguageModels,
  ) {
    this.subscription = settings.onDidChange(() => {
      if (this.service) this.configure(this.service);
    });
  }

  /**
   * The engine bundle's functions (prompts, code extraction, image files), loaded on first use. Classes from here
   * are not the extension bundle's classes: compare `kind`/`name`, never `instanceof` (src/core/engine.ts).
   */
  module(): EngineModule {
    if (!this.loaded) {
      const started = performance.now();
      // esbuild leaves this require alone (`./engine.js` is external in esbuild.js).
      // eslint-disable-next-line @typescript-eslint/no-require-imports
      this.loaded = require('./engine.js') as EngineModule;
      this.log.info(`Provider engine loaded in ${(performance.now() - started).toFixed(1)} ms`);
    }
    return this.loaded;
  }

  /** The configured ProviderEngine, created (and the engine bundle loaded) on first use. */
  get(): ProviderEngine {
    if (!this.service) {
      const { ProviderEngine } = this.module();
      this.service = new ProviderEngine({
        credentials: (entry) => this.keys.credentials(keyInfoOf(entry)),
        log: (message) => this.log.info(message),
        cacheStorage: {
          get: async (key) => this.globalState.get<string>(key),
          update: async (key, value) => this.globalState.update(key, value),
        },
        ...(this.storageDirectory !== undefined ? { semanticCacheFile: `${this.storageDirectory}/semantic-cache.json` } : {}),
        // Per-day rate-limit counts survive a restart (docs/spend.md, "Ledger and files").
        ...(this.storageDirectory !== undefined ? { rateLimitFile: `${this.storageDirectory}/spend/rate-limits.json` } : {}),
        ...(this.hostModels ? { hostModels: this.hostModels } : {}),
      });
      this.configure(this.service);
    }
    return this.service;
  }

  /** Writes the engine's state that outlives the window (per-day rate-limit counts), if the engine was ever built. */
  async flush(): Promise<void> {
    await this.service?.flush();
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
      semanticCache: semanticCacheOptions(settings.semanticCache),
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
