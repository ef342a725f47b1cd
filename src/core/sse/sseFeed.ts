// Server-sent events over a byte stream, pushed: `feed` takes each network chunk and calls the handler for every
// complete event in it, synchronously. Bytes are decoded with a streaming TextDecoder, so a multi-byte UTF-8
// character split across two chunks comes out whole; eventsource-parser handles CR, LF and CRLF line ends (even a
// CRLF split across chunks), comments and named events. An event cut off by the end of the stream is not
// dispatched (as the SSE spec says): the protocol readers then see a stream that ended early.
//
// Pushed rather than pulled (an async iterator of events) because the hops and garbage of an async iterator per
// network read were the largest cost of a streamed answer after JSON parsing (docs/performance.md, streaming budget).
import { createParser } from 'eventsource-parser';

export interface SseHandler {
  /** A dispatched event: `event` is the `event:` field (undefined for the default `message`). May throw. */
  onEvent(event: string | undefined, data: string): void;
  /** A comment line (`: OPENROUTER PROCESSING`), sent by some servers as a keep-alive. Leading space removed. */
  onComment?(text: string): void;
}

export interface SseFeed {
  /** One network chunk; a handler that throws stops the feed there (the exception propagates). */
  feed(chunk: Uint8Array): void;
  /** The end of the byte stream: flushes the decoder (an unfinished event is dropped). */
  end(): void;
}

/** One event (or comment) grew beyond the feed's `maxEventChars` before it ended. */
export class SseEventTooLargeError extends Error {
  constructor(readonly maxEventChars: number) {
    super(`An event of the stream is longer than ${maxEventChars} characters`);
    this.name = 'SseEventTooLargeError';
  }
}

/**
 * `maxEventChars`: a server that never ends an event (no blank line) would otherwise make the parser buffer without
 * bound. Counted per network chunk, so the cap is exact to within one chunk.
 */
export function createSseFeed(handler: SseHandler, maxEventChars = Number.POSITIVE_INFINITY): SseFeed {
  const decoder = new TextDecoder('utf-8');
  let dispatched = false;
  let pending = 0;
  const parser = createParser({
    onEvent: (event) => {
      dispatched = true;
      handler.onEvent(event.event, event.data);
    },
    onComment: (text) => {
      dispatched = true;
      handler.onComment?.(text.trimStart());
    },
  });
  return {
    feed: (chunk) => {
      const text = decoder.decode(chunk, { stream: true });
      dispatched = false;
      parser.feed(text);
      // After an event ended in this chunk, only the chunk's tail can belong to the next one: start again.
      pending = dispatched ? 0 : pending + text.length;
      if (pending > maxEventChars) throw new SseEventTooLargeError(maxEventChars);
    },
    end: () => {
      const tail = decoder.decode();
      if (tail !== '') parser.feed(tail);
    },
  };
}
