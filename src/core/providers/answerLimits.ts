// Caps on one streamed answer (issue 12): a server that streams without end, or sends one event that never ends,
// must not grow Switchboard's memory without bound. Both caps end the answer with a clear error; the text received
// so far stays the partial answer. The overall time limit is the HTTP client's deadline
// (`switchboard.requests.deadlineSeconds`).
import type { ErrorContext } from '../errors/errorContext';
import { answerLimitError } from '../errors/errorFactories';
import type { ProviderError } from '../errors/providerError';

export interface AnswerLimits {
  /** Characters of answer text. */
  maxAnswerChars: number;
  /** Characters of one SSE event (one JSON chunk); an image inline in an event is the largest legitimate one. */
  maxEventChars: number;
}

/**
 * About a million tokens of text, several times the longest output any model offers today; and 32 MiB for one
 * event, room for a large image sent inline as base64.
 */
export const defaultAnswerLimits: AnswerLimits = { maxAnswerChars: 4_000_000, maxEventChars: 32 * 1024 * 1024 };

export function answerTooLarge(context: ErrorContext, limits: AnswerLimits): ProviderError {
  return answerLimitError(context, 'answer', limits.maxAnswerChars);
}

export function eventTooLarge(context: ErrorContext, limits: AnswerLimits): ProviderError {
  return answerLimitError(context, 'event', limits.maxEventChars);
}
