// The chat stream an HTTP provider hands out. A producer (the protocol: request, then decoding the body as it
// arrives) pushes events in; the consumer pulls them with `for await`. Pushing lets the body's bytes go from the
// socket through the SSE parser and the protocol's decoder in one synchronous call per network read, with a single
// promise settled for the consumer; the earlier chain of async generators (body → SSE → protocol → guard) cost an
// async hop and its garbage at every level per read, the largest cost left after JSON parsing (docs/performance.md).
//
// Rules the queue keeps:
//   - the first event (`model`) is ready at once; the producer starts when the consumer asks for the second one;
//   - text pushed during one network read leaves as one `text-delta` (see `flush`), fewer events for the UI;
//   - an exception of the producer becomes one final event (`toFinal`), after the text already received;
//   - a consumer that stops early (`break`, `return()`) aborts the producer's signal, which closes the connection;
//   - a producer far ahead of a slow consumer is told to wait (`backlog`, `onDrained`).
import type { ChatEvent } from '../chat/chatTypes';

/** Where a protocol puts what it decodes. */
export interface ChatEventSink {
  /** Aborted when the request's own signal is, or when the consumer stops reading: pass it to the HTTP request. */
  readonly signal: AbortSignal;
  /** A piece of the answer; joined with the other pieces of the same network read into one `text-delta`. */
  text(text: string): void;
  /** Any other event; text received before it goes first. */
  push(event: ChatEvent): void;
  /**
   * Characters of a tool call's arguments received (kept by the decoder until the call is complete): they count
   * toward the answer-size cap like text, so a server streaming arguments without end is stopped too.
   */
  countToolInput(chars: number): void;
}

type Producer = (sink: ChatEventQueue) => Promise<void>;

const over: IteratorReturnResult<undefined> = { done: true, value: undefined };

export class ChatEventQueue implements AsyncIterableIterator<ChatEvent>, ChatEventSink {
  private readonly controller = new AbortController();
  private events: ChatEvent[] = [];
  private head = 0;
  private pendingText = '';
  private textChars = 0;
  /** No event will be added any more (the producer ended, or the consumer stopped). */
  private ended = false;
  private waiting: ((result: IteratorResult<ChatEvent, undefined>) => void) | undefined;
  private producing: Promise<void> | undefined;
  private readonly unlink: () => void;
  /** Called once when the consumer has taken every buffered event (set by a producer that paused its input). */
  onDrained: (() => void) | undefined;

  constructor(
    first: ChatEvent,
    private readonly produce: Producer,
    private readonly toFinal: (error: unknown) => ChatEvent,
    requestSignal?: AbortSignal,
  ) {
    this.events.push(first);
    const abort = (): void => this.controller.abort();
    requestSignal?.addEventListener('abort', abort, { once: true });
    this.unlink = () => requestSignal?.removeEventListener('abort', abort);
  }

  get signal(): AbortSignal {
    return this.controller.signal;
  }

  /**
   * Characters of answer text handed out so far, and of tool arguments received (the answer-size cap reads it after
   * each network read).
   */
  get textLength(): number {
    return this.textChars;
  }

  /** Events waiting for the consumer. */
  get backlog(): number {
    return this.events.length - this.head;
  }

  text(text: string): void {
    if (!this.ended) this.pendingText += text;
  }

  push(event: ChatEvent): void {
    if (this.ended) return;
    this.flush();
    this.add(event);
  }

  countToolInput(chars: number): void {
    this.textChars += chars;
  }

  /** Hands the text pushed since the last flush to the consumer as one `text-delta`: call it after each network read. */
  flush(): void {
    if (this.pendingText === '' || this.ended) return;
    const text = this.pendingText;
    this.pendingText = '';
    this.textChars += text.length;
    this.add({ type: 'text-delta', text });
  }

  /** No more events: the consumer gets what is buffered, then the end. Later pushes are ignored. */
  end(): void {
    if (this.ended) return;
    this.flush();
    this.ended = true;
    this.unlink();
    if (this.waiting !== undefined && this.backlog === 0) this.settle(over);
  }

  next(): Promise<IteratorResult<ChatEvent, undefined>> {
    if (this.backlog > 0) return Promise.resolve({ done: false, value: this.take() });
    if (this.ended) return Promise.resolve(over);
    const next = new Promise<IteratorResult<ChatEvent, undefined>>((resolve) => {
      this.waiting = resolve;
    });
    // Started after `waiting` is set: what the producer pushes before its first await goes straight to it.
    this.producing ??= this.start();
    return next;
  }

  /** The consumer stops: the producer's signal aborts (closing the connection) and nothing more is delivered. */
  async return(): Promise<IteratorResult<ChatEvent, undefined>> {
    this.events = [];
    this.head = 0;
    this.pendingText = '';
    this.end();
    this.controller.abort();
    await this.producing;
    return over;
  }

  [Symbol.asyncIterator](): AsyncIterableIterator<ChatEvent> {
    return this;
  }

  private start(): Promise<void> {
    return this.produce(this).then(
      () => this.end(),
      (error: unknown) => {
        this.push(this.toFinal(error));
        this.end();
      },
    );
  }

  private add(event: ChatEvent): void {
    if (this.waiting !== undefined) {
      // The consumer is already waiting, so nothing is buffered: hand the event over directly.
      this.settle({ done: false, value: event });
      return;
    }
    this.events.push(event);
  }

  private take(): ChatEvent {
    const event = this.events[this.head++]!;
    if (this.head === this.events.length) {
      this.events.length = 0;
      this.head = 0;
      const drained = this.onDrained;
      this.onDrained = undefined;
      drained?.();
    }
    return event;
  }

  private settle(result: IteratorResult<ChatEvent, undefined>): void {
    const resolve = this.waiting!;
    this.waiting = undefined;
    resolve(result);
  }
}
