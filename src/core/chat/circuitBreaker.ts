// "A provider that keeps failing is skipped for a while" (docs/requests.md). One breaker per provider entry id:
//
// - closed: requests pass. `failureThreshold` consecutive provider-side failures (isProviderSideFailure: server,
//   overloaded, network, timeout, rate-limit, invalid-response) within `failureWindowMs` open it; a success
//   resets the count; other failures (auth, bad request, quota, stop, ...) neither count nor reset.
// - open: requests are refused for `coolDownMs`.
// - half-open: after the cool-down ONE trial request passes; the others are refused until it reports. Success
//   closes the breaker, a provider-side failure opens it for another cool-down, anything else (e.g. the user
//   stopped it) frees the trial slot for the next request. A trial that never reports frees its slot after
//   another `coolDownMs`, so a lost outcome cannot lock a provider out for good.
import { errorText } from '../errors/errorText';
import { ProviderError } from '../errors/providerError';
import type { Clock } from './clock';
import { isProviderSideFailure } from './isProviderSideFailure';

export interface CircuitBreakerOptions {
  /** Consecutive provider-side failures that open the breaker. Default 3. */
  failureThreshold: number;
  /** The failures must fall within this long of each other (older ones are forgotten). Default 60 s. */
  failureWindowMs: number;
  /** How long an open breaker refuses requests before letting one trial through. Default 60 s. */
  coolDownMs: number;
}

export const defaultCircuitBreakerOptions: CircuitBreakerOptions = {
  failureThreshold: 3,
  failureWindowMs: 60_000,
  coolDownMs: 60_000,
};

export type CircuitState = 'closed' | 'open' | 'half-open';

export type CircuitCheck =
  | { allowed: true; state: CircuitState }
  | { allowed: false; state: CircuitState; /** When a request may pass again, roughly. */ retryInMs: number };

interface Circuit {
  /** Times of the consecutive provider-side failures still inside the window. */
  failures: number[];
  /** Set while open or half-open: when the cool-down ends. */
  openUntil: number | undefined;
  /** Set while a half-open trial is under way: when it started. */
  trialStartedAt: number | undefined;
}

export class CircuitBreaker {
  private readonly circuits = new Map<string, Circuit>();
  private readonly settings: CircuitBreakerOptions;
  private readonly now: () => number;
  private readonly onStateChange: ((providerId: string, state: CircuitState) => void) | undefined;

  constructor(
    options: Partial<CircuitBreakerOptions> & {
      clock?: Pick<Clock, 'now'>;
      /** Told when a provider's breaker opens, half-opens for a trial or closes (for the log). */
      onStateChange?: (providerId: string, state: CircuitState) => void;
    } = {},
  ) {
    this.settings = {
      failureThreshold: Math.max(1, options.failureThreshold ?? defaultCircuitBreakerOptions.failureThreshold),
      failureWindowMs: options.failureWindowMs ?? defaultCircuitBreakerOptions.failureWindowMs,
      coolDownMs: options.coolDownMs ?? defaultCircuitBreakerOptions.coolDownMs,
    };
    const clock = options.clock;
    this.now = clock ? () => clock.now() : () => Date.now();
    this.onStateChange = options.onStateChange;
  }

  state(providerId: string): CircuitState {
    const circuit = this.circuits.get(providerId);
    if (circuit?.openUntil === undefined) return 'closed';
    return this.now() < circuit.openUntil ? 'open' : 'half-open';
  }

  /** Asks whether a request to `providerId` may go now; in half-open, a `true` answer takes the trial slot. */
  tryPass(providerId: string): CircuitCheck {
    const circuit = this.circuits.get(providerId);
    if (circuit?.openUntil === undefined) return { allowed: true, state: 'closed' };
    const now = this.now();
    if (now < circuit.openUntil) return { allowed: false, state: 'open', retryInMs: circuit.openUntil - now };
    if (circuit.trialStartedAt !== undefined && now - circuit.trialStartedAt < this.settings.coolDownMs) {
      return { allowed: false, state: 'half-open', retryInMs: circuit.trialStartedAt + this.settings.coolDownMs - now };
    }
    circuit.trialStartedAt = now;
    this.onStateChange?.(providerId, 'half-open');
    return { allowed: true, state: 'half-open' };
  }

  /** The provider answered: the breaker closes and the failure count starts over. */
  recordSuccess(providerId: string): void {
    const circuit = this.circuits.get(providerId);
    if (circuit === undefined) return;
    const wasOpen = circuit.openUntil !== undefined;
    this.circuits.delete(providerId);
    if (wasOpen) this.onStateChange?.(providerId, 'closed');
  }

  /** An attempt failed. Only provider-side failures count; any other is `recordNeutral`. */
  recordFailure(providerId: string, error: ProviderError): void {
    if (!isProviderSideFailure(error)) {
      this.recordNeutral(providerId);
      return;
    }
    const now = this.now();
    const circuit = this.circuit(providerId);
    if (circuit.openUntil !== undefined) {
      // A failure while open comes from a request let through before it opened: nothing new to learn.
      if (now < circuit.openUntil) return;
      this.open(providerId, circuit, now);
      return;
    }
    circuit.failures = circuit.failures.filter((at) => now - at < this.settings.failureWindowMs);
    circuit.failures.push(now);
    if (circuit.failures.length >= this.settings.failureThreshold) this.open(providerId, circuit, now);
  }

  /** The attempt ended without telling anything about the provider's health; frees a half-open trial slot. */
  recordNeutral(providerId: string): void {
    const circuit = this.circuits.get(providerId);
    if (circuit !== undefined) circuit.trialStartedAt = undefined;
  }

  private open(providerId: string, circuit: Circuit, now: number): void {
    circuit.failures = [];
    circuit.openUntil = now + this.settings.coolDownMs;
    circuit.trialStartedAt = undefined;
    this.onStateChange?.(providerId, 'open');
  }

  private circuit(providerId: string): Circuit {
    let circuit = this.circuits.get(providerId);
    if (circuit === undefined) {
      circuit = { failures: [], openUntil: undefined, trialStartedAt: undefined };
      this.circuits.set(providerId, circuit);
    }
    return circuit;
  }
}

/** The ProviderError `code` of a request that was not sent because its provider's breaker is open. */
export const circuitOpenErrorCode = 'circuit-open';

/** The error that explains why a provider was skipped (kind `server`: the provider has been failing). */
export function circuitOpenError(provider: string, model: string, retryInMs: number): ProviderError {
  const seconds = Math.max(1, Math.ceil(retryInMs / 1000));
  return new ProviderError({
    kind: 'server',
    provider,
    model,
    code: circuitOpenErrorCode,
    retryable: true,
    retryAfterMs: retryInMs,
    text: errorText('chat.circuitOpen', { provider, duration: errorText('duration.s', { value: seconds }) }),
  });
}
