import * as assert from 'node:assert/strict';
import { maxAltLength } from '../../../src/core/conversations/messagePart';
import { attachImages } from '../../../src/core/conversations/attachImages';
import { appendUserMessage, createConversation, startAssistantMessage, userParts } from '../../../src/core/conversations/conversationOps';

describe('attachImages', () => {
  it('adds the saved images to the answer, immutably', () => {
    const start = appendUserMessage(createConversation({ now: 1 }), userParts('/image a cat'), { now: 2 }).conversation;
    const { conversation, message } = startAssistantMessage(start, { provider: 'stability', model: 'core', now: 3 });
    const next = attachImages(conversation, message.id, [{ path: '/w/assets/generated/cat.png', alt: 'a cat' }], { now: 4 });
    assert.notEqual(next, conversation);
    assert.deepEqual(next.messages.at(-1)?.role === 'assistant' ? next.messages.at(-1) : undefined, {
      ...message,
      parts: [{ type: 'image', path: '/w/assets/generated/cat.png', mimeType: 'image/png', alt: 'a cat' }],
    });
    assert.equal(next.updatedAt, 4);
    const untouched = conversation.messages.at(-1);
    assert.ok(untouched?.role === 'assistant');
    assert.deepEqual(untouched.parts, []);
  });

  it('cuts a 10,000-character prompt as alt text, keeping the image', () => {
    const { conversation, message } = startAssistantMessage(createConversation());
    const next = attachImages(conversation, message.id, [{ path: 'a.webp', alt: 'p'.repeat(10_000) }]);
    const image = next.messages.at(-1)?.parts[0];
    assert.ok(image?.type === 'image');
    assert.equal(image.mimeType, 'image/webp');
    assert.equal(image.alt.length, maxAltLength);
    assert.ok(image.alt.endsWith('…'));
  });

  it('changes nothing for a user message, an unknown id or no images', () => {
    const { conversation, message } = appendUserMessage(createConversation(), userParts('hi'));
    assert.equal(attachImages(conversation, message.id, [{ path: 'x.png', alt: 'x' }]), conversation);
    assert.equal(attachImages(conversation, 'nope', [{ path: 'x.png', alt: 'x' }]), conversation);
    const answered = startAssistantMessage(conversation);
    assert.equal(attachImages(answered.conversation, answered.message.id, []), answered.conversation);
  });
});
