// Every way an image download fails is data: a message id and its parameters (errorTemplates.ts), whose English
// text reads as one sentence. The image host is a plain HTTP server answering as RFC 9110 describes (a 3xx with a
// `location` to follow, a 5xx for its own failure).
import * as assert from 'node:assert/strict';
import type { ErrorContext } from '../../../src/core/errors/errorContext';
import { errorText } from '../../../src/core/errors/errorText';
import type { ProviderError } from '../../../src/core/errors/providerError';
import { createRedactor } from '../../../src/core/errors/redactSecrets';
import type { HttpClient } from '../../../src/core/http/httpClient';
import { downloadImage } from '../../../src/core/images/downloadImage';
import { testHttpClient } from '../fakes/chatTestKit';
import { expectProviderFailure } from '../fakes/expectProviderFailure';
import { FakeHttpServer } from '../fakes/fakeHttpServer';
import { imageResponse, tinyPng } from '../fakes/imageFakes';

const key = 'sk-fake-download-key-0123456789';

describe('downloadImage: its errors as message ids', () => {
  let host: FakeHttpServer;
  let http: HttpClient;
  const context: ErrorContext = { provider: 'local-images', model: 'sdxl', operation: 'chat', redact: createRedactor([key]) };

  beforeEach(async () => {
    host = await FakeHttpServer.start();
    http = testHttpClient({ maxRetries: 0 });
  });
  afterEach(async () => {
    await http.close();
    await host.close();
  });

  /** A download on behalf of a provider whose own base URL is on this computer, so 127.0.0.1 may be reached. */
  function download(url: string, options: { trusted?: boolean } = {}): Promise<Uint8Array> {
    return downloadImage(url, {
      http,
      context,
      maxBytes: 1024 * 1024,
      timeLimitMs: 5_000,
      ...(options.trusted === false ? {} : { providerBaseUrl: host.origin }),
    });
  }

  const failure = (promise: Promise<unknown>): Promise<ProviderError> => expectProviderFailure(promise, [key]);

  it('follows up to 5 redirects, and names a redirect loop after that', async () => {
    for (let hop = 1; hop <= 6; hop++) host.enqueue({ status: 302, headers: { location: `/loop/${hop}` } });
    const error = await failure(download(`${host.origin}/loop/0`));
    assert.equal(error.kind, 'invalid-response');
    assert.equal(error.messageId, 'download.tooManyRedirects');
    const where = new URL(host.origin).host;
    assert.deepEqual(error.params, { host: where, max: 5 });
    assert.equal(error.message, `The image at ${where} redirected more than 5 times; Switchboard stopped following it.`);
    assert.equal(host.requests.length, 6, 'the first request and five redirects, no more');
    assert.equal(error.provider, 'local-images');
    assert.equal(error.model, 'sdxl');

    host.enqueue({ status: 301, headers: { location: '/final.png' } }, imageResponse(tinyPng));
    assert.deepEqual(await download(`${host.origin}/moved.png`), tinyPng, 'one redirect is simply followed');
  });

  it('names the host and status of a failed download; a server error is retryable, an expired link is not', async () => {
    host.enqueue({ status: 500, chunks: ['oops'] }, { status: 410, chunks: ['gone'] });
    const where = new URL(host.origin).host;
    const server = await failure(download(`${host.origin}/a.png`));
    assert.equal(server.kind, 'server');
    assert.equal(server.messageId, 'download.failed');
    assert.deepEqual(server.params, { host: where, status: ' (500)' });
    assert.equal(server.message, `Downloading the image from ${where} failed (500).`);
    const gone = await failure(download(`${host.origin}/b.png`));
    assert.equal(gone.kind, 'not-found');
    assert.equal(gone.messageId, 'download.expired');
    assert.equal(gone.status, 410);
  });

  it('refuses an address that is not a URL, not http(s), or carries a user name, without connecting', async () => {
    const notUrl = await failure(download(`http://[::1/${key}`));
    assert.equal(notUrl.messageId, 'download.notUrl');
    assert.equal(notUrl.params['provider'], 'local-images');
    assert.ok(!String(notUrl.params['url']).includes(key), 'the quoted address is redacted');

    const ftp = await failure(download('ftp://files.example/cat.png'));
    assert.equal(ftp.messageId, 'download.scheme');
    assert.deepEqual(ftp.params, { provider: 'local-images', scheme: 'ftp:' });
    assert.equal(ftp.message, 'local-images answered with an image address Switchboard will not open (ftp: is not http or https).');

    const credentials = await failure(download(`http://user:${key}@127.0.0.1:1/cat.png`));
    assert.equal(credentials.messageId, 'download.credentials');
    assert.deepEqual(credentials.params, { provider: 'local-images' });
    assert.equal(host.requests.length, 0);
  });

  it('refuses a non-public address outright when the provider gave no base URL of its own', async () => {
    const error = await failure(download(`${host.origin}/cat.png`, { trusted: false }));
    assert.equal(error.kind, 'invalid-response');
    assert.equal(error.messageId, 'download.refused');
    assert.deepEqual(error.params, { where: '127.0.0.1', kind: errorText('address.loopback') });
    assert.equal(
      error.message,
      'Switchboard did not download the image from 127.0.0.1: that is a loopback address (this computer). Images named in an answer are downloaded only from public addresses.',
    );
    assert.equal(host.requests.length, 0);
  });
});
