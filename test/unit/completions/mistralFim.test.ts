// The `mistral-fim` protocol (Codestral) through ProviderEngine.complete: the entry names Mistral's own host, which
// the test resolves to a local server answering as Mistral's FIM endpoint does (mistralFimFake.ts).
import * as assert from 'node:assert/strict';
import { expectProviderFailure } from '../fakes/expectProviderFailure';
import { fakeLookup } from '../fakes/fakeLookup';
import { fakeServerPerTest } from '../fakes/fakeServerPerTest';
import { bodyOf, completionEngine, completionRequest, requestAt, untilRequests } from './completionTestKit';
import { mistralError, mistralFimAnswer, mistralUnauthorized } from './mistralFimFake';

const key = 'mistral-test-key-0123456789';

describe('inline completions over Mistral’s /v1/fim/completions', () => {
  const fake = fakeServerPerTest();
  const engine = (timeoutMs?: number): ReturnType<typeof completionEngine> =>
    completionEngine([{ id: 'codestral', kind: 'openai', baseUrl: `http://codestral.mistral.ai:${new URL(fake.server.origin).port}/v1` }], {
      keys: { codestral: key },
      lookup: fakeLookup({ 'codestral.mistral.ai': '127.0.0.1' }).lookup,
      ...(timeoutMs !== undefined ? { timeoutMs } : {}),
    });

  it('posts model, prompt, suffix, max_tokens, stop and temperature with the key, and reads choices[0].message.content', async () => {
    fake.server.enqueue(mistralFimAnswer('a + b;'));
    const result = await engine().complete('codestral/codestral-latest', completionRequest());
    assert.deepEqual(result, {
      text: 'a + b;',
      provider: 'codestral',
      model: 'codestral-latest',
      usage: { inputTokens: 30, outputTokens: 6 },
    });
    const request = requestAt(fake.server, 0);
    assert.equal(request.url, '/v1/fim/completions');
    assert.equal(request.headers['authorization'], `Bearer ${key}`);
    assert.deepEqual(bodyOf(request), {
      model: 'codestral-latest',
      prompt: 'function add(a: number, b: number) {\n  return ',
      suffix: '\n}\n',
      max_tokens: 64,
      temperature: 0,
      stop: ['\n'],
      stream: false,
    });
  });

  it('reads content given as a list of chunks', async () => {
    fake.server.enqueue({
      status: 200,
      headers: { 'content-type': 'application/json' },
      chunks: [
        JSON.stringify({
          choices: [
            {
              index: 0,
              message: {
                role: 'assistant',
                content: [
                  { type: 'text', text: 'a ' },
                  { type: 'text', text: '+ b;' },
                ],
              },
            },
          ],
        }),
      ],
    });
    assert.equal((await engine().complete('codestral/codestral-latest', completionRequest())).text, 'a + b;');
  });

  it('answers a model without FIM (a 404, or a 400 naming the model invalid) with not-found', async () => {
    fake.server.enqueue(mistralError(404, 'Model not found'), mistralError(400, 'Invalid model: open-codestral-mamba', 'invalid_model'));
    const missing = await expectProviderFailure(engine().complete('codestral/codestral-2099', completionRequest()), [key]);
    assert.equal(missing.kind, 'not-found');
    assert.equal(missing.messageId, 'completion.noFim');
    const invalid = await expectProviderFailure(engine().complete('codestral/open-codestral-mamba', completionRequest()), [key]);
    assert.equal(invalid.kind, 'not-found');
    assert.match(invalid.message, /^codestral cannot fill in the middle with “open-codestral-mamba” \(400\): “Invalid model/);
  });

  it('says a rejected key is an auth error, quoting nothing of it', async () => {
    fake.server.enqueue(mistralUnauthorized());
    const error = await expectProviderFailure(engine().complete('codestral/codestral-latest', completionRequest()), [key]);
    assert.equal(error.kind, 'auth');
  });

  it('ends a stall with a timeout and closes the connection; an abort closes it too', async () => {
    fake.server.enqueue({ silent: true }, { silent: true });
    const stalled = await expectProviderFailure(engine(200).complete('codestral/codestral-latest', completionRequest()));
    assert.equal(stalled.kind, 'timeout');
    assert.deepEqual(await requestAt(fake.server, 0).closed, { completed: false });

    const typing = new AbortController();
    const pending = engine().complete('codestral/codestral-latest', completionRequest({ signal: typing.signal }));
    await untilRequests(fake.server, 2);
    typing.abort();
    assert.equal((await expectProviderFailure(pending)).kind, 'cancelled');
    assert.deepEqual(await requestAt(fake.server, 1).closed, { completed: false });
  });
});
