// The semantic cache as the ProviderEngine holds it (docs/moderation-and-caching.md): the store, the options of
// `switchboard.chat.semanticCache`, and which embedding model serves a chat model — the one the setting names, else
// the chat model's provider's own (defaultEmbeddingModel.ts), else none, and the extension says so.
import { parseModelRef } from '../config/modelRef';
import { defaultEmbeddingModel } from '../embeddings/defaultEmbeddingModel';
import type { ProviderError } from '../errors/providerError';
import type { ResolvedProviderEntry } from '../providers/createChatProvider';
import type { ChatEngine } from '../turns/turnTypes';
import { SemanticCache } from './semanticCache';
import { defaultSemanticCacheOptions, type SemanticCacheOptions } from './semanticCacheSetting';
import { withSemanticCache } from './withSemanticCache';

/** Whether the cache can answer for a chat model, and with which embedding model. */
export type SemanticCacheStatus =
  | { state: 'off' }
  | { state: 'on'; embeddingModel: string }
  /** On, but the chat model's provider has no embedding model Switchboard knows and the setting names none. */
  | { state: 'no-embedding-model'; provider: string };

export interface SemanticCacheServiceDeps {
  file?: string | undefined;
  entry: (id: string) => ResolvedProviderEntry | undefined;
  embed: (providerId: string, model: string, texts: readonly string[], signal?: AbortSignal) => Promise<number[][]>;
  log?: ((message: string) => void) | undefined;
}

export class SemanticCacheService {
  private options: SemanticCacheOptions = defaultSemanticCacheOptions;
  readonly cache: SemanticCache;

  constructor(private readonly deps: SemanticCacheServiceDeps) {
    this.cache = new SemanticCache({
      ...(deps.file !== undefined ? { file: deps.file } : {}),
      maxEntries: this.options.maxEntries,
      onError: (error) => deps.log?.(`Semantic cache: ${error instanceof Error ? error.message : String(error)}`),
    });
  }

  configure(options: SemanticCacheOptions): void {
    this.options = options;
    this.cache.maxEntries = options.maxEntries;
  }

  status(chatModel: string): SemanticCacheStatus {
    if (!this.options.enabled) return { state: 'off' };
    if (this.options.embeddingModel !== undefined) return { state: 'on', embeddingModel: this.options.embeddingModel };
    const ref = parseModelRef(chatModel);
    const entry = ref === undefined ? undefined : this.deps.entry(ref.provider);
    const model = entry === undefined ? undefined : defaultEmbeddingModel(entry);
    if (ref === undefined || model === undefined)
      return { state: 'no-embedding-model', provider: entry?.label ?? ref?.provider ?? chatModel };
    return { state: 'on', embeddingModel: `${ref.provider}/${model}` };
  }

  /**
   * `inner` with the cache in front for a turn whose chosen model is `chatModel`; `inner` itself when the cache is
   * off or has no embedding model for it.
   */
  wrap(inner: ChatEngine, chatModel: string, options: { fresh?: boolean; onProblem?: (error: ProviderError) => void } = {}): ChatEngine {
    const status = this.status(chatModel);
    if (status.state !== 'on') return inner;
    const embedding = parseModelRef(status.embeddingModel);
    if (embedding === undefined) return inner;
    return withSemanticCache(inner, {
      cache: this.cache,
      embed: (texts, signal) => this.deps.embed(embedding.provider, embedding.model, texts, signal),
      embeddingModel: status.embeddingModel,
      threshold: this.options.threshold,
      ...(options.fresh !== undefined ? { fresh: options.fresh } : {}),
      ...(options.onProblem !== undefined ? { onProblem: options.onProblem } : {}),
      ...(this.deps.log !== undefined ? { log: this.deps.log } : {}),
    });
  }
}
