// Tool calls and results in the conversation model (issue 17): an answer holds every step of its tool loop in order,
// is sent to a protocol step by step (never a call without its result), and is stored and loaded as it was.
import * as assert from 'node:assert/strict';
import { applyChatEvent } from '../../../src/core/conversations/applyChatEvent';
import { answerSteps } from '../../../src/core/conversations/answerSteps';
import { appendToAnswer } from '../../../src/core/conversations/appendToAnswer';
import type { AssistantMessage, Conversation } from '../../../src/core/conversations/conversation';
import { appendUserMessage, createConversation, startAssistantMessage, userParts } from '../../../src/core/conversations/conversationOps';
import { parseStoredConversation } from '../../../src/core/conversations/conversationSchema';
import { ConversationStore } from '../../../src/core/conversations/conversationStore';
import type { MessagePart } from '../../../src/core/conversations/messagePart';
import { answerMessages, toChatMessages } from '../../../src/core/conversations/toChatMessages';
import { estimateTokens } from '../../../src/core/context/estimateTokens';
import { fitRequestToWindow } from '../../../src/core/context/fitRequestToWindow';
import { partTokens } from '../../../src/core/conversations/partTokens';
import { T0, TempDirectory, deepFreeze, uuid } from './conversationFixtures';

const call = (id: string, name = 'read_file', args = '{"path":"a.ts"}'): MessagePart => ({ type: 'tool-call', id, name, arguments: args });
const result = (callId: string, content = `result ${callId}`, isError = false): MessagePart => ({
  type: 'tool-result',
  callId,
  content,
  isError,
});
const text = (value: string): MessagePart => ({ type: 'text', text: value });

function withAnswer(parts: MessagePart[], status: AssistantMessage['status'] = 'complete'): Conversation {
  let conversation = appendUserMessage(createConversation({ id: uuid(1), now: T0 }), userParts('Why does it fail?'), {
    now: T0,
    id: 'q1',
  }).conversation;
  const started = startAssistantMessage(conversation, { now: T0 + 1, id: 'a1' });
  conversation = started.conversation;
  const answer: AssistantMessage = { ...started.message, parts, status };
  return { ...conversation, messages: [conversation.messages[0]!, answer] };
}

function roles(conversation: Conversation): string[] {
  return toChatMessages(conversation).map((message) => `${message.role}: ${message.parts.map(label).join(' | ')}`);
}

function label(part: MessagePart): string {
  if (part.type === 'text') return part.text;
  if (part.type === 'tool-call') return `call ${part.id}`;
  if (part.type === 'tool-result') return `result ${part.callId}`;
  return part.type;
}

describe('tool parts in the conversation', () => {
  it('sends an answer step by step: its text and calls, then their results in the calls’ order', () => {
    const conversation = withAnswer([
      text('Let me look. '),
      call('c1'),
      text('And '),
      call('c2'),
      // Results may be appended in another order than the calls; a result for no call of the step is dropped.
      result('c2'),
      result('c1'),
      result('nobody'),
      call('c3', 'list_files', '{}'),
      result('c3'),
      text('It fails because …'),
    ]);
    assert.deepEqual(roles(conversation), [
      'user: Why does it fail?',
      'assistant: Let me look. And  | call c1 | call c2',
      'tool: result c1 | result c2',
      'assistant: call c3',
      'tool: result c3',
      'assistant: It fails because …',
    ]);
  });

  it('leaves out a step with a call that has no result (stopped), text and all, so no protocol sees an unanswered call', () => {
    const conversation = withAnswer(
      [text('Reading. '), call('c1'), result('c1'), text('Now the other one.'), call('c2'), call('c3'), result('c2')],
      'stopped',
    );
    assert.deepEqual(roles(conversation), ['user: Why does it fail?', 'assistant: Reading.  | call c1', 'tool: result c1']);
    const steps = answerSteps((conversation.messages[1] as AssistantMessage).parts);
    assert.deepEqual(
      steps.map((step) => [step.calls.length, step.results.length, step.complete]),
      [
        [1, 1, true],
        [2, 1, false],
      ],
    );
  });

  it('sends a result’s text but not the note meant for the user', () => {
    const answer = withAnswer([
      call('c1'),
      {
        type: 'tool-result',
        callId: 'c1',
        content: '.env matches switchboard.context.exclude …',
        isError: true,
        note: { id: 'tool.path.excluded', params: { path: '.env' } },
      },
      text('I may not read it.'),
    ]).messages[1] as AssistantMessage;
    assert.deepEqual(answerMessages(answer)[1], {
      role: 'tool',
      parts: [{ type: 'tool-result', callId: 'c1', content: '.env matches switchboard.context.exclude …', isError: true }],
    });
  });

  it('a failed answer with tool steps but no words is a failed turn, left out with its question', () => {
    const conversation = withAnswer([call('c1'), result('c1')], 'error');
    assert.deepEqual(roles(conversation), []);
  });

  it('applyChatEvent keeps a complete call as a part after the text, and ignores a call’s start', () => {
    let conversation = appendUserMessage(createConversation({ now: T0 }), userParts('q'), { now: T0 }).conversation;
    const started = startAssistantMessage(conversation, { now: T0, id: 'a' });
    conversation = deepFreeze(started.conversation);
    const afterStart = applyChatEvent(conversation, 'a', { type: 'tool-call-start', id: 'c1', name: 'read_file' }, { now: T0 });
    assert.equal(afterStart, conversation, 'nothing to store yet');
    let next = applyChatEvent(conversation, 'a', { type: 'text-delta', text: 'Looking' }, { now: T0 });
    next = applyChatEvent(
      next,
      'a',
      { type: 'tool-call', call: { id: 'c1', name: 'read_file', arguments: '{"path":"a.ts"}' } },
      { now: T0 },
    );
    next = appendToAnswer(next, 'a', { parts: [result('c1')] }, { now: T0 });
    next = applyChatEvent(next, 'a', { type: 'text-delta', text: 'Found' }, { now: T0 });
    assert.deepEqual((next.messages[1] as AssistantMessage).parts, [text('Looking'), call('c1'), result('c1'), text('Found')]);
  });

  it('appendToAnswer adds a note once, and leaves an answer that is no longer streaming alone', () => {
    let conversation = appendUserMessage(createConversation({ now: T0 }), userParts('q'), { now: T0 }).conversation;
    conversation = startAssistantMessage(conversation, { now: T0, id: 'a' }).conversation;
    const note = { id: 'tool.note.stepLimit', params: { max: 15 } };
    const once = appendToAnswer(conversation, 'a', { note }, { now: T0 });
    const twice = appendToAnswer(once, 'a', { note: { id: 'tool.note.stepLimit', params: { max: 15 } } }, { now: T0 });
    assert.equal(twice, once);
    assert.deepEqual((once.messages[1] as AssistantMessage).notes, [note]);
    const done = applyChatEvent(once, 'a', { type: 'done', finishReason: 'stop' }, { now: T0 });
    assert.equal(appendToAnswer(done, 'a', { parts: [text('late')] }), done);
  });

  it('stores and loads a conversation with tool calls, results, notes on results and under the answer', async () => {
    const conversation = withAnswer([
      text('Reading.'),
      call('c1', 'read_file', '{"path":"src/app.ts","startLine":1}'),
      call('c2', 'read_file', '{"path":".env"}'),
      result('c1', 'src/app.ts (3 lines, 40 bytes):\n```ts\nexport {};\n```'),
      {
        type: 'tool-result',
        callId: 'c2',
        content: '.env matches switchboard.context.exclude, so tools do not read or change it.',
        isError: true,
        note: { id: 'tool.path.excluded', params: { path: '.env' } },
      },
      call('c3', 'search_text', 'not json {'),
    ]);
    const answer = conversation.messages[1] as AssistantMessage;
    const stored: Conversation = {
      ...conversation,
      messages: [
        conversation.messages[0]!,
        {
          ...answer,
          status: 'complete',
          finishReason: 'tool-calls',
          usage: { inputTokens: 1200, outputTokens: 80 },
          notes: [{ id: 'tool.note.stepLimit', params: { max: 2 } }],
        },
      ],
    };
    const dir = new TempDirectory();
    try {
      await new ConversationStore({ directory: dir.path, now: () => T0, saveDelayMs: 10 }).save(stored);
      const loaded = await new ConversationStore({ directory: dir.path, now: () => T0 }).load(uuid(1));
      assert.deepEqual(loaded, { conversation: stored, problems: [] });
    } finally {
      dir.remove();
    }
    // A result without its flag is not a result: the file is refused rather than misread.
    const broken = JSON.parse(JSON.stringify(stored)) as { messages: Array<{ parts: Array<Record<string, unknown>> }> };
    delete broken.messages[1]!.parts[3]!['isError'];
    assert.equal(parseStoredConversation(broken).kind, 'invalid');
  });

  it('counts a tool call and a tool result as the text they are sent as', () => {
    const content = 'export const a = 1;\n'.repeat(200);
    assert.equal(partTokens(result('c1', content)), estimateTokens(content));
    assert.equal(
      partTokens(call('c1', 'read_file', '{"path":"src/a.ts"}')),
      estimateTokens('read_file') + estimateTokens('{"path":"src/a.ts"}'),
    );
  });

  it('fitting a request to the window never separates the steps of the answer being built from its question', () => {
    const request = {
      messages: [
        { role: 'user' as const, parts: [text('old question')] },
        { role: 'assistant' as const, parts: [text('old answer')] },
        { role: 'user' as const, parts: [text('Why does it fail?')] },
        { role: 'assistant' as const, parts: [call('c1')] },
        // A result larger than the whole window: dropping history cannot make it fit, and must not try the question.
        { role: 'tool' as const, parts: [result('c1', 'word '.repeat(8000))] },
      ],
    };
    const fitted = fitRequestToWindow(request, 8000);
    assert.equal(fitted.fits, false);
    assert.equal(fitted.droppedMessages, 2);
    assert.deepEqual(
      fitted.request.messages.map((message) => message.role),
      ['user', 'assistant', 'tool'],
    );
  });
});
