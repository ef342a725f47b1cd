import type { ChatEvent } from '../chat/chatTypes';

/**
 * A chat stream that starts with `first`, then yields what `body()` yields, and turns an exception thrown by
 * `body` into one final event (`toFinal`). Written as a plain iterator rather than an async generator around
 * `yield*`, which would add one more generator hop to every streamed token (SPEC §10's streaming CPU budget).
 * `body()` runs only once the consumer asks for the second event, and a consumer that stops early (`break`)
 * reaches body's `finally` blocks, which close the connection.
 */
export function guardedStream(
  first: ChatEvent,
  body: () => AsyncGenerator<ChatEvent, void, undefined>,
  toFinal: (error: unknown) => ChatEvent,
): AsyncIterable<ChatEvent> {
  return {
    [Symbol.asyncIterator](): AsyncIterator<ChatEvent> {
      let state: 'first' | 'body' | 'over' = 'first';
      let inner: AsyncGenerator<ChatEvent, void, undefined> | undefined;
      const over: IteratorReturnResult<undefined> = { done: true, value: undefined };
      return {
        next: async (): Promise<IteratorResult<ChatEvent>> => {
          if (state === 'first') {
            state = 'body';
            return { done: false, value: first };
          }
          if (state === 'over') return over;
          try {
            inner ??= body();
            const result = await inner.next();
            if (result.done === true) state = 'over';
            return result.done === true ? over : result;
          } catch (error) {
            state = 'over';
            return { done: false, value: toFinal(error) };
          }
        },
        return: async (): Promise<IteratorResult<ChatEvent>> => {
          state = 'over';
          await inner?.return(undefined);
          return over;
        },
      };
    },
  };
}
