// The `ollama-generate` protocol through ProviderEngine.complete, against a local server answering as Ollama's
// native API does (ollamaGenerateFake.ts).
import * as assert from 'node:assert/strict';
import { expectProviderFailure } from '../fakes/expectProviderFailure';
import { fakeServerPerTest } from '../fakes/fakeServerPerTest';
import { bodyOf, completionEngine, completionRequest, requestAt, untilRequests } from './completionTestKit';
import { ollamaGenerated, ollamaNoInsert, ollamaNotPulled } from './ollamaGenerateFake';

describe('inline completions over Ollama’s /api/generate', () => {
  const fake = fakeServerPerTest();
  const ollama = (): ReturnType<typeof completionEngine> =>
    completionEngine([{ id: 'ollama', baseUrl: `${fake.server.origin}/v1` }], { keys: { ollama: 'sk-never-sent' } });

  it('posts prompt and suffix beside the /v1 base URL, without the key, and reads `response` and the counts', async () => {
    fake.server.enqueue(ollamaGenerated('a + b;'));
    const result = await ollama().complete('ollama/qwen2.5-coder:7b', completionRequest());
    assert.deepEqual(result, {
      text: 'a + b;',
      provider: 'ollama',
      model: 'qwen2.5-coder:7b',
      usage: { inputTokens: 38, outputTokens: 9 },
    });
    const request = requestAt(fake.server, 0);
    assert.equal(request.url, '/api/generate');
    assert.equal(request.headers['authorization'], undefined, 'the key never goes beside the base URL');
    assert.deepEqual(bodyOf(request), {
      model: 'qwen2.5-coder:7b',
      prompt: 'function add(a: number, b: number) {\n  return ',
      suffix: '\n}\n',
      raw: false,
      stream: false,
      options: { num_predict: 64, temperature: 0, stop: ['\n'] },
    });
  });

  it('sends a line break for an empty suffix, and no stop for a block', async () => {
    fake.server.enqueue(ollamaGenerated('}'));
    await ollama().complete('ollama/codegemma:2b', completionRequest({ suffix: '', multiline: true }));
    const body = bodyOf(requestAt(fake.server, 0));
    assert.equal(body['suffix'], '\n', 'Ollama takes an empty suffix for none and would use the chat template');
    assert.deepEqual(body['options'], { num_predict: 64, temperature: 0 });
  });

  it('asks once more with `raw` and the family’s template when the model has no insert template, and remembers', async () => {
    fake.server.enqueue(ollamaNoInsert('codellama:7b-code'), ollamaGenerated('a + b;'), ollamaGenerated('a * b;'));
    const engine = ollama();
    assert.equal((await engine.complete('ollama/codellama:7b-code', completionRequest())).text, 'a + b;');
    const retried = bodyOf(requestAt(fake.server, 1));
    assert.equal(retried['raw'], true);
    assert.equal(retried['prompt'], '<PRE> function add(a: number, b: number) {\n  return  <SUF>\n}\n <MID>');
    assert.equal('suffix' in retried, false);
    assert.deepEqual(retried['options'], { num_predict: 64, temperature: 0, stop: ['\n', '<EOT>', '<PRE>', '<SUF>', '<MID>', '</s>'] });

    assert.equal((await engine.complete('ollama/codellama:7b-code', completionRequest())).text, 'a * b;');
    assert.equal(fake.server.requests.length, 3);
    assert.equal(bodyOf(requestAt(fake.server, 2))['raw'], true);
  });

  it('answers a model that cannot fill in the middle, and whose template is not known, with not-found after one request', async () => {
    fake.server.onRequest(() => ollamaNoInsert('llama3.2:latest'));
    const error = await expectProviderFailure(ollama().complete('ollama/llama3.2', completionRequest()));
    assert.equal(error.kind, 'not-found');
    assert.equal(error.messageId, 'completion.noFim');
    assert.match(
      error.message,
      /^ollama cannot fill in the middle with “llama3\.2” \(400\): “registry\.ollama\.ai\/library\/llama3\.2:latest does not support insert”/,
    );
    assert.equal(fake.server.requests.length, 1);
  });

  it('answers a model that is not pulled (404) with not-found', async () => {
    fake.server.enqueue(ollamaNotPulled('qwen2.5-coder:32b'));
    const error = await expectProviderFailure(ollama().complete('ollama/qwen2.5-coder:32b', completionRequest()));
    assert.equal(error.kind, 'not-found');
    assert.equal(error.status, 404);
    assert.match(error.message, /“model "qwen2\.5-coder:32b" not found, try pulling it first”/);
    assert.equal(fake.server.requests.length, 1);
  });

  it('ends a stall (a model still loading) with a timeout and closes the connection', async () => {
    fake.server.enqueue({ silent: true });
    const engine = completionEngine([{ id: 'ollama', baseUrl: `${fake.server.origin}/v1` }], { timeoutMs: 200 });
    const error = await expectProviderFailure(engine.complete('ollama/qwen2.5-coder:7b', completionRequest()));
    assert.equal(error.kind, 'timeout');
    assert.equal(error.messageId, 'completion.timeout');
    assert.deepEqual(await requestAt(fake.server, 0).closed, { completed: false });
  });

  it('closes the connection on abort', async () => {
    fake.server.enqueue({ silent: true });
    const typing = new AbortController();
    const pending = ollama().complete('ollama/qwen2.5-coder:7b', completionRequest({ signal: typing.signal }));
    await untilRequests(fake.server, 1);
    typing.abort();
    assert.equal((await expectProviderFailure(pending)).kind, 'cancelled');
    assert.deepEqual(await requestAt(fake.server, 0).closed, { completed: false });
  });
});
