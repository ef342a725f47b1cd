// The Sydney gateway has no tool calling and no JSON mode (its documentation describes `{model, messages}` →
// `{reply}` only): a request with tools or an answer format, or a history with tool parts, is refused by name before
// anything is sent; tools the model may not call (`toolChoice: 'none'`) need nothing of it.
import * as assert from 'node:assert/strict';
import type { ChatEvent, ChatRequest } from '../../../src/core/chat/chatTypes';
import { createChatProvider } from '../../../src/core/providers/createChatProvider';
import { collect, finalError, textOf } from '../fakes/chatTestKit';
import { fakeServerPerTest } from '../fakes/fakeServerPerTest';
import { sydneyReply } from '../fakes/sydneyFake';
import { toolConversation, tools } from '../fakes/toolMessages';

describe('Sydney gateway: tools', () => {
  const fake = fakeServerPerTest();

  function chat(request: Partial<ChatRequest>): Promise<ChatEvent[]> {
    const provider = createChatProvider(
      { id: 'sydney', baseUrl: fake.server.origin },
      { apiKey: 'sydney-FAKE-key-0123' },
      { http: fake.client() },
    );
    return collect(
      provider.streamChat({ model: 'gpt-4o', messages: [{ role: 'user', parts: [{ type: 'text', text: 'Hi' }] }], ...request }),
    );
  }

  beforeEach(() => {
    fake.server.onRequest(() => sydneyReply('Hello.'));
  });

  it('refuses a request with tools, naming them, and sends nothing', async () => {
    for (const model of ['gpt-4o', 'claude-3-haiku']) {
      const error = finalError(await chat({ model, tools }));
      assert.equal(error.kind, 'bad-request');
      assert.equal(error.retryable, false);
      assert.equal(error.messageId, 'chat.unsupportedFeature');
      assert.equal(error.message, `sydney/${model} cannot take tools; pick a model of another provider for this.`);
    }
    assert.equal(fake.server.requests.length, 0, 'the gateway was never asked');
  });

  it('refuses a required answer format, and a history with tool parts', async () => {
    const format = finalError(await chat({ responseFormat: { type: 'json' } }));
    assert.equal(format.message, 'sydney/gpt-4o cannot take a required answer format (JSON); pick a model of another provider for this.');
    const history = finalError(await chat({ messages: toolConversation() }));
    assert.equal(history.messageId, 'chat.unsupportedPart');
    assert.equal(history.message, 'sydney/gpt-4o cannot take tool call parts yet.');
    assert.equal(fake.server.requests.length, 0);
  });

  it('answers when the tools may not be called, or there are none', async () => {
    assert.equal(textOf(await chat({ tools, toolChoice: 'none' })), 'Hello.');
    assert.equal(textOf(await chat({ tools: [] })), 'Hello.');
    assert.deepEqual(JSON.parse(fake.server.requests[0]?.body ?? '{}'), { model: 'gpt-4o', messages: [{ role: 'user', content: 'Hi' }] });
  });
});
