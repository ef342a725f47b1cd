// Small helpers shared by the protocol tests.
import type { ChatEvent } from '../../../src/core/chat/chatTypes';
import { HttpClient, type HttpClientOptions } from '../../../src/core/http/httpClient';

export async function collect(stream: AsyncIterable<ChatEvent>): Promise<ChatEvent[]> {
  const events: ChatEvent[] = [];
  for await (const event of stream) events.push(event);
  return events;
}

export function textOf(events: readonly ChatEvent[]): string {
  return events.map((e) => (e.type === 'text-delta' ? e.text : '')).join('');
}

export function lastEvent(events: readonly ChatEvent[]): ChatEvent {
  const last = events[events.length - 1];
  if (last === undefined) throw new Error('no events');
  return last;
}

/** The error of the stream's final `error` event (fails the test if the stream did not end in one). */
export function finalError(events: readonly ChatEvent[]): Extract<ChatEvent, { type: 'error' }>['error'] {
  const last = lastEvent(events);
  if (last.type !== 'error') throw new Error(`expected the stream to end with an error, got ${JSON.stringify(last)}`);
  return last.error;
}

/** Events with adjacent text deltas merged: how a stream "reads", independent of how the bytes were split. */
export function normalize(events: readonly ChatEvent[]): unknown[] {
  const out: unknown[] = [];
  for (const event of events) {
    const previous = out[out.length - 1] as ChatEvent | undefined;
    if (event.type === 'text-delta' && previous?.type === 'text-delta') {
      out[out.length - 1] = { type: 'text-delta', text: previous.text + event.text };
    } else if (event.type === 'error') {
      out.push({ type: 'error', kind: event.error.kind, message: event.error.message });
    } else {
      out.push(event);
    }
  }
  return out;
}

/** A sleep that returns at once and remembers what it was asked to wait. */
export function recordingSleep(): { sleep: (ms: number) => Promise<void>; waits: number[] } {
  const waits: number[] = [];
  return {
    waits,
    sleep: (ms: number) => {
      waits.push(ms);
      return Promise.resolve();
    },
  };
}

/** An HttpClient for tests: short timeouts, instant backoff, and no proxy from the machine's environment. */
export function testHttpClient(options: HttpClientOptions = {}): HttpClient {
  return new HttpClient({
    firstByteTimeoutMs: 2_000,
    idleTimeoutMs: 2_000,
    maxRetries: 2,
    env: {},
    sleep: () => Promise.resolve(),
    ...options,
  });
}
