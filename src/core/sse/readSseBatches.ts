// Server-sent events over a byte stream. Bytes are decoded with a streaming TextDecoder, so a multi-byte UTF-8
// character split across two network chunks comes out whole; eventsource-parser handles CR, LF and CRLF line
// ends (even a CRLF split across chunks), comments and named events. An event cut off by the end of the stream
// is not dispatched (as the SSE spec says): the protocol readers then see a stream that ended early.
//
// Messages come in batches, one per network chunk, because a resumed async generator per message costs more
// than parsing the message (SPEC §10 streaming budget); callers loop over each batch.
import { createParser } from 'eventsource-parser';

export type SseMessage =
  /** A dispatched event: `event` is the `event:` field (undefined for the default `message`). */
  | { type: 'event'; event: string | undefined; data: string; id: string | undefined }
  /** A comment line (`: OPENROUTER PROCESSING`), used by servers as a keep-alive. Leading space removed. */
  | { type: 'comment'; text: string };

export async function* readSseBatches(chunks: AsyncIterable<Uint8Array>): AsyncGenerator<readonly SseMessage[], void, undefined> {
  const decoder = new TextDecoder('utf-8');
  let pending: SseMessage[] = [];
  const parser = createParser({
    onEvent: (event) => pending.push({ type: 'event', event: event.event, data: event.data, id: event.id }),
    onComment: (text) => pending.push({ type: 'comment', text: text.trimStart() }),
  });
  for await (const chunk of chunks) {
    parser.feed(decoder.decode(chunk, { stream: true }));
    if (pending.length > 0) {
      const batch = pending;
      pending = [];
      yield batch;
    }
  }
  const tail = decoder.decode();
  if (tail !== '') parser.feed(tail);
  if (pending.length > 0) yield pending;
}
