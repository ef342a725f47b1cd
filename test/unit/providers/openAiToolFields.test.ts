// What an OpenAI-compatible request with tools looks like (openAiToolFields.ts, openAiMessages.ts), against local
// servers that refuse what OpenAI and Ollama refuse (fakes/openAiToolFake openAiToolCheck, fakes/ollamaToolFake):
// the exact `tools`, `tool_choice` and `response_format`, a history with calls and results, and histories that would
// be refused as they are (an unanswered call, a result without its call, arguments that are not JSON).
import * as assert from 'node:assert/strict';
import type { ChatEvent, ChatMessage, ChatRequest } from '../../../src/core/chat/chatTypes';
import { createChatProvider } from '../../../src/core/providers/createChatProvider';
import { notRunResult, orphanResultText } from '../../../src/core/providers/pairToolResults';
import type { ProviderEntry } from '../../../src/core/providers/providerEntry';
import { collect, lastEvent } from '../fakes/chatTestKit';
import { fakeServerPerTest } from '../fakes/fakeServerPerTest';
import { openAiStream } from '../fakes/openAiFake';
import { ollamaToolCheck } from '../fakes/ollamaToolFake';
import { openAiToolCheck } from '../fakes/openAiToolFake';
import { listProblemsTool, readFileTool, toolConversation, tools } from '../fakes/toolMessages';

describe('OpenAI-compatible chat: tools in the request', () => {
  const fake = fakeServerPerTest();

  beforeEach(() => {
    fake.server.onRequest((request) => openAiToolCheck(request.body) ?? ollamaToolCheck(request.body) ?? openAiStream(['ok']));
  });

  async function send(request: Omit<ChatRequest, 'model'>, entry: Partial<ProviderEntry> = {}): Promise<Record<string, unknown>> {
    const provider = createChatProvider(
      { id: 'openai', baseUrl: `${fake.server.origin}/v1`, ...entry },
      { apiKey: 'sk-test-FAKE-0123456789' },
      { http: fake.client() },
    );
    const before = fake.server.requests.length;
    const events: ChatEvent[] = await collect(provider.streamChat({ model: 'gpt-fake', ...request }));
    assert.deepEqual(lastEvent(events), { type: 'done', finishReason: 'stop' }, JSON.stringify(events.at(-1)));
    return JSON.parse(fake.server.requests[before]?.body ?? '{}') as Record<string, unknown>;
  }

  const ask: ChatMessage[] = [{ role: 'user', parts: [{ type: 'text', text: 'Look' }] }];

  it('sends the tools as functions, with tool_choice in each form', async () => {
    const body = await send({ messages: ask, tools });
    assert.deepEqual(body.tools, [
      { type: 'function', function: { name: 'read_file', description: readFileTool.description, parameters: readFileTool.parameters } },
      {
        type: 'function',
        function: { name: 'get_problems', description: listProblemsTool.description, parameters: listProblemsTool.parameters },
      },
    ]);
    assert.equal('tool_choice' in body, false, 'no choice given: the server default (auto)');
    assert.equal((await send({ messages: ask, tools, toolChoice: 'auto' })).tool_choice, 'auto');
    assert.equal((await send({ messages: ask, tools, toolChoice: 'none' })).tool_choice, 'none');
    assert.equal((await send({ messages: ask, tools, toolChoice: 'required' })).tool_choice, 'required');
    assert.deepEqual((await send({ messages: ask, tools, toolChoice: { name: 'read_file' } })).tool_choice, {
      type: 'function',
      function: { name: 'read_file' },
    });
  });

  it('sends neither tools nor tool_choice without tools (OpenAI refuses an empty list and a choice alone)', async () => {
    const body = await send({ messages: ask, tools: [], toolChoice: 'required' });
    assert.equal('tools' in body, false);
    assert.equal('tool_choice' in body, false);
  });

  it('sends a history with calls and results: assistant tool_calls, then one tool message per result', async () => {
    const body = await send({ messages: toolConversation(), tools });
    assert.deepEqual(body.messages, [
      { role: 'user', content: 'What is wrong with app.ts?' },
      {
        role: 'assistant',
        content: 'Let me look.',
        tool_calls: [
          { id: 'call_1', type: 'function', function: { name: 'read_file', arguments: '{"path":"src/app.ts"}' } },
          { id: 'call_2', type: 'function', function: { name: 'get_problems', arguments: '{}' } },
        ],
      },
      { role: 'tool', tool_call_id: 'call_1', content: 'export const x = 1' },
      { role: 'tool', tool_call_id: 'call_2', content: 'The problems could not be read.' },
      { role: 'user', content: 'And?' },
    ]);
  });

  it('sends content null for an assistant message that only calls', async () => {
    const messages: ChatMessage[] = [
      ...ask,
      { role: 'assistant', parts: [{ type: 'tool-call', id: 'call_9', name: 'get_problems', arguments: '{}' }] },
      { role: 'tool', parts: [{ type: 'tool-result', callId: 'call_9', content: '', isError: false }] },
    ];
    const body = await send({ messages, tools });
    assert.deepEqual((body.messages as unknown[]).slice(1), [
      {
        role: 'assistant',
        content: null,
        tool_calls: [{ id: 'call_9', type: 'function', function: { name: 'get_problems', arguments: '{}' } }],
      },
      { role: 'tool', tool_call_id: 'call_9', content: '' },
    ]);
  });

  it('mends a history the server would refuse: an unanswered call gets a "not run" result, a lone result becomes text', async () => {
    const messages: ChatMessage[] = [
      ...ask,
      { role: 'assistant', parts: [{ type: 'tool-call', id: 'call_x', name: 'read_file', arguments: '{"path":"a"}' }] },
      { role: 'user', parts: [{ type: 'text', text: 'Never mind.' }] },
      { role: 'tool', parts: [{ type: 'tool-result', callId: 'call_gone', content: 'old output', isError: false }] },
    ];
    const body = await send({ messages, tools });
    assert.deepEqual((body.messages as unknown[]).slice(2), [
      { role: 'tool', tool_call_id: 'call_x', content: notRunResult },
      { role: 'user', content: 'Never mind.' },
      { role: 'user', content: orphanResultText('call_gone', 'old output') },
    ]);
  });

  it('sends arguments that are not a JSON object as `{}` (Ollama refuses them otherwise)', async () => {
    const messages: ChatMessage[] = [
      ...ask,
      { role: 'assistant', parts: [{ type: 'tool-call', id: 'call_bad', name: 'read_file', arguments: '{"path": "a' }] },
      { role: 'tool', parts: [{ type: 'tool-result', callId: 'call_bad', content: 'The arguments are not JSON.', isError: true }] },
    ];
    const body = await send({ messages, tools }, { id: 'ollama' });
    const assistant = (body.messages as Array<{ tool_calls?: Array<{ function: { arguments: string } }> }>)[1];
    assert.equal(assistant?.tool_calls?.[0]?.function.arguments, '{}');
  });

  it('asks for JSON: json_object without a schema, json_schema with one (strict only when the schema allows it)', async () => {
    assert.deepEqual((await send({ messages: ask, responseFormat: { type: 'json' } })).response_format, { type: 'json_object' });
    const strictSchema = {
      type: 'object',
      properties: { title: { type: 'string' }, tags: { type: 'array', items: { type: 'string' } } },
      required: ['title', 'tags'],
      additionalProperties: false,
    };
    assert.deepEqual(
      (await send({ messages: ask, responseFormat: { type: 'json', schema: strictSchema, name: 'commit message' } })).response_format,
      {
        type: 'json_schema',
        json_schema: { name: 'commit_message', schema: strictSchema, strict: true },
      },
    );
    // An open schema: strict mode would be refused (the fake refuses it as OpenAI does), so it goes without.
    const openSchema = { type: 'object', properties: { title: { type: 'string' }, body: { type: 'string' } }, required: ['title'] };
    assert.deepEqual((await send({ messages: ask, responseFormat: { type: 'json', schema: openSchema } })).response_format, {
      type: 'json_schema',
      json_schema: { name: 'answer', schema: openSchema },
    });
  });

  it('the fake refuses what OpenAI refuses (so the tests above could fail)', () => {
    const refusal = (body: unknown): string => {
      const response = openAiToolCheck(JSON.stringify(body));
      return response === undefined
        ? 'accepted'
        : String((JSON.parse(String(response.chunks?.[0])) as { error: { message: string } }).error.message);
    };
    assert.match(refusal({ messages: [], tools: [] }), /empty array/);
    assert.match(refusal({ messages: [], tool_choice: 'auto' }), /only allowed when 'tools' are specified/);
    assert.match(
      refusal({
        messages: [
          { role: 'assistant', content: null, tool_calls: [{ id: 'c', type: 'function', function: { name: 'f', arguments: '{}' } }] },
        ],
      }),
      /did not have response messages: c/,
    );
    assert.match(refusal({ messages: [{ role: 'tool', tool_call_id: 'c', content: 'x' }] }), /must be a response to a preceeding message/);
    assert.match(
      refusal({
        messages: [],
        response_format: { type: 'json_schema', json_schema: { name: 'a', strict: true, schema: { type: 'object', properties: {} } } },
      }),
      /'additionalProperties' is required/,
    );
    assert.equal(refusal({ messages: [] }), 'accepted');
  });
});
