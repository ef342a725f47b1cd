// The response cache and tools (withResponseCache.ts): a request that offers tools or asks for a JSON answer format
// bypasses the cache both ways — never answered from it, never stored — while the same request without them is cached
// as before.
import * as assert from 'node:assert/strict';
import type { ChatEvent, ChatRequest } from '../../../src/core/chat/chatTypes';
import { ResponseCache } from '../../../src/core/chat/responseCache';
import { withResponseCache } from '../../../src/core/chat/withResponseCache';
import { FakeClock } from './fakeClock';
import { answer, collect, fakeProvider } from './fakeProvider';

const base: ChatRequest = { model: 'gpt-4o', messages: [{ role: 'user', parts: [{ type: 'text', text: 'Read app.ts' }] }] };
const readFile = {
  name: 'read_file',
  description: 'Read a file.',
  parameters: { type: 'object', properties: { path: { type: 'string' } } },
};

describe('withResponseCache: tools and answer formats', () => {
  it('neither replays nor stores an answer to a request with tools or a format', async () => {
    const calling: ChatEvent[] = [
      { type: 'model', provider: 'openai', model: 'gpt-4o' },
      { type: 'tool-call-start', id: 'call_1', name: 'read_file' },
      { type: 'tool-call', call: { id: 'call_1', name: 'read_file', arguments: '{"path":"app.ts"}' } },
      { type: 'done', finishReason: 'tool-calls' },
    ];
    for (const extra of [{ tools: [readFile] }, { responseFormat: { type: 'json' as const } }]) {
      const inner = fakeProvider('openai', [answer('openai', 'gpt-4o', '{"a":1}')]);
      const cache = new ResponseCache({ enabled: true, clock: new FakeClock() });
      const cached = withResponseCache(inner, cache);
      await collect(cached.streamChat({ ...base, ...extra }));
      const second = await collect(cached.streamChat({ ...base, ...extra }));
      assert.equal(inner.requests.length, 2, JSON.stringify(extra));
      assert.ok(!second.some((event) => event.type === 'model' && event.cached === true));
      // Nor does the plain request find what the request with tools got.
      await collect(cached.streamChat(base));
      assert.equal(inner.requests.length, 3);
    }
    const inner = fakeProvider('openai', [calling]);
    const events = await collect(
      withResponseCache(inner, new ResponseCache({ enabled: true, clock: new FakeClock() })).streamChat({ ...base, tools: [readFile] }),
    );
    assert.deepEqual(events, calling, 'tool calls pass through as they are');
  });

  it('still caches the same request without tools (the control)', async () => {
    const inner = fakeProvider('openai', [answer('openai', 'gpt-4o', 'It exports x.')]);
    const cached = withResponseCache(inner, new ResponseCache({ enabled: true, clock: new FakeClock() }));
    await collect(cached.streamChat(base));
    const second = await collect(cached.streamChat({ ...base, tools: [] }));
    assert.equal(inner.requests.length, 1);
    assert.deepEqual(second[0], { type: 'model', provider: 'openai', model: 'gpt-4o', cached: true });
  });
});
