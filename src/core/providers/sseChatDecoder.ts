import type { SseHandler } from '../sse/sseFeed';

/**
 * A protocol's reader of a streamed answer: it gets the SSE events one by one, synchronously, and pushes what
 * they mean (text, usage, `done`) into the ChatEventSink it was made with. It throws a ProviderError for an error
 * event or a malformed one; the text pushed before stays the partial answer.
 */
export interface SseChatDecoder extends SseHandler {
  /** True once the protocol's end marker was read and `done` pushed: what follows in the body is not read. */
  readonly finished: boolean;
  /** The body ended before the end marker: push the final events, or throw (an answer cut off). */
  end(): void;
}
