// How long to wait after a keystroke before asking for a completion (docs/completions.md, "Fast and cheap"). A
// request is only sent once the user has paused for the delay (a keystroke in between cancels it: VS Code cancels the
// provider's token), so the delay should be a bit longer than the gaps between keystrokes while the user is typing,
// and no longer. Pure: the caller passes the clock.
//
// The rule, with the constants of TCP's retransmission timer (RFC 6298), which estimates "a bit longer than usual"
// the same way:
//   - the typing rhythm: every gap between two keystrokes of up to maxMs (a longer gap is a pause, where a request is
//     wanted, and says nothing about typing speed) updates a smoothed mean m ← m + (gap − m) / 8 and a smoothed
//     deviation d ← d + (|gap − m| − d) / 4 (the first gap sets m = gap, d = gap / 2);
//   - the model's latency ℓ, smoothed the same way (ℓ ← ℓ + (latency − ℓ) / 4): a slower model makes each request
//     that the next keystroke turns useless more costly, so it adds ℓ / 10, at most 100 ms;
//   - delay = m + 2d + min(ℓ / 10, 100), within [minMs, maxMs] = [50, 350] ms; 75 ms (plus the latency term) before
//     the first gap is known.
// A fast typist (gaps of 60 ± 10 ms) gets about 75 ms, a slower one (140 ± 30 ms) about 190 ms: in both cases the
// gaps within a word stay below the delay, so requests go out at the pauses.

export interface DebounceLimits {
  initialMs: number;
  minMs: number;
  maxMs: number;
}

export const defaultDebounceLimits: Readonly<DebounceLimits> = { initialMs: 75, minMs: 50, maxMs: 350 };

const latencyShare = 0.1;
const maxLatencyMs = 100;

export class AdaptiveDebounce {
  private readonly limits: DebounceLimits;
  private lastKeystroke: number | undefined;
  private meanGap: number | undefined;
  private deviation = 0;
  private smoothedLatency: number | undefined;

  constructor(limits: Partial<DebounceLimits> = {}) {
    this.limits = { ...defaultDebounceLimits, ...limits };
  }

  /** A keystroke (any change the user made to the document) at `now` (ms). */
  keystroke(now: number): void {
    const last = this.lastKeystroke;
    this.lastKeystroke = now;
    if (last === undefined) return;
    const gap = now - last;
    if (gap <= 0 || gap > this.limits.maxMs) return;
    if (this.meanGap === undefined) {
      this.meanGap = gap;
      this.deviation = gap / 2;
      return;
    }
    this.deviation += (Math.abs(gap - this.meanGap) - this.deviation) / 4;
    this.meanGap += (gap - this.meanGap) / 8;
  }

  /** How long a completion request took (ms), for the latency term. */
  latency(ms: number): void {
    if (!Number.isFinite(ms) || ms < 0) return;
    this.smoothedLatency = this.smoothedLatency === undefined ? ms : this.smoothedLatency + (ms - this.smoothedLatency) / 4;
  }

  /** The delay in force: how long after the last keystroke a request may be sent. */
  currentDelay(): number {
    const rhythm = this.meanGap === undefined ? this.limits.initialMs : this.meanGap + 2 * this.deviation;
    const latency = this.smoothedLatency === undefined ? 0 : Math.min(maxLatencyMs, this.smoothedLatency * latencyShare);
    return Math.round(Math.min(this.limits.maxMs, Math.max(this.limits.minMs, rhythm + latency)));
  }

  /**
   * How long to wait from `now` before sending: the delay counts from the last keystroke, so time VS Code and the
   * extension already spent since then is not waited twice. 0 when it has passed.
   */
  delayFor(now: number): number {
    const delay = this.currentDelay();
    if (this.lastKeystroke === undefined) return delay;
    return Math.max(0, this.lastKeystroke + delay - now);
  }
}
