// The fakes that stand for slow or never-ending real behaviour do what their documents say, seen through the real
// clients: OpenRouter's keep-alive comments keep a stream open past any idle timeout, and OpenAI's image endpoint
// sends nothing until the picture is made.
import * as assert from 'node:assert/strict';
import type { ChatEvent } from '../../../src/core/chat/chatTypes';
import type { HttpClient, HttpClientOptions } from '../../../src/core/http/httpClient';
import { createImageProvider } from '../../../src/core/images/createImageProvider';
import { createChatProvider } from '../../../src/core/providers/createChatProvider';
import { collect, finalError, lastEvent, textOf } from './chatTestKit';
import { expectProviderFailure } from './expectProviderFailure';
import { fakeServerPerTest } from './fakeServerPerTest';
import { tinyPng } from './imageFakes';
import { slowOpenAiImage } from './openAiImageFake';
import { openRouterKeepAliveStream, openRouterStreamErrorFrame } from './openRouterStreamFake';
import { openAiSseHeaders, openAiStreamBody } from './openAiFake';

const key = 'sk-or-v1-FAKEKEY0123456789abcdef';

describe('service fakes', () => {
  const fake = fakeServerPerTest();
  const http = (options: HttpClientOptions = {}): HttpClient => fake.client(options);

  const ask = { model: 'openai/gpt-4o-mini', messages: [{ role: 'user' as const, parts: [{ type: 'text' as const, text: 'Hi' }] }] };

  describe('openRouterKeepAliveStream', () => {
    it('keeps sending comments past the idle timeout until the client hangs up', async () => {
      fake.server.enqueue(openRouterKeepAliveStream({ before: ['Thinking'], everyMs: 10 }));
      const chat = createChatProvider(
        { id: 'openrouter', baseUrl: `${fake.server.origin}/api/v1` },
        { apiKey: key },
        { http: http({ idleTimeoutMs: 100 }) },
      );
      const controller = new AbortController();
      const events: ChatEvent[] = [];
      for await (const event of chat.streamChat({ ...ask, signal: controller.signal })) {
        events.push(event);
        // Four idle timeouts' worth of comments, then stop it as a person would.
        if (event.type === 'text-delta') setTimeout(() => controller.abort(), 400);
      }
      assert.equal(textOf(events), 'Thinking');
      assert.deepEqual(lastEvent(events), { type: 'done', finishReason: 'cancelled' }, 'no idle timeout: comments kept arriving');
      assert.equal((await fake.server.requests[0]?.closed)?.completed, false, 'the fake was still sending when the client left');
    });

    it('can end with an answer after a number of comments', async () => {
      fake.server.enqueue(openRouterKeepAliveStream({ everyMs: 1, count: 5, then: ['Hello', '!'] }));
      const chat = createChatProvider({ id: 'openrouter', baseUrl: `${fake.server.origin}/api/v1` }, { apiKey: key }, { http: http() });
      const events = await collect(chat.streamChat(ask));
      assert.equal(textOf(events), 'Hello!');
      assert.deepEqual(lastEvent(events), { type: 'done', finishReason: 'stop' });
    });
  });

  it('openRouterStreamErrorFrame ends the answer with a server error after the partial text', async () => {
    fake.server.enqueue({
      status: 200,
      headers: openAiSseHeaders,
      chunks: [openAiStreamBody(['Half an ans'], { cut: true }), openRouterStreamErrorFrame()],
    });
    const chat = createChatProvider({ id: 'openrouter', baseUrl: `${fake.server.origin}/api/v1` }, { apiKey: key }, { http: http() });
    const events = await collect(chat.streamChat(ask));
    assert.equal(textOf(events), 'Half an ans');
    const error = finalError(events);
    assert.equal(error.kind, 'server');
    assert.match(error.message, /Provider disconnected unexpectedly/);
    assert.equal(fake.server.requests.length, 1);
  });

  describe('slowOpenAiImage', () => {
    const images = (options: HttpClientOptions) =>
      createImageProvider(
        { id: 'openai', baseUrl: `${fake.server.origin}/v1` },
        { apiKey: 'sk-proj-FAKEKEY0123456789' },
        { http: http({ maxRetries: 2, ...options }) },
      );

    it('answers, status line and all, only when the generation is done', async () => {
      fake.server.enqueue(slowOpenAiImage(150, { count: 1 }));
      const result = await images({ generationTimeoutMs: 5_000 }).generate({ model: 'gpt-image-1', prompt: 'A lighthouse' });
      assert.deepEqual(result.images[0]?.bytes, tinyPng);
      assert.equal(fake.server.requests.length, 1);
    });

    it('outlasts a shorter generation limit: one POST, and the client hung up before anything was written', async () => {
      fake.server.enqueue(slowOpenAiImage(2_000));
      const error = await expectProviderFailure(
        images({ generationTimeoutMs: 100 }).generate({ model: 'gpt-image-1', prompt: 'A lighthouse' }),
      );
      assert.equal(error.kind, 'timeout');
      assert.equal(fake.server.requests.length, 1, 'a generation that may be running is not sent again');
      assert.equal((await fake.server.requests[0]?.closed)?.completed, false);
    });
  });
});
