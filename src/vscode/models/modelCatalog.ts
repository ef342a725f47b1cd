// The chat models of every provider that has a usable key, listed live and kept for the session (a refresh
// lists again). Shared by `switchboard.selectModel` and the chat panel's model picker.
import type { ProviderModels } from '../../core/providerEngine';
import type { KeyStore } from '../../core/keys/keyStore';
import type { ResolvedProviderEntry } from '../../core/providers/createChatProvider';
import { keyInfoOf, type ProviderEngineHost } from '../engine/providerEngineHost';

const chatKinds = new Set(['openai', 'anthropic', 'gemini', 'sydney']);

export class ModelCatalog {
  private readonly lists = new Map<string, Promise<ProviderModels>>();

  constructor(
    private readonly host: ProviderEngineHost,
    private readonly keys: KeyStore,
  ) {}

  /** Chat providers whose key is there (stored, session, environment) or not needed. */
  async chatProviders(): Promise<ResolvedProviderEntry[]> {
    const usable: ResolvedProviderEntry[] = [];
    for (const entry of this.host.get().providerEntries().entries) {
      if (!(entry.preset?.chat ?? chatKinds.has(entry.kind))) continue;
      const status = await this.keys.status(keyInfoOf(entry));
      if (status.source !== 'missing') usable.push(entry);
    }
    return usable;
  }

  /** The models of one provider, listed once per session unless `refresh`. */
  models(entry: ResolvedProviderEntry, refresh = false): Promise<ProviderModels> {
    let list = refresh ? undefined : this.lists.get(entry.id);
    if (!list) {
      list = this.host.get().listModels(entry.id, AbortSignal.timeout(15_000));
      this.lists.set(entry.id, list);
    }
    return list;
  }

  /** Forget every list (after a key or a provider setting changed). */
  clear(): void {
    this.lists.clear();
  }
}
