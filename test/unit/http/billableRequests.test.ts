// Issue 12: a request that creates something billable (an image, a non-streamed answer) is never sent again once it
// may have reached the server. The servers here behave as the image endpoints do (OpenAI "Create image", Stability
// v2beta, the Sydney gateway): nothing comes back until the work is done, and a 429 / 503 means it was not done.
import * as assert from 'node:assert/strict';
import { once } from 'node:events';
import * as net from 'node:net';
import type { ErrorContext } from '../../../src/core/errors/errorContext';
import { createRedactor } from '../../../src/core/errors/redactSecrets';
import type { HttpClient, HttpClientOptions, HttpRequest, RetryNotice } from '../../../src/core/http/httpClient';
import { expectProviderFailure } from '../fakes/expectProviderFailure';
import { fakeServerPerTest } from '../fakes/fakeServerPerTest';
import { openAiError } from '../fakes/openAiFake';

const context: ErrorContext = { provider: 'openai', model: 'gpt-image-1', operation: 'chat', redact: createRedactor([]) };
const imageAnswer = {
  status: 200,
  headers: { 'content-type': 'application/json' },
  chunks: ['{"created":1,"data":[{"b64_json":"AAAA"}]}'],
};

describe('billable requests (never paid twice)', () => {
  const fake = fakeServerPerTest();
  const client = (options: HttpClientOptions = {}): HttpClient => fake.client(options);

  function generate(extra: Partial<HttpRequest> = {}): HttpRequest {
    return {
      method: 'POST',
      url: `${fake.server.origin}/v1/images/generations`,
      body: '{"prompt":"a fox"}',
      billable: true,
      context,
      ...extra,
    };
  }

  it('waits the generation limit, not the chat first-byte limit, and is sent once', async () => {
    // Headers only after 400 ms: longer than the 150 ms first-byte limit of chat, within the generation limit.
    fake.server.enqueue({ ...imageAnswer, headersAfterMs: 400 });
    const retries: RetryNotice[] = [];
    const response = await client({ firstByteTimeoutMs: 150, generationTimeoutMs: 5_000 }).request(generate(), (r) => retries.push(r));
    assert.match(await response.text(), /b64_json/);
    assert.deepEqual(retries, []);
    assert.equal(fake.server.requests.length, 1);
  });

  it('a generation that times out is not POSTed again, and the error says the provider may still charge', async () => {
    fake.server.onRequest(() => ({ silent: true }));
    const retries: RetryNotice[] = [];
    const error = await expectProviderFailure(
      client({ generationTimeoutMs: 200, maxRetries: 3 }).request(generate(), (r) => retries.push(r)),
    );
    assert.equal(error.kind, 'timeout');
    assert.equal(error.possiblyBilled, true);
    assert.equal(error.retryable, false);
    assert.match(error.message, /may still charge/);
    assert.match(error.message, /switchboard\.images\.timeoutSeconds/);
    assert.deepEqual(retries, []);
    assert.equal(fake.server.requests.length, 1);
  });

  it('a connection reset after the body was sent is not retried either', async () => {
    // A raw server that reads the request and hangs up without a word (a load balancer dropping it).
    let received = 0;
    const raw = net.createServer((socket) => {
      socket.once('data', () => {
        received++;
        socket.destroy();
      });
    });
    raw.listen(0, '127.0.0.1');
    await once(raw, 'listening');
    try {
      const { port } = raw.address() as net.AddressInfo;
      const error = await expectProviderFailure(
        client({ maxRetries: 3 }).request(generate({ url: `http://127.0.0.1:${port}/v1/images/generations` })),
      );
      assert.equal(error.kind, 'network');
      assert.equal(error.possiblyBilled, true);
      assert.match(error.message, /did not send it again/);
      assert.equal(received, 1);
    } finally {
      raw.close();
    }
  });

  it('a 500 after sending is not retried; a 400 is a refusal and says nothing about charges', async () => {
    fake.server.enqueue(openAiError(500, { message: 'The server had an error while processing your request.', type: 'server_error' }));
    const failed = await expectProviderFailure(client({ maxRetries: 3 }).request(generate()));
    assert.equal(failed.kind, 'server');
    assert.equal(failed.possiblyBilled, true);
    assert.equal(fake.server.requests.length, 1);

    fake.server.enqueue(openAiError(400, { message: 'Invalid size', type: 'invalid_request_error', code: 'invalid_value' }));
    const refused = await expectProviderFailure(client({ maxRetries: 3 }).request(generate()));
    assert.equal(refused.kind, 'bad-request');
    assert.equal(refused.possiblyBilled, false);
    assert.doesNotMatch(refused.message, /charge/);
    assert.equal(fake.server.requests.length, 2);
  });

  it('is retried where the server said it did not do the work: 429 and 503', async () => {
    fake.server.enqueue(
      openAiError(
        429,
        { message: 'Rate limit reached for images per minute', type: 'requests', code: 'rate_limit_exceeded' },
        { 'retry-after-ms': '10' },
      ),
      openAiError(503, { message: 'The engine is currently overloaded, please try again later', type: 'server_error' }),
      imageAnswer,
    );
    const retries: RetryNotice[] = [];
    const response = await client({ maxRetries: 3 }).request(generate(), (r) => retries.push(r));
    assert.match(await response.text(), /b64_json/);
    assert.deepEqual(
      retries.map((r) => r.error.status),
      [429, 503],
    );
    assert.equal(fake.server.requests.length, 3);
  });

  it('is retried when the connection was refused before anything was sent', async () => {
    const closed = net.createServer();
    closed.listen(0, '127.0.0.1');
    await once(closed, 'listening');
    const { port } = closed.address() as net.AddressInfo;
    await new Promise<void>((resolve) => closed.close(() => resolve()));
    const retries: RetryNotice[] = [];
    const error = await expectProviderFailure(
      client({ maxRetries: 2 }).request(generate({ url: `http://127.0.0.1:${port}/v1/images/generations` }), (r) => retries.push(r)),
    );
    assert.equal(error.kind, 'network');
    assert.equal(error.possiblyBilled, false);
    assert.equal(retries.length, 2);
  });

  it('leaves requests that are not billable as they were: a silent server is asked again', async () => {
    fake.server.enqueue({ silent: true }, imageAnswer);
    const retries: RetryNotice[] = [];
    const response = await client({ firstByteTimeoutMs: 150 }).request(generate({ billable: false }), (r) => retries.push(r));
    assert.match(await response.text(), /b64_json/);
    assert.equal(retries.length, 1);
    assert.equal(retries[0]?.error.kind, 'timeout');
    assert.equal(fake.server.requests.length, 2);
  });
});
