import * as assert from 'node:assert/strict';
import { createRedactor } from '../../../src/core/errors/redactSecrets';
import { AddressPolicy, AddressRefusedError } from '../../../src/core/http/addressPolicy';
import type { HttpClient, HttpClientOptions, RetryNotice } from '../../../src/core/http/httpClient';
import { testHttpClient } from '../fakes/chatTestKit';
import { FakeHttpServer } from '../fakes/fakeHttpServer';
import { fakeLookup } from '../fakes/fakeLookup';
import { FakeProxy } from '../fakes/fakeProxy';

const context = { provider: 'sydney', operation: 'chat' as const, redact: createRedactor([]) };

describe('address policy (connections checked after DNS, on every connection)', () => {
  let server: FakeHttpServer;
  const clients: HttpClient[] = [];

  beforeEach(async () => {
    server = await FakeHttpServer.start();
    server.onRequest(() => ({ status: 200, chunks: ['reached'] }));
  });
  afterEach(async () => {
    await Promise.all(clients.splice(0).map((c) => c.close()));
    await server.close();
  });

  function client(options: HttpClientOptions = {}): HttpClient {
    const http = testHttpClient(options);
    clients.push(http);
    return http;
  }

  const port = (): string => new URL(server.origin).port;

  async function get(http: HttpClient, url: string, policy?: AddressPolicy, retries: RetryNotice[] = []): Promise<string> {
    const response = await http.request({ method: 'GET', url, context, ...(policy !== undefined ? { addressPolicy: policy } : {}) }, (r) =>
      retries.push(r),
    );
    return response.text();
  }

  async function refusal(promise: Promise<unknown>): Promise<AddressRefusedError> {
    try {
      await promise;
    } catch (error) {
      assert.ok(error instanceof AddressRefusedError, `expected an AddressRefusedError, got ${String(error)}`);
      return error;
    }
    assert.fail('expected the connection to be refused');
  }

  it('refuses an IP-literal loopback host before connecting, and does not retry', async () => {
    const retries: RetryNotice[] = [];
    const error = await refusal(
      get(client({ maxRetries: 2 }), `${server.origin}/x.png`, new AddressPolicy({ provider: 'sydney' }), retries),
    );
    assert.equal(error.kind, 'invalid-response');
    assert.equal(error.retryable, false);
    assert.equal(error.addressClass, 'loopback');
    assert.equal(error.host, '127.0.0.1');
    assert.equal(server.requests.length, 0);
    assert.deepEqual(retries, []);
  });

  it('refuses a name that resolves to loopback, checking what the connection itself resolved', async () => {
    const dns = fakeLookup({ 'images.example': '127.0.0.1' });
    const http = client({ lookup: dns.lookup });
    // The same name is reachable without a policy: the lookup is what connects.
    assert.equal(await get(http, `http://images.example:${port()}/x.png`), 'reached');
    const error = await refusal(get(http, `http://images.example:${port()}/x.png`, new AddressPolicy({ provider: 'sydney' })));
    assert.equal(error.host, 'images.example');
    assert.equal(error.address, '127.0.0.1');
    assert.equal(server.requests.length, 1, 'only the request without a policy arrived');
    assert.deepEqual(dns.asked, ['images.example', 'images.example'], 'one lookup per connection, made by the connection');
  });

  it('does not reuse a pooled connection that was opened without the policy', async () => {
    const http = client();
    assert.equal(await get(http, `${server.origin}/first`), 'reached');
    await refusal(get(http, `${server.origin}/second`, new AddressPolicy({ provider: 'sydney' })));
    assert.deepEqual(
      server.requests.map((r) => r.url),
      ['/first'],
    );
  });

  it('refuses a name when any of its addresses is not public (IPv4-mapped IPv6 included)', async () => {
    const dns = fakeLookup({ 'mixed.example': ['151.101.1.69', '::ffff:127.0.0.1'] });
    const error = await refusal(
      get(client({ lookup: dns.lookup }), `http://mixed.example:${port()}/x`, new AddressPolicy({ provider: 'sydney' })),
    );
    assert.equal(error.address, '::ffff:127.0.0.1');
    assert.equal(error.addressClass, 'loopback');
  });

  it('allows the class of the provider’s own base URL: literal, localhost, 0.0.0.0, or a name resolved by the same lookup', async () => {
    const dns = fakeLookup({ 'images.example': '127.0.0.1', 'gateway.example': '127.0.0.1', localhost: '127.0.0.1' });
    const http = client({ lookup: dns.lookup });
    for (const trustedUrl of [
      'http://127.0.0.1:8080',
      'http://[::1]:8080',
      'http://localhost:8080/v1',
      'http://0.0.0.0:8080',
      'http://gateway.example',
    ]) {
      const policy = new AddressPolicy({ provider: 'sydney', trustedUrl });
      assert.equal(await get(http, `${server.origin}/literal`, policy), 'reached', trustedUrl);
      assert.equal(await get(http, `http://images.example:${port()}/name`, policy), 'reached', trustedUrl);
    }
  });

  it('allows only the same class: a gateway on the private network does not open loopback or link-local', async () => {
    const dns = fakeLookup({ 'gateway.example': '192.168.1.20', 'metadata.example': '169.254.169.254' });
    const http = client({ lookup: dns.lookup });
    for (const trustedUrl of ['http://192.168.1.20:8080', 'http://gateway.example:8080']) {
      const policy = new AddressPolicy({ provider: 'sydney', trustedUrl });
      assert.equal((await refusal(get(http, `${server.origin}/x`, policy))).addressClass, 'loopback');
      assert.equal((await refusal(get(http, `http://metadata.example/latest/meta-data/`, policy))).addressClass, 'link-local');
    }
    // A base URL whose name does not resolve is treated as public: nothing extra is allowed.
    await refusal(get(http, `${server.origin}/x`, new AddressPolicy({ provider: 'sydney', trustedUrl: 'http://unknown.example' })));
    assert.equal(server.requests.length, 0);
  });

  it('through a proxy (DNS at the proxy), refuses an IP-literal target without asking the proxy', async () => {
    const proxy = await FakeProxy.start();
    try {
      const http = client({ proxy: proxy.url });
      for (const url of ['http://10.1.2.3:8080/x.png', 'http://[fd00::5]/x.png', 'http://169.254.169.254/latest/meta-data/']) {
        await refusal(get(http, url, new AddressPolicy({ provider: 'sydney' })));
      }
      assert.deepEqual(proxy.seen, []);
    } finally {
      await proxy.close();
    }
  });

  it('checks addresses without connecting anywhere (unit)', async () => {
    const policy = new AddressPolicy({ provider: 'sydney', trustedUrl: 'https://api.example' });
    const resolve = (host: string): Promise<string[]> => Promise.resolve(host === 'api.example' ? ['151.101.1.69'] : []);
    assert.equal(await policy.check('cdn.example', ['151.101.1.69', '2606:4700:4700::1111'], resolve), undefined);
    assert.equal((await policy.check('cdn.example', ['100.64.0.1'], resolve))?.addressClass, 'shared');
    assert.equal(policy.checkWithoutDns('cdn.example'), undefined, 'a name cannot be judged without DNS');
    assert.equal(policy.checkWithoutDns('localhost')?.addressClass, 'loopback');
    assert.equal(policy.checkWithoutDns('::ffff:a9fe:a9fe')?.addressClass, 'link-local');
    const local = new AddressPolicy({ provider: 'sydney', trustedUrl: 'http://localhost:8080' });
    assert.equal(local.checkWithoutDns('127.0.0.1'), undefined);
    assert.equal(local.checkWithoutDns('10.0.0.1')?.addressClass, 'private');
    assert.notEqual(policy.key, local.key, 'different allowances never share connections');
  });
});
