import * as assert from 'node:assert/strict';
import { RateLimiter } from '../../../src/core/chat/rateLimiter';
import { sydneyRateLimitDefaults } from '../../../src/core/chat/sydneyRateLimits';
import { ProviderError } from '../../../src/core/errors/providerError';
import type { HttpClient } from '../../../src/core/http/httpClient';
import { createImageProvider, type CreateImageProviderOptions } from '../../../src/core/images/createImageProvider';
import type { ImageProgress, ImageProvider } from '../../../src/core/images/imageTypes';
import { FakeClock } from '../chat/fakeClock';
import { testHttpClient } from '../fakes/chatTestKit';
import { FakeHttpServer } from '../fakes/fakeHttpServer';
import { imageResponse, tinyPng, tinyWebp } from '../fakes/imageFakes';
import { expectProviderFailure } from '../fakes/expectProviderFailure';
import { sydneyError, sydneyImageUrl, sydneyRateLimited } from '../fakes/sydneyFake';

const key = 'ddosxd-api-fakekey0123456789';

describe('Sydney gateway image provider', () => {
  let gateway: FakeHttpServer;
  let images: FakeHttpServer;
  const clients: HttpClient[] = [];

  beforeEach(async () => {
    gateway = await FakeHttpServer.start();
    images = await FakeHttpServer.start();
  });
  afterEach(async () => {
    await Promise.all(clients.splice(0).map((c) => c.close()));
    await gateway.close();
    await images.close();
  });

  function provider(options: CreateImageProviderOptions = {}): ImageProvider {
    const http = testHttpClient({ maxRetries: 0 });
    clients.push(http);
    return createImageProvider({ id: 'sydney', baseUrl: gateway.origin }, { apiKey: key }, { http, ...options });
  }

  const failure = (promise: Promise<unknown>): Promise<ProviderError> => expectProviderFailure(promise, [key]);

  it('posts {model, prompt, ar, negative} with the raw key, then downloads the URL without it', async () => {
    gateway.enqueue(sydneyImageUrl(`${images.origin}/files/cat.webp?sig=abc`));
    images.enqueue(imageResponse(tinyWebp, { 'content-type': 'image/webp' }));
    const events: ImageProgress[] = [];
    const result = await provider().generate(
      { model: 'sdxl', prompt: 'A cat at night, photorealistic', aspectRatio: '16:9', negativePrompt: 'blurry' },
      (e) => events.push(e),
    );
    assert.equal(result.images[0]?.mimeType, 'image/webp');
    assert.deepEqual(result.images[0]?.bytes, tinyWebp);
    assert.deepEqual(
      events.map((e) => e.type),
      ['processing', 'downloading'],
    );

    const sent = gateway.requests[0];
    assert.equal(sent?.url, '/v1/image');
    assert.equal(sent?.headers.authorization, key);
    assert.deepEqual(JSON.parse(sent?.body ?? '{}'), {
      model: 'sdxl',
      prompt: 'A cat at night, photorealistic',
      ar: '16:9',
      negative: 'blurry',
    });

    const download = images.requests[0];
    assert.equal(download?.url, '/files/cat.webp?sig=abc');
    assert.equal(download?.headers.authorization, undefined, 'the gateway key never goes to the image host');
    assert.ok(!JSON.stringify(download?.headers).includes(key));
  });

  it('does not send the key even when the image is on the gateway itself', async () => {
    gateway.enqueue(sydneyImageUrl('/generated/1.png'), imageResponse(tinyPng));
    await provider().generate({ model: 'kandinsky', prompt: 'x' });
    assert.equal(gateway.requests[1]?.url, '/generated/1.png');
    assert.equal(gateway.requests[1]?.headers.authorization, undefined);
  });

  it('follows a redirect of the image URL (to another host), still without the key', async () => {
    gateway.enqueue(sydneyImageUrl(`${gateway.origin}/short/1`), { status: 302, headers: { location: `${images.origin}/cdn/1.png` } });
    images.enqueue(imageResponse(tinyPng));
    const result = await provider().generate({ model: 'sdxl', prompt: 'x' });
    assert.deepEqual(result.images[0]?.bytes, tinyPng);
    assert.equal(gateway.requests[1]?.headers.authorization, undefined);
    assert.equal(images.requests[0]?.url, '/cdn/1.png');
    assert.equal(images.requests[0]?.headers.authorization, undefined);
  });

  it('cuts off a download that goes on past the size limit (50 MB served), and closes the connection', async () => {
    gateway.enqueue(sydneyImageUrl(`${images.origin}/huge.png`));
    const megabyte = new Uint8Array(1024 * 1024);
    megabyte.set(tinyPng.subarray(0, 8));
    images.enqueue({
      status: 200,
      headers: { 'content-type': 'image/png' },
      chunks: Array.from({ length: 50 }, () => megabyte),
      gap: 'immediate',
    });
    const error = await failure(provider().generate({ model: 'sdxl', prompt: 'x' }));
    assert.equal(error.kind, 'invalid-response');
    assert.match(error.message, /The image at 127\.0\.0\.1:\d+ is larger than 20 MB.*stopped downloading/);
    assert.equal(error.messageId, 'download.tooLarge');
    assert.deepEqual(error.params, { host: new URL(images.origin).host, size: { id: 'size.mb', params: { value: 20 } } });
    assert.equal((await images.requests[0]?.closed)?.completed, false, 'the server sees the client hang up');
  });

  it('refuses a download whose content-length is over the limit without reading it', async () => {
    gateway.enqueue(sydneyImageUrl(`${images.origin}/big.png`));
    images.enqueue({
      status: 200,
      headers: { 'content-type': 'image/png', 'content-length': String(3000) },
      chunks: [new Uint8Array(3000)],
    });
    const error = await failure(provider({ downloadMaxBytes: 1000 }).generate({ model: 'sdxl', prompt: 'x' }));
    assert.match(error.message, /larger than 1000 bytes/);
    assert.deepEqual(error.params['size'], { id: 'size.bytes', params: { value: 1000 } });
  });

  it('gives up on an image URL that never answers', async () => {
    gateway.enqueue(sydneyImageUrl(`${images.origin}/slow.png`));
    images.enqueue({ silent: true });
    const error = await failure(provider({ downloadTimeLimitMs: 200 }).generate({ model: 'sdxl', prompt: 'x' }));
    assert.equal(error.kind, 'timeout');
    assert.match(error.message, /did not arrive within 200 ms/);
    assert.equal(error.messageId, 'download.timeout');
    assert.deepEqual(error.params['duration'], { id: 'duration.ms', params: { value: 200 } });
    assert.equal((await images.requests[0]?.closed)?.completed, false);
  });

  it('maps {error} answers: 429 is a rate limit, quoted; 401 is auth', async () => {
    gateway.enqueue(sydneyRateLimited(), sydneyError(401, `bad key ${key}`));
    const limited = await failure(provider().generate({ model: 'sdxl', prompt: 'x' }));
    assert.equal(limited.kind, 'rate-limit');
    assert.match(limited.message, /слишком много запросов/);
    const auth = await failure(provider().generate({ model: 'sdxl', prompt: 'x' }));
    assert.equal(auth.kind, 'auth');
  });

  it('maps an {error} that arrives with 200', async () => {
    gateway.enqueue(sydneyError(200, 'model is overloaded'));
    const error = await failure(provider().generate({ model: 'sdxl', prompt: 'x' }));
    assert.match(error.message, /model is overloaded/);
    assert.equal(images.requests.length, 0);
  });

  it('refuses a downloaded file that is not an image', async () => {
    gateway.enqueue(sydneyImageUrl(`${images.origin}/x.png`));
    images.enqueue({ status: 200, headers: { 'content-type': 'text/html' }, chunks: ['<html>Not found</html>'] });
    const error = await failure(provider().generate({ model: 'sdxl', prompt: 'x' }));
    assert.equal(error.kind, 'invalid-response');
    assert.match(
      error.message,
      /sydney sent 22 bytes that are not a PNG, JPEG or WebP image \(they start with '<html>Not found<\/html>'\)/,
    );
    assert.equal(error.messageId, 'image.notImage');
    assert.deepEqual(error.params['leading'], { id: 'image.leading.text', params: { text: '<html>Not found</html>' } });
  });

  it('reports an expired image link (404 at the image host)', async () => {
    gateway.enqueue(sydneyImageUrl(`${images.origin}/gone.png`));
    images.enqueue({ status: 404, chunks: ['gone'] });
    const error = await failure(provider().generate({ model: 'sdxl', prompt: 'x' }));
    assert.equal(error.kind, 'not-found');
    assert.match(error.message, /Downloading the image from .* failed \(404\)/);
    assert.equal(error.messageId, 'download.expired');
    assert.deepEqual(error.params, { host: new URL(images.origin).host, status: ' (404)' });
    assert.equal(
      error.message,
      `Downloading the image from ${new URL(images.origin).host} failed (404). The link may have expired; generate the image again.`,
    );
  });

  it('refuses an image address that is not a URL by name, not as an unexpected failure', async () => {
    gateway.enqueue(sydneyImageUrl('http://[::1/cat.png'));
    const error = await failure(provider().generate({ model: 'sdxl', prompt: 'x' }));
    assert.equal(error.kind, 'invalid-response');
    assert.equal(error.messageId, 'download.notUrl');
    assert.equal(error.message, 'sydney answered with an image address that is not a URL: “http://[::1/cat.png”.');
  });

  it('goes through the rate limiter: the 4th sdxl image in a minute waits, and says so', async () => {
    const clock = new FakeClock();
    const limiter = new RateLimiter({ limitsFor: () => sydneyRateLimitDefaults, clock });
    gateway.onRequest((request) => (request.url === '/v1/image' ? sydneyImageUrl(`${images.origin}/i.png`) : undefined));
    images.onRequest(() => imageResponse(tinyPng));
    const events: ImageProgress[] = [];
    const result = await provider({ rateLimiter: limiter }).generate({ model: 'sdxl', prompt: 'x', count: 4 }, (e) => events.push(e));
    assert.equal(result.images.length, 4);
    const waits = events.filter((e) => e.type === 'waiting-rate-limit');
    assert.equal(waits.length, 1);
    assert.equal(waits[0]?.imageIndex, 4);
    assert.match(waits[0]?.detail ?? '', /Waiting 60 s for the requests-per-minute limit of sydney\/sdxl/);
  });

  it('lists sdxl and kandinsky, and cannot verify a key for free', async () => {
    assert.deepEqual(
      (await provider().listImageModels()).map((m) => m.id),
      ['sdxl', 'kandinsky'],
    );
    assert.deepEqual(await provider().checkKey(), { result: 'unverified' });
    assert.equal(gateway.requests.length, 0);
  });
});
