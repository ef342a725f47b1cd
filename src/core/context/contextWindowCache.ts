// The chosen model's context window for the chat's meter (docs/providers.md, "Context windows"), found in this
// order: the provider's live model list, where it says the number (OpenRouter, Groq, vLLM, Gemini, Anthropic);
// Ollama's `/api/show` for that one model; the dated table (contextWindows.ts). The meter asks often, so every
// answer is kept for the session: a provider is listed at most once (a list the picker fetched is reused), Ollama is
// asked once per model with a short time limit and never again, and a failure only means "unknown".
import type { ModelInfo } from '../chat/chatTypes';
import { errorDetail } from '../errors/errorFactories';
import { isOpenAiApi } from '../providers/chatModelFilter';
import type { ResolvedProviderEntry } from '../providers/createChatProvider';
import { isOllamaEntry } from '../providers/ollamaContextWindow';
import { contextWindowFromTable } from './contextWindows';

export interface ContextWindow {
  /** Input tokens the model accepts. */
  tokens: number;
  /** `provider`: the provider said it (its list or Ollama's model information); `table`: the dated table. */
  source: 'provider' | 'table';
}

export interface ContextWindowCacheOptions {
  /** Lists a provider's models (free, but a request): undefined when the listing failed. */
  list: (entry: ResolvedProviderEntry) => Promise<readonly ModelInfo[] | undefined>;
  /** Asks an Ollama entry for one model's window; throws a ProviderError when it cannot. */
  probeOllama: (entry: ResolvedProviderEntry, model: string, signal: AbortSignal) => Promise<number | undefined>;
  /** How long Ollama may take to answer; default 3 s (a local server answers at once, or is not there). */
  probeTimeoutMs?: number;
  log?: (message: string) => void;
}

export class ContextWindowCache {
  /** Per provider id: its last good list, or the one listing this cache started (undefined when it failed). */
  private readonly lists = new Map<string, Promise<readonly ModelInfo[] | undefined>>();
  /** Per provider id and model: Ollama's answer. */
  private readonly probes = new Map<string, Promise<number | undefined>>();

  constructor(private readonly options: ContextWindowCacheOptions) {}

  /** A list just fetched (for the picker, say): later lookups read it instead of listing again. */
  remember(providerId: string, models: readonly ModelInfo[]): void {
    this.lists.set(providerId, Promise.resolve(models));
  }

  /** Forgets everything (the provider settings changed: base URLs, entries). */
  clear(): void {
    this.lists.clear();
    this.probes.clear();
  }

  /**
   * The window of `model` on `entry` (undefined entry: a provider that no longer exists, so only the table). Resolves
   * undefined when nothing knows, or at once when `signal` aborts; a lookup it started goes on for the next caller.
   */
  async lookup(entry: ResolvedProviderEntry | undefined, model: string, signal?: AbortSignal): Promise<ContextWindow | undefined> {
    if (entry !== undefined) {
      const listed = await untilAborted(this.listOf(entry), signal);
      if (signal?.aborted) return undefined;
      const tokens = listed?.find((info) => info.id === model)?.contextWindow;
      if (tokens !== undefined) return { tokens, source: 'provider' };
      if (isOllamaEntry(entry)) {
        const probed = await untilAborted(this.probe(entry, model), signal);
        if (signal?.aborted) return undefined;
        if (probed !== undefined) return { tokens: probed, source: 'provider' };
      }
    }
    const tokens = contextWindowFromTable(model);
    return tokens === undefined ? undefined : { tokens, source: 'table' };
  }

  /** The provider's list, listed once when its list can say windows and nobody has listed it yet. */
  private listOf(entry: ResolvedProviderEntry): Promise<readonly ModelInfo[] | undefined> {
    const known = this.lists.get(entry.id);
    if (known !== undefined) return known;
    if (!listSaysWindows(entry)) return Promise.resolve(undefined);
    const listing = this.options.list(entry).catch((error: unknown) => {
      this.options.log?.(`Context window: listing ${entry.id}'s models failed: ${errorDetail(error)}`);
      return undefined;
    });
    this.lists.set(entry.id, listing);
    return listing;
  }

  private probe(entry: ResolvedProviderEntry, model: string): Promise<number | undefined> {
    const key = `${entry.id}\n${model}`;
    let probe = this.probes.get(key);
    if (probe === undefined) {
      const signal = AbortSignal.timeout(this.options.probeTimeoutMs ?? 3_000);
      probe = this.options.probeOllama(entry, model, signal).catch((error: unknown) => {
        this.options.log?.(`Context window of ${entry.id}/${model}: Ollama did not say (${errorDetail(error)})`);
        return undefined;
      });
      this.probes.set(key, probe);
    }
    return probe;
  }
}

/**
 * Whether listing the provider can tell a window: OpenAI's own list never does, nor Ollama's `/v1/models` (asked
 * through `/api/show` instead), nor the Sydney gateway's fixed list.
 */
function listSaysWindows(entry: ResolvedProviderEntry): boolean {
  if (entry.kind === 'gemini' || entry.kind === 'anthropic') return true;
  return entry.kind === 'openai' && !isOpenAiApi(entry.id, entry.baseUrl) && !isOllamaEntry(entry);
}

/** `promise`'s value, or undefined as soon as `signal` aborts (the promise itself goes on). */
function untilAborted<T>(promise: Promise<T>, signal: AbortSignal | undefined): Promise<T | undefined> {
  if (signal === undefined) return promise;
  if (signal.aborted) return Promise.resolve(undefined);
  return new Promise((resolve) => {
    const onAbort = (): void => resolve(undefined);
    signal.addEventListener('abort', onAbort, { once: true });
    const settle = (value: T | undefined): void => {
      signal.removeEventListener('abort', onAbort);
      resolve(value);
    };
    promise.then(settle, () => settle(undefined));
  });
}
