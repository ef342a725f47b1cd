// Tool use through Anthropic's Messages API (anthropicToolFields.ts, anthropicContent.ts, alternateTurns.ts,
// anthropicStreamDecoder.ts), against a local server that streams `tool_use` blocks as the API does and refuses what
// it refuses (fakes/anthropicToolFake): streamed calls, the exact request (tools, tool_choice, history with
// `tool_use` and `tool_result` blocks kept alternating), and structured output through a forced answer tool.
import * as assert from 'node:assert/strict';
import type { ChatEvent, ChatMessage, ChatRequest } from '../../../src/core/chat/chatTypes';
import { createChatProvider } from '../../../src/core/providers/createChatProvider';
import { anthropicStream } from '../fakes/anthropicFake';
import { anthropicToolCheck, anthropicToolStream } from '../fakes/anthropicToolFake';
import { collect, normalize, textOf } from '../fakes/chatTestKit';
import type { ScriptedResponse } from '../fakes/fakeHttpServer';
import { fakeServerPerTest } from '../fakes/fakeServerPerTest';
import { listProblemsTool, readFileTool, toolConversation, tools } from '../fakes/toolMessages';

describe('Anthropic chat: tool use', () => {
  const fake = fakeServerPerTest();
  let answer: ScriptedResponse | undefined;

  beforeEach(() => {
    answer = undefined;
    fake.server.onRequest((request) => anthropicToolCheck(request.body) ?? answer ?? anthropicStream(['ok']));
  });

  function chat(request: Partial<ChatRequest>): Promise<ChatEvent[]> {
    const provider = createChatProvider(
      { id: 'anthropic', baseUrl: fake.server.origin },
      { apiKey: 'sk-ant-api03-FAKE0123456789' },
      { http: fake.client() },
    );
    return collect(
      provider.streamChat({ model: 'claude-fake', messages: [{ role: 'user', parts: [{ type: 'text', text: 'Look' }] }], ...request }),
    );
  }

  const sent = (index = 0): Record<string, unknown> => JSON.parse(fake.server.requests[index]?.body ?? '{}') as Record<string, unknown>;
  const model: ChatEvent = { type: 'model', provider: 'anthropic', model: 'claude-fake' };
  const start = (id: string, name: string): ChatEvent => ({ type: 'tool-call-start', id, name });
  const call = (id: string, name: string, args: string): ChatEvent => ({ type: 'tool-call', call: { id, name, arguments: args } });
  const usage: ChatEvent = { type: 'usage', usage: { inputTokens: 472, outputTokens: 89 } };

  describe('streamed calls', () => {
    it('text, then a call whose input comes in pieces, then another call without input', async () => {
      answer = anthropicToolStream([
        { type: 'text', pieces: ['Let me ', 'look.'] },
        { type: 'tool_use', id: 'toolu_01A', name: 'read_file', pieces: ['{"pa', 'th": "src/', 'app.ts"}'] },
        { type: 'tool_use', id: 'toolu_01B', name: 'get_problems', pieces: [] },
      ]);
      assert.deepEqual(normalize(await chat({ tools })), [
        model,
        { type: 'text-delta', text: 'Let me look.' },
        start('toolu_01A', 'read_file'),
        call('toolu_01A', 'read_file', '{"path": "src/app.ts"}'),
        start('toolu_01B', 'get_problems'),
        call('toolu_01B', 'get_problems', '{}'),
        usage,
        { type: 'done', finishReason: 'tool-calls' },
      ]);
    });

    it('a call, then text', async () => {
      answer = anthropicToolStream(
        [
          { type: 'tool_use', id: 'toolu_01C', name: 'get_problems', pieces: ['{}'] },
          { type: 'text', pieces: ['Checking.'] },
        ],
        { stopReason: 'tool_use' },
      );
      assert.deepEqual(normalize(await chat({ tools })).slice(1), [
        start('toolu_01C', 'get_problems'),
        call('toolu_01C', 'get_problems', '{}'),
        { type: 'text-delta', text: 'Checking.' },
        usage,
        { type: 'done', finishReason: 'tool-calls' },
      ]);
    });
  });

  describe('the request', () => {
    it('sends tools with input_schema, and tool_choice in each form', async () => {
      await chat({ tools });
      assert.deepEqual(sent().tools, [
        { name: 'read_file', description: readFileTool.description, input_schema: readFileTool.parameters },
        { name: 'get_problems', description: listProblemsTool.description, input_schema: listProblemsTool.parameters },
      ]);
      assert.equal('tool_choice' in sent(), false);
      const choices = [
        ['auto', { type: 'auto' }],
        ['none', { type: 'none' }],
        ['required', { type: 'any' }],
        [{ name: 'read_file' }, { type: 'tool', name: 'read_file' }],
      ] as const;
      for (const [i, [choice, expected]] of choices.entries()) {
        await chat({ tools, toolChoice: choice });
        assert.deepEqual(sent(i + 1).tool_choice, expected);
      }
    });

    it('sends the history as tool_use blocks and a user turn of tool_result blocks first, then the next question', async () => {
      const events = await chat({ messages: toolConversation(), tools });
      assert.equal(textOf(events), 'ok');
      assert.deepEqual(sent().messages, [
        { role: 'user', content: 'What is wrong with app.ts?' },
        {
          role: 'assistant',
          content: [
            { type: 'text', text: 'Let me look.' },
            { type: 'tool_use', id: 'call_1', name: 'read_file', input: { path: 'src/app.ts' } },
            { type: 'tool_use', id: 'call_2', name: 'get_problems', input: {} },
          ],
        },
        {
          role: 'user',
          content: [
            { type: 'tool_result', tool_use_id: 'call_1', content: 'export const x = 1' },
            { type: 'tool_result', tool_use_id: 'call_2', content: 'The problems could not be read.', is_error: true },
            { type: 'text', text: 'And?' },
          ],
        },
      ]);
    });

    it('keeps turns alternating: results and the user text around them merge, results first; a call-only turn stays', async () => {
      const messages: ChatMessage[] = [
        { role: 'user', parts: [{ type: 'text', text: 'Go.' }] },
        { role: 'assistant', parts: [{ type: 'tool-call', id: 'toolu_1', name: 'get_problems', arguments: '{}' }] },
        { role: 'tool', parts: [{ type: 'tool-result', callId: 'toolu_1', content: '', isError: false }] },
        { role: 'assistant', parts: [{ type: 'tool-call', id: 'toolu_2', name: 'read_file', arguments: 'not json' }] },
        // The tool loop gave no result for toolu_2 (the answer was stopped); the user wrote on.
        { role: 'user', parts: [{ type: 'text', text: 'Stop that.' }] },
      ];
      const events = await chat({ messages, tools });
      assert.equal(textOf(events), 'ok', JSON.stringify(events.at(-1)));
      assert.deepEqual(sent().messages, [
        { role: 'user', content: 'Go.' },
        { role: 'assistant', content: [{ type: 'tool_use', id: 'toolu_1', name: 'get_problems', input: {} }] },
        { role: 'user', content: [{ type: 'tool_result', tool_use_id: 'toolu_1' }] },
        { role: 'assistant', content: [{ type: 'tool_use', id: 'toolu_2', name: 'read_file', input: {} }] },
        {
          role: 'user',
          content: [
            {
              type: 'tool_result',
              tool_use_id: 'toolu_2',
              content: 'This tool call was not run: the conversation went on before it had a result.',
              is_error: true,
            },
            { type: 'text', text: 'Stop that.' },
          ],
        },
      ]);
    });

    it('the fake refuses what the API refuses (so the tests above could fail)', () => {
      const refusal = (messages: unknown): string => {
        const response = anthropicToolCheck(JSON.stringify({ messages }));
        return response === undefined
          ? 'accepted'
          : String((JSON.parse(String(response.chunks?.[0])) as { error: { message: string } }).error.message);
      };
      const use = { role: 'assistant', content: [{ type: 'tool_use', id: 't1', name: 'f', input: {} }] };
      assert.match(
        refusal([{ role: 'user', content: 'a' }, use, { role: 'user', content: 'b' }]),
        /without `tool_result` blocks immediately after: t1/,
      );
      assert.match(
        refusal([
          { role: 'user', content: 'a' },
          use,
          {
            role: 'user',
            content: [
              { type: 'text', text: 'b' },
              { type: 'tool_result', tool_use_id: 't1' },
            ],
          },
        ]),
        /must come first/,
      );
      assert.match(refusal([{ role: 'user', content: [{ type: 'tool_result', tool_use_id: 'tx' }] }]), /unexpected `tool_use_id`/);
      assert.match(
        refusal([
          { role: 'user', content: 'a' },
          { role: 'user', content: 'b' },
        ]),
        /roles must alternate/,
      );
      assert.equal(
        refusal([{ role: 'user', content: 'a' }, use, { role: 'user', content: [{ type: 'tool_result', tool_use_id: 't1' }] }]),
        'accepted',
      );
    });
  });

  describe('structured output', () => {
    const schema = { type: 'object', properties: { title: { type: 'string' } }, required: ['title'] };

    it('forces an answer tool whose input is the schema, and hands its input on as the answer text', async () => {
      answer = anthropicToolStream([
        { type: 'tool_use', id: 'toolu_01J', name: 'commit_message', pieces: ['{"title": ', '"Fix the', ' parser"}'] },
      ]);
      const events = await chat({ responseFormat: { type: 'json', schema, name: 'commit_message' } });
      assert.deepEqual(sent().tools, [
        {
          name: 'commit_message',
          description: 'Give your whole answer by calling this tool once: its input is the answer, as JSON that matches the input schema.',
          input_schema: schema,
        },
      ]);
      assert.deepEqual(sent().tool_choice, { type: 'tool', name: 'commit_message' });
      assert.equal(textOf(events), '{"title": "Fix the parser"}');
      assert.ok(!events.some((event) => event.type === 'tool-call' || event.type === 'tool-call-start'));
      assert.deepEqual(events.at(-1), { type: 'done', finishReason: 'stop' });
    });

    it('without a schema, any JSON object; an empty input is `{}`', async () => {
      answer = anthropicToolStream([{ type: 'tool_use', id: 'toolu_01K', name: 'answer', pieces: [] }]);
      const events = await chat({ responseFormat: { type: 'json' } });
      assert.deepEqual((sent().tools as Array<{ input_schema: unknown }>)[0]?.input_schema, { type: 'object' });
      assert.equal(textOf(events), '{}');
    });

    it('with tools offered too: the model must call one of them or the answer tool (`any`), and a real call stays a call', async () => {
      answer = anthropicToolStream([{ type: 'tool_use', id: 'toolu_01L', name: 'read_file', pieces: ['{"path":"a"}'] }]);
      const events = await chat({ tools, responseFormat: { type: 'json', schema, name: 'read_file' } });
      const offered = (sent().tools as Array<{ name: string }>).map((tool) => tool.name);
      assert.deepEqual(offered, ['read_file', 'get_problems', 'read_file_answer'], 'the answer tool never takes an offered name');
      assert.deepEqual(sent().tool_choice, { type: 'any' });
      assert.deepEqual(
        events.filter((event) => event.type === 'tool-call'),
        [call('toolu_01L', 'read_file', '{"path":"a"}')],
      );
      assert.deepEqual(events.at(-1), { type: 'done', finishReason: 'tool-calls' });
    });
  });
});
