// The stored format: format 1 files migrate to format 2 (parts, recipes) on load, and an over-long one-line field
// is cut instead of making the whole conversation unreadable.
import * as assert from 'node:assert/strict';
import { conversationFormatVersion } from '../../../src/core/conversations/conversation';
import { parseStoredConversation, storedFieldLimits } from '../../../src/core/conversations/conversationSchema';
import { T0, sampleConversation, uuid } from './conversationFixtures';

const v1File = {
  version: 1,
  id: uuid(1),
  title: 'Why is b 2?',
  createdAt: T0,
  updatedAt: T0 + 5,
  messages: [
    {
      id: 'u1',
      role: 'user',
      content: 'Why is b 2?',
      createdAt: T0,
      contexts: [
        {
          kind: 'selection',
          label: 'app.ts:3-4',
          path: 'src/app.ts',
          language: 'typescript',
          text: 'const b = 2;',
          startLine: 3,
          endLine: 4,
        },
      ],
    },
    {
      id: 'a1',
      role: 'assistant',
      content: 'Because it is assigned 2. Here is a picture:',
      createdAt: T0 + 1,
      status: 'complete',
      provider: 'openai',
      model: 'gpt-4o',
      usage: { inputTokens: 10, outputTokens: 20 },
      finishReason: 'stop',
      images: [{ path: 'assets/b.png', alt: 'the number two' }],
    },
    { id: 'u2', role: 'user', content: 'thanks', createdAt: T0 + 2 },
    { id: 'a2', role: 'assistant', content: '', createdAt: T0 + 3, status: 'error', error: { kind: 'rate-limit', message: 'slow down' } },
  ],
};

describe('stored conversation format', () => {
  it('opens a format 1 file with contexts and images as the same conversation in format 2', () => {
    const parsed = parseStoredConversation(structuredClone(v1File));
    assert.equal(parsed.kind, 'ok');
    assert.ok(parsed.kind === 'ok');
    assert.deepEqual(parsed.conversation, {
      version: conversationFormatVersion,
      id: uuid(1),
      title: 'Why is b 2?',
      createdAt: T0,
      updatedAt: T0 + 5,
      messages: [
        {
          id: 'u1',
          role: 'user',
          createdAt: T0,
          parts: [
            { type: 'context', context: v1File.messages[0]?.contexts?.[0] },
            { type: 'text', text: 'Why is b 2?' },
          ],
        },
        {
          id: 'a1',
          role: 'assistant',
          createdAt: T0 + 1,
          status: 'complete',
          provider: 'openai',
          model: 'gpt-4o',
          usage: { inputTokens: 10, outputTokens: 20 },
          finishReason: 'stop',
          parts: [
            { type: 'text', text: 'Because it is assigned 2. Here is a picture:' },
            { type: 'image', path: 'assets/b.png', mimeType: 'image/png', alt: 'the number two' },
          ],
        },
        { id: 'u2', role: 'user', createdAt: T0 + 2, parts: [{ type: 'text', text: 'thanks' }] },
        { id: 'a2', role: 'assistant', createdAt: T0 + 3, status: 'error', error: { kind: 'rate-limit', message: 'slow down' }, parts: [] },
      ],
    });
    // What is migrated is valid format 2: saved and read back, it is the same.
    const again = parseStoredConversation(JSON.parse(JSON.stringify(parsed.conversation)));
    assert.deepEqual(again, parsed);
  });

  it('a conversation with a 10,000-character image prompt opens', () => {
    const prompt = `a lighthouse ${'at dusk '.repeat(1250)}`.slice(0, 10_000);
    const file = structuredClone(v1File);
    file.messages[0] = { id: 'u1', role: 'user', content: `/image ${prompt}`, createdAt: T0 } as (typeof file.messages)[number];
    const answer = file.messages[1];
    assert.ok(answer !== undefined && 'images' in answer);
    answer.images = [{ path: 'assets/lighthouse.png', alt: prompt }];
    const parsed = parseStoredConversation(file);
    assert.ok(parsed.kind === 'ok', parsed.kind === 'invalid' ? parsed.reason : parsed.kind);
    const [question, image] = [parsed.conversation.messages[0]?.parts[0], parsed.conversation.messages[1]?.parts[1]];
    assert.ok(question?.type === 'text' && image?.type === 'image');
    assert.equal(question.text, `/image ${prompt}`, 'the prompt itself is kept whole in the message');
    assert.equal(image.alt.length, storedFieldLimits.alt);
    assert.ok(image.alt.endsWith('…'));
    // The same in format 2.
    const v2 = parseStoredConversation(
      JSON.parse(
        JSON.stringify({
          ...parsed.conversation,
          messages: parsed.conversation.messages.map((m) =>
            m.id === 'a1' ? { ...m, parts: [{ type: 'image', path: 'x.png', mimeType: 'image/png', alt: prompt }] } : m,
          ),
        }),
      ),
    );
    assert.ok(v2.kind === 'ok');
    const part = v2.conversation.messages[1]?.parts[0];
    assert.ok(part?.type === 'image');
    assert.equal(part.alt.length, storedFieldLimits.alt);
  });

  it('cuts an over-long title and error message instead of refusing the conversation, and keeps long texts whole', () => {
    const conversation = sampleConversation(uuid(2), 1);
    const stored = JSON.parse(JSON.stringify(conversation)) as { title: string; messages: Array<Record<string, unknown>> };
    stored.title = 't'.repeat(5000);
    stored.messages[0] = { ...stored.messages[0], parts: [{ type: 'text', text: 'q'.repeat(200_000) }] };
    stored.messages[1] = { ...stored.messages[1], status: 'error', error: { kind: 'server', message: 'e'.repeat(50_000) } };
    const parsed = parseStoredConversation(stored);
    assert.ok(parsed.kind === 'ok');
    assert.equal(parsed.conversation.title.length, storedFieldLimits.title);
    const [question, answer] = parsed.conversation.messages;
    assert.equal(question?.parts[0]?.type === 'text' ? question.parts[0].text.length : 0, 200_000);
    assert.equal(answer?.role === 'assistant' ? answer.error?.message.length : 0, storedFieldLimits.errorMessage);
  });

  it('stores a turn recipe and refuses a message that is not one', () => {
    const conversation = sampleConversation(uuid(3), 1);
    const stored = JSON.parse(JSON.stringify(conversation)) as { messages: Array<Record<string, unknown>> };
    stored.messages[0] = {
      ...stored.messages[0],
      recipe: { systemPrompt: 'S', promptParts: [{ type: 'text', text: 'T' }], models: ['a/b', 'c/d'], temperature: 0.2, maxTokens: 100 },
    };
    const parsed = parseStoredConversation(stored);
    assert.ok(parsed.kind === 'ok');
    const question = parsed.conversation.messages[0];
    assert.ok(question?.role === 'user');
    assert.deepEqual(question.recipe?.models, ['a/b', 'c/d']);
    stored.messages[0] = { ...stored.messages[0], parts: [{ type: 'video', url: 'x' }] };
    assert.equal(parseStoredConversation(stored).kind, 'invalid');
    assert.deepEqual(parseStoredConversation({ version: conversationFormatVersion + 1 }), {
      kind: 'newer-version',
      version: conversationFormatVersion + 1,
    });
  });
});
