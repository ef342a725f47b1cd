// The chat models of every provider that has a usable key, listed live and kept for the session (a refresh
// lists again). Shared by `switchboard.selectModel` and the chat panel's model picker.
import type { ProviderModels } from '../../core/providerEngine';
import type { KeyStore } from '../../core/keys/keyStore';
import type { ResolvedProviderEntry } from '../../core/providers/createChatProvider';
import { keyInfoOf, type ProviderEngineHost } from '../engine/providerEngineHost';

const chatKinds = new Set(['openai', 'anthropic', 'gemini', 'sydney', 'vscode-lm']);

/** Whether a provider answers chat (image-only ones such as Stability AI do not). */
export function isChatProvider(entry: ResolvedProviderEntry): boolean {
  return entry.preset?.chat ?? chatKinds.has(entry.kind);
}

export class ModelCatalog {
  private readonly lists = new Map<string, Promise<ProviderModels>>();
  /** The last list each provider answered, for a picker to show at once while it lists again. */
  private readonly answered = new Map<string, ProviderModels>();
  /** The ids of the entries of kind `vscode-lm` listed so far (forgetVscodeModels). */
  private readonly vscodeEntries = new Set<string>();

  constructor(
    private readonly host: ProviderEngineHost,
    private readonly keys: KeyStore,
  ) {}

  /**
   * Chat providers whose key is there (stored, session, environment) or not needed. `withVscodeModels: false` leaves out
   * VS Code's own models without asking VS Code (for Switchboard's models in VS Code: asking would come back here).
   */
  async chatProviders(withVscodeModels = true): Promise<ResolvedProviderEntry[]> {
    return (await this.chatProvidersByKey(withVscodeModels)).usable;
  }

  /**
   * Every chat provider, split by whether it can be listed now: `keyless` ones need a key first. The pickers show
   * them too, as rows that set the key, so a new user sees every provider there is (docs/chat.md).
   */
  async chatProvidersByKey(withVscodeModels = true): Promise<{ usable: ResolvedProviderEntry[]; keyless: ResolvedProviderEntry[] }> {
    const usable: ResolvedProviderEntry[] = [];
    const keyless: ResolvedProviderEntry[] = [];
    for (const entry of this.host.get().providerEntries().entries) {
      if (!isChatProvider(entry)) continue;
      // VS Code's own models (docs/vscode-chat.md) are offered only when some extension contributes one.
      if (entry.kind === 'vscode-lm') {
        if (!withVscodeModels) continue;
        const listed = await this.models(entry);
        if (listed.models.length === 0 && listed.error === undefined) continue;
      }
      const status = await this.keys.status(keyInfoOf(entry));
      (status.source === 'missing' ? keyless : usable).push(entry);
    }
    return { usable, keyless };
  }

  /** The models of one provider, listed once per session unless `refresh`. */
  models(entry: ResolvedProviderEntry, refresh = false): Promise<ProviderModels> {
    let list = refresh ? undefined : this.lists.get(entry.id);
    if (entry.kind === 'vscode-lm') this.vscodeEntries.add(entry.id);
    if (!list) {
      const listing = this.host.get().listModels(entry.id, AbortSignal.timeout(15_000));
      list = listing;
      this.lists.set(entry.id, listing);
      void listing.then(
        (answer) => {
          if (this.lists.get(entry.id) === listing) this.answered.set(entry.id, answer);
        },
        () => undefined,
      );
    }
    return list;
  }

  /** The models one provider answered with last, if it has answered since the lists were last cleared. */
  known(entry: ResolvedProviderEntry): ProviderModels | undefined {
    return this.answered.get(entry.id);
  }

  /**
   * Forget the lists of VS Code's own models only (VS Code's models changed): the other providers' lists stay, so that
   * VS Code asking for Switchboard's models again, as it does after each change, lists nothing over the network.
   */
  forgetVscodeModels(): void {
    for (const id of this.vscodeEntries) {
      this.lists.delete(id);
      this.answered.delete(id);
    }
  }

  /** Forget every list (after a key or a provider setting changed). */
  clear(): void {
    this.lists.clear();
    this.answered.clear();
  }
}
