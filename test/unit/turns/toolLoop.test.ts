// The tool loop of a chat turn (issue 17) on plain Node: a scripted engine plays the model step by step, a fake `run`
// plays the extension (approval and execution), and the real built-in tool specs check the arguments.
import * as assert from 'node:assert/strict';
import type { ChatEvent, ChatRequest, ToolCall, TokenUsage } from '../../../src/core/chat/chatTypes';
import type { AssistantMessage, Conversation, TurnRecipe } from '../../../src/core/conversations/conversation';
import { appendUserMessage, createConversation, userParts } from '../../../src/core/conversations/conversationOps';
import type { MessagePart } from '../../../src/core/conversations/messagePart';
import { toChatMessages } from '../../../src/core/conversations/toChatMessages';
import { listFilesTool } from '../../../src/core/tools/listFilesTool';
import { readFileTool } from '../../../src/core/tools/readFileTool';
import { toolDenied } from '../../../src/core/tools/toolError';
import type { CheckedToolCall, ToolOutcome } from '../../../src/core/tools/toolTypes';
import { regenerate } from '../../../src/core/turns/turnActions';
import { type ChatEngine, runTurn, type TurnTools, type TurnUpdate } from '../../../src/core/turns/turnRunner';

type Sent = Omit<ChatRequest, 'model'>;

/** An engine that answers each request with the next script (one per step), recording what it was sent. */
function scriptedEngine(...scripts: ChatEvent[][]): { chat: ChatEngine; sent: Sent[] } {
  const sent: Sent[] = [];
  const chat: ChatEngine = (_models, request) => {
    // A copy (without the signal, which cannot be cloned): the loop must not change a request after sending it.
    const { signal: _signal, ...copy } = request;
    sent.push(structuredClone(copy));
    const script = scripts.shift() ?? [];
    return (async function* () {
      yield* script;
    })();
  };
  return { chat, sent };
}

const model: ChatEvent = { type: 'model', provider: 'openai', model: 'gpt-4o' };
const call = (id: string, name: string, args: unknown): ChatEvent[] => [
  { type: 'tool-call-start', id, name },
  { type: 'tool-call', call: { id, name, arguments: typeof args === 'string' ? args : JSON.stringify(args) } },
];
const usage = (inputTokens: number, outputTokens: number): ChatEvent => ({ type: 'usage', usage: { inputTokens, outputTokens } });
/** A step that calls tools: its events, then `done` with `tool-calls`. */
const callStep = (...events: ChatEvent[]): ChatEvent[] => [model, ...events, { type: 'done', finishReason: 'tool-calls' }];
const textStep = (text: string, ...events: ChatEvent[]): ChatEvent[] => [
  model,
  { type: 'text-delta', text },
  ...events,
  { type: 'done', finishReason: 'stop' },
];

const recipe: TurnRecipe = { models: ['openai/gpt-4o'], systemPrompt: 'You help with code.' };

function ask(text: string, conversation = createConversation()): Conversation {
  return appendUserMessage(conversation, userParts(text), { recipe }).conversation;
}

/** Tools whose `run` answers from a table and records every call it was given. */
function fakeTools(options: Partial<TurnTools> & { results?: Record<string, string> } = {}): { tools: TurnTools; ran: CheckedToolCall[] } {
  const ran: CheckedToolCall[] = [];
  const tools: TurnTools = {
    tools: [readFileTool, listFilesTool],
    maxSteps: 15,
    run: (checked) => {
      ran.push(checked);
      return Promise.resolve({ content: options.results?.[checked.arguments] ?? `result of ${checked.name}`, isError: false });
    },
    ...options,
  };
  return { tools, ran };
}

function answerOf(conversation: Conversation): AssistantMessage {
  const answer = conversation.messages.at(-1);
  assert.ok(answer?.role === 'assistant', 'the conversation ends with an answer');
  return answer;
}

/** The answer's parts in a short form: `text:…`, `call:id name`, `result:id (error) content`. */
function shape(parts: readonly MessagePart[]): string[] {
  return parts.map((part) => {
    switch (part.type) {
      case 'text':
        return `text:${part.text}`;
      case 'tool-call':
        return `call:${part.id} ${part.name}`;
      case 'tool-result':
        return `result:${part.callId}${part.isError ? ' (error)' : ''} ${part.content.split('\n')[0] ?? ''}`;
      default:
        return part.type;
    }
  });
}

function sentShape(request: Sent | undefined): string[] {
  return (request?.messages ?? []).map((message) => `${message.role}: ${shape(message.parts).join(' | ')}`);
}

describe('the tool loop', () => {
  it('runs several steps with two calls in one, sends each step back in order, and sums the usage of every step', async () => {
    const engine = scriptedEngine(
      callStep(
        { type: 'text-delta', text: 'Let me look.' },
        ...call('c1', 'read_file', { path: 'src/a.ts' }),
        ...call('c2', 'read_file', { path: 'src/b.ts', startLine: 2 }),
        usage(100, 10),
      ),
      callStep(...call('c3', 'list_files', { glob: '*.md' }), usage(200, 5)),
      textStep('They differ in one line.', usage(300, 20)),
    );
    const { tools, ran } = fakeTools({
      results: { '{"path":"src/a.ts"}': 'text of ä', '{"path":"src/b.ts","startLine":2}': 'text of b' },
    });
    const updates: TurnUpdate[] = [];
    const result = await runTurn(ask('Compare a and b'), { chat: engine.chat, tools, onUpdate: (_c, update) => updates.push(update) });

    assert.deepEqual(
      ran.map((checked) => [checked.id, checked.name, checked.input, checked.readOnly]),
      [
        ['c1', 'read_file', { path: 'src/a.ts' }, true],
        ['c2', 'read_file', { path: 'src/b.ts', startLine: 2 }, true],
        ['c3', 'list_files', { glob: '*.md' }, true],
      ],
    );
    const answer = answerOf(result);
    assert.equal(answer.status, 'complete');
    assert.equal(answer.finishReason, 'stop');
    assert.deepEqual(shape(answer.parts), [
      'text:Let me look.',
      'call:c1 read_file',
      'call:c2 read_file',
      'result:c1 text of ä',
      'result:c2 text of b',
      'call:c3 list_files',
      'result:c3 result of list_files',
      'text:They differ in one line.',
    ]);
    assert.deepEqual(answer.usage, { inputTokens: 600, outputTokens: 35 } satisfies TokenUsage);

    assert.equal(engine.sent.length, 3);
    for (const request of engine.sent) {
      assert.deepEqual(
        request.tools?.map((tool) => tool.name),
        ['read_file', 'list_files'],
      );
      assert.equal(request.systemPrompt, 'You help with code.');
    }
    assert.deepEqual(sentShape(engine.sent[0]), ['user: text:Compare a and b']);
    assert.deepEqual(sentShape(engine.sent[2]), [
      'user: text:Compare a and b',
      'assistant: text:Let me look. | call:c1 read_file | call:c2 read_file',
      'tool: result:c1 text of ä | result:c2 text of b',
      'assistant: call:c3 list_files',
      'tool: result:c3 result of list_files',
    ]);

    // The view hears each call's card and result, and `done` once, at the very end.
    const kinds = updates.map((update) => update.type);
    assert.equal(kinds.filter((kind) => kind === 'done').length, 1);
    assert.equal(kinds.at(-1), 'done');
    assert.deepEqual(
      updates.filter((update) => update.type === 'tool-result'),
      [
        // UTF-8 bytes: `ä` is two.
        { type: 'tool-result', callId: 'c1', name: 'read_file', size: 10, isError: false },
        { type: 'tool-result', callId: 'c2', name: 'read_file', size: 9, isError: false },
        { type: 'tool-result', callId: 'c3', name: 'list_files', size: 20, isError: false },
      ],
    );
    assert.ok(kinds.indexOf('tool-call-start') < kinds.indexOf('tool-call'));
    // The usage the view hears is the answer's total so far.
    assert.deepEqual(
      updates.filter((update) => update.type === 'usage').map((update) => update.usage),
      [
        { inputTokens: 100, outputTokens: 10 },
        { inputTokens: 300, outputTokens: 15 },
        { inputTokens: 600, outputTokens: 35 },
      ],
    );
  });

  it('answers arguments that are not JSON, or do not fit the tool, with the error as the result, and the model corrects itself', async () => {
    const engine = scriptedEngine(
      callStep(...call('c1', 'read_file', '{"path": "src/a.ts"'), ...call('c2', 'read_file', { path: 3, startLine: 0 })),
      callStep(...call('c3', 'read_file', { path: 'src/a.ts', startLine: 5, endLine: 2 })),
      callStep(...call('c4', 'read_file', { path: 'src/a.ts' })),
      textStep('Read it.'),
    );
    const { tools, ran } = fakeTools();
    const answer = answerOf(await runTurn(ask('Read a'), { chat: engine.chat, tools }));
    assert.deepEqual(
      ran.map((checked) => checked.id),
      ['c4'],
      'nothing invalid ran',
    );
    const results = answer.parts.filter((part) => part.type === 'tool-result');
    assert.equal(results.length, 4);
    const [badJson, badTypes, badRange, good] = results;
    assert.equal(badJson?.isError, true);
    assert.match(badJson?.content ?? '', /^The arguments of read_file are not valid JSON \(.+\)\. Call it again/);
    assert.equal(badJson?.note?.id, 'tool.badJson');
    assert.equal(badTypes?.isError, true);
    assert.equal(
      badTypes?.content,
      'The arguments of read_file are not valid: path: expected a string; startLine: expected at least 1. Call it again with arguments that match its parameters.',
    );
    assert.match(badRange?.content ?? '', /endLine: endLine must not be before startLine/);
    assert.deepEqual(good, { type: 'tool-result', callId: 'c4', content: 'result of read_file', isError: false });
    // What the model read in the next request is the error itself.
    const lastSent = engine.sent[3]?.messages ?? [];
    assert.deepEqual(lastSent[2]?.parts[0], {
      type: 'tool-result',
      callId: 'c1',
      content: badJson?.content,
      isError: true,
    });
    assert.equal(answer.status, 'complete');
  });

  it('answers a tool that does not exist with an error naming the tools there are', async () => {
    const engine = scriptedEngine(callStep(...call('c1', 'delete_everything', {})), textStep('Sorry.'));
    const { tools, ran } = fakeTools();
    const answer = answerOf(await runTurn(ask('Clean up'), { chat: engine.chat, tools }));
    assert.equal(ran.length, 0);
    const result = answer.parts.find((part) => part.type === 'tool-result');
    assert.deepEqual(result, {
      type: 'tool-result',
      callId: 'c1',
      content: 'There is no tool “delete_everything”. The tools are: read_file, list_files.',
      isError: true,
      note: { id: 'tool.unknown', params: { name: 'delete_everything', tools: 'read_file, list_files' } },
    });
  });

  it('ends at maxSteps with the last calls not run and a note under the answer', async () => {
    const engine = scriptedEngine(
      callStep(...call('c1', 'read_file', { path: 'a' })),
      callStep(...call('c2', 'read_file', { path: 'b' }), ...call('c3', 'list_files', {})),
      textStep('never asked'),
    );
    const { tools, ran } = fakeTools({ maxSteps: 2 });
    const updates: TurnUpdate[] = [];
    const result = await runTurn(ask('Explore'), { chat: engine.chat, tools, onUpdate: (_c, update) => updates.push(update) });
    assert.equal(engine.sent.length, 2, 'no third request');
    assert.deepEqual(
      ran.map((checked) => checked.id),
      ['c1'],
    );
    const answer = answerOf(result);
    assert.equal(answer.status, 'complete');
    assert.equal(answer.finishReason, 'tool-calls');
    assert.deepEqual(answer.notes, [{ id: 'tool.note.stepLimit', params: { max: 2 } }]);
    assert.deepEqual(shape(answer.parts).slice(-2), [
      'result:c2 (error) Not run: this answer reached its limit of 2 steps.',
      'result:c3 (error) Not run: this answer reached its limit of 2 steps.',
    ]);
    assert.deepEqual(
      updates.filter((update) => update.type === 'answer-note'),
      [{ type: 'answer-note', note: { id: 'tool.note.stepLimit', params: { max: 2 } } }],
    );
    // Every call has its result, so the whole answer is history for the next question.
    assert.deepEqual(
      toChatMessages(result).map((message) => message.role),
      ['user', 'assistant', 'tool', 'assistant', 'tool'],
    );
  });

  it('refuses the third identical call in a row (whatever the spacing and key order), with a note, and goes on', async () => {
    const engine = scriptedEngine(
      callStep(...call('c1', 'read_file', '{"path":"a.ts","startLine":1}')),
      callStep(...call('c2', 'read_file', '{ "startLine": 1, "path": "a.ts" }')),
      callStep(...call('c3', 'read_file', { path: 'a.ts', startLine: 1 })),
      callStep(...call('c4', 'read_file', { path: 'b.ts' })),
      textStep('Done.'),
    );
    const { tools, ran } = fakeTools();
    const answer = answerOf(await runTurn(ask('Read a'), { chat: engine.chat, tools }));
    assert.deepEqual(
      ran.map((checked) => checked.id),
      ['c1', 'c2', 'c4'],
    );
    const refused = answer.parts.find((part) => part.type === 'tool-result' && part.callId === 'c3');
    assert.ok(refused?.type === 'tool-result');
    assert.equal(refused.isError, true);
    assert.equal(
      refused.content,
      'read_file was called with the same arguments 3 times in a row, so this call was not run. Do not repeat it: use the results you have, or try something else.',
    );
    assert.deepEqual(answer.notes, [{ id: 'tool.note.repeated', params: { name: 'read_file', count: 3 } }]);
    assert.equal(answer.status, 'complete');
  });

  it('Stop while a tool runs ends the answer at once, keeping what came before, without a result for that call', async () => {
    const controller = new AbortController();
    const engine = scriptedEngine(
      callStep({ type: 'text-delta', text: 'Searching.' }, ...call('c1', 'read_file', { path: 'a' }), ...call('c2', 'list_files', {})),
      textStep('never asked'),
    );
    let signalSeen: AbortSignal | undefined;
    const tools: TurnTools = {
      tools: [readFileTool, listFilesTool],
      maxSteps: 5,
      run: (checked, signal) => {
        if (checked.id === 'c1') return Promise.resolve({ content: 'a', isError: false });
        signalSeen = signal;
        controller.abort();
        // A tool that never finishes: the loop must not wait for it.
        return new Promise<ToolOutcome>(() => undefined);
      },
    };
    const result = await runTurn(ask('Look'), { chat: engine.chat, tools, signal: controller.signal });
    assert.equal(signalSeen?.aborted, true, 'the running tool was told to stop');
    assert.equal(engine.sent.length, 1);
    const answer = answerOf(result);
    assert.equal(answer.status, 'stopped');
    assert.equal(answer.finishReason, 'cancelled');
    assert.deepEqual(shape(answer.parts), ['text:Searching.', 'call:c1 read_file', 'call:c2 list_files', 'result:c1 a']);
    // The step with an unanswered call is not history: no protocol is sent a call without its result.
    assert.deepEqual(
      toChatMessages(result).map((message) => message.role),
      ['user'],
    );
  });

  it('Stop during a later request keeps the finished steps and the partial text', async () => {
    const controller = new AbortController();
    let requests = 0;
    const chat: ChatEngine = (_models, request) => {
      requests++;
      if (requests === 1)
        return (async function* () {
          yield* callStep(...call('c1', 'read_file', { path: 'a' }));
        })();
      return (async function* () {
        yield model;
        yield { type: 'text-delta', text: 'The file says' } satisfies ChatEvent;
        if (request.signal?.aborted !== true)
          await new Promise<void>((resolve) => request.signal?.addEventListener('abort', () => resolve(), { once: true }));
        yield { type: 'done', finishReason: 'cancelled' } satisfies ChatEvent;
      })();
    };
    const { tools } = fakeTools();
    const result = await runTurn(ask('Read a'), {
      chat,
      tools,
      signal: controller.signal,
      onUpdate: (_c, update) => {
        if (update.type === 'text-delta') controller.abort();
      },
    });
    const answer = answerOf(result);
    assert.equal(answer.status, 'stopped');
    assert.deepEqual(shape(answer.parts), ['call:c1 read_file', 'result:c1 result of read_file', 'text:The file says']);
    assert.deepEqual(
      toChatMessages(result).map((message) => `${message.role}: ${shape(message.parts).join(' | ')}`),
      ['user: text:Read a', 'assistant: call:c1 read_file', 'tool: result:c1 result of read_file', 'assistant: text:The file says'],
    );
  });

  it('turns a denial and a tool that throws into error results, and cuts a huge result', async () => {
    const engine = scriptedEngine(
      callStep(...call('c1', 'read_file', { path: 'a' }), ...call('c2', 'read_file', { path: 'b' }), ...call('c3', 'list_files', {})),
      textStep('ok'),
    );
    const tools: TurnTools = {
      tools: [readFileTool, listFilesTool],
      maxSteps: 5,
      maxResultChars: 1000,
      run: (checked: ToolCall) => {
        if (checked.id === 'c1') return Promise.resolve(toolDenied(checked.name));
        if (checked.id === 'c2') return Promise.reject(new Error('disk on fire'));
        return Promise.resolve({ content: 'x'.repeat(5000), isError: false });
      },
    };
    const answer = answerOf(await runTurn(ask('Go'), { chat: engine.chat, tools }));
    const [denied, failed, huge] = answer.parts.filter((part) => part.type === 'tool-result');
    assert.equal(denied?.content, 'The user did not allow read_file to run. Go on without it, or ask the user.');
    assert.equal(denied?.isError, true);
    assert.equal(denied?.note?.id, 'tool.denied');
    assert.equal(failed?.content, 'read_file failed: disk on fire');
    assert.equal(failed?.isError, true);
    assert.ok(huge !== undefined && huge.content.length < 1100);
    assert.match(huge.content, /\[cut: the result had 5000 characters; the first 1000 were sent\]$/);
    assert.equal(answer.status, 'complete');
  });

  it('without tools is one request, and a regenerated tool answer runs its loop again', async () => {
    const plain = scriptedEngine(textStep('Hi.'), textStep('Hi again.'));
    const result = await runTurn(ask('Hello'), { chat: plain.chat });
    assert.equal(plain.sent[0]?.tools, undefined);
    assert.equal(answerOf(result).status, 'complete');
    // An empty list of tools is no tools: some protocols refuse `tools: []`.
    await runTurn(ask('Hello'), { chat: plain.chat, tools: { tools: [], maxSteps: 5, run: () => Promise.reject(new Error('never')) } });
    assert.equal(plain.sent[1]?.tools, undefined);

    const engine = scriptedEngine(
      callStep(...call('c1', 'read_file', { path: 'a' })),
      textStep('First.'),
      callStep(...call('c9', 'read_file', { path: 'a' })),
      textStep('Second.'),
    );
    const { tools, ran } = fakeTools();
    const first = await runTurn(ask('Read a'), { chat: engine.chat, tools });
    const again = await regenerate(first, { chat: engine.chat, tools });
    assert.equal(again.messages.length, 2);
    assert.deepEqual(shape(answerOf(again).parts), ['call:c9 read_file', 'result:c9 result of read_file', 'text:Second.']);
    assert.deepEqual(sentShape(engine.sent[2]), ['user: text:Read a'], 'the old answer is not sent with the regenerated turn');
    assert.equal(ran.length, 2);
  });

  it('asks prepareRequest before every step, with the answer so far', async () => {
    const engine = scriptedEngine(callStep(...call('c1', 'read_file', { path: 'a' })), textStep('ok'));
    const { tools } = fakeTools();
    const prepared: number[] = [];
    await runTurn(ask('Read a'), {
      chat: engine.chat,
      tools,
      prepareRequest: (request, chosen) => {
        assert.equal(chosen, 'openai/gpt-4o');
        prepared.push(request.messages.length);
        return Promise.resolve(request);
      },
    });
    assert.deepEqual(prepared, [1, 3]);
  });
});
