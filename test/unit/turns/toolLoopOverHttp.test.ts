// The tool loop end to end on plain Node: the real ProviderEngine against a local server shaped like OpenAI's Chat
// Completions with tools (fakes/openAiToolFake: streamed `tool_calls`, and the API's own refusals of a tool history it
// would not accept), and the real read_file on a real folder. The model asks to read a file; the file's text reaches
// the server in the next request as the call's `tool` message; `.env` is refused and the model is told why.
import * as assert from 'node:assert/strict';
import { createContextExclusion, defaultContextExclude } from '../../../src/core/context/contextExclusion';
import { appendUserMessage, createConversation, userParts } from '../../../src/core/conversations/conversationOps';
import { textOf } from '../../../src/core/conversations/messagePart';
import { ProviderEngine } from '../../../src/core/providerEngine';
import { readFileTool, type ReadFileInput } from '../../../src/core/tools/readFileTool';
import { runReadFile } from '../../../src/core/tools/runReadFile';
import type { ToolWorkspace } from '../../../src/core/tools/toolWorkspace';
import { runTurn, type TurnTools } from '../../../src/core/turns/turnRunner';
import { TempWorkspace } from '../context/tempWorkspace';
import { FakeHttpServer } from '../fakes/fakeHttpServer';
import { openAiStream } from '../fakes/openAiFake';
import { openAiToolCheck, openAiToolStream } from '../fakes/openAiToolFake';

interface SentMessage {
  role: string;
  content?: string | null;
  tool_calls?: Array<{ id: string; function: { name: string; arguments: string } }>;
  tool_call_id?: string;
}

describe('the tool loop over HTTP', () => {
  let server: FakeHttpServer;
  let root: TempWorkspace;

  beforeEach(async () => {
    server = await FakeHttpServer.start();
    root = new TempWorkspace();
  });
  afterEach(async () => {
    await server.close();
    root.remove();
  });

  it('reads the file the model asks for, sends its text back as the call’s result, and shows the final answer', async () => {
    root.write('src/app.ts', 'export const answer = 42;\n');
    root.write('.env', 'API_KEY=sk-live-secret\n');
    const workspace: ToolWorkspace = {
      folders: [{ name: 'w', path: root.root }],
      exclusion: createContextExclusion(defaultContextExclude),
    };
    const responses = [
      openAiToolStream(
        [
          { text: 'Reading both.' },
          { call: { index: 0, id: 'call_1', name: 'read_file', arguments: '{"pa' } },
          { call: { index: 0, arguments: 'th":"src/app.ts"}' } },
          { call: { index: 1, id: 'call_2', name: 'read_file', arguments: '{"path":".env"}' } },
        ],
        { usage: { prompt_tokens: 50, completion_tokens: 12 } },
      ),
      openAiStream(['The answer is ', '42.']),
    ];
    // Each request is checked as the API checks a tool history before it is answered.
    server.onRequest((request) => openAiToolCheck(request.body) ?? responses.shift());

    const engine = new ProviderEngine({ credentials: () => Promise.resolve({ apiKey: 'sk-test-fake' }) });
    engine.configure({ providers: [{ id: 'openai', baseUrl: `${server.origin}/v1` }], responseCache: false, http: { maxRetries: 0 } });
    const tools: TurnTools = {
      tools: [readFileTool],
      maxSteps: 5,
      run: (call) => runReadFile(call.input as ReadFileInput, workspace),
    };
    const question = appendUserMessage(createConversation(), userParts('What is the answer?'), { recipe: { models: ['openai/gpt-fake'] } });
    const result = await runTurn(question.conversation, { chat: (models, request) => engine.chat(models, request), tools });

    const answer = result.messages.at(-1);
    assert.ok(answer?.role === 'assistant');
    assert.equal(answer.status, 'complete', JSON.stringify(answer.error));
    assert.equal(textOf(answer.parts), 'Reading both.The answer is 42.');
    assert.equal(server.requests.length, 2);
    const second = JSON.parse(server.requests[1]?.body ?? '{}') as { messages: SentMessage[]; tools: unknown[] };
    assert.equal(second.tools.length, 1);
    const [user, assistant, firstResult, secondResult] = second.messages;
    assert.equal(user?.role, 'user');
    assert.equal(assistant?.content, 'Reading both.');
    assert.deepEqual(
      assistant?.tool_calls?.map((call) => [call.id, call.function.name, JSON.parse(call.function.arguments) as unknown]),
      [
        ['call_1', 'read_file', { path: 'src/app.ts' }],
        ['call_2', 'read_file', { path: '.env' }],
      ],
    );
    assert.equal(firstResult?.role, 'tool');
    assert.equal(firstResult?.tool_call_id, 'call_1');
    assert.match(firstResult?.content ?? '', /^src\/app\.ts \(1 line, 26 bytes\):\n```typescript\nexport const answer = 42;\n```$/);
    assert.equal(secondResult?.tool_call_id, 'call_2');
    assert.equal(secondResult?.content, '.env matches switchboard.context.exclude, so tools do not read or change it.');
    assert.doesNotMatch(server.requests.map((request) => request.body).join('\n'), /sk-live-secret/);
  });
});
