// A local model that cannot use tools (issue 17): Ollama answers its OpenAI-compatible endpoint with 400 "<model> does
// not support tools" (ollama/ollama, openai/openai.go passes the error of api/chat on, `api_error`), vLLM without a
// tool parser with 400 '"auto" tool choice requires --enable-auto-tool-choice and --tool-call-parser to be set'
// (vllm/entrypoints/openai/serving_chat.py). Such a request did no work: it is sent once more without the tools, with
// a notice, and the model goes without tools for the rest of the session.
import * as assert from 'node:assert/strict';
import type { ChatProvider, ChatRequest } from '../../../src/core/chat/chatTypes';
import { createChatProvider } from '../../../src/core/providers/createChatProvider';
import { ModelQuirks } from '../../../src/core/providers/modelQuirks';
import { collect, lastEvent, textOf } from '../fakes/chatTestKit';
import { fakeServerPerTest } from '../fakes/fakeServerPerTest';
import { openAiError, openAiStream, vllmError } from '../fakes/openAiFake';

const readFile = {
  name: 'read_file',
  description: 'Read a file.',
  parameters: { type: 'object', properties: { path: { type: 'string' } }, required: ['path'] },
};

function request(extra: Partial<ChatRequest> = {}): ChatRequest {
  return {
    model: 'gemma3:1b',
    messages: [{ role: 'user', parts: [{ type: 'text', text: 'What is in README.md?' }] }],
    tools: [readFile],
    ...extra,
  };
}

describe('a model that refuses tools', () => {
  const fake = fakeServerPerTest();

  function provider(quirks: ModelQuirks): ChatProvider {
    return createChatProvider({ id: 'ollama', baseUrl: `${fake.server.origin}/v1` }, {}, { http: fake.client(), quirks });
  }

  it('Ollama: sent again without tools, answered, with a notice; the next request goes without tools at once', async () => {
    const quirks = new ModelQuirks();
    fake.server.enqueue(openAiError(400, { message: 'registry.ollama.ai/library/gemma3:1b does not support tools', type: 'api_error' }));
    fake.server.enqueue(openAiStream(['I cannot read files, but README files usually describe a project.']));
    const events = await collect(provider(quirks).streamChat(request()));
    assert.deepEqual(lastEvent(events), { type: 'done', finishReason: 'stop' });
    assert.match(textOf(events), /README files/);
    assert.deepEqual(
      events.filter((event) => event.type === 'notice'),
      [{ type: 'notice', notice: 'tools-dropped', provider: 'ollama', model: 'gemma3:1b' }],
    );
    const [first, second] = fake.server.requests;
    assert.match(first?.body ?? '', /"tools"/);
    assert.doesNotMatch(second?.body ?? '', /"tools"|"tool_choice"/);

    fake.server.enqueue(openAiStream(['Again without tools.']));
    const later = await collect(provider(quirks).streamChat(request()));
    assert.equal(fake.server.requests.length, 3);
    assert.doesNotMatch(fake.server.requests[2]?.body ?? '', /"tools"/);
    assert.equal(later.filter((event) => event.type === 'notice').length, 0);
  });

  it('vLLM without a tool parser: the same', async () => {
    const quirks = new ModelQuirks();
    fake.server.enqueue(vllmError(400, '"auto" tool choice requires --enable-auto-tool-choice and --tool-call-parser to be set'));
    fake.server.enqueue(openAiStream(['Plain answer.']));
    const events = await collect(provider(quirks).streamChat(request({ model: 'Qwen/Qwen2.5-7B-Instruct' })));
    assert.equal(textOf(events), 'Plain answer.');
    assert.equal(fake.server.requests.length, 2);
    assert.equal(quirks.refusesTools('ollama', 'Qwen/Qwen2.5-7B-Instruct'), true);
  });

  it('another 400 is the error it is: sent once, nothing remembered', async () => {
    const quirks = new ModelQuirks();
    fake.server.enqueue(
      openAiError(400, { message: "Invalid schema for function 'read_file': 'path' is not valid", type: 'invalid_request_error' }),
    );
    const events = await collect(provider(quirks).streamChat(request()));
    assert.equal(lastEvent(events)?.type, 'error');
    assert.equal(fake.server.requests.length, 1);
    assert.equal(quirks.refusesTools('ollama', 'gemma3:1b'), false);
  });

  it('a history that already holds tool results keeps its tools: the refusal is reported, not hidden', async () => {
    const quirks = new ModelQuirks();
    fake.server.enqueue(openAiError(400, { message: 'registry.ollama.ai/library/gemma3:1b does not support tools', type: 'api_error' }));
    const events = await collect(
      provider(quirks).streamChat(
        request({
          messages: [
            { role: 'user', parts: [{ type: 'text', text: 'Read it.' }] },
            { role: 'assistant', parts: [{ type: 'tool-call', id: 'call_1', name: 'read_file', arguments: '{"path":"README.md"}' }] },
            { role: 'tool', parts: [{ type: 'tool-result', callId: 'call_1', content: '# Demo', isError: false }] },
          ],
        }),
      ),
    );
    assert.equal(lastEvent(events)?.type, 'error');
    assert.equal(fake.server.requests.length, 1);
  });
});
