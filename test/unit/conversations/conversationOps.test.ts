import * as assert from 'node:assert/strict';
import type { ChatEvent } from '../../../src/core/chat/chatTypes';
import { applyChatEvent } from '../../../src/core/conversations/applyChatEvent';
import type { AssistantMessage, Conversation } from '../../../src/core/conversations/conversation';
import { isConversationId } from '../../../src/core/conversations/conversation';
import {
  appendUserMessage,
  createConversation,
  editUserMessage,
  renameConversation,
  settleInterrupted,
  startAssistantMessage,
  truncateAfter,
  truncateForRegenerate,
  userParts,
} from '../../../src/core/conversations/conversationOps';
import { contextsOf, textOf } from '../../../src/core/conversations/messagePart';
import { deriveTitle, maxTitleLength } from '../../../src/core/conversations/deriveTitle';
import { T0, deepFreeze, providerError, sampleConversation, uuid } from './conversationFixtures';

/** Starts an answer in a frozen conversation and applies `events` to it, checking no input is ever mutated. */
function stream(events: ChatEvent[]): { conversation: Conversation; answer: AssistantMessage } {
  let conversation = deepFreeze(appendUserMessage(createConversation({ now: T0 }), userParts('Explain this'), { now: T0 }).conversation);
  const started = startAssistantMessage(conversation, { now: T0 + 1, provider: 'openai', model: 'gpt-4o' });
  conversation = deepFreeze(started.conversation);
  for (const event of events) conversation = deepFreeze(applyChatEvent(conversation, started.message.id, event, { now: T0 + 2 }));
  const answer = conversation.messages.at(-1);
  assert.ok(answer?.role === 'assistant');
  return { conversation, answer };
}

describe('conversation model', () => {
  describe('create and append', () => {
    it('creates an empty conversation with a UUID and the given default title', () => {
      const conversation = createConversation({ now: T0, defaultTitle: 'Новый чат' });
      assert.ok(isConversationId(conversation.id));
      assert.deepEqual({ ...conversation, id: '' }, { version: 2, id: '', title: 'Новый чат', createdAt: T0, updatedAt: T0, messages: [] });
      assert.notEqual(createConversation().id, createConversation().id);
    });

    it('names the conversation after the first user message only', () => {
      const empty = deepFreeze(createConversation({ now: T0 }));
      const first = appendUserMessage(empty, userParts('\n  How do I   parse JSON in Go?\nMore details'), { now: T0 + 5 });
      assert.equal(first.conversation.title, 'How do I parse JSON in Go?');
      assert.equal(first.conversation.updatedAt, T0 + 5);
      assert.equal(first.message.role, 'user');
      assert.equal(empty.messages.length, 0, 'the input is unchanged');
      const second = appendUserMessage(first.conversation, userParts('Something else'), { now: T0 + 6 });
      assert.equal(second.conversation.title, 'How do I parse JSON in Go?');
      assert.equal(second.conversation.messages.length, 2);
    });

    it('names a message that is only an attached selection after the selection', () => {
      const contexts = [{ kind: 'selection' as const, label: 'app.ts:3-9', text: 'let x = 1;' }];
      const { conversation, message } = appendUserMessage(createConversation(), userParts('', contexts), {});
      assert.equal(conversation.title, 'app.ts:3-9');
      assert.deepEqual(contextsOf(message.parts), contexts);
      assert.notEqual(contextsOf(message.parts)[0], contexts[0], 'contexts are copied, not shared');
      assert.equal(appendUserMessage(createConversation(), userParts('  '), { defaultTitle: 'Untitled' }).conversation.title, 'Untitled');
    });

    it('keeps a title the user chose', () => {
      const renamed = renameConversation(createConversation({ now: T0 }), '  My   chat ', { now: T0 + 1 });
      assert.equal(renamed.title, 'My chat');
      assert.equal(renamed.renamed, true);
      assert.equal(renameConversation(renamed, 'My chat'), renamed, 'no change returns the same object');
      const after = appendUserMessage(renamed, userParts('What is a monad?'));
      assert.equal(after.conversation.title, 'My chat');
      assert.equal(renameConversation(renamed, '   ', { defaultTitle: 'New chat' }).title, 'New chat');
    });
  });

  describe('deriveTitle', () => {
    it('shortens long first lines to at most 60 characters with an ellipsis', () => {
      const long = 'Please refactor this function so that it uses async iterators instead of callbacks everywhere';
      const title = deriveTitle(long, 'New chat');
      assert.ok(Array.from(title).length <= maxTitleLength, title);
      assert.ok(title.endsWith('…'));
      assert.ok(long.startsWith(title.slice(0, -1)));
      assert.equal(deriveTitle('x'.repeat(200), 'New chat'), `${'x'.repeat(59)}…`);
    });

    it('never cuts a surrogate pair in half and falls back to the default title', () => {
      const title = deriveTitle('😀'.repeat(100), 'New chat');
      assert.equal(title, `${'😀'.repeat(59)}…`);
      assert.equal(deriveTitle('\n \n\t', 'Новый чат'), 'Новый чат');
      assert.equal(deriveTitle('exactly', 'New chat'), 'exactly');
    });
  });

  describe('applyChatEvent', () => {
    it('folds a complete stream: model, text, usage, done', () => {
      const { answer } = stream([
        { type: 'rate-limit-wait', provider: 'openai', model: 'gpt-4o', waitMs: 1200, reason: 'requests-per-minute' },
        { type: 'model', provider: 'openrouter', model: 'meta-llama/llama-3.1-8b-instruct' },
        { type: 'text-delta', text: 'Hello' },
        { type: 'text-delta', text: ', ' },
        { type: 'text-delta', text: 'world.' },
        { type: 'usage', usage: { inputTokens: 12 } },
        { type: 'usage', usage: { inputTokens: 13, outputTokens: 3 } },
        { type: 'done', finishReason: 'stop' },
      ]);
      assert.deepEqual(answer, {
        id: answer.id,
        role: 'assistant',
        parts: [{ type: 'text', text: 'Hello, world.' }],
        createdAt: T0 + 1,
        status: 'complete',
        provider: 'openrouter',
        model: 'meta-llama/llama-3.1-8b-instruct',
        usage: { inputTokens: 13, outputTokens: 3 },
        finishReason: 'stop',
      });
    });

    it('keeps the partial text of a stopped answer', () => {
      const { answer } = stream([
        { type: 'model', provider: 'openai', model: 'gpt-4o' },
        { type: 'text-delta', text: 'The first half' },
        { type: 'done', finishReason: 'cancelled' },
        { type: 'text-delta', text: ' arriving late is ignored' },
      ]);
      assert.equal(answer.status, 'stopped');
      assert.equal(textOf(answer.parts), 'The first half');
      assert.equal(answer.finishReason, 'cancelled');
    });

    it('keeps the partial text of a failed answer with the error kind and message', () => {
      const { answer } = stream([
        { type: 'model', provider: 'anthropic', model: 'claude' },
        { type: 'text-delta', text: 'Partial' },
        { type: 'error', error: providerError('overloaded', 'Anthropic is overloaded; try again in a minute.') },
      ]);
      assert.equal(answer.status, 'error');
      assert.equal(textOf(answer.parts), 'Partial');
      assert.deepEqual(answer.error, { kind: 'overloaded', message: 'Anthropic is overloaded; try again in a minute.' });
    });

    it('treats a cancellation reported as an error as the user stopping', () => {
      const { answer } = stream([
        { type: 'text-delta', text: 'ab' },
        { type: 'error', error: providerError('cancelled') },
      ]);
      assert.equal(answer.status, 'stopped');
      assert.equal(answer.error, undefined);
    });

    it('records the model the user chose when the fallback chain answered with another one', () => {
      const { answer } = stream([
        { type: 'model', provider: 'openai', model: 'gpt-4o' },
        {
          type: 'fallback',
          from: { provider: 'openai', model: 'gpt-4o' },
          to: { provider: 'groq', model: 'llama' },
          error: providerError('server'),
        },
        { type: 'model', provider: 'groq', model: 'llama' },
        {
          type: 'fallback',
          from: { provider: 'groq', model: 'llama' },
          to: { provider: 'ollama', model: 'qwen' },
          error: providerError('network'),
        },
        { type: 'model', provider: 'ollama', model: 'qwen', cached: true },
        { type: 'text-delta', text: 'ok' },
        { type: 'done', finishReason: 'stop' },
      ]);
      assert.deepEqual(answer.fallbackFrom, { provider: 'openai', model: 'gpt-4o' });
      assert.equal(answer.provider, 'ollama');
      assert.equal(answer.model, 'qwen');
      assert.equal(answer.cached, true);
    });

    it('returns the same conversation for events that change nothing kept, or for an unknown or finished message', () => {
      const { conversation, answer } = stream([{ type: 'done', finishReason: 'stop' }]);
      assert.equal(applyChatEvent(conversation, answer.id, { type: 'text-delta', text: 'late' }), conversation);
      assert.equal(applyChatEvent(conversation, 'no-such-id', { type: 'text-delta', text: 'x' }), conversation);
      const started = startAssistantMessage(conversation);
      const retry: ChatEvent = { type: 'retry', provider: 'p', model: 'm', attempt: 1, delayMs: 500, error: providerError('server') };
      assert.equal(applyChatEvent(started.conversation, started.message.id, retry), started.conversation);
      assert.equal(applyChatEvent(started.conversation, started.message.id, { type: 'text-delta', text: '' }), started.conversation);
      const userId = conversation.messages[0]?.id ?? '';
      assert.equal(applyChatEvent(conversation, userId, { type: 'text-delta', text: 'x' }), conversation);
    });

    it('shares the untouched messages of a long conversation instead of copying them', () => {
      let conversation = sampleConversation(uuid(1), 1000);
      const { conversation: withAnswer, message } = startAssistantMessage(conversation);
      conversation = withAnswer;
      const before = conversation.messages;
      for (let i = 0; i < 200; i++) conversation = applyChatEvent(conversation, message.id, { type: 'text-delta', text: 'x' });
      assert.deepEqual(conversation.messages.at(-1)?.parts, [{ type: 'text', text: 'x'.repeat(200) }], 'deltas grow one text part');
      assert.equal(conversation.messages[0], before[0], 'untouched messages are shared, not copied');
    });
  });

  describe('truncation for edit and regenerate', () => {
    const base = deepFreeze(sampleConversation(uuid(2), 3));
    const ids = base.messages.map((message) => message.id);

    it('truncateAfter keeps the message and drops what follows', () => {
      const cut = truncateAfter(base, ids[2] ?? '', { now: T0 + 99 });
      assert.deepEqual(
        cut.messages.map((message) => message.id),
        ids.slice(0, 3),
      );
      assert.equal(cut.updatedAt, T0 + 99);
      assert.equal(truncateAfter(base, ids.at(-1) ?? ''), base, 'truncating after the last message changes nothing');
      assert.equal(truncateAfter(base, 'unknown'), base);
    });

    it('editUserMessage replaces the parts, keeps the recipe, and drops everything after it', () => {
      const contexts = [{ kind: 'file' as const, label: 'a.ts', path: 'src/a.ts', text: 'x' }];
      const recipe = {
        systemPrompt: 'Be brief.',
        models: ['openai/gpt-4o', 'groq/llama'],
        promptParts: [{ type: 'text' as const, text: 'TEMPLATE' }],
      };
      const withContext = appendUserMessage(base, userParts('Review this', contexts), { id: 'u-ctx', recipe }).conversation;
      const answered = startAssistantMessage(withContext).conversation;
      const edited = editUserMessage(answered, 'u-ctx', userParts('Review this, strictly', contexts), { now: T0 + 100 });
      const last = edited.messages.at(-1);
      assert.equal(edited.messages.length, base.messages.length + 1);
      assert.ok(last?.role === 'user');
      assert.equal(textOf(last.parts), 'Review this, strictly');
      assert.equal(contextsOf(last.parts)[0]?.path, 'src/a.ts');
      // The user rewrote the question: the same prompt and models, but what they wrote is sent, not the template.
      assert.deepEqual(last.recipe, { systemPrompt: 'Be brief.', models: ['openai/gpt-4o', 'groq/llama'] });
      const unchanged = editUserMessage(answered, 'u-ctx', userParts('Review this', contexts)).messages.at(-1);
      assert.ok(unchanged?.role === 'user');
      assert.deepEqual(unchanged.recipe, recipe, 'an edit that changes nothing keeps the prompt parts');
      const withoutContexts = editUserMessage(answered, 'u-ctx', userParts('plain')).messages.at(-1);
      assert.ok(withoutContexts?.role === 'user');
      assert.deepEqual(contextsOf(withoutContexts.parts), []);
      assert.equal(editUserMessage(base, ids[1] ?? '', userParts('answers are not edited')), base);
    });

    it('editing the first message renames a conversation the user did not rename', () => {
      const edited = editUserMessage(base, ids[0] ?? '', userParts('A better question'));
      assert.equal(edited.title, 'A better question');
      assert.equal(edited.messages.length, 1);
      const renamed = renameConversation(base, 'Mine');
      assert.equal(editUserMessage(renamed, ids[0] ?? '', userParts('Another')).title, 'Mine');
    });

    it('truncateForRegenerate drops the last answer, or a given answer and what follows', () => {
      assert.deepEqual(
        truncateForRegenerate(base).messages.map((message) => message.id),
        ids.slice(0, 5),
      );
      assert.deepEqual(
        truncateForRegenerate(base, ids[1]).messages.map((message) => message.id),
        ids.slice(0, 1),
      );
      assert.equal(truncateForRegenerate(base, ids[0]), base, 'a user message is not an answer');
      const endsWithQuestion = truncateForRegenerate(base);
      assert.equal(truncateForRegenerate(endsWithQuestion), endsWithQuestion);
    });
  });

  it('settleInterrupted turns an answer left streaming by a closed window into a stopped one', () => {
    const started = startAssistantMessage(sampleConversation(uuid(3), 1));
    const partial = applyChatEvent(started.conversation, started.message.id, { type: 'text-delta', text: 'half' });
    const settled = settleInterrupted(deepFreeze(partial));
    assert.deepEqual(settled.messages.at(-1), { ...partial.messages.at(-1), status: 'stopped' });
    assert.equal(settleInterrupted(settled), settled);
  });
});
