export interface BackoffOptions {
  /** The cap of the first retry's wait. */
  initialMs: number;
  /** The largest cap, however many attempts. */
  maxMs: number;
}

/**
 * The wait before retry number `attempt` (0-based). Full jitter: a random wait between 0 and the exponential cap,
 * so clients that failed together do not all come back at the same moment.
 */
export function backoffDelay(attempt: number, options: BackoffOptions, random: () => number = Math.random): number {
  const cap = Math.min(options.maxMs, options.initialMs * 2 ** attempt);
  return Math.round(random() * cap);
}
