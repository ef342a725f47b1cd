// A hand-driven clock for the reliability tests: nothing waits in real time.
// - 'auto': every sleep advances the time at once and resolves (the waits are recorded in `sleeps`).
// - 'manual': sleeps stay pending until `advance` passes their deadline or their signal aborts.
import type { Clock } from '../../../src/core/chat/clock';

interface Timer {
  at: number;
  resolve: () => void;
}

export class FakeClock implements Clock {
  readonly sleeps: number[] = [];
  private timers: Timer[] = [];

  constructor(
    public time = Date.UTC(2026, 0, 15, 9, 0, 0),
    readonly mode: 'auto' | 'manual' = 'auto',
  ) {}

  now(): number {
    return this.time;
  }

  sleep(ms: number, signal?: AbortSignal): Promise<void> {
    this.sleeps.push(ms);
    if (this.mode === 'auto') {
      this.time += ms;
      return Promise.resolve();
    }
    return new Promise<void>((resolve) => {
      const timer: Timer = { at: this.time + ms, resolve };
      this.timers.push(timer);
      signal?.addEventListener(
        'abort',
        () => {
          this.timers = this.timers.filter((t) => t !== timer);
          resolve();
        },
        { once: true },
      );
    });
  }

  /** Pending sleeps (manual mode). */
  get pending(): number {
    return this.timers.length;
  }

  advance(ms: number): void {
    this.time += ms;
    const due = this.timers.filter((t) => t.at <= this.time);
    this.timers = this.timers.filter((t) => t.at > this.time);
    for (const timer of due) timer.resolve();
  }
}

/** Lets pending promise callbacks run. */
export async function settle(): Promise<void> {
  for (let i = 0; i < 10; i += 1) await new Promise<void>((resolve) => setImmediate(resolve));
}
