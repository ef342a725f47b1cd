// The turn runner and Regenerate / Edit / Retry on plain Node: a scripted engine for the runner's own behaviour,
// and the real ProviderEngine against a local OpenAI-compatible fake for what actually goes over the wire.
import * as assert from 'node:assert/strict';
import type { ChatEvent, ChatRequest } from '../../../src/core/chat/chatTypes';
import type { Conversation, TurnRecipe } from '../../../src/core/conversations/conversation';
import { appendUserMessage, createConversation, userParts } from '../../../src/core/conversations/conversationOps';
import { textOf } from '../../../src/core/conversations/messagePart';
import { ProviderError } from '../../../src/core/errors/providerError';
import { ProviderEngine } from '../../../src/core/providerEngine';
import { editAndResend, prepareRetry, regenerate, retryFailedTurn } from '../../../src/core/turns/turnActions';
import { type ChatEngine, runTurn, type TurnUpdate } from '../../../src/core/turns/turnRunner';
import { FakeHttpServer } from '../fakes/fakeHttpServer';
import { openAiStream } from '../fakes/openAiFake';

type Sent = { models: readonly string[]; request: Omit<ChatRequest, 'model'> };

/** An engine that answers each call with the next script, recording what it was asked. */
function scriptedEngine(...scripts: ChatEvent[][]): { chat: ChatEngine; sent: Sent[] } {
  const sent: Sent[] = [];
  const chat: ChatEngine = (models, request) => {
    sent.push({ models, request });
    const script = scripts.shift() ?? [];
    return (async function* () {
      yield* script;
    })();
  };
  return { chat, sent };
}

const answered = (text: string, model = 'gpt-4o'): ChatEvent[] => [
  { type: 'model', provider: 'openai', model },
  { type: 'text-delta', text },
  { type: 'done', finishReason: 'stop' },
];
const failed: ChatEvent[] = [{ type: 'error', error: new ProviderError({ kind: 'rate-limit', provider: 'openai', message: 'slow down' }) }];

const defaultRecipe: TurnRecipe = { models: ['openai/gpt-4o-mini'] };
const explainRecipe: TurnRecipe = {
  systemPrompt: 'You explain code.',
  promptParts: [{ type: 'text', text: 'Explain this TypeScript:\n```ts\nconst a = 1;\n```' }],
  models: ['anthropic/claude-x', 'openai/gpt-4o'],
  temperature: 0.1,
  maxTokens: 500,
};
const selection = { kind: 'selection' as const, label: 'app.ts:10-24', text: 'const a = 1;' };

function explainTurn(conversation = createConversation()): Conversation {
  return appendUserMessage(conversation, userParts('Explain app.ts:10-24', [selection]), { recipe: explainRecipe }).conversation;
}

function ask(conversation: Conversation, text: string, recipe: TurnRecipe = defaultRecipe): Conversation {
  return appendUserMessage(conversation, userParts(text), { recipe }).conversation;
}

function sentTexts(request: Omit<ChatRequest, 'model'>): string[] {
  return request.messages.map((message) => `${message.role}: ${textOf(message.parts)}`);
}

describe('turn runner', () => {
  it('streams the answer into the conversation with the recipe, and tells the listener every step', async () => {
    const engine = scriptedEngine(answered('It adds.'));
    const updates: Array<{ update: TurnUpdate; messages: number }> = [];
    const result = await runTurn(explainTurn(), {
      chat: engine.chat,
      onUpdate: (conversation, update) => updates.push({ update, messages: conversation.messages.length }),
    });
    const answer = result.messages.at(-1);
    assert.ok(answer?.role === 'assistant');
    assert.equal(answer.status, 'complete');
    assert.equal(textOf(answer.parts), 'It adds.');
    assert.deepEqual(engine.sent[0]?.models, explainRecipe.models);
    assert.equal(engine.sent[0]?.request.systemPrompt, 'You explain code.');
    assert.equal(engine.sent[0]?.request.temperature, 0.1);
    assert.equal(engine.sent[0]?.request.maxTokens, 500);
    assert.deepEqual(engine.sent[0]?.request.messages, [{ role: 'user', parts: explainRecipe.promptParts }]);
    assert.deepEqual(
      updates.map((entry) => entry.update.type),
      ['turn-start', 'model', 'text-delta', 'done'],
    );
    assert.equal(updates[0]?.messages, 2, 'the answer is appended before the first event');
  });

  it('stop keeps the partial answer', async () => {
    const controller = new AbortController();
    const sent: Sent[] = [];
    // An engine that streams two words and then waits for more until it is stopped, ending as the real one does.
    const chat: ChatEngine = (models, request) => {
      sent.push({ models, request });
      return (async function* () {
        yield { type: 'model', provider: 'openai', model: 'gpt-4o' } satisfies ChatEvent;
        yield { type: 'text-delta', text: 'The first ' } satisfies ChatEvent;
        yield { type: 'text-delta', text: 'half' } satisfies ChatEvent;
        if (request.signal?.aborted !== true)
          await new Promise<void>((resolve) => request.signal?.addEventListener('abort', () => resolve(), { once: true }));
        yield { type: 'done', finishReason: 'cancelled' } satisfies ChatEvent;
      })();
    };
    const result = await runTurn(ask(createConversation(), 'Tell me'), {
      chat,
      signal: controller.signal,
      onUpdate: (conversation, update) => {
        if (update.type === 'text-delta' && update.text === 'half') controller.abort();
      },
    });
    const answer = result.messages.at(-1);
    assert.ok(answer?.role === 'assistant');
    assert.equal(answer.status, 'stopped');
    assert.equal(textOf(answer.parts), 'The first half');
    assert.equal(sent[0]?.request.signal, controller.signal);
  });

  it('stops at once even when the engine goes on after the stop, and never loses the text', async () => {
    const controller = new AbortController();
    const chat: ChatEngine = () =>
      (async function* () {
        yield { type: 'text-delta', text: 'kept' } satisfies ChatEvent;
        controller.abort();
        yield { type: 'text-delta', text: ' not kept' } satisfies ChatEvent;
        yield { type: 'done', finishReason: 'stop' } satisfies ChatEvent;
      })();
    const result = await runTurn(ask(createConversation(), 'q'), { chat, signal: controller.signal });
    const answer = result.messages.at(-1);
    assert.ok(answer?.role === 'assistant');
    assert.equal(answer.status, 'stopped');
    assert.equal(textOf(answer.parts), 'kept');
  });

  it('ends the answer as an error when the engine throws or ends without a final event, or no model is chosen', async () => {
    const throwing: ChatEngine = () =>
      (async function* () {
        yield { type: 'text-delta', text: 'partial' } satisfies ChatEvent;
        throw new Error('engine bug');
      })();
    const thrown = (await runTurn(ask(createConversation(), 'q'), { chat: throwing })).messages.at(-1);
    assert.ok(thrown?.role === 'assistant');
    assert.equal(thrown.status, 'error');
    assert.equal(textOf(thrown.parts), 'partial');
    assert.match(thrown.error?.message ?? '', /engine bug/);

    const unfinished = (
      await runTurn(ask(createConversation(), 'q'), { chat: scriptedEngine([{ type: 'text-delta', text: 'x' }]).chat })
    ).messages.at(-1);
    assert.ok(unfinished?.role === 'assistant');
    assert.equal(unfinished.status, 'error');

    const engine = scriptedEngine();
    const none = (
      await runTurn(ask(createConversation(), 'q', { models: [] }), { chat: engine.chat, noModelMessage: 'Pick a model.' })
    ).messages.at(-1);
    assert.ok(none?.role === 'assistant');
    assert.equal(none.error?.message, 'Pick a model.');
    assert.equal(engine.sent.length, 0);
  });

  it('answers a question without a recipe (format 1) with the default recipe, and leaves a conversation without a question alone', async () => {
    const engine = scriptedEngine(answered('ok'));
    const old = appendUserMessage(createConversation(), userParts('hi')).conversation;
    const result = await runTurn(old, { chat: engine.chat, defaultRecipe });
    assert.deepEqual(engine.sent[0]?.models, defaultRecipe.models);
    assert.equal(result.messages.length, 2);
    assert.equal(await runTurn(result, { chat: engine.chat }), result);
  });

  it('two failed sends are not sent as history', async () => {
    const engine = scriptedEngine(answered('First answer'), failed, failed, answered('Finally'));
    let conversation = await runTurn(ask(createConversation(), 'one'), { chat: engine.chat });
    conversation = await runTurn(ask(conversation, 'two'), { chat: engine.chat });
    conversation = await runTurn(ask(conversation, 'three'), { chat: engine.chat });
    await runTurn(ask(conversation, 'four'), { chat: engine.chat });
    assert.deepEqual(sentTexts(engine.sent[3]?.request ?? { messages: [] }), ['user: one', 'assistant: First answer', 'user: four']);
  });

  it('regenerate replays the stored recipe, not the display text and today’s model', async () => {
    const engine = scriptedEngine(answered('First'), answered('Second'));
    const first = await runTurn(explainTurn(), { chat: engine.chat });
    const again = await regenerate(first, { chat: engine.chat, defaultRecipe });
    assert.deepEqual(engine.sent[1], engine.sent[0]);
    assert.equal(again.messages.length, 2, 'the answer is replaced, not added');
    assert.equal(textOf(again.messages[1]?.parts ?? []), 'Second');
  });

  it('editAndResend keeps the system prompt and models, sends the edit, and leaves the old conversation for Undo', async () => {
    const engine = scriptedEngine(answered('First'), answered('Later'), answered('Edited'));
    let conversation = await runTurn(explainTurn(), { chat: engine.chat });
    conversation = await runTurn(ask(conversation, 'And then?'), { chat: engine.chat });
    const questionId = conversation.messages[0]?.id ?? '';
    const edited = await editAndResend(conversation, questionId, userParts('Explain it to a beginner', [selection]), { chat: engine.chat });
    assert.equal(conversation.messages.length, 4, 'the conversation passed in is untouched');
    assert.equal(edited.messages.length, 2);
    const sent = engine.sent[2];
    assert.deepEqual(sent?.models, explainRecipe.models);
    assert.equal(sent?.request.systemPrompt, explainRecipe.systemPrompt);
    assert.deepEqual(sentTexts(sent?.request ?? { messages: [] }), ['user: Explain it to a beginner']);
    assert.equal(sent?.request.messages[0]?.parts[0]?.type, 'context', 'the selection still goes with it');
  });

  it('retry of a failed turn replaces it instead of adding another', async () => {
    const engine = scriptedEngine(failed, answered('Now it works'));
    const failedTurn = await runTurn(ask(createConversation(), 'q', explainRecipe), { chat: engine.chat });
    const answerId = failedTurn.messages[1]?.id ?? '';
    const retried = await retryFailedTurn(failedTurn, answerId, { chat: engine.chat });
    assert.deepEqual(
      retried.messages.map((message) => message.role),
      ['user', 'assistant'],
    );
    assert.equal(textOf(retried.messages[1]?.parts ?? []), 'Now it works');
    assert.deepEqual(engine.sent[1]?.models, explainRecipe.models);
    assert.equal(prepareRetry(retried, retried.messages[1]?.id ?? ''), retried, 'a complete answer is not a failed turn');
  });

  it('retry of a failed turn the user went on from moves the question to the end', async () => {
    const engine = scriptedEngine(failed, answered('B answer'), answered('A answer'));
    let conversation = await runTurn(ask(createConversation(), 'A'), { chat: engine.chat });
    const failedId = conversation.messages[1]?.id ?? '';
    conversation = await runTurn(ask(conversation, 'B'), { chat: engine.chat });
    const retried = await retryFailedTurn(conversation, failedId, { chat: engine.chat });
    assert.deepEqual(
      retried.messages.map((message) => `${message.role}: ${textOf(message.parts)}`),
      ['user: B', 'assistant: B answer', 'user: A', 'assistant: A answer'],
    );
  });
});

describe('turn runner through the ProviderEngine', () => {
  let openai: FakeHttpServer;
  let anthropicLike: FakeHttpServer;

  beforeEach(async () => {
    openai = await FakeHttpServer.start();
    anthropicLike = await FakeHttpServer.start();
  });
  afterEach(async () => {
    await openai.close();
    await anthropicLike.close();
  });

  it('regenerate of an Explain turn sends the Explain system prompt and prompt and the model it used, not the display text and the default model', async () => {
    const engine = new ProviderEngine({ credentials: () => Promise.resolve({ apiKey: 'sk-test-fake' }) });
    engine.configure({
      providers: [
        { id: 'work', kind: 'openai', baseUrl: `${openai.origin}/v1` },
        { id: 'home', kind: 'openai', baseUrl: `${anthropicLike.origin}/v1` },
      ],
      responseCache: false,
      http: { maxRetries: 0, firstByteTimeoutMs: 5_000, idleTimeoutMs: 5_000 },
    });
    const chat: ChatEngine = (models, request) => engine.chat(models, request);
    const recipe: TurnRecipe = { ...explainRecipe, models: ['work/explainer'] };
    openai.enqueue(openAiStream(['It ', 'adds.']), openAiStream(['It sums.']));
    const first = await runTurn(
      appendUserMessage(createConversation(), userParts('Explain app.ts:10-24', [selection]), { recipe }).conversation,
      {
        chat,
        defaultRecipe: { models: ['home/default-model'], systemPrompt: 'default prompt' },
      },
    );
    const again = await regenerate(first, { chat, defaultRecipe: { models: ['home/default-model'], systemPrompt: 'default prompt' } });
    assert.equal(textOf(again.messages.at(-1)?.parts ?? []), 'It sums.');
    assert.equal(anthropicLike.requests.length, 0, 'the default model is never asked');
    assert.equal(openai.requests.length, 2);
    const bodies = openai.requests.map(
      (request) => JSON.parse(request.body) as { model: string; messages: Array<{ role: string; content: string }> },
    );
    assert.deepEqual(bodies[1], bodies[0]);
    assert.equal(bodies[1]?.model, 'explainer');
    assert.deepEqual(bodies[1]?.messages, [
      { role: 'system', content: 'You explain code.' },
      { role: 'user', content: 'Explain this TypeScript:\n```ts\nconst a = 1;\n```' },
    ]);
  });

  it('refuses an image part whose bytes were not read before sending, naming the image and the model', async () => {
    const engine = new ProviderEngine({ credentials: () => Promise.resolve({ apiKey: 'sk-test-fake' }) });
    engine.configure({ providers: [{ id: 'openai', baseUrl: `${openai.origin}/v1` }], responseCache: false, http: { maxRetries: 0 } });
    const withImage = appendUserMessage(
      createConversation(),
      [
        { type: 'text', text: 'What is this?' },
        { type: 'image', path: 'a.png', mimeType: 'image/png', alt: 'a chart' },
      ],
      {
        recipe: { models: ['openai/gpt-4o'] },
      },
    ).conversation;
    const result = await runTurn(withImage, { chat: (models, request) => engine.chat(models, request) });
    const answer = result.messages.at(-1);
    assert.ok(answer?.role === 'assistant');
    assert.equal(answer.status, 'error');
    assert.equal(answer.error?.kind, 'bad-request');
    assert.equal(
      answer.error?.message,
      'The image “a chart” was not read before sending to openai/gpt-4o, so nothing was sent. This is a bug in Switchboard; please report it.',
    );
    assert.equal(openai.requests.length, 0, 'nothing was sent');
  });
});
