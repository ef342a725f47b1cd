// The `chat` completion protocol: chat-only models asked for the middle through their ordinary streamed chat, against
// the same local fakes of OpenAI, Anthropic and Gemini the chat tests use (test/unit/fakes/*Fake.ts).
import * as assert from 'node:assert/strict';
import type { ProviderSetting } from '../../../src/core/config/switchboardSettings';
import { anthropicModelNotFound, anthropicStream } from '../fakes/anthropicFake';
import { expectProviderFailure } from '../fakes/expectProviderFailure';
import { fakeServerPerTest } from '../fakes/fakeServerPerTest';
import { geminiStream } from '../fakes/geminiFake';
import { openAiFrame, openAiSseHeaders, openAiStream } from '../fakes/openAiFake';
import { bodyOf, completionEngine, completionRequest, requestAt, untilRequests } from './completionTestKit';

interface ChatFixture {
  name: string;
  entry(origin: string): ProviderSetting;
  model: string;
  path: string;
  answer(pieces: readonly string[]): ReturnType<typeof openAiStream>;
  /** The system prompt and the user's text as the request carries them, and its token limit. */
  read(body: Record<string, unknown>): { system: string; user: string; maxTokens: unknown };
}

const fixtures: ChatFixture[] = [
  {
    name: 'OpenAI',
    entry: (origin) => ({ id: 'openai', baseUrl: `${origin}/v1` }),
    model: 'gpt-4.1-mini',
    path: '/v1/chat/completions',
    answer: (pieces) => openAiStream(pieces, { usage: { prompt_tokens: 120, completion_tokens: 5 } }),
    read: (body) => {
      const messages = body['messages'] as { role: string; content: string }[];
      return { system: messages[0]?.content ?? '', user: messages[1]?.content ?? '', maxTokens: body['max_completion_tokens'] };
    },
  },
  {
    name: 'Anthropic',
    entry: (origin) => ({ id: 'anthropic', baseUrl: origin }),
    model: 'claude-haiku-4-5',
    path: '/v1/messages',
    answer: (pieces) => anthropicStream(pieces),
    read: (body) => {
      const messages = body['messages'] as { content: string | { text: string }[] }[];
      const content = messages[0]?.content;
      const user = typeof content === 'string' ? content : (content ?? []).map((block) => block.text).join('');
      const system = body['system'];
      const systemText = typeof system === 'string' ? system : (system as { text: string }[]).map((block) => block.text).join('');
      return { system: systemText, user, maxTokens: body['max_tokens'] };
    },
  },
  {
    name: 'Gemini',
    entry: (origin) => ({ id: 'gemini', baseUrl: `${origin}/v1beta` }),
    model: 'gemini-2.5-flash-lite',
    path: '/v1beta/models/gemini-2.5-flash-lite:streamGenerateContent?alt=sse',
    answer: (pieces) => geminiStream(pieces),
    read: (body) => {
      const text = (parts: { text?: string }[] | undefined): string => (parts ?? []).map((part) => part.text ?? '').join('');
      const contents = body['contents'] as { parts: { text?: string }[] }[];
      const instruction = body['systemInstruction'] as { parts: { text?: string }[] } | undefined;
      const config = body['generationConfig'] as { maxOutputTokens?: number } | undefined;
      return { system: text(instruction?.parts), user: text(contents[0]?.parts), maxTokens: config?.maxOutputTokens };
    },
  },
];

describe('inline completions through a chat model', () => {
  const fake = fakeServerPerTest();

  for (const fixture of fixtures) {
    describe(fixture.name, () => {
      it('asks for only the text at the marked cursor, with the snippets and the token limit, and collects the streamed answer', async () => {
        fake.server.enqueue(fixture.answer(['a ', '+ b;']));
        const engine = completionEngine([fixture.entry(fake.server.origin)], {
          keys: { [fixture.entry('').id]: 'sk-chat-key-0123456789' },
        });
        assert.equal(engine.completionProtocol(`${fixture.entry('').id}/${fixture.model}`), 'chat');
        const result = await engine.complete(
          `${fixture.entry('').id}/${fixture.model}`,
          completionRequest({ snippets: [{ path: 'src/ops.ts', text: 'export const sub = (a: number, b: number) => a - b;' }] }),
        );
        assert.equal(result.text, 'a + b;');
        assert.equal(result.provider, fixture.entry('').id);
        const request = requestAt(fake.server, 0);
        assert.equal(request.url, fixture.path);
        const { system, user, maxTokens } = fixture.read(bodyOf(request));
        assert.match(system, /Reply with ONLY the text to insert at <CURSOR>: no explanation, no Markdown code fences/);
        assert.match(system, /Complete only the rest of the line/);
        assert.ok(user.includes('function add(a: number, b: number) {\n  return <CURSOR>\n}\n'), user);
        assert.ok(user.includes('<file path="src/ops.ts">\nexport const sub'), user);
        assert.ok(user.includes('<file path="src/math.ts">'), user);
        assert.equal(maxTokens, 64);
      });

      it('ends a stall with a timeout and closes the connection', async () => {
        fake.server.enqueue({ silent: true });
        const engine = completionEngine([fixture.entry(fake.server.origin)], {
          keys: { [fixture.entry('').id]: 'sk-chat-key-0123456789' },
          timeoutMs: 200,
        });
        const error = await expectProviderFailure(engine.complete(`${fixture.entry('').id}/${fixture.model}`, completionRequest()));
        assert.equal(error.kind, 'timeout');
        assert.equal(error.messageId, 'completion.timeout');
        assert.deepEqual(await requestAt(fake.server, 0).closed, { completed: false });
      });
    });
  }

  it('reports the usage of the answer', async () => {
    fake.server.enqueue(openAiStream(['x'], { usage: { prompt_tokens: 120, completion_tokens: 5 } }));
    const engine = completionEngine([{ id: 'openai', baseUrl: `${fake.server.origin}/v1` }], { keys: { openai: 'sk-chat-key' } });
    const result = await engine.complete('openai/gpt-4.1-mini', completionRequest());
    assert.deepEqual(result.usage, { inputTokens: 120, outputTokens: 5 });
  });

  it('closes a streaming answer when the caller aborts in the middle of it', async () => {
    fake.server.enqueue({
      status: 200,
      headers: openAiSseHeaders,
      chunks: [openAiFrame({ choices: [{ index: 0, delta: { role: 'assistant', content: 'a +' }, finish_reason: null }] })],
      after: 'hang',
    });
    const engine = completionEngine([{ id: 'openai', baseUrl: `${fake.server.origin}/v1` }], { keys: { openai: 'sk-chat-key' } });
    const typing = new AbortController();
    const pending = engine.complete('openai/gpt-4.1-mini', completionRequest({ signal: typing.signal }));
    await untilRequests(fake.server, 1);
    typing.abort();
    assert.equal((await expectProviderFailure(pending)).kind, 'cancelled');
    assert.deepEqual(await requestAt(fake.server, 0).closed, { completed: false });
  });

  it('passes the chat’s own errors on (an unknown Anthropic model is not-found)', async () => {
    fake.server.enqueue(anthropicModelNotFound('claude-nope'));
    const engine = completionEngine([{ id: 'anthropic', baseUrl: fake.server.origin }], { keys: { anthropic: 'sk-ant-test' } });
    const error = await expectProviderFailure(engine.complete('anthropic/claude-nope', completionRequest()));
    assert.equal(error.kind, 'not-found');
    assert.equal(fake.server.requests.length, 1, 'never retried');
  });
});
