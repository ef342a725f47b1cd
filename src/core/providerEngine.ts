// The provider engine as the extension uses it: provider entries (presets + the user's `switchboard.providers`)
// turned into chat and image clients with their keys. Chat clients are wrapped in the rate limiter and (when
// enabled) the response cache, and asked in fallback order; image clients share the rate limiter (the Sydney
// gateway's per-model limits cover images too). One instance lives as long as the extension; `configure`
// applies new settings.
import type { ChatEvent, ChatProvider, ChatRequest, ModelInfo } from './chat/chatTypes';
import { CircuitBreaker } from './chat/circuitBreaker';
import { presetRateLimits } from './chat/presetRateLimits';
import { DayCountFile } from './chat/dayCountFile';
import { RateLimiter } from './chat/rateLimiter';
import type { RateLimits } from './chat/rateLimits';
import { ResponseCache, type ResponseCacheStorage } from './chat/responseCache';
import { forwardAfter } from './chat/forwardAfter';
import { type BeforeAttempt, streamWithFallback, type FallbackEntry } from './chat/streamWithFallback';
import { withRateLimit } from './chat/withRateLimit';
import { withResponseCache } from './chat/withResponseCache';
import { noCompletionModelError } from './completions/completionErrors';
import { CompletionService } from './completions/completionService';
import type { CompletionProtocol, CompletionRequest, CompletionResult } from './completions/completionTypes';
import { parseModelRef } from './config/modelRef';
import type { ProviderSetting } from './config/switchboardSettings';
import { type ContextWindow, ContextWindowCache } from './context/contextWindowCache';
import { errorDetail } from './errors/errorFactories';
import { errorText } from './errors/errorText';
import { ProviderError } from './errors/providerError';
import { HttpClient, type HttpClientOptions, type ObservedResponse } from './http/httpClient';
import { createImageProvider } from './images/createImageProvider';
import type { ImageModelInfo, ImageProvider } from './images/imageTypes';
import { createImageAnimator, entryAnimatesImages } from './images/createImageAnimator';
import { createImageEditor, entryEditsImages } from './images/createImageEditor';
import type { ImageAnimator, ImageEditor } from './images/imageEditTypes';
import { checkProviderKey, type KeyCheck } from './keys/checkProviderKey';
import type { ProviderCredentials } from './keys/keyStore';
import { createChatProvider, resolveProviderEntry, type ResolvedProviderEntry } from './providers/createChatProvider';
import { ModelQuirks } from './providers/modelQuirks';
import { type OllamaShow, ollamaShow, ollamaWindowFromShow } from './providers/ollamaContextWindow';
import { providerPresets } from './providers/providerPresets';
import { lookUpVision } from './providers/visionLookup';
import { findPrices } from './pricing/findPrices';
import type { ModelPrices } from './pricing/modelPrices';
import type { HostLanguageModels } from './lm/hostLanguageModels';
import { vscodeLmEntry } from './lm/vscodeLmEntry';
import type { ProviderSecrets } from './providers/createChatProvider';
import { modelSeesImages, type VisionAnswer } from './providers/visionSupport';
import { embedTexts } from './embeddings/embedTexts';
import { moderatePrompt } from './moderation/moderatePrompt';
import type { ModerationOutcome } from './moderation/moderationTypes';
import { SemanticCacheService, type SemanticCacheStatus } from './semanticCache/semanticCacheService';
import { defaultSemanticCacheOptions, type SemanticCacheOptions } from './semanticCache/semanticCacheSetting';
import type { ChatEngine } from './turns/turnTypes';

export interface ProviderEngineOptions {
  /** Reads a provider's key (and secret) when a client is built; never cached here beyond the client. */
  credentials: (entry: ResolvedProviderEntry) => Promise<ProviderCredentials>;
  log?: (message: string) => void;
  cacheStorage?: ResponseCacheStorage;
  /**
   * Where the per-day rate-limit counts are kept across restarts (chat/dayCountFile.ts; the extension passes
   * `<globalStorage>/spend/rate-limits.json`); absent, they last as long as the engine.
   */
  rateLimitFile?: string;
  /** Where the semantic cache keeps its questions (the extension's global storage); absent: memory only. */
  semanticCacheFile?: string;
  /**
   * VS Code's language models (docs/vscode-chat.md), when the editor has the API: the `vscode` entry (kind
   * `vscode-lm`) is offered only then.
   */
  hostModels?: HostLanguageModels;
}

export interface ProviderEngineConfig {
  providers: readonly ProviderSetting[];
  http: HttpClientOptions;
  responseCache: boolean;
  /** How long one inline completion may take in all (docs/completions.md); default 10 s. */
  completionTimeoutMs?: number;
  /** `switchboard.chat.semanticCache` (docs/moderation-and-caching.md); default off. */
  semanticCache?: SemanticCacheOptions;
}

/** What a chat request may carry besides the request: a check before each attempt of the fallback chain. */
export interface ChatOptions {
  beforeAttempt?: BeforeAttempt;
}

export interface ProviderModels {
  entry: ResolvedProviderEntry;
  models: ModelInfo[];
  error?: ProviderError;
}

export class ProviderEngine {
  private config: ProviderEngineConfig = { providers: [], http: {}, responseCache: false };
  private http = new HttpClient();
  /** For listing models and checking keys: a person is waiting on a picker, so fail fast instead of retrying. */
  private listHttp = new HttpClient({ maxRetries: 0 });
  private entries: ResolvedProviderEntry[] = [];
  private entryProblems: ProviderError[] = [];
  private readonly breaker = new CircuitBreaker();
  private readonly limiter: RateLimiter;
  private readonly dayCounts: DayCountFile | undefined;
  private readonly cache: ResponseCache;
  /** Models that refused a temperature this session; chat clients are built per request, so it is kept here. */
  private readonly quirks = new ModelQuirks();
  /** Context windows found this session (issue 14): the model lists seen, Ollama's answer per model. */
  private readonly windows = new ContextWindowCache({
    list: (entry) => this.listOnce(entry),
    probeOllama: async (entry, model, signal) => {
      const show = await this.showOllama(entry, model, signal);
      return show === undefined ? undefined : ollamaWindowFromShow(show);
    },
    log: (message) => this.options.log?.(message),
  });

  /**
   * Model lists this session (issue 16: the context window and image input read the same list), per provider id:
   * the last good one, or the listing in flight (undefined when it failed).
   */
  private readonly lists = new Map<string, Promise<readonly ModelInfo[] | undefined>>();
  /** Ollama's `/api/show` answers this session, per provider and model: one request tells the window and vision. */
  private readonly ollamaShows = new Map<string, Promise<OllamaShow | undefined>>();
  /** Inline completions (issue 18): their own HTTP client, rate-limit budget and circuit breaker. */
  private readonly completions: CompletionService;
  /** The semantic cache (issue 19, docs/moderation-and-caching.md). */
  private readonly semantic: SemanticCacheService;

  constructor(private readonly options: ProviderEngineOptions) {
    const limitsFor = (id: string): RateLimits | undefined =>
      (this.entries.find((entry) => entry.id === id) as ProviderSetting | undefined)?.rateLimits ?? presetRateLimits(id);
    this.dayCounts =
      options.rateLimitFile === undefined
        ? undefined
        : new DayCountFile({ file: options.rateLimitFile, ...(options.log ? { log: options.log } : {}) });
    this.limiter = new RateLimiter({ limitsFor, ...(this.dayCounts ? { dayCounts: this.dayCounts } : {}) });
    this.completions = new CompletionService({
      credentials: (entry) => this.options.credentials(entry),
      limitsFor,
      entry: (id) => this.entry(id),
      quirks: this.quirks,
      ...(options.log ? { log: options.log } : {}),
    });
    this.semantic = new SemanticCacheService({
      file: options.semanticCacheFile,
      entry: (id) => this.entry(id),
      embed: (providerId, model, texts, signal) => this.embed(providerId, model, texts, signal),
      log: options.log,
    });
    this.cache = new ResponseCache({
      enabled: false,
      ...(options.cacheStorage ? { storage: options.cacheStorage } : {}),
      onError: (error: unknown) => options.log?.(`Response cache: ${errorDetail(error)}`),
    });
    this.configure(this.config);
  }

  /** Writes what must outlive the window (the per-day rate-limit counts); for deactivate. Never rejects. */
  async flush(): Promise<void> {
    await this.dayCounts?.flush();
  }

  configure(config: ProviderEngineConfig): void {
    this.config = config;
    const log = this.options.log ? { log: this.options.log } : {};
    // Every response's rate-limit headers feed the limiter, so the next request waits before a 429, not after.
    const onResponse = (response: ObservedResponse): void => this.observeRateLimits(response);
    this.http = new HttpClient({ ...config.http, ...log, onResponse });
    this.listHttp = new HttpClient({ ...config.http, ...log, maxRetries: 0, onResponse });
    this.completions.configure(config.http, config.completionTimeoutMs);
    this.cache.enabled = config.responseCache;
    this.semantic.configure(config.semanticCache ?? defaultSemanticCacheOptions);
    this.windows.clear();
    this.lists.clear();
    this.ollamaShows.clear();
    const byId = new Map<string, ProviderSetting>();
    for (const preset of providerPresets) byId.set(preset.id, { id: preset.id });
    if (this.options.hostModels) byId.set(vscodeLmEntry.id, vscodeLmEntry);
    for (const entry of config.providers) byId.set(entry.id, entry);
    this.entries = [];
    this.entryProblems = [];
    for (const entry of byId.values()) {
      try {
        this.entries.push(resolveProviderEntry(entry));
      } catch (error) {
        this.entryProblems.push(error as ProviderError);
      }
    }
  }

  /**
   * Hands a response's announced rate limits to the limiter, keyed by provider and model (OpenAI counts per model,
   * Anthropic per model class). Responses without a model (model lists, key checks) are skipped: their limits may
   * belong to another budget. So are responses from anywhere but the provider's own origin (an image download from
   * a CDN announces the CDN's limits, not the provider's).
   */
  private observeRateLimits({ context, url, headers }: ObservedResponse): void {
    if (context.model === undefined) return;
    const entry = this.entry(context.provider);
    if (entry === undefined || !sameOrigin(url, entry.baseUrl)) return;
    this.limiter.observeHeaders({ provider: context.provider, model: context.model }, headers);
  }

  /** Every usable provider entry (presets and the user's), and the entries that could not be used, with why. */
  providerEntries(): { entries: readonly ResolvedProviderEntry[]; problems: readonly ProviderError[] } {
    return { entries: this.entries, problems: this.entryProblems };
  }

  entry(id: string): ResolvedProviderEntry | undefined {
    return this.entries.find((entry) => entry.id === id);
  }

  /** A ready client for a provider id, with its key, rate limit and (when on) the response cache. */
  async provider(id: string): Promise<ChatProvider> {
    const entry = this.entry(id);
    if (!entry) {
      throw new ProviderError({
        kind: 'not-found',
        provider: id,
        text: errorText('config.noSuchProvider', { provider: id }),
      });
    }
    const client = createChatProvider(entry, await this.secretsFor(entry), {
      http: this.http,
      quirks: this.quirks,
      ...this.hostOption(),
    });
    const limited = withRateLimit(client, this.limiter);
    return this.cache.enabled ? withResponseCache(limited, this.cache) : limited;
  }

  /** A provider's key and secret; none for VS Code's own models, which are never given a key (docs/vscode-chat.md). */
  private async secretsFor(entry: ResolvedProviderEntry): Promise<ProviderSecrets> {
    return entry.kind === 'vscode-lm' ? {} : await this.options.credentials(entry);
  }

  private hostOption(): { hostModels?: HostLanguageModels } {
    return this.options.hostModels ? { hostModels: this.options.hostModels } : {};
  }

  /**
   * Streams an answer from `models` (`providerId/modelId`, the chosen one first, then the fallbacks), as chat
   * events; failures arrive as an `error` event, never as a throw. `options.beforeAttempt` may hold an attempt back
   * (budgets, docs/spend.md).
   */
  chat(models: readonly string[], request: Omit<ChatRequest, 'model'>, options: ChatOptions = {}): AsyncIterable<ChatEvent> {
    return forwardAfter(() => this.fallbackChain(models, request, options));
  }

  /** The providers of `models` (a missing one is skipped, or reported if it is the chosen one), then the chain. */
  private async *fallbackChain(
    models: readonly string[],
    request: Omit<ChatRequest, 'model'>,
    options: ChatOptions,
  ): AsyncGenerator<ChatEvent, AsyncIterable<ChatEvent> | undefined> {
    const chain: FallbackEntry[] = [];
    for (const text of models) {
      const ref = parseModelRef(text);
      if (!ref) continue;
      try {
        chain.push({ provider: await this.provider(ref.provider), model: ref.model });
      } catch (error) {
        if (chain.length === 0 && text === models[0]) {
          yield { type: 'error', error: error as ProviderError };
          return undefined;
        }
        this.options.log?.(`Skipping fallback model ${text}: ${(error as Error).message}`);
      }
    }
    return streamWithFallback(chain, request, {
      breaker: this.breaker,
      ...(options.beforeAttempt !== undefined ? { beforeAttempt: options.beforeAttempt } : {}),
    });
  }

  /**
   * Asks `modelRef` (`providerId/modelId`, `switchboard.completions.model`) for the middle at the cursor (issue 18), in
   * the protocol completionProtocol names. Never retried, and never waits for a rate limit; throws a ProviderError:
   * `cancelled` when `request.signal` aborts (the connection closes), `timeout` after the completion's short limit,
   * `not-found` for a model the server lacks or that cannot fill in the middle, `rate-limit` when the completions'
   * own budget is spent, `server` with code `circuit-open` while completions from the provider are paused, and the
   * usual kinds (auth, …) otherwise.
   */
  async complete(modelRef: string, request: CompletionRequest): Promise<CompletionResult> {
    const ref = parseModelRef(modelRef);
    if (ref === undefined) throw noCompletionModelError();
    return await this.completions.complete(this.requireEntry(ref.provider), ref.model, request);
  }

  /**
   * How `modelRef` completes code (`chat` is slower, and the picker says so); undefined when the provider is unknown
   * or cannot complete code. Never throws.
   */
  completionProtocol(modelRef: string): CompletionProtocol | undefined {
    const ref = parseModelRef(modelRef);
    const entry = ref === undefined ? undefined : this.entry(ref.provider);
    if (ref === undefined || entry === undefined) return undefined;
    try {
      return this.completions.protocol(entry, ref.model);
    } catch {
      return undefined;
    }
  }

  /**
   * Embeds `texts` with a provider's embedding model (OpenAI-compatible `/embeddings`, Gemini's batchEmbedContents,
   * Ollama's `/api/embed`): one vector per text, all of one length. Throws a ProviderError.
   */
  async embed(providerId: string, model: string, texts: readonly string[], signal?: AbortSignal): Promise<number[][]> {
    const entry = this.requireEntry(providerId);
    return embedTexts(entry, await this.options.credentials(entry), this.http, model, texts, signal);
  }

  /**
   * Checks a prompt with the first provider that moderates and has a key (src/core/moderation/moderatePrompt.ts);
   * `none` when there is no such provider. Throws a ProviderError when the check fails.
   */
  moderate(text: string, signal?: AbortSignal): Promise<ModerationOutcome> {
    return moderatePrompt(this.entries, (entry) => this.options.credentials(entry), this.listHttp, text, signal);
  }

  /** Whether the semantic cache answers for `chatModel` (`providerId/modelId`), and with which embedding model. */
  semanticCacheStatus(chatModel: string): SemanticCacheStatus {
    return this.semantic.status(chatModel);
  }

  /** A turn's chat engine with the semantic cache in front (when on); `fresh` skips the lookup (Ask fresh). */
  semanticChat(
    inner: ChatEngine,
    chatModel: string,
    options: { fresh?: boolean; onProblem?: (error: ProviderError) => void } = {},
  ): ChatEngine {
    return this.semantic.wrap(inner, chatModel, options);
  }

  /** Checks the provider's current key against the provider without spending anything. */
  async checkKey(id: string, signal?: AbortSignal): Promise<KeyCheck> {
    const entry = this.entry(id);
    if (!entry) throw new Error(`unknown provider ${id}`);
    return checkProviderKey(entry, await this.options.credentials(entry), this.listHttp, signal);
  }

  /** Whether a provider entry can make images (its protocol has an image endpoint). */
  makesImages(entry: ResolvedProviderEntry): boolean {
    return entry.preset?.kind === entry.kind
      ? entry.preset.images
      : entry.kind === 'openai' || entry.kind === 'stability' || entry.kind === 'fusionbrain' || entry.kind === 'sydney';
  }

  /** A ready image client for a provider id, with its key and the shared rate limiter. */
  async imageProvider(id: string): Promise<ImageProvider> {
    const entry = this.entry(id);
    if (!entry) {
      throw new ProviderError({
        kind: 'not-found',
        provider: id,
        text: errorText('config.noSuchProvider', { provider: id }),
      });
    }
    return createImageProvider(entry, await this.options.credentials(entry), {
      http: this.http,
      rateLimiter: this.limiter,
      // Fusion Brain polls for its result: the same limit as any generation's answer.
      ...(this.config.http.generationTimeoutMs !== undefined ? { timeLimitMs: this.config.http.generationTimeoutMs } : {}),
    });
  }

  /** Whether a provider entry can edit images (Stability AI's edit endpoints, OpenAI's image edits). */
  editsImages(entry: ResolvedProviderEntry): boolean {
    return this.makesImages(entry) && entryEditsImages(entry);
  }

  /** Whether a provider entry can animate images (Stability AI's image-to-video). */
  animatesImages(entry: ResolvedProviderEntry): boolean {
    return this.makesImages(entry) && entryAnimatesImages(entry);
  }

  /**
   * A ready image editor for a provider id (issue 16), with its key and the shared rate limiter; a `bad-request`
   * ProviderError naming the provider when it cannot edit.
   */
  async imageEditor(id: string): Promise<ImageEditor> {
    const entry = this.requireEntry(id);
    return createImageEditor(entry, await this.options.credentials(entry), { http: this.http, rateLimiter: this.limiter });
  }

  /** A ready image animator for a provider id; a `bad-request` ProviderError naming the provider when it cannot animate. */
  async imageAnimator(id: string): Promise<ImageAnimator> {
    const entry = this.requireEntry(id);
    return createImageAnimator(entry, await this.options.credentials(entry), {
      http: this.http,
      rateLimiter: this.limiter,
      // The video is polled for, like Fusion Brain's images: within the same limit as any generation's answer.
      ...(this.config.http.generationTimeoutMs !== undefined ? { timeLimitMs: this.config.http.generationTimeoutMs } : {}),
    });
  }

  private requireEntry(id: string): ResolvedProviderEntry {
    const entry = this.entry(id);
    if (entry) return entry;
    throw new ProviderError({ kind: 'not-found', provider: id, text: errorText('config.noSuchProvider', { provider: id }) });
  }

  /** The image models of one provider; a failure is returned with the provider, not thrown. */
  async listImageModels(
    id: string,
    signal?: AbortSignal,
  ): Promise<{ entry: ResolvedProviderEntry; models: ImageModelInfo[]; error?: ProviderError }> {
    const entry = this.entry(id);
    if (!entry) throw new Error(`unknown provider ${id}`);
    try {
      const provider = createImageProvider(entry, await this.options.credentials(entry), { http: this.listHttp });
      return { entry, models: await provider.listImageModels(signal) };
    } catch (error) {
      return { entry, models: (entry.preset?.imageModels ?? []).map((id) => ({ id })), error: error as ProviderError };
    }
  }

  /** Lists the models of one provider; a failure is returned with the provider, not thrown. */
  async listModels(id: string, signal?: AbortSignal): Promise<ProviderModels> {
    const entry = this.entry(id);
    if (!entry) throw new Error(`unknown provider ${id}`);
    const typed = (entry.models ?? []).map((model) => ({ id: model }));
    try {
      const client = createChatProvider(entry, await this.secretsFor(entry), { http: this.listHttp, ...this.hostOption() });
      const listed = await client.listModels(signal);
      const seen = new Set(listed.map((model) => model.id));
      const models = [...listed, ...typed.filter((model) => !seen.has(model.id))];
      this.windows.remember(id, models);
      this.lists.set(id, Promise.resolve(models));
      return { entry, models };
    } catch (error) {
      return { entry, models: typed, error: error as ProviderError };
    }
  }

  /**
   * The context window of `modelRef` (`providerId/modelId`) for the chat's meter: from the provider's model list,
   * then Ollama's model information, then the dated table (src/core/context/contextWindowCache.ts). Undefined when
   * nothing knows; never throws.
   */
  contextWindow(modelRef: string, signal?: AbortSignal): Promise<ContextWindow | undefined> {
    const ref = parseModelRef(modelRef);
    if (ref === undefined) return Promise.resolve(undefined);
    return this.windows.lookup(this.entry(ref.provider), ref.model, signal);
  }

  /**
   * Whether `modelRef` (`providerId/modelId`) takes images (issue 16): the provider entry's `vision` setting, then
   * what the provider says (its model list, Ollama's model information), then the dated table
   * (src/core/providers/visionSupport.ts); `vision: undefined` when nothing knows. Never throws.
   */
  vision(modelRef: string, signal?: AbortSignal): Promise<VisionAnswer> {
    const ref = parseModelRef(modelRef);
    if (ref === undefined) return Promise.resolve({ vision: undefined, source: 'table' });
    const entry = this.entry(ref.provider);
    // A provider that is not configured: only the model's name can tell.
    if (entry === undefined) return Promise.resolve(modelSeesImages({ id: ref.provider, kind: 'openai' }, ref.model));
    return lookUpVision(
      entry,
      ref.model,
      {
        list: (listed) => this.listOnce(listed),
        showOllama: (shown, model) => this.showOllama(shown, model, AbortSignal.timeout(3_000)),
        log: (message) => this.options.log?.(message),
      },
      signal,
    );
  }

  /**
   * What `model` of provider `id` costs (docs/spend.md "Prices"): the entry's own `prices`, the provider's list
   * (OpenRouter's live prices: the list is read once a session), free for local servers, then the dated table.
   * `image`: priced as an image model, with the edit operation if any. Undefined when unknown; never throws.
   */
  async prices(id: string, model: string, image?: { operation?: string }): Promise<ModelPrices | undefined> {
    const entry = this.entry(id);
    if (entry === undefined) return undefined;
    const known = findPrices(entry, model, image !== undefined ? { image } : {});
    // Only an OpenAI-compatible list can carry prices; a table or a free server already answered.
    if (known !== undefined || image !== undefined || entry.kind !== 'openai') return known;
    const listed = (await this.listOnce(entry))?.find((info) => info.id === model)?.prices;
    return listed === undefined ? undefined : findPrices(entry, model, { listed });
  }

  /** The provider's model list, listed at most once a session (a list the picker fetched counts). */
  private listOnce(entry: ResolvedProviderEntry): Promise<readonly ModelInfo[] | undefined> {
    let list = this.lists.get(entry.id);
    if (list === undefined) {
      list = this.listModels(entry.id, AbortSignal.timeout(15_000)).then(
        (listed) => (listed.error === undefined ? listed.models : undefined),
        () => undefined,
      );
      this.lists.set(entry.id, list);
    }
    return list;
  }

  /** Ollama's answer about one model, asked once a session (within `signal`, the first caller's limit). */
  private showOllama(entry: ResolvedProviderEntry, model: string, signal: AbortSignal): Promise<OllamaShow | undefined> {
    const key = `${entry.id}\n${model}`;
    let show = this.ollamaShows.get(key);
    if (show === undefined) {
      show = ollamaShow(entry, model, this.listHttp, signal);
      show.catch(() => undefined); // each caller hears of the failure itself
      this.ollamaShows.set(key, show);
    }
    return show;
  }
}

function sameOrigin(url: URL, baseUrl: string): boolean {
  try {
    return url.origin === new URL(baseUrl).origin;
  } catch {
    return false;
  }
}
