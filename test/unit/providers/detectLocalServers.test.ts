// `npm start` picks a local model server that answers on its default port (README, "Getting started"). Each
// candidate here is a real HTTP server on a loopback port answering as Ollama, LM Studio or vLLM do (the fakes
// name their sources), or as whatever else may sit on such a port.
import * as assert from 'node:assert/strict';
import { createServer } from 'node:net';
import {
  detectLocalServers,
  localServerCandidates,
  pickLocalModel,
  type LocalServerCandidate,
} from '../../../src/core/providers/detectLocalServers';
import { FakeHttpServer } from '../fakes/fakeHttpServer';
import { lmStudioModels } from '../fakes/lmStudioFake';
import { vllmModelList } from '../fakes/modelListFakes';
import { ollamaOpenAiModels } from '../fakes/ollamaFake';

/** A loopback port nothing listens on: taken from the OS, then let go, so connecting is refused. */
async function refusedPort(): Promise<number> {
  const server = createServer().listen(0, '127.0.0.1');
  await new Promise((resolve) => server.once('listening', resolve));
  const address = server.address();
  await new Promise((resolve) => server.close(resolve));
  if (address === null || typeof address !== 'object') throw new Error('no port');
  return address.port;
}

describe('detecting local model servers', () => {
  const servers: FakeHttpServer[] = [];
  afterEach(async () => {
    await Promise.all(servers.splice(0).map((server) => server.close()));
  });

  async function serving(presetId: string, ...responses: Parameters<FakeHttpServer['enqueue']>): Promise<LocalServerCandidate> {
    const server = (await FakeHttpServer.start()).enqueue(...responses);
    servers.push(server);
    return { presetId, label: presetId, baseUrl: `${server.origin}/v1` };
  }

  it('knows Ollama, LM Studio and vLLM on their default ports, at 127.0.0.1', () => {
    assert.deepEqual(
      localServerCandidates.map((each) => [each.presetId, each.baseUrl]),
      [
        ['ollama', 'http://127.0.0.1:11434/v1'],
        ['lmstudio', 'http://127.0.0.1:1234/v1'],
        ['vllm', 'http://127.0.0.1:8000/v1'],
      ],
    );
  });

  it('lists the chat models of each server that answers, asking GET /v1/models, in the candidates’ order', async () => {
    const ollama = await serving('ollama', ollamaOpenAiModels(['nomic-embed-text:latest', 'llama3.2:latest', 'qwen2.5-coder:7b']));
    const lmstudio = await serving('lmstudio', lmStudioModels(['text-embedding-nomic-embed-text-v1.5', 'openai/gpt-oss-20b']));
    const vllm = await serving('vllm', vllmModelList('Qwen/Qwen2.5-7B-Instruct', 32_768));
    const found = await detectLocalServers([ollama, lmstudio, vllm]);
    assert.deepEqual(
      found.map((each) => [each.presetId, each.models]),
      [
        ['ollama', ['llama3.2:latest', 'qwen2.5-coder:7b']],
        ['lmstudio', ['openai/gpt-oss-20b']],
        ['vllm', ['Qwen/Qwen2.5-7B-Instruct']],
      ],
    );
    for (const server of servers) {
      assert.deepEqual(
        server.requests.map((request) => `${request.method} ${request.url}`),
        ['GET /v1/models'],
      );
    }
    assert.deepEqual(pickLocalModel(found)?.model, 'ollama/llama3.2:latest');
  });

  it('leaves out a refused port, a server that never answers, an error page and a body that is no model list', async () => {
    const refused: LocalServerCandidate = { presetId: 'ollama', label: 'Ollama', baseUrl: `http://127.0.0.1:${await refusedPort()}/v1` };
    const silent = await serving('lmstudio', { silent: true });
    // What Django's development server (also on port 8000 by default) answers for a path it does not know.
    const django = await serving('vllm', {
      status: 404,
      headers: { 'content-type': 'text/html; charset=utf-8' },
      chunks: ['<!DOCTYPE html><title>Page not found at /v1/models</title>'],
    });
    const other = await serving('vllm', { status: 200, headers: { 'content-type': 'application/json' }, chunks: ['{"status":"ok"}'] });
    const good = await serving('vllm', vllmModelList('meta-llama/Llama-3.1-8B-Instruct', 8192));
    const found = await detectLocalServers([refused, silent, django, other, good], { timeoutMs: 300 });
    assert.deepEqual(
      found.map((each) => each.baseUrl),
      [good.baseUrl],
    );
    // Asked, and left out only because it did not answer in time.
    assert.equal(servers[0]?.requests.length, 1);
  });

  it('reports a server with only embedding models, and picks the next one that can chat', async () => {
    const ollama = await serving('ollama', ollamaOpenAiModels(['nomic-embed-text:latest']));
    const lmstudio = await serving('lmstudio', lmStudioModels(['qwen/qwen3-4b']));
    const found = await detectLocalServers([ollama, lmstudio]);
    assert.deepEqual(
      found.map((each) => [each.presetId, each.models.length]),
      [
        ['ollama', 0],
        ['lmstudio', 1],
      ],
    );
    assert.equal(pickLocalModel(found)?.model, 'lmstudio/qwen/qwen3-4b');
    assert.equal(pickLocalModel(found.slice(0, 1)), undefined);
  });
});
