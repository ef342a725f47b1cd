// The debounce against simulated typing on a fake clock. The simulation follows how the extension uses it
// (src/vscode/completions/inlineCompleter.ts): every keystroke is recorded; VS Code then asks for a completion a
// little later; the provider waits delayFor(now) and sends the request unless a keystroke came in the meantime (VS
// Code cancels the token).
import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import { AdaptiveDebounce, defaultDebounceLimits } from '../../../src/core/completions/adaptiveDebounce';

interface Simulation {
  requests: number[];
  /** The delay in force right after each keystroke. */
  delays: number[];
}

/** `keystrokes` are times in ms, ascending; `lags` how long after each one VS Code asks (default 0–20 ms). */
function simulate(debounce: AdaptiveDebounce, keystrokes: readonly number[], lags?: readonly number[]): Simulation {
  const requests: number[] = [];
  const delays: number[] = [];
  keystrokes.forEach((at, i) => {
    debounce.keystroke(at);
    delays.push(debounce.currentDelay());
    const asked = at + (lags?.[i] ?? (i * 7) % 21);
    const sendAt = asked + debounce.delayFor(asked);
    const next = keystrokes[i + 1];
    if (next === undefined || next > sendAt) requests.push(sendAt);
  });
  return { requests, delays };
}

/** Bursts of `burst` keystrokes with gaps of mean ± spread (a deterministic wobble), separated by pauses. */
function typing(bursts: number, burst: number, mean: number, spread: number, pause = 900): number[] {
  const times: number[] = [];
  let now = 1_000;
  for (let b = 0; b < bursts; b++) {
    for (let k = 0; k < burst; k++) {
      times.push(now);
      now += mean + spread * Math.sin(b * 7.1 + k * 2.3);
    }
    now += pause;
  }
  return times;
}

/** Requests sent at a moment between two keystrokes closer together than the delay in force at the first. */
function requestsBetweenCloseKeystrokes(keystrokes: readonly number[], { requests, delays }: Simulation): number[] {
  return requests.filter((request) => {
    const i = keystrokes.findIndex((at, k) => at < request && (keystrokes[k + 1] ?? Infinity) > request);
    const next = keystrokes[i + 1];
    return i !== -1 && next !== undefined && next - keystrokes[i]! < delays[i]!;
  });
}

describe('AdaptiveDebounce', () => {
  it('starts at 75 ms', () => {
    const debounce = new AdaptiveDebounce();
    assert.equal(debounce.currentDelay(), 75);
    assert.equal(debounce.delayFor(5_000), 75);
  });

  it('counts the delay from the last keystroke', () => {
    const debounce = new AdaptiveDebounce();
    debounce.keystroke(1_000);
    assert.equal(debounce.delayFor(1_000), 75);
    assert.equal(debounce.delayFor(1_030), 45);
    assert.equal(debounce.delayFor(1_200), 0);
  });

  it('sends no request while the user types faster than the debounce', () => {
    for (const [mean, spread] of [
      [45, 10],
      [90, 20],
      [140, 40],
      [220, 60],
    ] as const) {
      const keystrokes = typing(30, 12, mean, spread);
      const simulation = simulate(new AdaptiveDebounce(), keystrokes);
      assert.deepEqual(requestsBetweenCloseKeystrokes(keystrokes, simulation), [], `gaps of ${mean} ± ${spread} ms`);
    }
  });

  it('holds the same for any typing, any lag before VS Code asks, and any model latency', () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 1, max: 1_500 }), { minLength: 2, maxLength: 200 }),
        fc.array(fc.integer({ min: 0, max: 40 }), { minLength: 200, maxLength: 200 }),
        fc.array(fc.integer({ min: 0, max: 5_000 }), { maxLength: 10 }),
        (gaps, lags, latencies) => {
          const debounce = new AdaptiveDebounce();
          for (const latency of latencies) debounce.latency(latency);
          const keystrokes = gaps.reduce<number[]>((times, gap) => [...times, (times[times.length - 1] ?? 0) + gap], []);
          const simulation = simulate(debounce, keystrokes, lags);
          assert.deepEqual(requestsBetweenCloseKeystrokes(keystrokes, simulation), []);
          for (const delay of simulation.delays) assert.ok(delay >= defaultDebounceLimits.minMs && delay <= defaultDebounceLimits.maxMs);
        },
      ),
    );
  });

  it("learns the user's rhythm: within words no request, one at each pause", () => {
    // A steady typist with gaps of 110–170 ms: a fixed 75 ms would send a request after almost every keystroke.
    const keystrokes = typing(20, 15, 140, 30);
    const adaptive = simulate(new AdaptiveDebounce(), keystrokes);
    const fixed = simulate(new AdaptiveDebounce({ minMs: 75, maxMs: 75 }), keystrokes);
    const pauses = 20;
    // After the first burst (learning), exactly one request per burst: at its pause.
    const learned = adaptive.requests.filter((at) => at > keystrokes[15]!);
    assert.equal(learned.length, pauses - 1, `requests after learning: ${learned.length}`);
    assert.ok(fixed.requests.length > 10 * pauses, `the fixed delay sent only ${fixed.requests.length}`);
  });

  it('gives a fast typist a short delay and a slow one a longer delay, within [50, 350] ms', () => {
    const fast = new AdaptiveDebounce();
    simulate(fast, typing(5, 20, 60, 10));
    const slow = new AdaptiveDebounce();
    simulate(slow, typing(5, 20, 200, 40));
    assert.ok(fast.currentDelay() >= 50 && fast.currentDelay() <= 100, `fast: ${fast.currentDelay()}`);
    assert.ok(slow.currentDelay() > 200 && slow.currentDelay() <= 350, `slow: ${slow.currentDelay()}`);
    const verySlow = new AdaptiveDebounce();
    simulate(verySlow, typing(5, 20, 340, 10));
    assert.equal(verySlow.currentDelay(), 350);
  });

  it('does not learn from pauses', () => {
    const debounce = new AdaptiveDebounce();
    simulate(debounce, typing(10, 10, 60, 5, 3_000));
    assert.ok(debounce.currentDelay() < 100, `${debounce.currentDelay()} ms`);
  });

  it('waits longer for a slower model, by at most 100 ms, and ignores nonsense latencies', () => {
    const local = new AdaptiveDebounce();
    const cloud = new AdaptiveDebounce();
    for (let i = 0; i < 10; i++) {
      local.latency(120);
      cloud.latency(2_500);
    }
    local.latency(Number.NaN);
    cloud.latency(-5);
    assert.equal(local.currentDelay(), 87);
    assert.equal(cloud.currentDelay(), 175);
  });
});
