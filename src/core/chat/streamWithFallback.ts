// The fallback chain (docs/requests.md, "Fallback"): the chosen model first, then `switchboard.chat.fallbackModels` in order.
//
// - An attempt that fails BEFORE any of its text was streamed moves on according to `fallbackDecision` (next
//   model; next provider for a quota problem; stop for auth, bad request, content filter, stop button), with a
//   `fallback` event that says from where to where and why.
// - An attempt that fails AFTER text was streamed, or after a tool call began (`tool-call-start`: the UI shows its
//   card at once, and a call may already have been run by the time the answer fails), is not replaced: the partial
//   answer stands and the `error` event ends the stream.
// - A provider whose circuit breaker is open is skipped with a `fallback` event carrying a `circuit-open` error;
//   when every entry is skipped that way the stream ends with one error naming them all.
// - The stop button (request.signal) ends everything at once with `done` (finishReason `cancelled`), never a
//   fallback.
// - Every answer carries a `model` event for the attempt that produced it (added here if a provider left it out),
//   so the UI can say which model answered.
// - Each attempt's outcome goes to the breaker: `done` = success, a failure = recordFailure (which counts only
//   provider-side failures), stopped or abandoned = neutral.
import { errorText } from '../errors/errorText';
import { ProviderError } from '../errors/providerError';
import { assertNever } from '../assertNever';
import type { ChatEvent, ChatProvider, ChatRequest } from './chatTypes';
import { asProviderError } from './asProviderError';
import { circuitOpenError, circuitOpenErrorCode, type CircuitBreaker } from './circuitBreaker';
import { fallbackDecision } from './fallbackDecision';

export interface FallbackEntry {
  provider: ChatProvider;
  /** The provider's model id for this entry. */
  model: string;
}

export interface FallbackOptions {
  /** Shared across requests, so a provider that keeps failing is skipped for a while. */
  breaker?: CircuitBreaker;
  /** Asked before each attempt is sent (budgets, docs/spend.md); an error holds that attempt back, as a failure of it. */
  beforeAttempt?: BeforeAttempt;
}

/**
 * A check before a request goes to `provider`/`model`: undefined lets it go; a ProviderError holds it back, and the
 * chain goes on as after that error (a `quota` one skips the provider's other entries).
 */
export type BeforeAttempt = (attempt: { provider: string; model: string; request: ChatRequest }) => Promise<ProviderError | undefined>;

interface EntryRef {
  provider: string;
  model: string;
}

/** Streams an answer from the first entry of `chain` that can give one. `request.model` is set per entry. */
export async function* streamWithFallback(
  chain: readonly FallbackEntry[],
  request: Omit<ChatRequest, 'model'>,
  options: FallbackOptions = {},
): AsyncGenerator<ChatEvent> {
  const { breaker } = options;
  const signal = request.signal;
  const cancelled: ChatEvent = { type: 'done', finishReason: 'cancelled' };

  if (chain.length === 0) {
    yield {
      type: 'error',
      error: new ProviderError({
        kind: 'bad-request',
        provider: 'switchboard',
        text: errorText('chat.noModelConfigured'),
      }),
    };
    return;
  }

  const excludedProviders = new Set<string>();
  const excludedModels = new Set<string>();
  /** The last entry that failed or was skipped, waiting to be named in a `fallback` event. */
  let pending: { from: EntryRef; error: ProviderError } | undefined;
  const skippedByBreaker: ProviderError[] = [];
  let attempts = 0;

  for (const entry of chain) {
    const ref: EntryRef = { provider: entry.provider.id, model: entry.model };
    if (excludedProviders.has(ref.provider) || excludedModels.has(modelKey(ref))) continue;
    if (signal?.aborted) {
      yield cancelled;
      return;
    }
    if (pending !== undefined) {
      // Every path below either returns or sets `pending` again.
      yield { type: 'fallback', from: pending.from, to: ref, error: pending.error };
    }

    const held = await options.beforeAttempt?.({ provider: ref.provider, model: ref.model, request: { ...request, model: entry.model } });
    if (held !== undefined) {
      if (fallbackDecision(held) === 'next-provider') excludedProviders.add(ref.provider);
      else excludedModels.add(modelKey(ref));
      pending = { from: ref, error: held };
      continue;
    }

    const check = breaker?.tryPass(ref.provider) ?? { allowed: true };
    if (!check.allowed) {
      const error = circuitOpenError(ref.provider, ref.model, check.retryInMs);
      skippedByBreaker.push(error);
      pending = { from: ref, error };
      continue;
    }

    attempts += 1;
    let sawModel = false;
    /** Text or a tool call of this attempt reached the consumer: the answer has begun. */
    let answerBegun = false;
    let failure: ProviderError | undefined;
    let outcomeRecorded = false;
    const modelEvent: ChatEvent = { type: 'model', provider: ref.provider, model: ref.model };
    try {
      attempt: for await (const event of entry.provider.streamChat({ ...request, model: entry.model })) {
        switch (event.type) {
          case 'model':
            sawModel = true;
            yield event;
            break;
          case 'text-delta':
            if (!sawModel) {
              sawModel = true;
              yield modelEvent;
            }
            if (event.text.length > 0) answerBegun = true;
            yield event;
            break;
          case 'tool-call-start':
          case 'tool-call':
            if (!sawModel) {
              sawModel = true;
              yield modelEvent;
            }
            answerBegun = true;
            yield event;
            break;
          case 'usage':
            if (!sawModel) {
              sawModel = true;
              yield modelEvent;
            }
            yield event;
            break;
          case 'rate-limit-wait':
          case 'retry':
          case 'fallback':
          case 'notice':
            yield event;
            break;
          case 'done':
            if (!sawModel) {
              sawModel = true;
              yield modelEvent;
            }
            outcomeRecorded = true;
            if (event.finishReason === 'cancelled') breaker?.recordNeutral(ref.provider);
            else breaker?.recordSuccess(ref.provider);
            yield event;
            return;
          case 'error':
            failure = event.error;
            break attempt;
          default:
            assertNever(event, 'chat event');
        }
      }
    } catch (error) {
      failure = asProviderError(error, ref.provider, ref.model, signal);
    } finally {
      // The consumer stopped listening (or the attempt ended oddly) before an outcome was recorded.
      if (!outcomeRecorded && failure === undefined) breaker?.recordNeutral(ref.provider);
    }

    failure ??= new ProviderError({
      kind: 'invalid-response',
      provider: ref.provider,
      model: ref.model,
      text: errorText('chat.endedUnfinished', { provider: ref.provider, model: ref.model }),
    });

    if (signal?.aborted) {
      breaker?.recordNeutral(ref.provider);
      yield cancelled;
      return;
    }
    breaker?.recordFailure(ref.provider, failure);

    if (answerBegun) {
      // The partial answer stands; never silently replace it with another model's.
      yield { type: 'error', error: failure };
      return;
    }
    const decision = fallbackDecision(failure);
    switch (decision) {
      case 'stop':
        yield { type: 'error', error: failure };
        return;
      case 'next-provider':
        excludedProviders.add(ref.provider);
        break;
      case 'next':
        excludedModels.add(modelKey(ref));
        break;
      default:
        assertNever(decision, 'fallback decision');
    }
    pending = { from: ref, error: failure };
  }

  if (signal?.aborted) {
    yield cancelled;
    return;
  }
  if (attempts === 0 && skippedByBreaker.length > 1) {
    yield { type: 'error', error: allSkippedError(skippedByBreaker) };
    return;
  }
  // `pending` is set here: every entry either failed, was skipped, or was excluded by an earlier failure.
  yield {
    type: 'error',
    error: pending?.error ?? new ProviderError({ kind: 'server', provider: 'switchboard', text: errorText('chat.noFallbackAnswered') }),
  };
}

function modelKey(ref: EntryRef): string {
  return JSON.stringify([ref.provider, ref.model]);
}

function allSkippedError(errors: readonly ProviderError[]): ProviderError {
  const providers = [...new Set(errors.map((error) => error.provider))];
  const soonest = Math.min(...errors.map((error) => error.retryAfterMs ?? 0));
  const seconds = Math.max(1, Math.ceil(soonest / 1000));
  const first = errors[0];
  return new ProviderError({
    kind: 'server',
    provider: first?.provider ?? 'switchboard',
    model: first?.model,
    code: circuitOpenErrorCode,
    retryable: true,
    retryAfterMs: soonest,
    text: errorText('chat.allSkipped', { providers: providers.join(', '), duration: errorText('duration.s', { value: seconds }) }),
  });
}
