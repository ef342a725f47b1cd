// Image URLs (and redirects) named by a provider's answer reach only public addresses, unless the provider's own
// base URL is on the same kind of non-public address (a local gateway). The "public" provider here is reached
// through FakeProxy, which resolves `sydney.example` itself: through a proxy, DNS happens at the proxy, so Switchboard
// sees only a name — which is what a real public gateway looks like from here.
import * as assert from 'node:assert/strict';
import * as https from 'node:https';
import { once } from 'node:events';
import { readFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import * as path from 'node:path';
import { errorText, fillTemplate, renderErrorText } from '../../../src/core/errors/errorText';
import { errorTemplates } from '../../../src/core/errors/errorTemplates';
import type { ProviderError } from '../../../src/core/errors/providerError';
import type { HttpClient, HttpClientOptions } from '../../../src/core/http/httpClient';
import { createImageProvider } from '../../../src/core/images/createImageProvider';
import type { ImageProvider } from '../../../src/core/images/imageTypes';
import { testHttpClient } from '../fakes/chatTestKit';
import { expectProviderFailure } from '../fakes/expectProviderFailure';
import { FakeHttpServer } from '../fakes/fakeHttpServer';
import { fakeLookup } from '../fakes/fakeLookup';
import { FakeProxy } from '../fakes/fakeProxy';
import { imageResponse, jsonResponse, tinyPng } from '../fakes/imageFakes';
import { selfSignedCertificate } from '../fakes/selfSignedCert';
import { sydneyImageUrl } from '../fakes/sydneyFake';

const key = 'ddosxd-api-fakekey0123456789';
const entrySecret = 'entry-header-fake-secret-42';

describe('image downloads: which addresses an image URL may reach', () => {
  let gateway: FakeHttpServer;
  let images: FakeHttpServer;
  let proxy: FakeProxy;
  const clients: HttpClient[] = [];
  // `sydney.example` is public as far as local DNS knows (never connected to directly: it goes through the proxy).
  const dns = fakeLookup({
    'sydney.example': '151.101.1.69',
    'images.example': '127.0.0.1',
    'gateway.example': '127.0.0.1',
    localhost: '127.0.0.1',
  });

  beforeEach(async () => {
    gateway = await FakeHttpServer.start();
    images = await FakeHttpServer.start();
    proxy = await FakeProxy.start({ hosts: { 'sydney.example': '127.0.0.1', 'cdn.example': '127.0.0.1' } });
  });
  afterEach(async () => {
    await Promise.all(clients.splice(0).map((c) => c.close()));
    await Promise.all([gateway.close(), images.close(), proxy.close()]);
  });

  const portOf = (server: FakeHttpServer): string => new URL(server.origin).port;

  function sydney(baseUrl: string, options: HttpClientOptions = {}): ImageProvider {
    const http = testHttpClient({ maxRetries: 2, lookup: dns.lookup, ...options });
    clients.push(http);
    return createImageProvider({ id: 'sydney', baseUrl, headers: { 'x-entry': entrySecret } }, { apiKey: key }, { http });
  }

  /** A Sydney gateway whose base URL is a public name, reached through the proxy. */
  function publicSydney(): ImageProvider {
    return sydney(`http://sydney.example:${portOf(gateway)}`, { proxy: proxy.url, noProxy: ['images.example'] });
  }

  const failure = (promise: Promise<unknown>): Promise<ProviderError> => expectProviderFailure(promise, [key, entrySecret]);

  describe('a provider whose base URL is public', () => {
    it('refuses an image URL on 127.0.0.1, without connecting to it', async () => {
      gateway.enqueue(sydneyImageUrl(`${images.origin}/files/cat.png`));
      const error = await failure(publicSydney().generate({ model: 'sdxl', prompt: 'x' }));
      assert.equal(error.kind, 'invalid-response');
      assert.equal(error.provider, 'sydney');
      assert.equal(error.model, 'sdxl');
      assert.match(
        error.message,
        /^Switchboard did not download the image from 127\.0\.0\.1: that is a loopback address \(this computer\)\. Images named in an answer are downloaded only from public addresses, or from the same kind of address as sydney's own base URL\.$/,
      );
      assert.equal(error.messageId, 'download.refused.trusted');
      assert.deepEqual(error.params, { where: '127.0.0.1', kind: errorText('address.loopback'), provider: 'sydney' });
      // The whole sentence, the kind of address included, is data: in Russian no English word is left.
      const ru = JSON.parse(readFileSync(path.resolve(__dirname, '../../../l10n/bundle.l10n.ru.json'), 'utf8')) as Record<string, string>;
      assert.equal(
        renderErrorText({ id: error.messageId, params: error.params }, (id, params) => fillTemplate(ru[errorTemplates[id]] ?? '', params)),
        'Switchboard не стал скачивать изображение с 127.0.0.1: это адрес обратной петли (этот компьютер). Изображения из ответа скачиваются только с публичных адресов или с адресов того же вида, что и базовый URL sydney.',
      );
      assert.equal(gateway.requests.length, 1, 'the generation itself went to the gateway');
      assert.deepEqual(proxy.seen, [`sydney.example:${portOf(gateway)}`]);
      assert.equal(images.requests.length, 0);
    });

    it('refuses a name that resolves to 127.0.0.1 (checked after DNS, by the connection)', async () => {
      gateway.enqueue(sydneyImageUrl(`http://images.example:${portOf(images)}/files/cat.png`));
      const error = await failure(publicSydney().generate({ model: 'sdxl', prompt: 'x' }));
      assert.match(
        error.message,
        /did not download the image from images\.example, which resolves to 127\.0\.0\.1: that is a loopback address/,
      );
      assert.deepEqual(error.params['where'], errorText('download.resolvesTo', { host: 'images.example', address: '127.0.0.1' }));
      assert.ok(dns.asked.includes('images.example'));
      assert.equal(images.requests.length, 0);
    });

    it('refuses link-local (cloud metadata), private and mapped addresses', async () => {
      const cases: readonly (readonly [string, RegExp, string])[] = [
        [
          'http://169.254.169.254/latest/meta-data/iam/security-credentials/',
          /169\.254\.169\.254: that is a link-local address/,
          'address.linkLocal',
        ],
        ['http://10.0.0.7/x.png', /10\.0\.0\.7: that is a private-network address/, 'address.private'],
        ['http://[::ffff:a9fe:a9fe]/x.png', /::ffff:a9fe:a9fe: that is a link-local address/, 'address.linkLocal'],
        ['http://0.0.0.0:80/x.png', /0\.0\.0\.0: that is the unspecified address/, 'address.unspecified'],
        ['http://100.100.100.200/x.png', /100\.100\.100\.200: that is a carrier-grade NAT \(shared\) address/, 'address.shared'],
      ];
      for (const [url, message, kind] of cases) {
        gateway.enqueue(sydneyImageUrl(url));
        const error = await failure(publicSydney().generate({ model: 'sdxl', prompt: 'x' }));
        assert.equal(error.kind, 'invalid-response', url);
        assert.match(error.message, message);
        assert.deepEqual(error.params['kind'], { id: kind, params: {} }, url);
      }
    });

    it('follows a redirect on a public host, then refuses the hop that goes to loopback', async () => {
      gateway.enqueue(sydneyImageUrl(`http://cdn.example:${portOf(images)}/short/1`));
      images.enqueue({ status: 302, headers: { location: `http://127.0.0.1:${portOf(images)}/real.png` } });
      const error = await failure(publicSydney().generate({ model: 'sdxl', prompt: 'x' }));
      assert.match(error.message, /did not download the image from 127\.0\.0\.1: that is a loopback address/);
      assert.deepEqual(
        images.requests.map((r) => r.url),
        ['/short/1'],
        'the first hop was fetched, the second never',
      );
      assert.equal(images.requests[0]?.headers.authorization, undefined);
    });

    it('refuses a redirect hop whose name resolves to loopback', async () => {
      gateway.enqueue(sydneyImageUrl(`http://cdn.example:${portOf(images)}/short/2`));
      images.enqueue({ status: 301, headers: { location: `http://images.example:${portOf(images)}/real.png` } });
      const error = await failure(publicSydney().generate({ model: 'sdxl', prompt: 'x' }));
      assert.match(error.message, /images\.example, which resolves to 127\.0\.0\.1/);
      assert.deepEqual(
        images.requests.map((r) => r.url),
        ['/short/2'],
      );
    });
  });

  describe('a provider whose base URL is on loopback (a local gateway)', () => {
    it('downloads from loopback (literal, localhost, or a name resolving there), with no key and no entry headers', async () => {
      const urls = [`${images.origin}/a.png`, `http://localhost:${portOf(images)}/b.png`, `http://images.example:${portOf(images)}/c.png`];
      for (const baseUrl of [gateway.origin, `http://gateway.example:${portOf(gateway)}`]) {
        for (const url of urls) {
          gateway.enqueue(sydneyImageUrl(url));
          images.enqueue(imageResponse(tinyPng));
          const result = await sydney(baseUrl).generate({ model: 'sdxl', prompt: 'x' });
          assert.deepEqual(result.images[0]?.bytes, tinyPng);
        }
      }
      assert.equal(images.requests.length, 6);
      for (const request of images.requests) {
        assert.equal(request.headers.authorization, undefined, 'the key never goes with a download');
        assert.equal(request.headers['x-entry'], undefined, 'nor do the entry’s headers');
        assert.ok(!JSON.stringify(request.headers).includes(key));
      }
      assert.equal(gateway.requests[0]?.headers.authorization, key, 'while the gateway itself gets the key');
      assert.equal(gateway.requests[0]?.headers['x-entry'], entrySecret);
    });

    it('still refuses another kind of address: link-local (cloud metadata) and the private network', async () => {
      for (const url of ['http://169.254.169.254/latest/meta-data/', 'http://192.168.1.1/x.png', 'http://[fe80::1]/x.png']) {
        gateway.enqueue(sydneyImageUrl(url));
        const error = await failure(sydney(gateway.origin).generate({ model: 'kandinsky', prompt: 'x' }));
        assert.equal(error.kind, 'invalid-response');
        assert.match(error.message, /that is a (link-local|private-network) address/);
      }
    });

    it('applies to OpenAI-compatible servers answering data[].url too', async () => {
      const http = testHttpClient({ maxRetries: 0 });
      clients.push(http);
      const local = createImageProvider(
        { id: 'local-images', kind: 'openai', baseUrl: `${gateway.origin}/v1`, requiresKey: false },
        {},
        { http },
      );
      gateway.enqueue(jsonResponse({ created: 1, data: [{ url: 'http://169.254.169.254/latest/meta-data/' }] }));
      const error = await failure(local.generate({ model: 'local-diffusion', prompt: 'x' }));
      assert.match(error.message, /^Switchboard did not download the image from 169\.254\.169\.254: that is a link-local address/);
      assert.equal(error.messageId, 'download.refused.trusted');
      gateway.enqueue(jsonResponse({ created: 1, data: [{ url: `${images.origin}/ok.png` }] }));
      images.enqueue(imageResponse(tinyPng));
      assert.equal((await local.generate({ model: 'local-diffusion', prompt: 'x' })).images.length, 1);
    });
  });

  describe('https', () => {
    let secure: https.Server;
    let secureOrigin: string;

    beforeEach(async () => {
      secure = https.createServer(selfSignedCertificate(), (req, res) => {
        if (req.url === '/down') res.writeHead(302, { location: `http://127.0.0.1:${portOf(images)}/plain.png` }).end();
        else if (req.url === '/up') res.writeHead(302, { location: '/final.png' }).end();
        else res.writeHead(200, { 'content-type': 'image/png' }).end(tinyPng);
      });
      secure.listen(0, '127.0.0.1');
      await once(secure, 'listening');
      secureOrigin = `https://127.0.0.1:${(secure.address() as AddressInfo).port}`;
    });
    afterEach(async () => {
      secure.closeAllConnections();
      await new Promise<void>((resolve) => secure.close(() => resolve()));
    });

    it('refuses a redirect from https down to http, and follows one that stays on https', async () => {
      gateway.enqueue(sydneyImageUrl(`${secureOrigin}/down`));
      const error = await failure(sydney(gateway.origin, { strictSSL: false }).generate({ model: 'sdxl', prompt: 'x' }));
      assert.equal(error.kind, 'invalid-response');
      assert.match(
        error.message,
        /^The image at 127\.0\.0\.1:\d+ redirected from https to plain http \(127\.0\.0\.1:\d+\); Switchboard will not follow a redirect that drops encryption\.$/,
      );
      assert.equal(error.messageId, 'download.insecureRedirect');
      assert.deepEqual(error.params, { host: new URL(secureOrigin).host, next: `127.0.0.1:${portOf(images)}` });
      assert.equal(images.requests.length, 0);

      gateway.enqueue(sydneyImageUrl(`${secureOrigin}/up`));
      const result = await sydney(gateway.origin, { strictSSL: false }).generate({ model: 'sdxl', prompt: 'x' });
      assert.deepEqual(result.images[0]?.bytes, tinyPng);
    });
  });
});
