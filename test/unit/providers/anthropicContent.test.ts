// Images through Anthropic's Messages API (anthropicContent.ts), against a local server that checks image blocks the
// way the API does (fakes/anthropicFake, anthropicImageCheck): the exact JSON a message with a context chip, a
// question and two images becomes (images first, then the text), turns merged with their images, text-only turns
// unchanged, and the refusals.
import * as assert from 'node:assert/strict';
import type { ChatEvent, ChatRequest } from '../../../src/core/chat/chatTypes';
import { createChatProvider } from '../../../src/core/providers/createChatProvider';
import { anthropicImageCheck, anthropicStream } from '../fakes/anthropicFake';
import { collect, finalError, lastEvent, textOf } from '../fakes/chatTestKit';
import { fakeServerPerTest } from '../fakes/fakeServerPerTest';
import { chipAndQuestion, jpegData, pictureQuestion, pngData } from '../fakes/imageMessages';

describe('Anthropic chat: images', () => {
  const fake = fakeServerPerTest();

  function chat(request: ChatRequest): Promise<ChatEvent[]> {
    const provider = createChatProvider(
      { id: 'anthropic', baseUrl: fake.server.origin },
      { apiKey: 'sk-ant-api03-FAKE0123456789' },
      { http: fake.client() },
    );
    return collect(provider.streamChat(request));
  }

  beforeEach(() => {
    fake.server.onRequest((request) => anthropicImageCheck(request.body) ?? anthropicStream(['Two charts.']));
  });

  const sentBody = (): Record<string, unknown> => JSON.parse(fake.server.requests[0]?.body ?? '{}') as Record<string, unknown>;

  it('sends image blocks with base64 sources before the text block', async () => {
    const events = await chat({ model: 'claude-sonnet-4-5', messages: [pictureQuestion()] });
    assert.equal(textOf(events), 'Two charts.');
    assert.deepEqual(lastEvent(events), { type: 'done', finishReason: 'stop' });
    assert.deepEqual(sentBody(), {
      model: 'claude-sonnet-4-5',
      max_tokens: 4096,
      messages: [
        {
          role: 'user',
          content: [
            { type: 'image', source: { type: 'base64', media_type: 'image/png', data: pngData } },
            { type: 'image', source: { type: 'base64', media_type: 'image/jpeg', data: jpegData } },
            { type: 'text', text: chipAndQuestion },
          ],
        },
      ],
      stream: true,
    });
  });

  it('merges consecutive user turns with their images, and keeps text-only turns as plain strings', async () => {
    await chat({
      model: 'claude-sonnet-4-5',
      messages: [
        { role: 'user', parts: [{ type: 'text', text: 'Earlier question' }] },
        { role: 'assistant', parts: [{ type: 'text', text: 'Earlier answer' }] },
        { role: 'user', parts: [{ type: 'image', path: 'a.png', mimeType: 'image/png', alt: 'first', data: pngData }] },
        {
          role: 'user',
          parts: [
            { type: 'text', text: 'And this one?' },
            { type: 'image', path: 'b.jpg', mimeType: 'image/jpeg', alt: 'second', data: jpegData },
          ],
        },
      ],
    });
    assert.deepEqual(sentBody().messages, [
      { role: 'user', content: 'Earlier question' },
      { role: 'assistant', content: 'Earlier answer' },
      {
        role: 'user',
        content: [
          { type: 'image', source: { type: 'base64', media_type: 'image/png', data: pngData } },
          { type: 'image', source: { type: 'base64', media_type: 'image/jpeg', data: jpegData } },
          { type: 'text', text: 'And this one?' },
        ],
      },
    ]);
  });

  it('refuses an image whose bytes were not read, and an image in the assistant’s turn, before sending', async () => {
    const unread = await chat({
      model: 'claude-sonnet-4-5',
      messages: [{ role: 'user', parts: [{ type: 'image', hash: 'b'.repeat(64), mimeType: 'image/png', alt: '  a\nchart  ' }] }],
    });
    assert.equal(finalError(unread).messageId, 'chat.imageNotLoaded');
    assert.match(finalError(unread).message, /^The image “a chart” was not read before sending to anthropic\/claude-sonnet-4-5/);
    const fromModel = await chat({
      model: 'claude-sonnet-4-5',
      messages: [
        { role: 'user', parts: [{ type: 'text', text: 'Draw' }] },
        { role: 'assistant', parts: [{ type: 'image', path: 'a.png', mimeType: 'image/png', alt: 'x', data: pngData }] },
      ],
    });
    assert.equal(finalError(fromModel).message, 'anthropic/claude-sonnet-4-5 cannot take image parts yet.');
    assert.equal(fake.server.requests.length, 0);
  });

  it('reports the API’s 400 for an image it does not take (a bad media type, bytes of another type)', async () => {
    const svg = await chat({
      model: 'claude-sonnet-4-5',
      messages: [
        {
          role: 'user',
          parts: [
            { type: 'text', text: 'Logo?' },
            { type: 'image', path: 'l.svg', mimeType: 'image/svg+xml', alt: 'logo', data: pngData },
          ],
        },
      ],
    });
    assert.equal(finalError(svg).kind, 'bad-request');
    assert.match(
      finalError(svg).message,
      /messages\.0\.content\.0\.image\.source\.base64\.media_type: Input should be 'image\/jpeg', 'image\/png', 'image\/gif' or 'image\/webp'/,
    );
    const mislabelled = await chat({
      model: 'claude-sonnet-4-5',
      messages: [{ role: 'user', parts: [{ type: 'image', path: 'a.png', mimeType: 'image/png', alt: 'x', data: jpegData }] }],
    });
    assert.match(finalError(mislabelled).message, /Image does not match the provided media type image\/png/);
    assert.equal(fake.server.requests.length, 2);
  });
});
