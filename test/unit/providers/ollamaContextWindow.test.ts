// Ollama's window for one model, asked with its native `POST /api/show` (fakes/ollamaFake follows Ollama's API
// reference): the Modelfile's `num_ctx` when it sets one, else Ollama's default, never more than the model was
// trained for; a model that is not pulled is a 404 ProviderError.
import * as assert from 'node:assert/strict';
import type { ResolvedProviderEntry } from '../../../src/core/providers/createChatProvider';
import { resolveProviderEntry } from '../../../src/core/providers/createChatProvider';
import {
  isOllamaEntry,
  ollamaContextWindow,
  ollamaDefaultContext,
  ollamaNativeRoot,
  ollamaWindowFromShow,
} from '../../../src/core/providers/ollamaContextWindow';
import { fakeServerPerTest } from '../fakes/fakeServerPerTest';
import { ollamaHandler, ollamaShow } from '../fakes/ollamaFake';

describe('Ollama context window', () => {
  const fake = fakeServerPerTest();

  function entry(baseUrl = `${fake.server.origin}/v1`, headers: Record<string, string> = {}): ResolvedProviderEntry {
    return resolveProviderEntry({ id: 'ollama', baseUrl, headers });
  }

  const ask = (model: string, on: ResolvedProviderEntry = entry()): Promise<number | undefined> =>
    ollamaContextWindow(on, model, fake.client(), new AbortController().signal);

  it('is the Modelfile’s num_ctx when it sets one, asked with POST /api/show and nothing but the model', async () => {
    fake.server.onRequest(ollamaHandler({ 'qwen3:8b-40k': { architecture: 'qwen3', contextLength: 40_960, numCtx: 32_768 } }));
    assert.equal(await ask('qwen3:8b-40k', entry(undefined, { 'x-team': 'blue' })), 32_768);
    const request = fake.server.requests[0];
    assert.equal(request?.method, 'POST');
    assert.equal(request?.url, '/api/show');
    assert.deepEqual(JSON.parse(request?.body ?? ''), { model: 'qwen3:8b-40k' });
    assert.equal(request?.headers['x-team'], 'blue');
    assert.equal(request?.headers.authorization, undefined);
  });

  it('is Ollama’s default without num_ctx, or the trained length when that is smaller', async () => {
    fake.server.onRequest(
      ollamaHandler({
        'llama3.1:latest': { architecture: 'llama', contextLength: 131_072 },
        'tinyllama:latest': { architecture: 'llama', contextLength: 2_048 },
        'odd:latest': { architecture: 'odd' },
      }),
    );
    assert.equal(await ask('llama3.1'), ollamaDefaultContext);
    assert.equal(ollamaDefaultContext, 4_096);
    assert.equal(await ask('tinyllama'), 2_048);
    assert.equal(await ask('odd'), ollamaDefaultContext);
  });

  it('never exceeds the trained length, as Ollama lowers a larger num_ctx', async () => {
    fake.server.onRequest(ollamaHandler({ 'llama3:latest': { architecture: 'llama', contextLength: 8_192, numCtx: 65_536 } }));
    assert.equal(await ask('llama3:latest'), 8_192);
  });

  it('throws a not-found ProviderError for a model that is not pulled', async () => {
    fake.server.onRequest(ollamaHandler({}));
    await assert.rejects(ask('missing-model'), (error: Error & { kind?: string }) => {
      assert.equal(error.kind, 'not-found');
      return true;
    });
  });

  it('finds the native API beside a base URL with a path, and asks nothing of one without /v1', async () => {
    // Ollama behind a reverse proxy under /ollama.
    fake.server.enqueue(ollamaShow('mistral:latest', { architecture: 'llama', contextLength: 32_768, numCtx: 8_192 }));
    assert.equal(await ask('mistral', entry(`${fake.server.origin}/ollama/v1/`)), 8_192);
    assert.equal(fake.server.requests[0]?.url, '/ollama/api/show');
    assert.equal(await ask('mistral', entry(`${fake.server.origin}/api`)), undefined);
    assert.equal(fake.server.requests.length, 1);
    assert.equal(ollamaNativeRoot('http://localhost:11434/v1'), 'http://localhost:11434');
  });

  it('gives up when its signal aborts (the caller’s time limit), sending it once', async () => {
    fake.server.enqueue({ silent: true });
    const controller = new AbortController();
    const asked = ollamaContextWindow(entry(), 'llama3.2', fake.client({ maxRetries: 3 }), controller.signal);
    await waitFor(() => fake.server.requests.length === 1);
    controller.abort();
    await assert.rejects(asked, (error: Error & { kind?: string }) => {
      assert.equal(error.kind, 'cancelled');
      return true;
    });
    assert.equal(fake.server.requests.length, 1);
  });

  it('reads num_ctx from the parameters text only as a whole line', () => {
    assert.equal(ollamaWindowFromShow({ parameters: 'num_ctx_extra  99\nnum_ctx 12288' }), 12_288);
    assert.equal(ollamaWindowFromShow({ parameters: 'stop "x"' }), ollamaDefaultContext);
    assert.equal(ollamaWindowFromShow({}), ollamaDefaultContext);
  });

  it('knows Ollama entries by preset or by its port', () => {
    assert.equal(isOllamaEntry(resolveProviderEntry({ id: 'ollama' })), true);
    assert.equal(isOllamaEntry(resolveProviderEntry({ id: 'gpu-box', kind: 'openai', baseUrl: 'http://10.0.0.5:11434/v1' })), true);
    assert.equal(isOllamaEntry(resolveProviderEntry({ id: 'lmstudio' })), false);
    assert.equal(isOllamaEntry(resolveProviderEntry({ id: 'ollama', kind: 'anthropic', baseUrl: 'http://localhost:11434' })), false);
  });
});

async function waitFor(condition: () => boolean): Promise<void> {
  while (!condition()) await new Promise((resolve) => setTimeout(resolve, 5));
}
