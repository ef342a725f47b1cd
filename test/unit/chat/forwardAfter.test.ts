import * as assert from 'node:assert/strict';
import type { ChatEvent } from '../../../src/core/chat/chatTypes';
import { forwardAfter } from '../../../src/core/chat/forwardAfter';
import { collect } from '../fakes/chatTestKit';

const text = (t: string): ChatEvent => ({ type: 'text-delta', text: t });
const done: ChatEvent = { type: 'done', finishReason: 'stop' };
const wait: ChatEvent = { type: 'rate-limit-wait', provider: 'p', model: 'm', waitMs: 5, reason: 'requests-per-minute' };

/** A forwarded stream that records whether it was closed early. */
function tailOf(events: ChatEvent[], options: { failAfter?: number } = {}): { stream: AsyncIterable<ChatEvent>; closed: () => boolean } {
  let closed = false;
  async function* stream(): AsyncGenerator<ChatEvent> {
    try {
      for (const [index, event] of events.entries()) {
        if (options.failAfter === index) throw new Error('the tail broke');
        yield event;
      }
    } finally {
      closed = true;
    }
  }
  return { stream: stream(), closed: () => closed };
}

describe('forwardAfter', () => {
  it("yields the head's events, then the returned stream's, and starts the head only when asked", async () => {
    let started = false;
    const tail = tailOf([text('a'), text('b'), done]);
    const stream = forwardAfter(async function* () {
      started = true;
      yield wait;
      return tail.stream;
    });
    assert.equal(started, false);
    assert.deepEqual(await collect(stream), [wait, text('a'), text('b'), done]);
  });

  it('ends after the head when the head returns no stream', async () => {
    const stream = forwardAfter(async function* () {
      yield { type: 'error', error: undefined as never };
      return undefined;
    });
    assert.equal((await collect(stream)).length, 1);
  });

  it('shows each forwarded event to onEvent, and calls onEnd once at the end', async () => {
    const seen: ChatEvent[] = [];
    let ends = 0;
    const stream = forwardAfter(
      async function* () {
        yield wait;
        return tailOf([text('a'), done]).stream;
      },
      { onEvent: (event) => seen.push(event), onEnd: () => ends++ },
    );
    const iterator = stream[Symbol.asyncIterator]();
    while ((await iterator.next()).done !== true);
    await iterator.next();
    assert.deepEqual(seen, [text('a'), done]);
    assert.equal(ends, 1);
  });

  it('turns an exception of the forwarded stream into the final event with onError, after what came before', async () => {
    let ends = 0;
    const stream = forwardAfter(
      async function* () {
        yield wait;
        return tailOf([text('a'), text('b')], { failAfter: 1 }).stream;
      },
      {
        onError: (error) => ({
          type: 'done',
          finishReason: error instanceof Error && error.message === 'the tail broke' ? 'other' : 'stop',
        }),
        onEnd: () => ends++,
      },
    );
    assert.deepEqual(await collect(stream), [wait, text('a'), { type: 'done', finishReason: 'other' }]);
    assert.equal(ends, 1);
  });

  it('lets the exception through without onError', async () => {
    const stream = forwardAfter(async function* () {
      yield wait;
      return tailOf([text('a')], { failAfter: 0 }).stream;
    });
    await assert.rejects(collect(stream), /the tail broke/);
  });

  it('closes the forwarded stream and calls onEnd when the consumer stops early', async () => {
    let ends = 0;
    const tail = tailOf([text('a'), text('b'), done]);
    const stream = forwardAfter(
      async function* () {
        yield wait;
        return tail.stream;
      },
      { onEnd: () => ends++ },
    );
    for await (const event of stream) {
      if (event.type === 'text-delta') break;
    }
    assert.equal(tail.closed(), true);
    assert.equal(ends, 1);
  });

  it("runs the head's finally when the consumer stops during the head", async () => {
    let headClosed = false;
    let tailAsked = false;
    const stream = forwardAfter(async function* () {
      try {
        yield wait;
        tailAsked = true;
        return tailOf([done]).stream;
      } finally {
        headClosed = true;
      }
    });
    for await (const event of stream) {
      if (event.type === 'rate-limit-wait') break;
    }
    assert.equal(headClosed, true);
    assert.equal(tailAsked, false);
  });
});
