// An answer of the semantic cache keeps the original question with it: folded from the `model` event into the answer,
// stored in the conversation's file and read back, and gone again when a later attempt (Ask fresh) answers for real.
import * as assert from 'node:assert/strict';
import { applyChatEvent } from '../../../src/core/conversations/applyChatEvent';
import { appendUserMessage, createConversation, startAssistantMessage } from '../../../src/core/conversations/conversationOps';
import { parseStoredConversation } from '../../../src/core/conversations/conversationSchema';
import { textPart } from '../../../src/core/conversations/messagePart';
import { readSwitchboardSettings } from '../../../src/core/config/switchboardSettings';

describe('the cached question of an answer', () => {
  it('is kept from the model event, stored and read back, and dropped by an answer that is not cached', () => {
    const asked = appendUserMessage(createConversation({ now: 1 }), [textPart('python: how to reverse a list')], { now: 2 }).conversation;
    const { conversation, message } = startAssistantMessage(asked, { now: 3 });
    const cached = applyChatEvent(conversation, message.id, {
      type: 'model',
      provider: 'openai',
      model: 'gpt-4o-mini',
      cached: true,
      cachedQuestion: 'How do I reverse a list in Python?',
    });
    const answer = cached.messages.at(-1);
    assert.equal(answer?.role === 'assistant' ? answer.cachedQuestion : undefined, 'How do I reverse a list in Python?');
    const parsed = parseStoredConversation(JSON.parse(JSON.stringify(cached)));
    assert.equal(parsed.kind, 'ok');
    const read = parsed.kind === 'ok' ? parsed.conversation.messages.at(-1) : undefined;
    assert.equal(read?.role === 'assistant' ? read.cachedQuestion : undefined, 'How do I reverse a list in Python?');

    const fresh = applyChatEvent(cached, message.id, { type: 'model', provider: 'openai', model: 'gpt-4o-mini' });
    const after = fresh.messages.at(-1);
    assert.equal(after?.role === 'assistant' ? after.cachedQuestion : 'missing', undefined);
    assert.equal(after?.role === 'assistant' ? after.cached : 'missing', undefined);
  });

  it('is read from the settings with moderation, and a bad value is a problem that names the setting', () => {
    const values: Record<string, unknown> = {
      'chat.semanticCache': { threshold: 0.95, embeddingModel: 'gemini/gemini-embedding-001' },
      'moderation.enabled': true,
    };
    const { settings, problems } = readSwitchboardSettings((key) => values[key]);
    assert.deepEqual(problems, []);
    assert.equal(settings.moderationEnabled, true);
    assert.deepEqual(settings.semanticCache, { threshold: 0.95, embeddingModel: 'gemini/gemini-embedding-001' });
    const bad = readSwitchboardSettings((key) => (key === 'chat.semanticCache' ? { threshold: 2, cache: 'yes' } : undefined));
    assert.equal(bad.problems[0]?.setting, 'switchboard.chat.semanticCache');
    assert.equal(bad.settings.semanticCache, false);
  });
});
