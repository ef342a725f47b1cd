// The `deepseek-fim` protocol through ProviderEngine.complete: the entry names DeepSeek's own host, which the test
// resolves to a local server answering as DeepSeek's FIM beta does (deepSeekFimFake.ts).
import * as assert from 'node:assert/strict';
import { expectProviderFailure } from '../fakes/expectProviderFailure';
import { fakeLookup } from '../fakes/fakeLookup';
import { fakeServerPerTest } from '../fakes/fakeServerPerTest';
import { bodyOf, completionEngine, completionRequest, requestAt, untilRequests } from './completionTestKit';
import { deepSeekError, deepSeekFimAnswer } from './deepSeekFimFake';

const key = 'sk-deepseek-test-0123456789abcdef';

describe('inline completions over DeepSeek’s /beta/completions', () => {
  const fake = fakeServerPerTest();
  const engine = (baseUrlPath = '', timeoutMs?: number): ReturnType<typeof completionEngine> =>
    completionEngine(
      [{ id: 'deepseek', kind: 'openai', baseUrl: `http://api.deepseek.com:${new URL(fake.server.origin).port}${baseUrlPath}` }],
      {
        keys: { deepseek: key },
        lookup: fakeLookup({ 'api.deepseek.com': '127.0.0.1' }).lookup,
        ...(timeoutMs !== undefined ? { timeoutMs } : {}),
      },
    );

  it('posts model, prompt, suffix and max_tokens (at most 4K) to the beta path under the API root, and reads choices[0].text', async () => {
    fake.server.enqueue(deepSeekFimAnswer('a + b;'), deepSeekFimAnswer('a - b;'));
    const result = await engine().complete('deepseek/deepseek-chat', completionRequest({ maxTokens: 10_000 }));
    assert.deepEqual(result, { text: 'a + b;', provider: 'deepseek', model: 'deepseek-chat', usage: { inputTokens: 25, outputTokens: 8 } });
    const request = requestAt(fake.server, 0);
    assert.equal(request.url, '/beta/completions');
    assert.equal(request.headers['authorization'], `Bearer ${key}`);
    assert.deepEqual(bodyOf(request), {
      model: 'deepseek-chat',
      prompt: 'function add(a: number, b: number) {\n  return ',
      suffix: '\n}\n',
      max_tokens: 4096,
      temperature: 0,
      stop: ['\n'],
      stream: false,
    });
    // DeepSeek documents its base URL with and without /v1: the beta path is under the root either way.
    await engine('/v1').complete('deepseek/deepseek-chat', completionRequest());
    assert.equal(requestAt(fake.server, 1).url, '/beta/completions');
  });

  it('answers a model that does not exist (400 "Model Not Exist") with not-found', async () => {
    fake.server.enqueue(deepSeekError(400, 'Model Not Exist'));
    const error = await expectProviderFailure(engine().complete('deepseek/deepseek-coder-v9', completionRequest()), [key]);
    assert.equal(error.kind, 'not-found');
    assert.equal(error.messageId, 'completion.noFim');
    assert.equal(error.status, 400);
  });

  it('answers a 404 with not-found, and an empty balance (402) as a quota problem', async () => {
    fake.server.enqueue(deepSeekError(404, 'Not Found'), deepSeekError(402, 'Insufficient Balance', 'unknown_error'));
    assert.equal((await expectProviderFailure(engine().complete('deepseek/deepseek-chat', completionRequest()), [key])).kind, 'not-found');
    assert.equal((await expectProviderFailure(engine().complete('deepseek/deepseek-chat', completionRequest()), [key])).kind, 'quota');
  });

  it('ends a stall with a timeout and closes the connection; an abort closes it too', async () => {
    fake.server.enqueue({ silent: true }, { silent: true });
    const stalled = await expectProviderFailure(engine('', 200).complete('deepseek/deepseek-chat', completionRequest()));
    assert.equal(stalled.kind, 'timeout');
    assert.deepEqual(await requestAt(fake.server, 0).closed, { completed: false });

    const typing = new AbortController();
    const pending = engine().complete('deepseek/deepseek-chat', completionRequest({ signal: typing.signal }));
    await untilRequests(fake.server, 2);
    typing.abort();
    assert.equal((await expectProviderFailure(pending)).kind, 'cancelled');
    assert.deepEqual(await requestAt(fake.server, 1).closed, { completed: false });
  });
});
