// Inline completions on the engine's providers and keys (issue 18, docs/completions.md), kept apart from the chat so
// that neither ever delays the other:
//   - their own HTTP client: no retries (the next keystroke asks again), a short time limit for everything
//     (withCompletionDeadline; 10 s by default);
//   - their own rate-limit budget: the entry's `rateLimits`, counted separately from the chat's, and the limits a
//     provider announces in a completion's answer (never a chat's) — and a completion never waits for it: over the
//     budget it is not sent (a wait would only hold back a suggestion the next keystroke replaces);
//   - their own circuit breaker: after repeated provider-side failures (timeouts, 5xx) completions from that
//     provider pause for a while, quietly, while its chat goes on.
import { CircuitBreaker } from '../chat/circuitBreaker';
import { RateLimiter, type RateLimitKey, type RateLimitTicket } from '../chat/rateLimiter';
import type { RateLimits } from '../chat/rateLimits';
import { cancelledError, toProviderError } from '../errors/errorFactories';
import { HttpClient, type HttpClientOptions, type ObservedResponse } from '../http/httpClient';
import type { ProviderCredentials } from '../keys/keyStore';
import type { ResolvedProviderEntry } from '../providers/createChatProvider';
import type { ModelQuirks } from '../providers/modelQuirks';
import { completionRateLimitedError, completionsPausedError } from './completionErrors';
import { completionProtocolFor } from './completionProtocolFor';
import type { CompletionProtocol, CompletionRequest, CompletionResult } from './completionTypes';
import { createCompletionClient } from './createCompletionClient';
import { FimMemory } from './fimMemory';
import { withCompletionDeadline } from './withCompletionDeadline';

/** How long one completion may take in all, unless the engine's config says otherwise. */
export const defaultCompletionTimeoutMs = 10_000;

export interface CompletionServiceOptions {
  credentials: (entry: ResolvedProviderEntry) => Promise<ProviderCredentials>;
  /** The rate limits of a provider entry (the same settings as the chat's; a separate budget). */
  limitsFor: (providerId: string) => RateLimits | undefined;
  /** The provider entry of an id, to tell a provider's own answers from others (announced limits). */
  entry: (providerId: string) => ResolvedProviderEntry | undefined;
  /** Shared with the chat: models that refuse a temperature (the chat protocol). */
  quirks?: ModelQuirks;
  log?: (message: string) => void;
}

export class CompletionService {
  private http = new HttpClient({ maxRetries: 0 });
  private timeoutMs = defaultCompletionTimeoutMs;
  private readonly limiter: RateLimiter;
  private readonly breaker: CircuitBreaker;
  private readonly memory = new FimMemory();

  constructor(private readonly options: CompletionServiceOptions) {
    this.limiter = new RateLimiter({ limitsFor: options.limitsFor });
    this.breaker = new CircuitBreaker({
      onStateChange: (provider, state) => options.log?.(`Completions from ${provider}: circuit ${state}`),
    });
    this.configure({}, undefined);
  }

  /** Applies the engine's HTTP settings (proxy, TLS) with the completions' own limits. */
  configure(http: HttpClientOptions, timeoutMs: number | undefined): void {
    this.timeoutMs = timeoutMs !== undefined && timeoutMs > 0 ? timeoutMs : defaultCompletionTimeoutMs;
    this.http = new HttpClient({
      ...http,
      ...(this.options.log ? { log: this.options.log } : {}),
      maxRetries: 0,
      firstByteTimeoutMs: this.timeoutMs,
      idleTimeoutMs: this.timeoutMs,
      onResponse: (response) => this.observeRateLimits(response),
    });
  }

  /** The protocol `model` of `entry` completes with; throws a ProviderError for a provider that cannot. */
  protocol(entry: ResolvedProviderEntry, model: string): CompletionProtocol {
    return completionProtocolFor(entry, model);
  }

  async complete(entry: ResolvedProviderEntry, model: string, request: CompletionRequest): Promise<CompletionResult> {
    const protocol = completionProtocolFor(entry, model);
    const subject = { provider: entry.id, model };
    if (request.signal?.aborted) throw cancelledError(subject);
    const check = this.breaker.tryPass(entry.id);
    if (!check.allowed) throw completionsPausedError(entry.id, model, check.retryInMs);
    let ticket: RateLimitTicket;
    try {
      ticket = await this.acquireNow(subject, estimateTokens(request));
    } catch (error) {
      // Nothing reached the provider: its health is unknown, and a half-open trial slot is freed.
      this.breaker.recordNeutral(entry.id);
      throw error;
    }
    try {
      const credentials = await this.options.credentials(entry);
      const client = createCompletionClient(entry, protocol, credentials, {
        http: this.http,
        memory: this.memory,
        ...(this.options.quirks !== undefined ? { quirks: this.options.quirks } : {}),
      });
      const answer = await withCompletionDeadline(subject, this.timeoutMs, request.signal, (signal) =>
        client.complete(model, request, request.maxTokens, signal),
      );
      this.breaker.recordSuccess(entry.id);
      const used = (answer.usage?.inputTokens ?? 0) + (answer.usage?.outputTokens ?? 0);
      if (used > 0) this.limiter.recordUsage(ticket, used);
      return { text: answer.text, provider: entry.id, model, ...(answer.usage !== undefined ? { usage: answer.usage } : {}) };
    } catch (error) {
      const failure = toProviderError(error, { ...subject, signal: request.signal });
      if (failure.kind === 'cancelled') this.breaker.recordNeutral(entry.id);
      else this.breaker.recordFailure(entry.id, failure);
      throw failure;
    }
  }

  /** Takes the budget if it is free now; otherwise fails at once with how long until it is (never waits). */
  private async acquireNow(key: RateLimitKey, estimatedTokens: number): Promise<RateLimitTicket> {
    const refuse = new AbortController();
    let waitMs: number | undefined;
    try {
      return await this.limiter.acquire(key, estimatedTokens, {
        signal: refuse.signal,
        onWait: (wait) => {
          waitMs = wait.waitMs;
          refuse.abort();
        },
      });
    } catch (error) {
      if (waitMs !== undefined) throw completionRateLimitedError(key.provider, key.model, waitMs);
      throw error;
    }
  }

  /** A completion's answer announces the provider's limits to the completions' budget only (never to the chat's). */
  private observeRateLimits({ context, url, headers }: ObservedResponse): void {
    if (context.model === undefined) return;
    const entry = this.options.entry(context.provider);
    if (entry === undefined || !sameOrigin(url, entry.baseUrl)) return;
    this.limiter.observeHeaders({ provider: context.provider, model: context.model }, headers);
  }
}

/** About four characters a token, like the chat's estimate, plus the most the answer may take. */
function estimateTokens(request: CompletionRequest): number {
  const characters =
    request.prefix.length + request.suffix.length + request.snippets.reduce((sum, snippet) => sum + snippet.text.length, 0);
  return Math.ceil(characters / 4) + request.maxTokens;
}

function sameOrigin(url: URL, baseUrl: string): boolean {
  try {
    return url.origin === new URL(baseUrl).origin;
  } catch {
    return false;
  }
}
