// The rate limits a provider announces in its response headers, read once per response (never per chunk) so the
// RateLimiter can wait before a 429 instead of after it. Three dialects:
// - OpenAI and Groq ("Rate limits" guides): `x-ratelimit-{limit,remaining,reset}-{requests,tokens}`, the reset a Go
//   duration (`1s`, `6m0s`, `20ms`, `2m59.56s`) until the budget "resets to its initial state". Both refill
//   continuously (Groq's example: 30 of 14 400 daily requests used, full again in 2m59.56s), so with the limit known
//   the wait for one request is a share of the reset, not all of it.
// - Anthropic ("Rate limits" docs): `anthropic-ratelimit-{requests,tokens,input-tokens,output-tokens}-{limit,
//   remaining,reset}`, the reset an RFC 3339 time when the bucket is "fully replenished" (a token bucket, refilled
//   continuously). `tokens-*` already shows the most restrictive token limit in effect; `input-tokens-*` stands in
//   when it is missing. Token counts are rounded to the nearest thousand.
// - OpenRouter ("Limits" docs, and the `metadata.headers` of its 429s): `x-ratelimit-{limit,remaining,reset}` for
//   requests, the reset an epoch time in milliseconds when the window starts over (no refill before it).
// A value that does not parse leaves its budget out (never a guess). Absolute times are moved onto the local
// clock with the response's `date` when the two clocks disagree by more than a couple of seconds, so a skewed
// machine clock neither skips the wait nor stretches it.
import type { HttpHeaders } from '../http/httpHeaders';

/** One budget the provider announced, on the local clock. */
export interface AnnouncedBudget {
  /** What is left in the provider's current window (requests or tokens). */
  readonly remaining: number;
  /** The whole budget, when announced. */
  readonly limit?: number;
  /** Milliseconds since the epoch (local clock) when the budget is full again (`gradual`) or the window restarts. */
  readonly resetAt: number;
  /** `gradual`: refilled continuously until `resetAt` (a token bucket). `window`: nothing comes back before `resetAt`. */
  readonly refill: 'gradual' | 'window';
}

export interface AnnouncedRateLimits {
  /** One request needs one. */
  readonly requests?: AnnouncedBudget;
  /** A request needs its estimated tokens (prompt and answer allowance). */
  readonly tokens?: AnnouncedBudget;
  /** Anthropic's output tokens: the answer's length is unknown up front, so a request needs at least one. */
  readonly outputTokens?: AnnouncedBudget;
}

/** Clocks closer than this are taken to agree: the `date` header has whole seconds only. */
const clockSkewToleranceMs = 2_000;

/** Reads the announced limits from response headers (lower-case names); undefined when there are none. */
export function parseAnnouncedRateLimits(headers: HttpHeaders, now: number): AnnouncedRateLimits | undefined {
  const out: { requests?: AnnouncedBudget; tokens?: AnnouncedBudget; outputTokens?: AnnouncedBudget } = {};
  if (headers['x-ratelimit-remaining-requests'] !== undefined || headers['x-ratelimit-remaining-tokens'] !== undefined) {
    const requests = openAiBudget(headers, 'requests', now);
    const tokens = openAiBudget(headers, 'tokens', now);
    if (requests) out.requests = requests;
    if (tokens) out.tokens = tokens;
  } else if (
    headers['anthropic-ratelimit-requests-remaining'] !== undefined ||
    headers['anthropic-ratelimit-tokens-remaining'] !== undefined ||
    headers['anthropic-ratelimit-input-tokens-remaining'] !== undefined ||
    headers['anthropic-ratelimit-output-tokens-remaining'] !== undefined
  ) {
    const serverNow = serverClock(headers, now);
    const requests = anthropicBudget(headers, 'requests', now, serverNow);
    const tokens = anthropicBudget(headers, 'tokens', now, serverNow) ?? anthropicBudget(headers, 'input-tokens', now, serverNow);
    const outputTokens = anthropicBudget(headers, 'output-tokens', now, serverNow);
    if (requests) out.requests = requests;
    if (tokens) out.tokens = tokens;
    if (outputTokens) out.outputTokens = outputTokens;
  } else if (headers['x-ratelimit-remaining'] !== undefined) {
    const requests = windowBudget(headers, now);
    if (requests) out.requests = requests;
  }
  return out.requests || out.tokens || out.outputTokens ? out : undefined;
}

function openAiBudget(headers: HttpHeaders, what: 'requests' | 'tokens', now: number): AnnouncedBudget | undefined {
  const remaining = count(headers[`x-ratelimit-remaining-${what}`]);
  const resetIn = parseResetDuration(headers[`x-ratelimit-reset-${what}`]);
  if (remaining === undefined || resetIn === undefined) return undefined;
  return budget(remaining, count(headers[`x-ratelimit-limit-${what}`]), now + resetIn, 'gradual');
}

function anthropicBudget(headers: HttpHeaders, what: string, now: number, serverNow: number): AnnouncedBudget | undefined {
  const remaining = count(headers[`anthropic-ratelimit-${what}-remaining`]);
  const resetText = headers[`anthropic-ratelimit-${what}-reset`];
  const reset = resetText === undefined ? undefined : parseRfc3339(resetText);
  if (remaining === undefined || reset === undefined) return undefined;
  return budget(remaining, count(headers[`anthropic-ratelimit-${what}-limit`]), now + Math.max(0, reset - serverNow), 'gradual');
}

function windowBudget(headers: HttpHeaders, now: number): AnnouncedBudget | undefined {
  const remaining = count(headers['x-ratelimit-remaining']);
  const reset = count(headers['x-ratelimit-reset']);
  if (remaining === undefined || reset === undefined) return undefined;
  // Epoch milliseconds as OpenRouter sends them, epoch seconds as some gateways do, else seconds from now (the
  // IETF RateLimit draft's delta-seconds).
  const resetIn =
    reset >= 1e12 ? reset - serverClock(headers, now) : reset >= 1e9 ? reset * 1000 - serverClock(headers, now) : reset * 1000;
  return budget(remaining, count(headers['x-ratelimit-limit']), now + Math.max(0, resetIn), 'window');
}

function budget(remaining: number, limit: number | undefined, resetAt: number, refill: AnnouncedBudget['refill']): AnnouncedBudget {
  return { remaining, resetAt, refill, ...(limit !== undefined ? { limit } : {}) };
}

/** The server's "now" from its `date` header when our clock is clearly off; otherwise ours (it has milliseconds). */
function serverClock(headers: HttpHeaders, now: number): number {
  const text = headers.date;
  if (text === undefined) return now;
  const date = Date.parse(text);
  return Number.isFinite(date) && Math.abs(date - now) > clockSkewToleranceMs ? date : now;
}

/** A non-negative decimal count (`0`, `14370`, `1741305600000`); anything else is undefined. */
function count(text: string | undefined): number | undefined {
  if (text === undefined) return undefined;
  const trimmed = text.trim();
  if (!/^\d+(?:\.\d+)?$/.test(trimmed)) return undefined;
  const value = Number(trimmed);
  return Number.isFinite(value) ? value : undefined;
}

const durationUnitsMs: Readonly<Record<string, number>> = {
  h: 3_600_000,
  m: 60_000,
  s: 1_000,
  ms: 1,
  us: 1e-3,
  µs: 1e-3,
  μs: 1e-3,
  ns: 1e-6,
};

/**
 * A reset as OpenAI and Groq send it: a Go duration (`6m0s`, `2m59.56s`, `20ms`, `1h2m3s`) or, from other
 * OpenAI-compatible servers, bare seconds (`1.5`). Milliseconds, or undefined when it does not parse.
 */
export function parseResetDuration(text: string | undefined): number | undefined {
  if (text === undefined) return undefined;
  const trimmed = text.trim();
  if (/^\d+(?:\.\d+)?$/.test(trimmed)) return Number(trimmed) * 1000;
  const part = /(\d+(?:\.\d*)?|\.\d+)(h|ms|m|s|us|µs|μs|ns)/y;
  let total = 0;
  let parts = 0;
  part.lastIndex = 0;
  while (part.lastIndex < trimmed.length) {
    const match = part.exec(trimmed);
    const unit = match?.[2] === undefined ? undefined : durationUnitsMs[match[2]];
    if (match === null || unit === undefined) return undefined;
    total += Number(match[1]) * unit;
    parts += 1;
  }
  return parts > 0 && Number.isFinite(total) ? total : undefined;
}

/** An RFC 3339 date-time with a zone (`2026-01-15T09:00:30Z`, `…+02:00`, fractions allowed); else undefined. */
function parseRfc3339(text: string): number | undefined {
  const trimmed = text.trim();
  if (!/^\d{4}-\d{2}-\d{2}[Tt ]\d{2}:\d{2}:\d{2}(?:\.\d+)?(?:[Zz]|[+-]\d{2}:\d{2})$/.test(trimmed)) return undefined;
  const time = Date.parse(trimmed.toUpperCase().replace(' ', 'T'));
  return Number.isFinite(time) ? time : undefined;
}
