import * as assert from 'node:assert/strict';
import * as fc from 'fast-check';
import { createSseFeed } from '../../../src/core/sse/sseFeed';
import { everyByte, splitAt } from '../fakes/fakeHttpServer';

type SseMessage = { type: 'event'; event: string | undefined; data: string } | { type: 'comment'; text: string };

function read(chunks: readonly Uint8Array[]): SseMessage[] {
  const out: SseMessage[] = [];
  const feed = createSseFeed({
    onEvent: (event, data) => out.push({ type: 'event', event, data }),
    onComment: (text) => out.push({ type: 'comment', text }),
  });
  for (const chunk of chunks) feed.feed(chunk);
  feed.end();
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

describe('createSseFeed', () => {
  it('parses data, named events, multi-line data, comments, CRLF, LF and bare CR', () => {
    assert.deepEqual(read([bytes(sample)]), [
      { type: 'comment', text: 'OPENROUTER PROCESSING' },
      { type: 'event', event: 'content_block_delta', data: '{"text":"Привет, 世界 👋"}' },
      { type: 'event', event: undefined, data: 'line one\nline two' },
      { type: 'event', event: undefined, data: 'bare CR' },
      { type: 'event', event: 'ping', data: '{}' },
      { type: 'event', event: undefined, data: '[DONE]' },
    ]);
  });

  it('gives the same messages for one byte at a time', () => {
    assert.deepEqual(read(everyByte(bytes(sample))), read([bytes(sample)]));
  });

  it('gives the same messages however the bytes are split (property)', () => {
    const all = bytes(sample);
    const whole = read([all]);
    fc.assert(
      fc.property(fc.uniqueArray(fc.integer({ min: 1, max: all.length - 1 }), { maxLength: 60 }), (cuts) => {
        assert.deepEqual(read(splitAt(all, cuts)), whole);
      }),
      { numRuns: 300 },
    );
  });

  it('does not dispatch an event cut off by the end of the stream', () => {
    assert.deepEqual(read([bytes('data: {"complete":1}\n\ndata: {"cut')]), [{ type: 'event', event: undefined, data: '{"complete":1}' }]);
  });

  it('calls the handler during the feed of the chunk that completes each event', () => {
    const seen: string[] = [];
    const feed = createSseFeed({ onEvent: (_event, data) => seen.push(data) });
    const after: string[][] = [];
    for (const chunk of ['data: a\n\ndata: b\n\ndata: c', '\n', '\n']) {
      feed.feed(bytes(chunk));
      after.push([...seen]);
    }
    assert.deepEqual(after, [
      ['a', 'b'],
      ['a', 'b'],
      ['a', 'b', 'c'],
    ]);
  });

  it('lets an exception of the handler out of feed, with the events before it already handled', () => {
    const seen: string[] = [];
    const feed = createSseFeed({
      onEvent: (_event, data) => {
        if (data === 'bad') throw new Error('rejected bad');
        seen.push(data);
      },
    });
    assert.throws(() => feed.feed(bytes('data: a\n\ndata: bad\n\ndata: c\n\n')), /rejected bad/);
    assert.deepEqual(seen, ['a']);
  });

  it('dispatches an event whose last line ending arrives with end() only if it was complete', () => {
    const seen: string[] = [];
    const feed = createSseFeed({ onEvent: (_event, data) => seen.push(data) });
    feed.feed(bytes('data: whole\n\ndata: half'));
    feed.end();
    assert.deepEqual(seen, ['whole']);
  });

  it('strips a UTF-8 byte order mark at the start', () => {
    assert.deepEqual(read([new Uint8Array([0xef, 0xbb]), new Uint8Array([0xbf]), bytes('data: x\n\n')]), [
      { type: 'event', event: undefined, data: 'x' },
    ]);
  });
});
