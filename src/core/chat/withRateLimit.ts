// Puts a provider behind the RateLimiter: every request first acquires its provider/model budgets, each wait
// shows up in the stream as a `rate-limit-wait` event (before the model's own events), and the real token count
// from the answer's `usage` replaces the estimate afterwards.
//
// Outcomes of the wait: stopped while waiting → the stream ends with `done` (finishReason `cancelled`), like any
// stopped request; a used-up daily budget → an `error` event (ProviderError `quota`, code `daily-request-limit`).
import type { ChatEvent, ChatProvider, ChatRequest } from './chatTypes';
import { asProviderError } from './asProviderError';
import { estimateTokens } from './estimateTokens';
import { forwardAfter } from './forwardAfter';
import type { RateLimiter, RateLimitTicket, RateLimitWait } from './rateLimiter';
import { UsageTotals } from './usageTotals';

export function withRateLimit(provider: ChatProvider, limiter: RateLimiter): ChatProvider {
  return {
    id: provider.id,
    kind: provider.kind,
    listModels: (signal) => provider.listModels(signal),
    streamChat: (request) => rateLimitedStream(provider, limiter, request),
  };
}

function rateLimitedStream(provider: ChatProvider, limiter: RateLimiter, request: ChatRequest): AsyncIterable<ChatEvent> {
  const usage = new UsageTotals();
  let ticket: RateLimitTicket | undefined;
  return forwardAfter(
    async function* waitForTurn() {
      ticket = yield* acquireTicket(provider, limiter, request);
      return ticket === undefined ? undefined : provider.streamChat(request);
    },
    {
      onEvent: (event) => usage.observe(event),
      onError: (error) => ({ type: 'error', error: asProviderError(error, provider.id, request.model, request.signal) }),
      onEnd: () => {
        const total = usage.totalTokens;
        if (ticket !== undefined && total !== undefined) limiter.recordUsage(ticket, total);
      },
    },
  );
}

/** Waits for the budgets, yielding a `rate-limit-wait` event per wait; returns the ticket, or undefined after a final event. */
async function* acquireTicket(
  provider: ChatProvider,
  limiter: RateLimiter,
  request: ChatRequest,
): AsyncGenerator<ChatEvent, RateLimitTicket | undefined> {
  const key = { provider: provider.id, model: request.model };
  // Our own controller, so that a consumer who stops listening mid-wait also releases the wait.
  const stop = new AbortController();
  const onAbort = (): void => stop.abort();
  request.signal?.addEventListener('abort', onAbort, { once: true });
  if (request.signal?.aborted) stop.abort();

  const waits: RateLimitWait[] = [];
  let wake: (() => void) | undefined;
  let settled = false;
  let ticket: RateLimitTicket | undefined;
  let failure: unknown;
  void limiter
    .acquire(key, estimateTokens(request), {
      signal: stop.signal,
      onWait: (wait) => {
        waits.push(wait);
        wake?.();
      },
    })
    .then(
      (granted) => {
        ticket = granted;
      },
      (error: unknown) => {
        failure = error;
      },
    )
    .finally(() => {
      settled = true;
      wake?.();
    });

  try {
    for (;;) {
      for (let wait = waits.shift(); wait !== undefined; wait = waits.shift()) {
        yield { type: 'rate-limit-wait', provider: provider.id, model: request.model, waitMs: wait.waitMs, reason: wait.reason };
      }
      if (settled) break;
      await new Promise<void>((resolve) => {
        wake = resolve;
      });
      wake = undefined;
    }
    if (ticket === undefined) {
      const error = asProviderError(failure, provider.id, request.model, request.signal);
      yield error.kind === 'cancelled' ? { type: 'done', finishReason: 'cancelled' } : { type: 'error', error };
    }
    return ticket;
  } finally {
    request.signal?.removeEventListener('abort', onAbort);
    if (!settled) stop.abort();
  }
}
