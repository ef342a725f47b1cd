// What is left of one budget a provider announced (see announcedRateLimits.ts), projected forward in time: a
// `gradual` budget with a known limit refills at the rate the announcement implies (the missing part comes back
// by the reset), anything else comes back whole at its reset. Requests sent since the announcement are spent from
// it, so two quick requests after "1 left" do not both go; the next response's headers replace it anyway.
import type { AnnouncedBudget } from './announcedRateLimits';

export class AnnouncedBucket {
  private remaining: number;
  /** Units regained per millisecond; 0 when the budget only comes back at its reset. */
  private readonly ratePerMs: number;

  constructor(
    private readonly budget: AnnouncedBudget,
    private readonly observedAt: number,
  ) {
    this.remaining = budget.remaining;
    const span = budget.resetAt - observedAt;
    const { limit } = budget;
    this.ratePerMs =
      budget.refill === 'gradual' && limit !== undefined && limit > budget.remaining && span > 0 ? (limit - budget.remaining) / span : 0;
  }

  /** True once the announcement no longer limits anything (refilled, or past its reset). */
  expired(now: number): boolean {
    if (this.ratePerMs > 0) return this.available(now) >= (this.budget.limit ?? Number.POSITIVE_INFINITY);
    return now >= this.budget.resetAt;
  }

  /** Milliseconds from `now` until `amount` units are there (0 when they are). An amount above the limit waits for a full bucket. */
  waitFor(amount: number, now: number): number {
    const limit = this.budget.limit;
    const needed = limit !== undefined ? Math.min(amount, limit) : amount;
    if (needed <= 0 || this.available(now) >= needed) return 0;
    if (this.ratePerMs > 0) return Math.max(0, Math.ceil(this.observedAt + (needed - this.remaining) / this.ratePerMs - now));
    return Math.max(0, this.budget.resetAt - now);
  }

  spend(amount: number): void {
    this.remaining -= Math.max(0, amount);
  }

  private available(now: number): number {
    const refilled = this.remaining + this.ratePerMs * Math.max(0, now - this.observedAt);
    return this.budget.limit !== undefined ? Math.min(this.budget.limit, refilled) : refilled;
  }
}
