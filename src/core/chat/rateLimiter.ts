// Client-side rate limits per provider/model (SPEC §4): requests per minute, tokens per minute and requests per
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
import { ProviderError } from '../errors/providerError';
import type { RateLimitReason } from './chatTypes';
import { systemClock, type Clock } from './clock';
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
  private readonly clock: Clock;
  private readonly maxDailyWaitMs: number;

  constructor(private readonly options: RateLimiterOptions) {
    this.clock = options.clock ?? systemClock;
    this.maxDailyWaitMs = options.maxDailyWaitMs ?? minuteMs;
  }

  /**
   * Waits until a request of about `estimatedTokens` tokens fits all of `key`'s budgets, then spends them.
   * Rejects with ProviderError `cancelled` when aborted, `quota` when the per-day budget is used up.
   */
  async acquire(key: RateLimitKey, estimatedTokens: number, options: AcquireOptions = {}): Promise<RateLimitTicket> {
    const { signal, onWait } = options;
    for (;;) {
      if (signal?.aborted) throw cancelledError(key);
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

      if (waitMs === 0) {
        const ticket: RateLimitTicket = { key: { ...key }, estimatedTokens };
        for (const dimension of dimensions) {
          const spend = dimension.bucket.take(dimension.amount, now);
          if (dimension.reason === 'tokens-per-minute') this.tokenSpends.set(ticket, { bucket: dimension.bucket, spend });
        }
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

function bucketId(provider: string, bucket: string, reason: RateLimitReason): string {
  return JSON.stringify([provider, bucket, reason]);
}

function cancelledError(key: RateLimitKey): ProviderError {
  return new ProviderError({
    kind: 'cancelled',
    provider: key.provider,
    model: key.model,
    message: 'The request was stopped while waiting for the rate limit.',
  });
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
    message:
      `The daily limit of ${limit} requests for ${key.provider}/${key.model} is used up; ` +
      `it resets in ${formatDuration(waitMs)} (at ${clock}). Choose another model or raise the limit in switchboard.providers.`,
  });
}

function formatDuration(ms: number): string {
  const totalMinutes = Math.ceil(ms / minuteMs);
  const hours = Math.floor(totalMinutes / 60);
  const minutes = totalMinutes % 60;
  if (hours === 0) return `${minutes} min`;
  return minutes === 0 ? `${hours} h` : `${hours} h ${minutes} min`;
}
