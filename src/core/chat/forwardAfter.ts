// A chat stream made of a short head (an async generator: waiting for a rate limit, finding the providers) that
// ends by handing over the stream to forward, which is then passed through WITHOUT a generator of its own. A
// wrapper written as `for await (const e of inner) yield e` costs an async generator hop per streamed event at
// every layer; the engine has several layers, and a streamed answer has thousands of events (docs/performance.md).
import type { ChatEvent } from './chatTypes';

export interface ForwardHooks {
  /** Sees every forwarded event, before the consumer does. */
  onEvent?(event: ChatEvent): void;
  /** Turns an exception of the forwarded stream into its final event (without it, the exception propagates). */
  onError?(error: unknown): ChatEvent;
  /** Runs once when forwarding stops: the stream ended, failed, or the consumer stopped reading. */
  onEnd?(): void;
}

type Head = AsyncGenerator<ChatEvent, AsyncIterable<ChatEvent> | undefined, undefined>;

const over: IteratorReturnResult<undefined> = { done: true, value: undefined };

/**
 * Yields what `head()` yields; if it returns a stream, forwards that stream's events as they are. `head` starts when
 * the consumer asks for the first event.
 */
export function forwardAfter(head: () => Head, hooks: ForwardHooks = {}): AsyncIterable<ChatEvent> {
  return {
    [Symbol.asyncIterator](): AsyncIterator<ChatEvent> {
      let state: 'head' | 'tail' | 'over' = 'head';
      let headIterator: Head | undefined;
      let tail: AsyncIterator<ChatEvent> | undefined;
      let ended = false;
      const end = (): void => {
        state = 'over';
        if (ended) return;
        ended = true;
        hooks.onEnd?.();
      };
      const bare = hooks.onEvent === undefined && hooks.onError === undefined && hooks.onEnd === undefined;
      const fromTail = (): Promise<IteratorResult<ChatEvent>> =>
        bare
          ? tail!.next()
          : tail!.next().then(
              (result) => {
                if (result.done === true) {
                  end();
                  return over;
                }
                hooks.onEvent?.(result.value);
                return result;
              },
              (error: unknown) => {
                end();
                if (hooks.onError === undefined) throw error;
                return { done: false, value: hooks.onError(error) };
              },
            );
      const fromHead = async (): Promise<IteratorResult<ChatEvent>> => {
        headIterator ??= head();
        const result = await headIterator.next();
        if (result.done !== true) return result;
        if (result.value === undefined) {
          state = 'over';
          return over;
        }
        tail = result.value[Symbol.asyncIterator]();
        state = 'tail';
        return fromTail();
      };
      return {
        // Not an async function: in the tail, the consumer gets the forwarded promise chain itself, with no
        // extra promise wrapped around it.
        next: (): Promise<IteratorResult<ChatEvent>> => {
          if (state === 'tail') return fromTail();
          if (state === 'over') return Promise.resolve(over);
          return fromHead();
        },
        return: async (): Promise<IteratorResult<ChatEvent>> => {
          const was = state;
          state = 'over';
          if (was === 'head') await headIterator?.return(undefined);
          if (was === 'tail') {
            end();
            await tail?.return?.();
          }
          return over;
        },
      };
    },
  };
}
