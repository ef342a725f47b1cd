// The engine bundle as it ships: esbuild.js builds dist/engine.js with a subset of undici in place of the package
// (src/core/http/undiciSubset.cjs), which the other tests never load (they import the sources and undici itself).
// This builds the bundle into a temporary folder and streams a chat, a POST with a body and a proxied request
// through it against real local servers, so the subset is checked the way users run it.
import * as assert from 'node:assert/strict';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { build, type BuildOptions } from 'esbuild';
import type * as EngineExports from '../../../src/core/engine';
import { collect, textOf } from '../fakes/chatTestKit';
import { FakeHttpServer } from '../fakes/fakeHttpServer';
import { FakeProxy } from '../fakes/fakeProxy';
import { openAiStream } from '../fakes/openAiFake';

const repoRoot = path.resolve(__dirname, '..', '..', '..');
// esbuild.js is the build script itself (CommonJS, no types); requiring it only reads its options.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { engineBuild, zodBuild } = require(path.join(repoRoot, 'esbuild.js')) as { engineBuild: BuildOptions; zodBuild: BuildOptions };

describe('the built engine bundle (with its undici subset)', function () {
  this.timeout(60_000);
  let dir: string;
  let engine: typeof EngineExports;
  let server: FakeHttpServer;

  before(async () => {
    dir = mkdtempSync(path.join(tmpdir(), 'switchboard-engine-'));
    const result = await build({ ...engineBuild, absWorkingDir: repoRoot, outdir: dir, minify: true, sourcemap: false, write: true });
    // The engine requires the zod it shares with the activation bundle (dist/zod.js) from beside it.
    await build({ ...zodBuild, absWorkingDir: repoRoot, outdir: dir, minify: true, sourcemap: false, write: true });
    assert.ok(Object.keys(result.metafile?.inputs ?? {}).includes('src/core/http/undiciSubset.cjs'), 'the subset is not in the bundle');
    const unused = /^node_modules\/undici\/lib\/(web\/(websocket|eventsource|cache)\/|web\/fetch\/index\.js|mock\/|cache\/)/;
    const bundled = Object.keys(result.metafile?.inputs ?? {}).filter((input) => unused.test(input));
    assert.deepEqual(bundled, [], 'fetch, WebSocket, EventSource, caches or mocks were bundled');
    const inputs = Object.keys(result.metafile?.inputs ?? {});
    // One build of undici's HTTP parser, the plain one (src/core/http/llhttpWithoutSimd.cjs): the chats below parse with it.
    assert.ok(!inputs.includes('node_modules/undici/lib/llhttp/llhttp_simd-wasm.js'), 'the SIMD parser build was bundled');
    // …read from a binary file beside the bundle (src/core/http/llhttpWasmFile.cjs), not carried as base64.
    assert.ok(!inputs.includes('node_modules/undici/lib/llhttp/llhttp-wasm.js'), 'the parser was bundled as base64');
    assert.ok(inputs.includes('src/core/http/llhttpWasmFile.cjs'), 'the parser file reader is missing');
    assert.ok(existsSync(path.join(dir, 'llhttp.wasm')), 'the build did not write llhttp.wasm beside the bundle');
    assert.ok(!inputs.includes('node_modules/undici/lib/dispatcher/client-h2.js'), 'the unused HTTP/2 client was bundled');
    assert.ok(!inputs.includes('node_modules/undici/lib/web/fetch/body.js'), "fetch's FormData body support was bundled");
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    engine = require(path.join(dir, 'engine.js')) as typeof EngineExports;
  });
  after(() => rmSync(dir, { recursive: true, force: true }));
  beforeEach(async () => {
    server = await FakeHttpServer.start();
  });
  afterEach(async () => {
    await server.close();
  });

  function configured(baseUrl: string, proxy?: string): InstanceType<typeof engine.ProviderEngine> {
    const chat = new engine.ProviderEngine({ credentials: async () => ({ apiKey: 'sk-test-bundle' }) });
    chat.configure({
      providers: [{ id: 'openai', baseUrl }],
      responseCache: false,
      http: { maxRetries: 0, firstByteTimeoutMs: 5_000, idleTimeoutMs: 5_000, ...(proxy !== undefined ? { proxy } : {}) },
    });
    return chat;
  }

  it('streams a chat: a POST with its body and headers, the answer read as it arrives', async () => {
    server.enqueue(openAiStream(['Bun', 'dled']));
    const events = await collect(
      configured(`${server.origin}/v1`).chat(['openai/gpt-test'], { messages: [{ role: 'user', parts: [{ type: 'text', text: 'hi' }] }] }),
    );
    assert.equal(textOf(events), 'Bundled');
    const request = server.requests[0];
    assert.equal(request?.method, 'POST');
    assert.equal(request?.headers.authorization, 'Bearer sk-test-bundle');
    assert.equal(JSON.parse(request?.body ?? '{}').model, 'gpt-test');
  });

  it('goes through an HTTP proxy when one is set', async () => {
    // A name that is not loopback (loopback never goes through a proxy); the proxy resolves it to the server.
    const proxy = await FakeProxy.start({ hosts: { 'provider.test': '127.0.0.1' } });
    try {
      server.enqueue(openAiStream(['via proxy']));
      const events = await collect(
        configured(`http://provider.test:${new URL(server.origin).port}/v1`, proxy.url).chat(['openai/gpt-test'], {
          messages: [{ role: 'user', parts: [{ type: 'text', text: 'hi' }] }],
        }),
      );
      assert.equal(textOf(events), 'via proxy');
      assert.equal(server.requests.length, 1);
      assert.ok(proxy.seen.length > 0, 'the request did not go through the proxy');
    } finally {
      await proxy.close();
    }
  });
});
