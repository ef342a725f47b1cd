import * as assert from 'node:assert/strict';
import * as https from 'node:https';
import type { AddressInfo } from 'node:net';
import type { ProviderError } from '../../../src/core/errors/providerError';
import { createRedactor } from '../../../src/core/errors/redactSecrets';
import type { HttpClient, HttpClientOptions } from '../../../src/core/http/httpClient';
import { matchesNoProxy, resolveProxy } from '../../../src/core/http/resolveProxy';
import { testHttpClient } from '../fakes/chatTestKit';
import { FakeHttpServer } from '../fakes/fakeHttpServer';
import { FakeProxy } from '../fakes/fakeProxy';
import { selfSignedCertificate } from '../fakes/selfSignedCert';

describe('proxies', () => {
  describe('over real sockets', () => {
    let server: FakeHttpServer;
    let proxy: FakeProxy;
    const clients: HttpClient[] = [];

    beforeEach(async () => {
      server = await FakeHttpServer.start();
      // The provider's name resolves only at the proxy, as a remote host would.
      proxy = await FakeProxy.start({ hosts: { 'provider.test': '127.0.0.1' } });
      server.onRequest(() => ({ status: 200, chunks: ['via'] }));
    });
    afterEach(async () => {
      await Promise.all(clients.splice(0).map((c) => c.close()));
      await proxy.close();
      await server.close();
    });

    const remoteOrigin = (): string => server.origin.replace('127.0.0.1', 'provider.test');

    async function fetchText(options: HttpClientOptions, origin = remoteOrigin()): Promise<string> {
      const http = testHttpClient(options);
      clients.push(http);
      const response = await http.request({
        method: 'GET',
        url: `${origin}/v1/models`,
        context: { provider: 'p', operation: 'models', redact: createRedactor([]) },
      });
      return response.text();
    }

    const target = (): string => remoteOrigin().replace('http://', '');

    it('goes through an explicit proxy (http.proxy)', async () => {
      const lines: string[] = [];
      assert.equal(await fetchText({ proxy: proxy.url, log: (l) => lines.push(l) }), 'via');
      assert.deepEqual(proxy.seen, [target()]);
      assert.equal(server.requests.length, 1);
      assert.match(lines.join('\n'), /Using the proxy 127\.0\.0\.1:\d+/);
    });

    it('goes through HTTP_PROXY from the environment', async () => {
      assert.equal(await fetchText({ env: { HTTP_PROXY: proxy.url } }), 'via');
      assert.deepEqual(proxy.seen, [target()]);
    });

    it('never sends loopback through a proxy (a local Ollama with HTTP_PROXY set), as VS Code does', async () => {
      for (const host of ['127.0.0.1', 'localhost']) {
        const origin = server.origin.replace('127.0.0.1', host);
        assert.equal(await fetchText({ env: { HTTP_PROXY: proxy.url, HTTPS_PROXY: proxy.url } }, origin), 'via');
        assert.equal(await fetchText({ proxy: proxy.url }, origin), 'via');
      }
      assert.deepEqual(proxy.seen, []);
      assert.equal(server.requests.length, 4);
    });
  });

  describe('resolveProxy', () => {
    it('keeps loopback off every proxy: localhost, *.localhost, 127.0.0.0/8 and ::1', () => {
      const env = { HTTP_PROXY: 'http://p:2', HTTPS_PROXY: 'http://s:1' };
      for (const address of [
        'http://localhost:11434/v1',
        'http://LOCALHOST.:1234',
        'http://ollama.localhost/v1',
        'http://127.0.0.1:8000',
        'http://127.1.2.3',
        'http://[::1]:8000/v1',
        'https://localhost/v1',
      ]) {
        assert.equal(resolveProxy(new URL(address), { proxy: 'http://corp:3128' }, env), undefined, address);
        assert.equal(resolveProxy(new URL(address), {}, env), undefined, address);
      }
      for (const address of ['http://localhost.example.com', 'http://128.0.0.1', 'http://[::2]']) {
        assert.equal(resolveProxy(new URL(address), {}, env), 'http://p:2', address);
      }
    });

    const https = new URL('https://api.openai.com/v1/chat/completions');
    const local = new URL('http://localhost:11434/v1');

    it('prefers the explicit proxy, then HTTPS_PROXY for https and HTTP_PROXY for http', () => {
      assert.equal(resolveProxy(https, { proxy: 'http://corp:3128' }, { HTTPS_PROXY: 'http://env:1' }), 'http://corp:3128');
      assert.equal(resolveProxy(https, {}, { HTTPS_PROXY: 'http://s:1', HTTP_PROXY: 'http://p:2' }), 'http://s:1');
      assert.equal(resolveProxy(https, {}, { https_proxy: 'http://lower:1', HTTPS_PROXY: 'http://upper:2' }), 'http://lower:1');
      assert.equal(resolveProxy(https, {}, { HTTP_PROXY: 'http://p:2' }), 'http://p:2');
      assert.equal(resolveProxy(local, {}, { HTTPS_PROXY: 'http://s:1' }), undefined);
      const remoteHttp = new URL('http://gpu-box.lan:8000/v1');
      assert.equal(resolveProxy(remoteHttp, {}, { HTTP_PROXY: 'http://p:2', NO_PROXY: 'example.com, gpu-box.lan' }), undefined);
      assert.equal(resolveProxy(remoteHttp, { proxy: 'http://corp:3128', noProxy: ['.lan'] }, {}), undefined);
      assert.equal(resolveProxy(remoteHttp, {}, { HTTP_PROXY: 'http://p:2', NO_PROXY: 'example.com' }), 'http://p:2');
      assert.equal(resolveProxy(https, {}, {}), undefined);
      assert.equal(resolveProxy(https, { proxy: '  ' }, {}), undefined);
      assert.equal(resolveProxy(https, { proxy: 'corp:3128' }, {}), 'http://corp:3128');
    });

    it('matches NO_PROXY like curl: suffixes, leading dots, wildcards and ports', () => {
      const url = (s: string): URL => new URL(s);
      assert.ok(matchesNoProxy(url('https://api.openai.com'), ['openai.com']));
      assert.ok(matchesNoProxy(url('https://api.openai.com'), ['.openai.com']));
      assert.ok(matchesNoProxy(url('https://api.openai.com'), ['*.openai.com']));
      assert.ok(matchesNoProxy(url('https://openai.com'), ['.openai.com']));
      assert.ok(!matchesNoProxy(url('https://notopenai.com'), ['openai.com']));
      assert.ok(matchesNoProxy(url('http://localhost:11434'), ['localhost:11434']));
      assert.ok(!matchesNoProxy(url('http://localhost:1234'), ['localhost:11434']));
      assert.ok(matchesNoProxy(url('https://anything.example'), ['*']));
      assert.ok(matchesNoProxy(url('http://[::1]:8000'), ['::1']));
      assert.ok(!matchesNoProxy(url('https://api.openai.com'), ['']));
    });
  });
});

describe('TLS verification (strictSSL)', () => {
  let server: https.Server;
  const clients: HttpClient[] = [];

  beforeEach(async () => {
    server = https.createServer(selfSignedCertificate(), (_req, res) => res.end('secret-free'));
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  });
  afterEach(async () => {
    await Promise.all(clients.splice(0).map((c) => c.close()));
    server.closeAllConnections();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  });

  async function fetchText(strictSSL: boolean): Promise<string> {
    const http = testHttpClient({ strictSSL, maxRetries: 0 });
    clients.push(http);
    const { port } = server.address() as AddressInfo;
    const response = await http.request({
      method: 'GET',
      url: `https://127.0.0.1:${port}/`,
      context: { provider: 'p', operation: 'models', redact: createRedactor([]) },
    });
    return response.text();
  }

  it('refuses a certificate it cannot verify, saying what to do', async () => {
    await assert.rejects(fetchText(true), (error: ProviderError) => {
      assert.equal(error.kind, 'network');
      assert.equal(error.retryable, false);
      assert.match(error.message, /TLS certificate of 127\.0\.0\.1:\d+ could not be verified \(DEPTH_ZERO_SELF_SIGNED_CERT\)/);
      assert.match(error.message, /http\.proxyStrictSSL/);
      return true;
    });
  });

  it('accepts it with strictSSL off', async () => {
    assert.equal(await fetchText(false), 'secret-free');
  });
});
