// The `openai-completions` protocol (llama.cpp's server, LM Studio, vLLM, any self-hosted OpenAI-compatible server)
// through ProviderEngine.complete, against a local server answering as those servers do (openAiCompletionsFake.ts).
import * as assert from 'node:assert/strict';
import { expectProviderFailure } from '../fakes/expectProviderFailure';
import { fakeServerPerTest } from '../fakes/fakeServerPerTest';
import { openAiModelNotFound, openAiServerError } from '../fakes/openAiFake';
import { bodyOf, completionEngine, completionRequest, requestAt, untilRequests } from './completionTestKit';
import { textCompletion, vllmSuffixRefused } from './openAiCompletionsFake';

describe('inline completions over /v1/completions', () => {
  const fake = fakeServerPerTest();

  it('sends the prefix as `prompt`, the suffix as `suffix`, the token limit and a line stop, and reads choices[0].text', async () => {
    fake.server.enqueue(textCompletion('a + b;'));
    const engine = completionEngine([{ id: 'lmstudio', baseUrl: `${fake.server.origin}/v1` }]);
    const result = await engine.complete('lmstudio/qwen2.5-coder-7b-instruct', completionRequest());
    assert.deepEqual(result, {
      text: 'a + b;',
      provider: 'lmstudio',
      model: 'qwen2.5-coder-7b-instruct',
      usage: { inputTokens: 41, outputTokens: 7 },
    });
    const request = requestAt(fake.server, 0);
    assert.equal(request.method, 'POST');
    assert.equal(request.url, '/v1/completions');
    assert.equal(request.headers['authorization'], undefined, 'LM Studio takes no key');
    assert.deepEqual(bodyOf(request), {
      model: 'qwen2.5-coder-7b-instruct',
      prompt: 'function add(a: number, b: number) {\n  return ',
      suffix: '\n}\n',
      max_tokens: 64,
      temperature: 0,
      stop: ['\n'],
      stream: false,
    });
  });

  it('puts the other files’ snippets before the prefix as comments, sends no line stop for a block, and leaves out an empty suffix', async () => {
    fake.server.enqueue(textCompletion('\n  return 1;'));
    const engine = completionEngine([{ id: 'box', kind: 'openai', baseUrl: `${fake.server.origin}/v1` }], { keys: { box: 'sk-box-key' } });
    await engine.complete(
      'box/starcoder2-7b',
      completionRequest({
        prefix: 'def one():',
        suffix: '',
        languageId: 'python',
        path: 'app/main.py',
        snippets: [{ path: 'app/util.py', text: 'def two():\n\n    return 2' }],
        multiline: true,
      }),
    );
    const request = requestAt(fake.server, 0);
    assert.equal(request.headers['authorization'], 'Bearer sk-box-key');
    const body = bodyOf(request);
    assert.equal(body['prompt'], '# Path: app/util.py\n# def two():\n#\n#     return 2\n\n# Path: app/main.py\ndef one():');
    assert.equal('suffix' in body, false, 'an empty suffix asks for a plain continuation');
    assert.equal('stop' in body, false);
  });

  it('answers a 404 for a model the server lacks with a not-found error that says to pick a FIM model', async () => {
    fake.server.enqueue(openAiModelNotFound('gpt-4o'));
    const engine = completionEngine([{ id: 'lmstudio', baseUrl: `${fake.server.origin}/v1` }]);
    const error = await expectProviderFailure(engine.complete('lmstudio/gpt-4o', completionRequest()));
    assert.equal(error.kind, 'not-found');
    assert.equal(error.messageId, 'completion.noFim');
    assert.equal(error.status, 404);
    assert.match(error.message, /^lmstudio cannot fill in the middle with “gpt-4o” \(404\): “The model `gpt-4o` does not exist/);
    assert.match(error.message, /Select Completion Model/);
  });

  it('never retries: a 500 is one request and one error', async () => {
    fake.server.onRequest(() => openAiServerError());
    const engine = completionEngine([{ id: 'lmstudio', baseUrl: `${fake.server.origin}/v1` }]);
    const error = await expectProviderFailure(engine.complete('lmstudio/coder', completionRequest()));
    assert.equal(error.kind, 'server');
    assert.equal(fake.server.requests.length, 1);
  });

  it('ends a stalled server with a timeout after the completions’ own limit, and closes the connection', async () => {
    fake.server.enqueue({ silent: true });
    const engine = completionEngine([{ id: 'lmstudio', baseUrl: `${fake.server.origin}/v1` }], { timeoutMs: 200 });
    const error = await expectProviderFailure(engine.complete('lmstudio/coder', completionRequest()));
    assert.equal(error.kind, 'timeout');
    assert.equal(error.messageId, 'completion.timeout');
    assert.equal(error.message, 'lmstudio/coder suggested nothing within 200 ms, so the suggestion was dropped.');
    assert.deepEqual(await requestAt(fake.server, 0).closed, { completed: false });
  });

  it('closes the connection when the caller aborts (typing on), and fails as cancelled', async () => {
    fake.server.enqueue({ silent: true });
    const engine = completionEngine([{ id: 'lmstudio', baseUrl: `${fake.server.origin}/v1` }]);
    const typing = new AbortController();
    const pending = engine.complete('lmstudio/coder', completionRequest({ signal: typing.signal }));
    await untilRequests(fake.server, 1);
    typing.abort();
    const error = await expectProviderFailure(pending);
    assert.equal(error.kind, 'cancelled');
    assert.deepEqual(await requestAt(fake.server, 0).closed, { completed: false }, 'the server saw the connection close');
  });

  it('sends nothing for a request aborted before it starts', async () => {
    const engine = completionEngine([{ id: 'lmstudio', baseUrl: `${fake.server.origin}/v1` }]);
    const error = await expectProviderFailure(engine.complete('lmstudio/coder', completionRequest({ signal: AbortSignal.abort() })));
    assert.equal(error.kind, 'cancelled');
    assert.equal(fake.server.requests.length, 0);
  });

  describe('a server that refuses `suffix` (vLLM)', () => {
    it('asks once more with the model family’s template, and goes templated at once from then on', async () => {
      fake.server.enqueue(vllmSuffixRefused(), textCompletion('a + b;'), textCompletion('a - b;'));
      const engine = completionEngine([{ id: 'gpu', kind: 'openai', baseUrl: `${fake.server.origin}/v1`, requiresKey: false }]);
      const model = 'Qwen/Qwen2.5-Coder-7B';
      assert.equal((await engine.complete(`gpu/${model}`, completionRequest())).text, 'a + b;');
      assert.equal(bodyOf(requestAt(fake.server, 0))['suffix'], '\n}\n');
      const templated = bodyOf(requestAt(fake.server, 1));
      assert.equal(templated['prompt'], '<|fim_prefix|>function add(a: number, b: number) {\n  return <|fim_suffix|>\n}\n<|fim_middle|>');
      assert.equal('suffix' in templated, false);
      assert.deepEqual((templated['stop'] as string[]).slice(0, 3), ['\n', '<|endoftext|>', '<|fim_prefix|>']);

      assert.equal((await engine.complete(`gpu/${model}`, completionRequest())).text, 'a - b;');
      assert.equal(fake.server.requests.length, 3, 'remembered: no refused request first');
      assert.equal('suffix' in bodyOf(requestAt(fake.server, 2)), false);
    });

    it('starts with the template on the vLLM preset', async () => {
      fake.server.enqueue(textCompletion('x'));
      const engine = completionEngine([{ id: 'vllm', baseUrl: `${fake.server.origin}/v1` }]);
      await engine.complete('vllm/deepseek-ai/deepseek-coder-6.7b-base', completionRequest({ prefix: 'a', suffix: 'b', multiline: true }));
      const body = bodyOf(requestAt(fake.server, 0));
      assert.equal(body['prompt'], '<｜fim▁begin｜>a<｜fim▁hole｜>b<｜fim▁end｜>');
      assert.equal('suffix' in body, false);
      assert.equal(fake.server.requests.length, 1);
    });

    it('says what to do when the model’s family has no known template, after one request', async () => {
      fake.server.onRequest(() => vllmSuffixRefused());
      const engine = completionEngine([{ id: 'gpu', kind: 'openai', baseUrl: `${fake.server.origin}/v1`, requiresKey: false }]);
      const error = await expectProviderFailure(engine.complete('gpu/my-own-model', completionRequest()));
      assert.equal(error.kind, 'bad-request');
      assert.equal(error.messageId, 'completion.suffixRefused');
      assert.match(error.message, /^gpu does not take the text after the cursor \(400\): “suffix is not currently supported”/);
      assert.equal(fake.server.requests.length, 1);
    });
  });

  it('asks for no key where the server needs none, and for one where it does', async () => {
    const engine = completionEngine([{ id: 'remote', kind: 'openai', baseUrl: 'https://llm.example.invalid/v1' }]);
    const error = await expectProviderFailure(engine.complete('remote/coder', completionRequest()));
    assert.equal(error.kind, 'auth');
    assert.equal(error.messageId, 'config.missingKey');
  });
});
