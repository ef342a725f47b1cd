// The Sydney gateway has no image input (its documentation describes text messages and prompts only): a message with
// an image is refused by name before anything is sent, on both of its chat endpoints, whether or not the image's
// bytes were read; text-only messages go as before.
import * as assert from 'node:assert/strict';
import type { ChatEvent, ChatRequest } from '../../../src/core/chat/chatTypes';
import { createChatProvider } from '../../../src/core/providers/createChatProvider';
import { collect, finalError, textOf } from '../fakes/chatTestKit';
import { fakeServerPerTest } from '../fakes/fakeServerPerTest';
import { pictureQuestion } from '../fakes/imageMessages';
import { sydneyReply } from '../fakes/sydneyFake';

describe('Sydney gateway: images', () => {
  const fake = fakeServerPerTest();

  function chat(request: ChatRequest): Promise<ChatEvent[]> {
    const provider = createChatProvider(
      { id: 'sydney', baseUrl: fake.server.origin },
      { apiKey: 'sydney-FAKE-key-0123' },
      { http: fake.client() },
    );
    return collect(provider.streamChat(request));
  }

  beforeEach(() => {
    fake.server.onRequest(() => sydneyReply('A chart.'));
  });

  it('refuses a message with images before sending, on /v1/chat and on /v1/prompt', async () => {
    for (const model of ['gpt-4o', 'claude-3-haiku']) {
      const events = await chat({ model, messages: [pictureQuestion()] });
      const error = finalError(events);
      assert.equal(error.kind, 'bad-request');
      assert.equal(error.messageId, 'chat.unsupportedPart');
      assert.equal(error.message, `sydney/${model} cannot take image parts yet.`);
    }
    // An image in the history is refused too, even one whose bytes were never read.
    const history = await chat({
      model: 'gpt-4o',
      messages: [
        { role: 'user', parts: [{ type: 'image', path: 'a.png', mimeType: 'image/png', alt: 'a chart' }] },
        { role: 'assistant', parts: [{ type: 'text', text: 'A chart.' }] },
        { role: 'user', parts: [{ type: 'text', text: 'And now?' }] },
      ],
    });
    assert.equal(finalError(history).messageId, 'chat.unsupportedPart');
    assert.equal(fake.server.requests.length, 0, 'the gateway was never asked');
  });

  it('still sends text-only messages', async () => {
    const events = await chat({ model: 'gpt-4o', messages: [{ role: 'user', parts: [{ type: 'text', text: 'Hi' }] }] });
    assert.equal(textOf(events), 'A chart.');
    assert.deepEqual(JSON.parse(fake.server.requests[0]?.body ?? '{}'), { model: 'gpt-4o', messages: [{ role: 'user', content: 'Hi' }] });
  });
});
