import * as assert from 'node:assert/strict';
import type { ChatEvent } from '../../../src/core/chat/chatTypes';
import { ChatEventQueue } from '../../../src/core/providers/chatEventQueue';
import { collect } from '../fakes/chatTestKit';

const first: ChatEvent = { type: 'model', provider: 'p', model: 'm' };
const toFinal = (error: unknown): ChatEvent => ({ type: 'done', finishReason: error instanceof Error ? 'other' : 'cancelled' });

/** A promise the test resolves by hand, to hold a producer at a point. */
function gate(): { wait: Promise<void>; open: () => void } {
  let open!: () => void;
  const wait = new Promise<void>((resolve) => {
    open = resolve;
  });
  return { wait, open };
}

describe('ChatEventQueue', () => {
  it('gives the first event before the producer starts, and starts it when the second is asked for', async () => {
    let started = 0;
    const queue = new ChatEventQueue(
      first,
      async (sink) => {
        started++;
        sink.push({ type: 'done', finishReason: 'stop' });
      },
      toFinal,
    );
    const iterator = queue[Symbol.asyncIterator]();
    assert.deepEqual(await iterator.next(), { done: false, value: first });
    assert.equal(started, 0);
    assert.deepEqual(await iterator.next(), { done: false, value: { type: 'done', finishReason: 'stop' } });
    assert.equal(started, 1);
    assert.deepEqual(await iterator.next(), { done: true, value: undefined });
  });

  it('joins the text pushed between two flushes into one text-delta, and puts pending text before other events', async () => {
    const queue = new ChatEventQueue(
      first,
      async (sink) => {
        sink.text('Hel');
        sink.text('lo');
        sink.flush();
        sink.text(', ');
        sink.text('world');
        sink.push({ type: 'usage', usage: { outputTokens: 3 } });
        sink.text('!');
        sink.push({ type: 'done', finishReason: 'stop' });
      },
      toFinal,
    );
    assert.deepEqual(await collect(queue), [
      first,
      { type: 'text-delta', text: 'Hello' },
      { type: 'text-delta', text: ', world' },
      { type: 'usage', usage: { outputTokens: 3 } },
      { type: 'text-delta', text: '!' },
      { type: 'done', finishReason: 'stop' },
    ]);
  });

  it('delivers events pushed while the consumer waits, one promise each, in order', async () => {
    const steps = [gate(), gate()];
    const queue = new ChatEventQueue(
      first,
      async (sink) => {
        await steps[0]!.wait;
        sink.text('a');
        sink.flush();
        await steps[1]!.wait;
        sink.text('b');
        sink.flush();
      },
      toFinal,
    );
    const iterator = queue[Symbol.asyncIterator]();
    await iterator.next();
    const second = iterator.next();
    steps[0]!.open();
    assert.deepEqual(await second, { done: false, value: { type: 'text-delta', text: 'a' } });
    const third = iterator.next();
    steps[1]!.open();
    assert.deepEqual(await third, { done: false, value: { type: 'text-delta', text: 'b' } });
    assert.deepEqual(await iterator.next(), { done: true, value: undefined });
  });

  it('turns an exception of the producer into one final event, after the text received before it', async () => {
    const queue = new ChatEventQueue(
      first,
      async (sink) => {
        sink.text('partial');
        throw new Error('boom');
      },
      toFinal,
    );
    assert.deepEqual(await collect(queue), [first, { type: 'text-delta', text: 'partial' }, { type: 'done', finishReason: 'other' }]);
  });

  it('ends the stream at end(), ignoring what the producer pushes afterwards (the rest of a body read quietly)', async () => {
    const after = gate();
    let producerDone = false;
    const queue = new ChatEventQueue(
      first,
      async (sink) => {
        sink.push({ type: 'done', finishReason: 'stop' });
        sink.end();
        await after.wait;
        sink.text('ignored');
        sink.push({ type: 'text-delta', text: 'ignored' });
        producerDone = true;
      },
      toFinal,
    );
    assert.deepEqual(await collect(queue), [first, { type: 'done', finishReason: 'stop' }]);
    assert.equal(producerDone, false, 'the consumer did not wait for the producer');
    after.open();
  });

  it('aborts the producer when the consumer stops early, and return() waits for the producer to finish', async () => {
    let sawAbort = false;
    let finished = false;
    const queue = new ChatEventQueue(
      first,
      async (sink) => {
        sink.text('one');
        sink.flush();
        await new Promise<void>((resolve) => sink.signal.addEventListener('abort', () => resolve(), { once: true }));
        sawAbort = true;
        await new Promise((resolve) => setImmediate(resolve));
        finished = true;
      },
      toFinal,
    );
    for await (const event of queue) {
      if (event.type === 'text-delta') break;
    }
    assert.equal(sawAbort, true);
    assert.equal(finished, true);
    assert.deepEqual(await queue.next(), { done: true, value: undefined });
  });

  it("aborts the producer's signal when the request's signal aborts", async () => {
    const request = new AbortController();
    const queue = new ChatEventQueue(
      first,
      async (sink) => {
        await new Promise<void>((_resolve, reject) =>
          sink.signal.addEventListener('abort', () => reject(new Error('aborted')), { once: true }),
        );
      },
      () => ({ type: 'done', finishReason: 'cancelled' }),
      request.signal,
    );
    const iterator = queue[Symbol.asyncIterator]();
    await iterator.next();
    const pending = iterator.next();
    request.abort();
    assert.deepEqual(await pending, { done: false, value: { type: 'done', finishReason: 'cancelled' } });
    assert.deepEqual(await iterator.next(), { done: true, value: undefined });
  });

  it('counts the events the consumer has not taken, and calls onDrained once they are all taken', async () => {
    const release = gate();
    const drained: number[] = [];
    const queue = new ChatEventQueue(
      first,
      async (sink) => {
        for (let i = 0; i < 5; i++) sink.push({ type: 'text-delta', text: String(i) });
        drained.push(sink.backlog);
        sink.onDrained = () => drained.push(sink.backlog);
        await release.wait;
      },
      toFinal,
    );
    const iterator = queue[Symbol.asyncIterator]();
    await iterator.next();
    // The consumer waits for the second event: the first push goes straight to it, four are buffered.
    assert.deepEqual(await iterator.next(), { done: false, value: { type: 'text-delta', text: '0' } });
    assert.deepEqual(drained, [4]);
    for (let i = 1; i < 5; i++) assert.deepEqual(await iterator.next(), { done: false, value: { type: 'text-delta', text: String(i) } });
    assert.deepEqual(drained, [4, 0]);
    release.open();
    assert.deepEqual(await iterator.next(), { done: true, value: undefined });
  });
});
