// Client-side rate limits per provider/model (docs/requests.md): requests per minute, tokens per minute and requests per
// day, each a sliding-window TokenBucket. `acquire` waits until a request fits every budget and reports each wait
// (so the UI can say "waiting 12 s for the rate limit"); `recordUsage` replaces the token estimate with the real
// count once the answer says how many tokens it used.
//
// Rules chosen here:
// - The day is a rolling 24 hours (the gateways do not say when their day starts).
// - An exhausted per-day budget does not wait for hours: unless a slot frees up within `maxDailyWaitMs`
//   (default 60 s), `acquire` fails at once with a ProviderError of kind `quota`, code `daily-request-limit`,
//   that says when the next request is possible (also as `retryAfterMs`). Fallback treats it as "this model is
//   used up", not "this provider is".
// - A request estimated at more tokens than the whole per-minute budget waits for an empty minute and then goes
//   alone, rather than never.
// - Waiting requests are not queued: when a slot frees up, whichever waiter wakes first takes it and the others
//   wait again (each wait is reported). Good enough for one person's chat.
// - What the provider itself announced in its response headers (`observe`, see announcedRateLimits.ts) is a
//   budget too, per provider/model (OpenAI counts per model, Anthropic per model class): no request left, or
//   fewer tokens left than this request's estimate, waits until enough is back, reported as a requests- or
//   tokens-per-minute wait. A wait longer than `maxAnnouncedWaitMs` (default 60 s; a daily budget hours from its
//   reset) is not waited for: the request goes, and the provider's 429 says what is wrong.
import type { HttpHeaders } from '../http/httpHeaders';
import { ProviderError } from '../errors/providerError';
import { cancelledError } from '../errors/errorFactories';
import { errorText, type ErrorText } from '../errors/errorText';
import { AnnouncedBucket } from './announcedBucket';
import { parseAnnouncedRateLimits, type AnnouncedRateLimits } from './announcedRateLimits';
import type { RateLimitReason } from './chatTypes';
import { systemClock, type Clock } from './clock';
import type { DayCountPersistence, DayCounts } from './dayCountFile';
import { resolveModelRateLimits, type RateLimits } from './rateLimits';
import { TokenBucket, type TokenBucketSpend } from './tokenBucket';

/** The ProviderError `code` of a per-day limit that this limiter (not the provider) found used up. */
export const dailyLimitErrorCode = 'daily-request-limit';

const minuteMs = 60_000;
const dayMs = 24 * 60 * minuteMs;

export interface RateLimitKey {
  /** The provider entry id, e.g. `sydney`. */
  provider: string;
  /** The provider's model id, e.g. `sdxl`. */
  model: string;
}

export interface RateLimitWait {
  key: RateLimitKey;
  waitMs: number;
  reason: RateLimitReason;
}

export interface AcquireOptions {
  /** Aborting it while waiting rejects `acquire` with a ProviderError of kind `cancelled`. */
  signal?: AbortSignal;
  /** Called before every wait. */
  onWait?: (wait: RateLimitWait) => void;
}

/** What `acquire` granted; hand it back to `recordUsage`. */
export interface RateLimitTicket {
  readonly key: RateLimitKey;
  readonly estimatedTokens: number;
}

export interface RateLimiterOptions {
  /** The rate limits of a provider entry (read on every acquire, so settings changes apply at once). */
  limitsFor: (providerId: string) => RateLimits | undefined;
  clock?: Clock;
  /** A per-day slot that frees up within this long is waited for; a later one fails fast. Default 60 s. */
  maxDailyWaitMs?: number;
  /** A provider-announced budget back within this long is waited for; a later one is not (the request goes). Default 60 s. */
  maxAnnouncedWaitMs?: number;
  /**
   * Where the per-day counts outlive a restart (dayCountFile.ts): read before the first request, saved after each
   * request that counts against a per-day limit.
   */
  dayCounts?: DayCountPersistence;
}

/** What a provider announced for one provider/model, projected forward. */
interface AnnouncedState {
  requests?: AnnouncedBucket;
  tokens?: AnnouncedBucket;
  outputTokens?: AnnouncedBucket;
}

interface Dimension {
  reason: RateLimitReason;
  bucket: TokenBucket;
  amount: number;
}

export class RateLimiter {
  private readonly buckets = new Map<string, TokenBucket>();
  /** The tokens-per-minute spend of each ticket, so `recordUsage` can correct it. */
  private readonly tokenSpends = new WeakMap<RateLimitTicket, { bucket: TokenBucket; spend: TokenBucketSpend }>();
  private readonly announced = new Map<string, AnnouncedState>();
  private readonly clock: Clock;
  private readonly maxDailyWaitMs: number;
  private readonly maxAnnouncedWaitMs: number;
  /** The per-day counts saved by the last run, until the first request has read them. */
  private restoring: Promise<void> | undefined;
  /** Those counts, by bucket id: each per-day bucket starts from them when it is created. */
  private restored: DayCounts = new Map();

  constructor(private readonly options: RateLimiterOptions) {
    this.clock = options.clock ?? systemClock;
    this.maxDailyWaitMs = options.maxDailyWaitMs ?? minuteMs;
    this.maxAnnouncedWaitMs = options.maxAnnouncedWaitMs ?? minuteMs;
    this.restoring = options.dayCounts?.load().then(
      (counts) => {
        this.restored = counts;
        this.restoring = undefined;
        // Made before this (by remainingToday) and spent from by nothing yet, since acquire waits for the restore:
        // built again, from the restored counts, when next needed.
        for (const [id, bucket] of this.buckets) if (bucket.windowMs === dayMs) this.buckets.delete(id);
      },
      () => {
        this.restoring = undefined;
      },
    );
  }

  /** Learns what the provider announced for `key`; each budget it mentions replaces the one known before. */
  observe(key: RateLimitKey, announced: AnnouncedRateLimits): void {
    const now = this.clock.now();
    const id = announcedId(key);
    const state: AnnouncedState = { ...this.announced.get(id) };
    if (announced.requests) state.requests = new AnnouncedBucket(announced.requests, now);
    if (announced.tokens) state.tokens = new AnnouncedBucket(announced.tokens, now);
    if (announced.outputTokens) state.outputTokens = new AnnouncedBucket(announced.outputTokens, now);
    this.announced.set(id, state);
  }

  /** {@link observe} straight from a response's headers (nothing happens when they announce nothing). */
  observeHeaders(key: RateLimitKey, headers: HttpHeaders): void {
    const announced = parseAnnouncedRateLimits(headers, this.clock.now());
    if (announced !== undefined) this.observe(key, announced);
  }

  /**
   * Waits until a request of about `estimatedTokens` tokens fits all of `key`'s budgets, then spends them.
   * Rejects with ProviderError `cancelled` when aborted, `quota` when the per-day budget is used up.
   */
  async acquire(key: RateLimitKey, estimatedTokens: number, options: AcquireOptions = {}): Promise<RateLimitTicket> {
    const { signal, onWait } = options;
    if (this.restoring !== undefined) await this.restoring;
    for (;;) {
      if (signal?.aborted) throw cancelledError(key, { while: 'rate-limit' });
      const now = this.clock.now();
      const dimensions = this.dimensionsFor(key, estimatedTokens);

      let waitMs = 0;
      let reason: RateLimitReason = 'requests-per-minute';
      for (const dimension of dimensions) {
        const wait = dimension.bucket.waitFor(dimension.amount, now);
        if (dimension.reason === 'requests-per-day' && wait > this.maxDailyWaitMs) {
          throw dailyLimitError(key, dimension.bucket.capacity, now, wait);
        }
        if (wait > waitMs) {
          waitMs = wait;
          reason = dimension.reason;
        }
      }
      const announced = this.announcedWait(key, estimatedTokens, now);
      if (announced !== undefined && announced.waitMs > waitMs) {
        waitMs = announced.waitMs;
        reason = announced.reason;
      }

      if (waitMs === 0) {
        const ticket: RateLimitTicket = { key: { ...key }, estimatedTokens };
        for (const dimension of dimensions) {
          const spend = dimension.bucket.take(dimension.amount, now);
          if (dimension.reason === 'tokens-per-minute') this.tokenSpends.set(ticket, { bucket: dimension.bucket, spend });
          if (dimension.reason === 'requests-per-day') this.options.dayCounts?.changed(() => this.dayCounts());
        }
        this.spendAnnounced(key, estimatedTokens);
        return ticket;
      }

      onWait?.({ key: { ...key }, waitMs, reason });
      await this.clock.sleep(waitMs, signal);
    }
  }

  /** Replaces the ticket's token estimate with the real count (input + output) once the answer reports it. */
  recordUsage(ticket: RateLimitTicket, actualTokens: number): void {
    const entry = this.tokenSpends.get(ticket);
    if (entry === undefined || !Number.isFinite(actualTokens)) return;
    entry.bucket.correct(entry.spend, actualTokens);
  }

  /** How many requests `key` may still send today (undefined when it has no per-day limit). */
  remainingToday(key: RateLimitKey): number | undefined {
    const dimension = this.dimensionsFor(key, 0).find((d) => d.reason === 'requests-per-day');
    return dimension?.bucket.available(this.clock.now());
  }

  /** Every per-day bucket's requests of the last 24 hours, by bucket id. */
  private dayCounts(): DayCounts {
    const now = this.clock.now();
    const counts: DayCounts = new Map();
    for (const [id, bucket] of this.buckets) if (bucket.windowMs === dayMs) counts.set(id, bucket.spendTimes(now));
    return counts;
  }

  /** The longest wait the provider's announcements ask of this request, if any is short enough to wait for. */
  private announcedWait(key: RateLimitKey, estimatedTokens: number, now: number): { waitMs: number; reason: RateLimitReason } | undefined {
    const id = announcedId(key);
    const state = this.announced.get(id);
    if (state === undefined) return undefined;
    if (state.requests?.expired(now)) delete state.requests;
    if (state.tokens?.expired(now)) delete state.tokens;
    if (state.outputTokens?.expired(now)) delete state.outputTokens;
    if (!state.requests && !state.tokens && !state.outputTokens) {
      this.announced.delete(id);
      return undefined;
    }
    let longest: { waitMs: number; reason: RateLimitReason } | undefined;
    const consider = (bucket: AnnouncedBucket | undefined, amount: number, reason: RateLimitReason): void => {
      const waitMs = bucket?.waitFor(amount, now) ?? 0;
      if (waitMs > (longest?.waitMs ?? 0)) longest = { waitMs, reason };
    };
    consider(state.requests, 1, 'requests-per-minute');
    consider(state.tokens, Math.max(0, estimatedTokens), 'tokens-per-minute');
    consider(state.outputTokens, 1, 'tokens-per-minute');
    // Hours away (a daily budget, a skewed reset): not worth hanging a chat for; the provider's 429 will explain.
    return longest !== undefined && longest.waitMs <= this.maxAnnouncedWaitMs ? longest : undefined;
  }

  private spendAnnounced(key: RateLimitKey, estimatedTokens: number): void {
    const state = this.announced.get(announcedId(key));
    if (state === undefined) return;
    state.requests?.spend(1);
    state.tokens?.spend(estimatedTokens);
  }

  private dimensionsFor(key: RateLimitKey, estimatedTokens: number): Dimension[] {
    const { bucket: name, limits } = resolveModelRateLimits(this.options.limitsFor(key.provider), key.model);
    const dimensions: Dimension[] = [];
    const add = (reason: RateLimitReason, capacity: number | undefined, windowMs: number, amount: number): void => {
      if (capacity === undefined) return;
      const id = bucketId(key.provider, name, reason);
      let bucket = this.buckets.get(id);
      if (bucket === undefined) {
        bucket = new TokenBucket(capacity, windowMs);
        this.buckets.set(id, bucket);
        // The requests the last run sent today still count (restored before the first acquire).
        if (reason === 'requests-per-day') for (const at of this.restored.get(id) ?? []) bucket.take(1, at);
      }
      bucket.capacity = capacity;
      dimensions.push({ reason, bucket, amount });
    };
    add('requests-per-day', limits.requestsPerDay, dayMs, 1);
    add('requests-per-minute', limits.requestsPerMinute, minuteMs, 1);
    add('tokens-per-minute', limits.tokensPerMinute, minuteMs, Math.max(0, estimatedTokens));
    return dimensions;
  }
}

function announcedId(key: RateLimitKey): string {
  return JSON.stringify([key.provider, key.model]);
}

function bucketId(provider: string, bucket: string, reason: RateLimitReason): string {
  return JSON.stringify([provider, bucket, reason]);
}

function dailyLimitError(key: RateLimitKey, limit: number, now: number, waitMs: number): ProviderError {
  const at = new Date(now + waitMs);
  const clock = `${String(at.getHours()).padStart(2, '0')}:${String(at.getMinutes()).padStart(2, '0')}`;
  return new ProviderError({
    kind: 'quota',
    provider: key.provider,
    model: key.model,
    code: dailyLimitErrorCode,
    retryable: false,
    retryAfterMs: waitMs,
    text: errorText('rateLimit.dailyLimit', { limit, provider: key.provider, model: key.model, duration: resetDuration(waitMs), clock }),
  });
}

/** Whole minutes, rounded up (a reset is never earlier than said): `40 min`, `3 h`, `22 h 59 min`. */
function resetDuration(ms: number): ErrorText {
  const totalMinutes = Math.ceil(ms / minuteMs);
  const hours = Math.floor(totalMinutes / 60);
  const minutes = totalMinutes % 60;
  if (hours === 0) return errorText('duration.min', { value: minutes });
  return minutes === 0 ? errorText('duration.h', { value: hours }) : errorText('duration.hoursMinutes', { hours, minutes });
}
