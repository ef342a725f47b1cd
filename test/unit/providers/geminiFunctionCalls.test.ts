// Function calling through Gemini (geminiToolFields.ts, geminiParts.ts, geminiStreamDecoder.ts,
// thoughtSignatures.ts), against a local server that streams calls as Gemini does and refuses what it refuses
// (fakes/geminiToolFake): calls without ids, the exact request (declarations in Gemini's schema subset, the calling
// mode, a history of functionCall and functionResponse parts named after their calls), thought signatures sent back,
// and structured output.
import * as assert from 'node:assert/strict';
import type { ChatEvent, ChatMessage, ChatRequest } from '../../../src/core/chat/chatTypes';
import { createChatProvider } from '../../../src/core/providers/createChatProvider';
import { ModelQuirks } from '../../../src/core/providers/modelQuirks';
import { collect, normalize, textOf } from '../fakes/chatTestKit';
import type { ScriptedResponse } from '../fakes/fakeHttpServer';
import { fakeServerPerTest } from '../fakes/fakeServerPerTest';
import { geminiStream } from '../fakes/geminiFake';
import { geminiToolCheck, geminiToolStream } from '../fakes/geminiToolFake';
import { toolConversation, tools } from '../fakes/toolMessages';

describe('Gemini chat: function calling', () => {
  const fake = fakeServerPerTest();
  let answers: ScriptedResponse[] = [];

  beforeEach(() => {
    answers = [];
    fake.server.onRequest((request) => geminiToolCheck(request) ?? answers.shift() ?? geminiStream(['ok']));
  });

  function chat(request: Partial<ChatRequest>, quirks?: ModelQuirks): Promise<ChatEvent[]> {
    const provider = createChatProvider(
      { id: 'gemini', baseUrl: fake.server.origin },
      { apiKey: 'AIzaFAKE0123456789' },
      { http: fake.client(), ...(quirks !== undefined ? { quirks } : {}) },
    );
    return collect(
      provider.streamChat({
        model: 'gemini-2.5-flash',
        messages: [{ role: 'user', parts: [{ type: 'text', text: 'Look' }] }],
        tools,
        ...request,
      }),
    );
  }

  const sent = (index = 0): Record<string, unknown> => JSON.parse(fake.server.requests[index]?.body ?? '{}') as Record<string, unknown>;
  const calls = (events: readonly ChatEvent[]): Array<{ id: string; name: string; arguments: string }> =>
    events.flatMap((event) => (event.type === 'tool-call' ? [event.call] : []));

  describe('streamed calls', () => {
    it('makes up ids for calls Gemini gives none, unique within the answer and beyond, each announced then complete', async () => {
      answers.push(
        geminiToolStream([
          [{ text: 'Reading both.' }],
          [
            { functionCall: { name: 'read_file', args: { path: 'a.ts' } } },
            { functionCall: { name: 'read_file', args: { path: 'b.ts' } } },
          ],
        ]),
        geminiToolStream([[{ functionCall: { name: 'get_problems' } }]]),
      );
      const events = await chat({});
      const [first, second] = calls(events);
      assert.ok(first !== undefined && second !== undefined);
      assert.match(first.id, /^gemini-call-[0-9a-f]{24}$/);
      assert.notEqual(first.id, second.id);
      assert.deepEqual(normalize(events), [
        { type: 'model', provider: 'gemini', model: 'gemini-2.5-flash' },
        { type: 'text-delta', text: 'Reading both.' },
        { type: 'tool-call-start', id: first.id, name: 'read_file' },
        { type: 'tool-call', call: { id: first.id, name: 'read_file', arguments: '{"path":"a.ts"}' } },
        { type: 'tool-call-start', id: second.id, name: 'read_file' },
        { type: 'tool-call', call: { id: second.id, name: 'read_file', arguments: '{"path":"b.ts"}' } },
        { type: 'usage', usage: { inputTokens: 120, outputTokens: 11 } },
        { type: 'done', finishReason: 'tool-calls' },
      ]);
      const next = calls(await chat({}));
      assert.deepEqual(
        next.map((c) => [c.name, c.arguments]),
        [['get_problems', '{}']],
        'no args: `{}`',
      );
      assert.ok(![first.id, second.id].includes(next[0]!.id));
    });

    it('keeps an id Gemini gives, and a call followed by text', async () => {
      answers.push(geminiToolStream([[{ functionCall: { name: 'get_problems', args: {}, id: 'fc-7' } }], [{ text: 'Done looking.' }]]));
      const events = await chat({});
      assert.deepEqual(calls(events), [{ id: 'fc-7', name: 'get_problems', arguments: '{}' }]);
      assert.equal(textOf(events), 'Done looking.');
      assert.deepEqual(events.at(-1), { type: 'done', finishReason: 'tool-calls' });
    });
  });

  describe('the request', () => {
    it('declares the tools in Gemini’s schema subset (no $schema, no additionalProperties), a tool without arguments bare', async () => {
      await chat({});
      assert.deepEqual(sent().tools, [
        {
          functionDeclarations: [
            {
              name: 'read_file',
              description: 'Read a file of the workspace.',
              parameters: {
                type: 'object',
                properties: {
                  path: { type: 'string', description: 'Workspace-relative path.' },
                  startLine: { type: 'integer', minimum: 1 },
                },
                required: ['path'],
              },
            },
            { name: 'get_problems', description: 'List the problems of the workspace.' },
          ],
        },
      ]);
      assert.equal('toolConfig' in sent(), false);
    });

    it('sends the calling mode: AUTO, NONE, ANY, and ANY with the one allowed name', async () => {
      const choices = [
        ['auto', { mode: 'AUTO' }],
        ['none', { mode: 'NONE' }],
        ['required', { mode: 'ANY' }],
        [{ name: 'read_file' }, { mode: 'ANY', allowedFunctionNames: ['read_file'] }],
      ] as const;
      for (const [i, [choice, expected]] of choices.entries()) {
        await chat({ toolChoice: choice });
        assert.deepEqual(sent(i).toolConfig, { functionCallingConfig: expected });
      }
    });

    it('sends the history: functionCall parts in the model turn, functionResponse parts named after their calls, then the text', async () => {
      const events = await chat({ messages: toolConversation() });
      assert.equal(textOf(events), 'ok', JSON.stringify(events.at(-1)));
      assert.deepEqual(sent().contents, [
        { role: 'user', parts: [{ text: 'What is wrong with app.ts?' }] },
        {
          role: 'model',
          parts: [
            { text: 'Let me look.' },
            {
              functionCall: { name: 'read_file', args: { path: 'src/app.ts' }, id: 'call_1' },
              thoughtSignature: 'skip_thought_signature_validator',
            },
            { functionCall: { name: 'get_problems', args: {}, id: 'call_2' } },
          ],
        },
        {
          role: 'user',
          parts: [
            { functionResponse: { name: 'read_file', response: { output: 'export const x = 1' }, id: 'call_1' } },
            { functionResponse: { name: 'get_problems', response: { error: 'The problems could not be read.' }, id: 'call_2' } },
            { text: 'And?' },
          ],
        },
      ]);
    });

    it('sends a Gemini 3 call back with the signature it came with, and made-up ids not at all', async () => {
      const quirks = new ModelQuirks();
      answers.push(
        geminiToolStream([[{ functionCall: { name: 'read_file', args: { path: 'a.ts' } }, thoughtSignature: 'CiQBc2lnbmF0dXJl' }]]),
      );
      const first = await chat({ model: 'gemini-3-pro-preview' }, quirks);
      const [made] = calls(first);
      assert.ok(made !== undefined);
      const messages: ChatMessage[] = [
        { role: 'user', parts: [{ type: 'text', text: 'Look' }] },
        { role: 'assistant', parts: [{ type: 'tool-call', ...made }] },
        { role: 'tool', parts: [{ type: 'tool-result', callId: made.id, content: 'text of a.ts', isError: false }] },
      ];
      const second = await chat({ model: 'gemini-3-pro-preview', messages }, quirks);
      assert.equal(textOf(second), 'ok', JSON.stringify(second.at(-1)));
      assert.deepEqual((sent(1).contents as unknown[]).slice(1), [
        { role: 'model', parts: [{ functionCall: { name: 'read_file', args: { path: 'a.ts' } }, thoughtSignature: 'CiQBc2lnbmF0dXJl' }] },
        { role: 'user', parts: [{ functionResponse: { name: 'read_file', response: { output: 'text of a.ts' } } }] },
      ]);
      // A session that does not know the signature (the extension restarted) sends the placeholder instead.
      await chat({ model: 'gemini-3-pro-preview', messages }, new ModelQuirks());
      const model = (sent(2).contents as Array<{ parts: Array<{ thoughtSignature?: string }> }>)[1];
      assert.equal(model?.parts[0]?.thoughtSignature, 'skip_thought_signature_validator');
    });

    it('the fake refuses what Gemini refuses (so the tests above could fail)', () => {
      const refusal = (body: unknown, model = 'gemini-2.5-flash'): string => {
        const response = geminiToolCheck({ body: JSON.stringify(body), url: `/models/${model}:streamGenerateContent?alt=sse` });
        return response === undefined
          ? 'accepted'
          : String((JSON.parse(String(response.chunks?.[0])) as { error: { message: string } }).error.message);
      };
      const declare = (parameters: unknown): unknown => ({
        tools: [{ functionDeclarations: [{ name: 'f', description: 'd', parameters }] }],
      });
      assert.match(
        refusal(declare({ type: 'object', properties: { a: { type: 'string' } }, additionalProperties: false })),
        /Unknown name "additionalProperties"/,
      );
      assert.match(refusal(declare({ type: 'object', properties: {} })), /should be non-empty for OBJECT type/);
      assert.match(
        refusal(declare({ type: 'object', properties: { u: { type: 'string', format: 'uri' } } })),
        /only 'enum' and 'date-time'/,
      );
      const history = {
        contents: [
          { role: 'user', parts: [{ text: 'a' }] },
          { role: 'model', parts: [{ functionCall: { name: 'f', args: {} } }] },
          { role: 'user', parts: [{ text: 'b' }] },
        ],
      };
      assert.match(refusal(history), /number of function response parts/);
      assert.match(refusal(history, 'gemini-3-pro-preview'), /missing a thought_signature/);
      assert.equal(refusal(declare({ type: 'object', properties: { a: { type: 'string' } } })), 'accepted');
    });
  });

  describe('structured output', () => {
    it('asks for JSON with the schema in Gemini’s subset, or for any JSON without one', async () => {
      const schema = {
        type: 'object',
        properties: { title: { type: 'string' }, tags: { type: ['array', 'null'], items: { type: 'string', const: 'x' } } },
        required: ['title', 'nope'],
        additionalProperties: false,
      };
      await chat({ tools: [], responseFormat: { type: 'json', schema } });
      assert.deepEqual(sent().generationConfig, {
        responseMimeType: 'application/json',
        responseSchema: {
          type: 'object',
          properties: { title: { type: 'string' }, tags: { type: 'array', nullable: true, items: { type: 'string', enum: ['x'] } } },
          required: ['title'],
        },
      });
      assert.equal('tools' in sent(), false);
      await chat({ tools: [], responseFormat: { type: 'json' }, temperature: 0.2 });
      assert.deepEqual(sent(1).generationConfig, { temperature: 0.2, responseMimeType: 'application/json' });
    });
  });
});
