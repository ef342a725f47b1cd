import * as assert from 'node:assert/strict';
import * as fc from 'fast-check';
import { readSseBatches, type SseMessage } from '../../../src/core/sse/readSseBatches';
import { everyByte, splitAt } from '../fakes/fakeHttpServer';

async function read(chunks: readonly Uint8Array[]): Promise<SseMessage[]> {
  async function* source(): AsyncGenerator<Uint8Array> {
    yield* chunks;
  }
  const out: SseMessage[] = [];
  for await (const batch of readSseBatches(source())) out.push(...batch);
  return out;
}

const bytes = (text: string): Uint8Array => new TextEncoder().encode(text);

const sample = [
  ': OPENROUTER PROCESSING\r\n\r\n',
  'event: content_block_delta\r\n',
  'data: {"text":"Привет, 世界 👋"}\r\n\r\n',
  'data: line one\n',
  'data: line two\n\n',
  'id: 7\rdata: bare CR\r\r',
  'event: ping\ndata: {}\n\n',
  'data: [DONE]\n\n',
].join('');

describe('readSseBatches', () => {
  it('parses data, named events, multi-line data, comments, CRLF, LF and bare CR', async () => {
    assert.deepEqual(await read([bytes(sample)]), [
      { type: 'comment', text: 'OPENROUTER PROCESSING' },
      { type: 'event', event: 'content_block_delta', data: '{"text":"Привет, 世界 👋"}', id: undefined },
      { type: 'event', event: undefined, data: 'line one\nline two', id: undefined },
      { type: 'event', event: undefined, data: 'bare CR', id: '7' },
      { type: 'event', event: 'ping', data: '{}', id: undefined },
      { type: 'event', event: undefined, data: '[DONE]', id: undefined },
    ]);
  });

  it('gives the same messages for one byte at a time', async () => {
    assert.deepEqual(await read(everyByte(bytes(sample))), await read([bytes(sample)]));
  });

  it('gives the same messages however the bytes are split (property)', async () => {
    const all = bytes(sample);
    const whole = await read([all]);
    await fc.assert(
      fc.asyncProperty(fc.uniqueArray(fc.integer({ min: 1, max: all.length - 1 }), { maxLength: 60 }), async (cuts) => {
        assert.deepEqual(await read(splitAt(all, cuts)), whole);
      }),
      { numRuns: 300 },
    );
  });

  it('does not dispatch an event cut off by the end of the stream', async () => {
    assert.deepEqual(await read([bytes('data: {"complete":1}\n\ndata: {"cut')]), [
      { type: 'event', event: undefined, data: '{"complete":1}', id: undefined },
    ]);
  });

  it('hands over the messages of each network chunk together, and never an empty batch', async () => {
    async function* source(): AsyncGenerator<Uint8Array> {
      yield bytes('data: a\n\ndata: b\n\ndata: c');
      yield bytes('\n');
      yield bytes('\n');
    }
    const batches: string[][] = [];
    for await (const batch of readSseBatches(source())) batches.push(batch.map((m) => (m.type === 'event' ? m.data : m.text)));
    assert.deepEqual(batches, [['a', 'b'], ['c']]);
  });

  it('strips a UTF-8 byte order mark at the start', async () => {
    assert.deepEqual(await read([new Uint8Array([0xef, 0xbb]), new Uint8Array([0xbf]), bytes('data: x\n\n')]), [
      { type: 'event', event: undefined, data: 'x', id: undefined },
    ]);
  });
});
