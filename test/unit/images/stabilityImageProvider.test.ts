import * as assert from 'node:assert/strict';
import { ProviderError } from '../../../src/core/errors/providerError';
import type { HttpClient } from '../../../src/core/http/httpClient';
import { createImageProvider } from '../../../src/core/images/createImageProvider';
import type { ImageProgress, ImageProvider } from '../../../src/core/images/imageTypes';
import { testHttpClient } from '../fakes/chatTestKit';
import { FakeHttpServer } from '../fakes/fakeHttpServer';
import { jsonResponse, multipartFields, tinyJpeg, tinyPng } from '../fakes/imageFakes';
import { expectProviderFailure } from '../fakes/expectProviderFailure';
import {
  stabilityArtifacts,
  stabilityImage,
  stabilityImageJson,
  stabilityModerated,
  stabilityNoCredits,
  stabilityV1Error,
  stabilityV2Error,
} from '../fakes/stabilityFake';

const key = 'sk-stability-fake-0123456789abcdef';

describe('Stability image provider', () => {
  let server: FakeHttpServer;
  const clients: HttpClient[] = [];

  beforeEach(async () => {
    server = await FakeHttpServer.start();
  });
  afterEach(async () => {
    await Promise.all(clients.splice(0).map((c) => c.close()));
    await server.close();
  });

  function provider(apiKey = key): ImageProvider {
    const http = testHttpClient({ maxRetries: 0 });
    clients.push(http);
    return createImageProvider({ id: 'stability', baseUrl: server.origin }, { apiKey }, { http });
  }

  const failure = (promise: Promise<unknown>): Promise<ProviderError> => expectProviderFailure(promise, [key]);

  describe('v2beta', () => {
    it('posts a multipart form with accept image/* and reads the bytes, seed and finish reason', async () => {
      server.enqueue(stabilityImage(tinyPng, { seed: 42 }));
      const events: ImageProgress[] = [];
      const result = await provider().generate(
        {
          model: 'core',
          prompt: 'A lighthouse at dusk',
          negativePrompt: 'blurry',
          aspectRatio: '16:9',
          seed: 42,
          style: 'cinematic',
          outputFormat: 'png',
        },
        (e) => events.push(e),
      );
      assert.equal(result.images.length, 1);
      const image = result.images[0];
      assert.deepEqual(image?.bytes, tinyPng);
      assert.equal(image?.mimeType, 'image/png');
      assert.equal(image?.seed, 42);
      assert.equal(image?.contentFiltered, false);
      assert.deepEqual(
        events.map((e) => e.type),
        ['processing'],
      );

      const sent = server.requests[0];
      assert.equal(sent?.method, 'POST');
      assert.equal(sent?.url, '/v2beta/stable-image/generate/core');
      assert.equal(sent?.headers.authorization, `Bearer ${key}`);
      assert.equal(sent?.headers.accept, 'image/*');
      const fields = await multipartFields(sent?.body ?? '', sent?.headers['content-type']);
      assert.deepEqual(Object.fromEntries(Object.entries(fields).map(([name, field]) => [name, field.value])), {
        prompt: 'A lighthouse at dusk',
        negative_prompt: 'blurry',
        aspect_ratio: '16:9',
        seed: '42',
        output_format: 'png',
        style_preset: 'cinematic',
      });
    });

    it('sends `model` for sd3.5 models, and a UTF-8 prompt intact', async () => {
      server.enqueue(stabilityImage(tinyJpeg, { contentType: 'image/jpeg', seed: 7 }));
      const result = await provider().generate({ model: 'sd3.5-large', prompt: 'Маяк в сумерках', outputFormat: 'jpeg' });
      assert.equal(result.images[0]?.mimeType, 'image/jpeg');
      const sent = server.requests[0];
      assert.equal(sent?.url, '/v2beta/stable-image/generate/sd3');
      const fields = await multipartFields(sent?.body ?? '', sent?.headers['content-type']);
      assert.equal(fields.model?.value, 'sd3.5-large');
      assert.equal(fields.prompt?.value, 'Маяк в сумерках');
    });

    it('makes several images with one request each, with successive seeds', async () => {
      server.enqueue(stabilityImage(tinyPng, { seed: 10 }), stabilityImage(tinyPng, { seed: 11 }));
      const events: ImageProgress[] = [];
      const result = await provider().generate({ model: 'ultra', prompt: 'x', count: 2, seed: 10 }, (e) => events.push(e));
      assert.deepEqual(
        result.images.map((i) => i.seed),
        [10, 11],
      );
      assert.equal(server.requests.length, 2);
      const second = await multipartFields(server.requests[1]?.body ?? '', server.requests[1]?.headers['content-type']);
      assert.equal(second.seed?.value, '11');
      assert.deepEqual(
        events.map((e) => [e.type, e.imageIndex, e.imageCount]),
        [
          ['processing', 1, 2],
          ['processing', 2, 2],
        ],
      );
    });

    it('returns a CONTENT_FILTERED image marked as filtered, not as a normal one', async () => {
      server.enqueue(stabilityImage(tinyPng, { finishReason: 'CONTENT_FILTERED', seed: 3 }));
      const result = await provider().generate({ model: 'core', prompt: 'x' });
      assert.equal(result.images[0]?.contentFiltered, true);
    });

    it('maps 403 content_moderation to content-filtered, quoting the errors list', async () => {
      server.enqueue(stabilityModerated());
      const error = await failure(provider().generate({ model: 'core', prompt: 'x' }));
      assert.equal(error.kind, 'content-filtered');
      assert.match(error.message, /flagged by our content moderation system/);
    });

    it('maps 401 to auth without quoting the body, 402 to quota, 400 errors[] quoted', async () => {
      server.enqueue(
        // The key echoed back: a 401 body is never quoted.
        stabilityV2Error(401, 'unauthorized', [`bad key ${key}`]),
        stabilityNoCredits(),
        stabilityV2Error(400, 'bad_request', ['prompt: cannot be empty', 'seed: too large']),
      );
      const auth = await failure(provider().generate({ model: 'core', prompt: 'x' }));
      assert.equal(auth.kind, 'auth');
      assert.equal(auth.status, 401);
      const quota = await failure(provider().generate({ model: 'core', prompt: 'x' }));
      assert.equal(quota.kind, 'quota');
      const bad = await failure(provider().generate({ model: 'core', prompt: 'x' }));
      assert.equal(bad.kind, 'bad-request');
      assert.match(bad.message, /prompt: cannot be empty; seed: too large/);
    });

    it('refuses bytes that are not an image, saying what they look like', async () => {
      const page = Buffer.from(`<html><body>${'x'.repeat(490)}</body></html>`);
      server.enqueue({ status: 200, headers: { 'content-type': 'image/png', 'finish-reason': 'SUCCESS' }, chunks: [page] });
      const error = await failure(provider().generate({ model: 'core', prompt: 'x' }));
      assert.equal(error.kind, 'invalid-response');
      assert.match(
        error.message,
        new RegExp(`sent ${page.length} bytes that are not a PNG, JPEG or WebP image \\(they start with '<html><body>`),
      );
    });

    it('reads a JSON answer ({image, finish_reason, seed}) too', async () => {
      server.enqueue(stabilityImageJson(tinyPng, { finishReason: 'CONTENT_FILTERED', seed: 5 }));
      const result = await provider().generate({ model: 'core', prompt: 'x' });
      assert.equal(result.images[0]?.contentFiltered, true);
      assert.equal(result.images[0]?.seed, 5);
    });
  });

  describe('v1', () => {
    it('posts JSON text_prompts (negative prompt weight -1) and reads artifacts', async () => {
      server.enqueue(
        stabilityArtifacts([
          { bytes: tinyPng, seed: 1234 },
          { bytes: tinyPng, seed: 1235, finishReason: 'CONTENT_FILTERED' },
        ]),
      );
      const result = await provider().generate({
        model: 'v1/stable-diffusion-xl-1024-v1-0',
        prompt: 'A small cozy robotics lab',
        negativePrompt: 'blurry, lowres',
        width: 1152,
        height: 896,
        count: 2,
        seed: 0,
        style: 'cinematic',
        options: { cfgScale: 7, steps: 30 },
      });
      assert.deepEqual(
        result.images.map((i) => [i.seed, i.contentFiltered, i.mimeType]),
        [
          [1234, false, 'image/png'],
          [1235, true, 'image/png'],
        ],
      );
      const sent = server.requests[0];
      assert.equal(sent?.url, '/v1/generation/stable-diffusion-xl-1024-v1-0/text-to-image');
      assert.equal(sent?.headers.authorization, `Bearer ${key}`);
      assert.deepEqual(JSON.parse(sent?.body ?? '{}'), {
        text_prompts: [
          { text: 'A small cozy robotics lab', weight: 1 },
          { text: 'blurry, lowres', weight: -1 },
        ],
        width: 1152,
        height: 896,
        samples: 2,
        cfg_scale: 7,
        steps: 30,
        seed: 0,
        style_preset: 'cinematic',
      });
    });

    it('maps an aspect ratio to the closest SDXL size', async () => {
      server.enqueue(stabilityArtifacts([{ bytes: tinyPng, seed: 1 }]));
      await provider().generate({ model: 'v1/stable-diffusion-xl-1024-v1-0', prompt: 'x', aspectRatio: '16:9' });
      const body = JSON.parse(server.requests[0]?.body ?? '{}') as { width: number; height: number };
      assert.deepEqual([body.width, body.height], [1344, 768]);
    });

    it('fails when every artifact is an ERROR', async () => {
      server.enqueue(stabilityArtifacts([{ bytes: new Uint8Array(0), seed: 1, finishReason: 'ERROR' }]));
      const error = await failure(provider().generate({ model: 'v1/stable-diffusion-xl-1024-v1-0', prompt: 'x' }));
      assert.equal(error.kind, 'server');
      assert.match(error.message, /finish reason ERROR/);
    });

    it('maps the v1 error shape {id, name, message}: 404 of a retired engine names the model', async () => {
      server.enqueue(stabilityV1Error(404, 'not_found', 'engine not found'));
      const error = await failure(provider().generate({ model: 'v1/stable-diffusion-v1-5', prompt: 'x', width: 512, height: 512 }));
      assert.equal(error.kind, 'not-found');
      assert.match(error.message, /v1\/stable-diffusion-v1-5/);
      assert.match(error.message, /engine not found/);
      assert.match(error.message, /Choose another image model/);
    });
  });

  it('lists core, ultra, sd3 models and the v1 picture engines from the live list', async () => {
    server.enqueue(
      jsonResponse([
        { id: 'stable-diffusion-xl-1024-v1-0', name: 'Stable Diffusion XL v1.0', description: '', type: 'PICTURE' },
        { id: 'esrgan-v1-x2plus', name: 'Real-ESRGAN x2', description: '', type: 'PICTURE' },
        { id: 'some-text-engine', name: 'Text', description: '', type: 'TEXT' },
      ]),
    );
    const models = await provider().listImageModels();
    const ids = models.map((m) => m.id);
    assert.deepEqual(ids.slice(0, 3), ['core', 'ultra', 'sd3']);
    assert.ok(ids.includes('sd3.5-large'));
    assert.ok(ids.includes('v1/stable-diffusion-xl-1024-v1-0'));
    assert.ok(!ids.includes('v1/some-text-engine'));
    assert.equal(server.requests[0]?.url, '/v1/engines/list');
    assert.equal(server.requests[0]?.headers.authorization, `Bearer ${key}`);
  });

  it('still lists the current models when the legacy engine list is gone (404)', async () => {
    server.enqueue(stabilityV1Error(404, 'not_found', 'gone'));
    const ids = (await provider().listImageModels()).map((m) => m.id);
    assert.ok(ids.includes('core'));
    assert.ok(!ids.some((id) => id.startsWith('v1/')));
  });

  it('checks the key with the balance, which costs nothing', async () => {
    server.enqueue(jsonResponse({ credits: 12.5 }), stabilityV1Error(401, 'unauthorized', 'missing authorization header'));
    assert.deepEqual(await provider().checkKey(), { result: 'works', credits: 12.5 });
    assert.equal(server.requests[0]?.url, '/v1/user/balance');
    const rejected = await provider().checkKey();
    assert.equal(rejected.result, 'rejected');
  });

  it('refuses to generate without a key, before any request', async () => {
    const error = await failure(provider('').generate({ model: 'core', prompt: 'x' }));
    assert.equal(error.kind, 'auth');
    assert.match(error.message, /STABILITY_API_KEY/);
    assert.equal(server.requests.length, 0);
  });

  it('lists its style presets', async () => {
    const styles = await provider().listStyles();
    assert.ok(styles.some((s) => s.name === 'pixel-art'));
  });
});
