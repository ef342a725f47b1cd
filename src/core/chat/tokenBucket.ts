// One budget of a rate limit: `capacity` units per `windowMs`. Every unit spent comes back to the bucket exactly
// one window after it was spent (a sliding-window bucket). Unlike the classic continuously-refilling bucket, which
// lets through a full burst plus a window's worth of refill (almost 2× the limit) in one window, this one never
// grants more than `capacity` in ANY window of `windowMs` — which is how gateways count "N per minute".
// Pure: the caller passes the time, so it is tested without a clock.

/** A record of one spend, kept so the amount can be corrected later (e.g. estimated → real token count). */
export interface TokenBucketSpend {
  readonly at: number;
  amount: number;
  /** False once the spend has left the window. */
  live: boolean;
}

export class TokenBucket {
  private readonly spends: TokenBucketSpend[] = [];
  private spent = 0;

  constructor(
    public capacity: number,
    readonly windowMs: number,
  ) {}

  /** Units available at `now`. */
  available(now: number): number {
    this.expire(now);
    return Math.max(0, this.capacity - this.spent);
  }

  /**
   * Milliseconds from `now` until `amount` units fit (0 when they fit now). An amount larger than the whole
   * capacity is treated as the capacity: it waits for an empty bucket, then goes alone.
   */
  waitFor(amount: number, now: number): number {
    this.expire(now);
    const wanted = Math.min(Math.max(0, amount), this.capacity);
    let missing = this.spent + wanted - this.capacity;
    if (missing <= 0) return 0;
    for (const spend of this.spends) {
      missing -= spend.amount;
      if (missing <= 0) return Math.max(0, spend.at + this.windowMs - now);
    }
    // Unreachable while the spends add up to `spent`; be safe and wait a whole window.
    return this.windowMs;
  }

  /** Spends `amount` at `now` (whether or not it fits: call `waitFor` first). */
  take(amount: number, now: number): TokenBucketSpend {
    this.expire(now);
    const spend: TokenBucketSpend = { at: now, amount: Math.max(0, amount), live: true };
    this.spends.push(spend);
    this.spent += spend.amount;
    return spend;
  }

  /** Replaces the amount of an earlier spend (no effect once it has left the window). */
  correct(spend: TokenBucketSpend, amount: number): void {
    const next = Math.max(0, amount);
    if (spend.live) this.spent += next - spend.amount;
    spend.amount = next;
  }

  /** The times of the spends still in the window at `now`, each as often as its amount (for saving per-day counts). */
  spendTimes(now: number): number[] {
    this.expire(now);
    return this.spends.flatMap((spend) => Array<number>(Math.round(spend.amount)).fill(spend.at));
  }

  private expire(now: number): void {
    while (this.spends.length > 0) {
      const oldest = this.spends[0];
      if (oldest === undefined || oldest.at + this.windowMs > now) break;
      this.spends.shift();
      oldest.live = false;
      this.spent -= oldest.amount;
    }
    if (this.spends.length === 0) this.spent = 0;
  }
}
