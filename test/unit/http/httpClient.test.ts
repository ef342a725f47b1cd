import * as assert from 'node:assert/strict';
import { createServer } from 'node:net';
import type { AddressInfo } from 'node:net';
import type { ErrorContext } from '../../../src/core/errors/errorContext';
import { ProviderError } from '../../../src/core/errors/providerError';
import { createRedactor } from '../../../src/core/errors/redactSecrets';
import type { HttpClient, HttpClientOptions, HttpRequest, RetryNotice } from '../../../src/core/http/httpClient';
import { sleep } from '../../../src/core/http/sleep';
import { recordingSleep, testHttpClient } from '../fakes/chatTestKit';
import { FakeHttpServer } from '../fakes/fakeHttpServer';
import { expectProviderFailure } from '../fakes/expectProviderFailure';
import { openAiInvalidKey, openAiRateLimited } from '../fakes/openAiFake';

const context: ErrorContext = { provider: 'acme', model: 'm', operation: 'chat', redact: createRedactor([]) };

describe('HttpClient', () => {
  let server: FakeHttpServer;
  const clients: HttpClient[] = [];

  beforeEach(async () => {
    server = await FakeHttpServer.start();
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

  function get(extra: Partial<HttpRequest> = {}): HttpRequest {
    return { method: 'GET', url: `${server.origin}/x`, context, ...extra };
  }

  const failure = (promise: Promise<unknown>): Promise<ProviderError> => expectProviderFailure(promise, []);

  // A 429 with the wait in one of the forms the client reads: `retry-after-ms` (read first by openai-node and
  // anthropic-sdk-typescript), or `retry-after` in seconds or as an HTTP date (RFC 9110, "Retry-After").
  const tooMany = (headers: Record<string, string>) => {
    const answer = openAiRateLimited();
    return { ...answer, headers: { ...answer.headers, ...headers } };
  };

  it('really waits as long as retry-after-ms says (with the real sleep)', async () => {
    server.enqueue(tooMany({ 'retry-after-ms': '150' }), { status: 200, chunks: ['ok'] });
    const real = client({ sleep });
    const started = performance.now();
    const response = await real.request(get());
    const elapsed = performance.now() - started;
    assert.equal(await response.text(), 'ok');
    assert.ok(elapsed >= 120, `waited ${elapsed} ms, asked for 150`);
  });

  it('reads retry-after as an HTTP date', async () => {
    const slept = recordingSleep();
    const at = new Date(Date.now() + 5_000).toUTCString();
    server.enqueue(tooMany({ 'retry-after': at }), { status: 200, chunks: ['ok'] });
    await client({ sleep: slept.sleep }).request(get());
    assert.equal(slept.waits.length, 1);
    const wait = slept.waits[0] ?? 0;
    // The date has one-second resolution.
    assert.ok(wait > 3_000 && wait <= 5_000, `waited ${wait}`);
  });

  it('gives up instead of waiting longer than the cap, keeping what the server asked for', async () => {
    server.enqueue(tooMany({ 'retry-after': '3600' }));
    const error = await failure(client({ maxRetryAfterMs: 60_000 }).request(get()));
    assert.equal(error.kind, 'rate-limit');
    assert.equal(error.retryAfterMs, 3_600_000);
    assert.match(error.message, /asked to wait 60 min/);
    assert.equal(server.requests.length, 1);
  });

  it('backs off exponentially with jitter when the server gives no hint, and reports each retry', async () => {
    const slept = recordingSleep();
    const retries: RetryNotice[] = [];
    server.onRequest(() => ({ status: 503, chunks: [''] }));
    const error = await failure(
      client({ sleep: slept.sleep, random: () => 0.5, initialBackoffMs: 100, maxBackoffMs: 300, maxRetries: 3 }).request(get(), (r) =>
        retries.push(r),
      ),
    );
    assert.equal(error.kind, 'overloaded');
    assert.match(error.message, /\(503\) with an empty body/);
    // Caps 100, 200, 300 (max), half of each with random() = 0.5.
    assert.deepEqual(slept.waits, [50, 100, 150]);
    assert.deepEqual(
      retries.map((r) => [r.attempt, r.delayMs, r.error.status]),
      [
        [1, 50, 503],
        [2, 100, 503],
        [3, 150, 503],
      ],
    );
    assert.equal(server.requests.length, 4);
  });

  it('never retries a rejected key even when the server says x-should-retry: true', async () => {
    const rejected = openAiInvalidKey();
    server.enqueue({ ...rejected, headers: { ...rejected.headers, 'x-should-retry': 'true' } });
    const error = await failure(client().request(get()));
    assert.equal(error.kind, 'auth');
    assert.equal(server.requests.length, 1);
  });

  it('retries a refused connection and then names the host', async () => {
    const port = await closedPort();
    const retries: RetryNotice[] = [];
    const error = await failure(
      client({ maxRetries: 1 }).request(get({ url: `http://127.0.0.1:${port}/v1/models` }), (r) => retries.push(r)),
    );
    assert.equal(error.kind, 'network');
    assert.match(error.message, new RegExp(`Could not connect to 127\\.0\\.0\\.1:${port}: the connection was refused`));
    assert.equal(retries.length, 1);
  });

  it('does not count a slow reader as a silent server (the idle timeout runs only while waiting for bytes)', async () => {
    server.enqueue({ status: 200, chunks: ['a', 'b', 'c'], gap: 'immediate' });
    const response = await client({ idleTimeoutMs: 50 }).request(get());
    let text = '';
    for await (const chunk of response.body()) {
      text += Buffer.from(chunk).toString();
      await new Promise((r) => setTimeout(r, 120));
    }
    assert.equal(text, 'abc');
  });

  describe('pipe (a body pushed to a callback)', () => {
    const decode = (chunks: Uint8Array[]): string => Buffer.concat(chunks).toString('utf8');

    it('pushes every chunk in order and settles when the body ends', async () => {
      server.enqueue({ status: 200, chunks: ['a', 'b', 'c'], gap: 'immediate' });
      const response = await client().request(get());
      const chunks: Uint8Array[] = [];
      await response.pipe((chunk) => chunks.push(chunk)).done;
      assert.equal(decode(chunks), 'abc');
      assert.equal((await server.requests[0]?.closed)?.completed, true);
    });

    it('times out a body that stalls, and closes the connection', async () => {
      server.enqueue({ status: 200, chunks: ['a', { delayMs: 2_000 }, 'b'] });
      const response = await client({ idleTimeoutMs: 50 }).request(get());
      const chunks: Uint8Array[] = [];
      const error = await failure(response.pipe((chunk) => chunks.push(chunk)).done);
      assert.equal(error.kind, 'timeout');
      assert.match(error.message, /stopped sending/);
      assert.equal(decode(chunks), 'a');
      assert.equal((await server.requests[0]?.closed)?.completed, false);
    });

    it('does not time out while paused, and reads the rest after resume', async () => {
      server.enqueue({ status: 200, chunks: ['a', 'b', 'c'], gap: 'immediate' });
      const response = await client({ idleTimeoutMs: 50 }).request(get());
      const chunks: Uint8Array[] = [];
      const pipe = response.pipe((chunk) => {
        chunks.push(chunk);
        if (chunks.length === 1) {
          pipe.pause();
          setTimeout(() => pipe.resume(), 150);
        }
      });
      await pipe.done;
      assert.equal(decode(chunks), 'abc');
    });

    it('stops at an exception of the callback, rejects with it, and closes the connection', async () => {
      server.enqueue({ status: 200, chunks: ['a', { delayMs: 50 }, 'b', { delayMs: 2_000 }, 'c'] });
      const response = await client().request(get());
      const problem = new Error('the decoder refused this');
      await assert.rejects(
        response.pipe(() => {
          throw problem;
        }).done,
        (error) => error === problem,
      );
      assert.equal((await server.requests[0]?.closed)?.completed, false);
    });

    it('reports a cancel in the middle of the body as cancelled', async () => {
      server.enqueue({ status: 200, chunks: ['a'], after: 'hang' });
      const controller = new AbortController();
      const response = await client().request(get({ signal: controller.signal }));
      const done = response.pipe(() => controller.abort()).done;
      const error = await failure(done);
      assert.equal(error.kind, 'cancelled');
      assert.equal((await server.requests[0]?.closed)?.completed, false);
    });
  });

  it('cancels during a backoff wait', async () => {
    server.onRequest(() => ({ status: 500, chunks: ['{}'] }));
    const controller = new AbortController();
    const pending = client({ sleep, initialBackoffMs: 5_000, random: () => 1 }).request(get({ signal: controller.signal }), () => {
      setTimeout(() => controller.abort(), 10);
    });
    const error = await failure(pending);
    assert.equal(error.kind, 'cancelled');
    assert.equal(server.requests.length, 1);
  });

  it('cancels while waiting for the first byte, and the server sees the connection close', async () => {
    server.enqueue({ silent: true });
    const controller = new AbortController();
    const pending = client().request(get({ signal: controller.signal }));
    while (server.requests.length === 0) await new Promise((r) => setTimeout(r, 5));
    controller.abort();
    const error = await failure(pending);
    assert.equal(error.kind, 'cancelled');
    assert.equal((await server.requests[0]?.closed)?.completed, false);
  });

  it('cancels before anything is sent when the signal is already aborted', async () => {
    const error = await failure(client().request(get({ signal: AbortSignal.abort() })));
    assert.equal(error.kind, 'cancelled');
    assert.equal(server.requests.length, 0);
  });

  it('does not follow redirects (a key must not travel to another host)', async () => {
    server.enqueue({ status: 302, headers: { location: 'http://example.invalid/steal' }, chunks: [''] });
    const error = await failure(client().request(get()));
    assert.equal(error.kind, 'bad-request');
    assert.match(error.message, /redirect \(302\)/);
    assert.equal(server.requests.length, 1);
  });

  it('sends the method, headers and body it was given', async () => {
    server.enqueue({ status: 200, chunks: ['{}'] });
    const response = await client().request({
      method: 'POST',
      url: `${server.origin}/p?q=1`,
      headers: { 'x-a': 'b', 'content-type': 'application/json' },
      body: '{"x":1}',
      context,
    });
    await response.text();
    assert.equal(server.requests[0]?.method, 'POST');
    assert.equal(server.requests[0]?.url, '/p?q=1');
    assert.equal(server.requests[0]?.headers['x-a'], 'b');
    assert.equal(server.requests[0]?.body, '{"x":1}');
  });
});

async function closedPort(): Promise<number> {
  const probe = createServer();
  await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
  const { port } = probe.address() as AddressInfo;
  await new Promise<void>((resolve) => probe.close(() => resolve()));
  return port;
}
