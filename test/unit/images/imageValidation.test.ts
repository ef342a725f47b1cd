// Validation happens before any request, and its messages name the limit; keys never appear in any message.
import * as assert from 'node:assert/strict';
import { ProviderError } from '../../../src/core/errors/providerError';
import type { HttpClient } from '../../../src/core/http/httpClient';
import { createImageProvider } from '../../../src/core/images/createImageProvider';
import type { ImageProvider, ImageRequest } from '../../../src/core/images/imageTypes';
import { testHttpClient } from '../fakes/chatTestKit';
import { FakeHttpServer } from '../fakes/fakeHttpServer';
import { fusionBrainAvailability, fusionBrainFailed, fusionBrainRunAccepted } from '../fakes/fusionBrainFake';
import { jsonResponse } from '../fakes/imageFakes';
import { openAiError } from '../fakes/openAiFake';
import { stabilityV2Error } from '../fakes/stabilityFake';
import { sydneyError } from '../fakes/sydneyFake';

const key = 'fake-key-0123456789abcdefXYZ';
const secret = 'fake-secret-9876543210zyxw';

describe('Image request validation', () => {
  let server: FakeHttpServer;
  const clients: HttpClient[] = [];

  beforeEach(async () => {
    server = await FakeHttpServer.start();
  });
  afterEach(async () => {
    await Promise.all(clients.splice(0).map((c) => c.close()));
    await server.close();
  });

  function provider(id: 'stability' | 'fusionbrain' | 'openai' | 'sydney'): ImageProvider {
    const http = testHttpClient({ maxRetries: 0 });
    clients.push(http);
    return createImageProvider(
      { id, baseUrl: server.origin },
      { apiKey: key, apiSecret: secret },
      { http, stylesUrl: `${server.origin}/styles` },
    );
  }

  /** Both `validate` and `generate` refuse with a bad-request naming the limit, and nothing is sent. */
  async function refuses(id: 'stability' | 'fusionbrain' | 'openai' | 'sydney', request: ImageRequest, expected: RegExp): Promise<void> {
    const p = provider(id);
    assert.throws(
      () => p.validate(request),
      (error: unknown) => error instanceof ProviderError && error.kind === 'bad-request' && expected.test(error.message),
    );
    await assert.rejects(p.generate(request), (error: unknown) => {
      assert.ok(error instanceof ProviderError);
      assert.equal(error.kind, 'bad-request');
      assert.match(error.message, expected);
      return true;
    });
    assert.equal(server.requests.length, 0, 'no request when validation fails');
  }

  describe('Kandinsky (Fusion Brain)', () => {
    it('sizes must be multiples of 64 up to 1024', async () => {
      await refuses(
        'fusionbrain',
        { model: 'kandinsky', prompt: 'x', width: 1000, height: 1024 },
        /^Kandinsky sizes must be multiples of 64 up to 1024: 1000 is not\.$/,
      );
      await refuses(
        'fusionbrain',
        { model: 'kandinsky', prompt: 'x', width: 1024, height: 1280 },
        /multiples of 64 up to 1024: 1280 is not/,
      );
    });
    it('the prompt is at most 1000 characters', async () => {
      await refuses(
        'fusionbrain',
        { model: 'kandinsky', prompt: 'к'.repeat(1200) },
        /^The prompt is 1200 characters; Kandinsky accepts at most 1000\.$/,
      );
    });
    it('takes no seed', async () => {
      await refuses('fusionbrain', { model: 'kandinsky', prompt: 'x', seed: 1 }, /Kandinsky takes no seed/);
    });
    it('an aspect ratio becomes a size in steps of 64', () => {
      provider('fusionbrain').validate({ model: 'kandinsky', prompt: 'x', aspectRatio: '16:9' });
    });
  });

  describe('Stability', () => {
    it('SDXL accepts only its sizes', async () => {
      await refuses(
        'stability',
        { model: 'v1/stable-diffusion-xl-1024-v1-0', prompt: 'x', width: 1000, height: 1000 },
        /^SDXL accepts only these sizes: 1024x1024, 1152x896, 896x1152, 1216x832, 832x1216, 1344x768, 768x1344, 1536x640, 640x1536\. 1000x1000 is not one of them\.$/,
      );
    });
    it('v2beta takes only its aspect ratios', async () => {
      await refuses(
        'stability',
        { model: 'core', prompt: 'x', aspectRatio: '4:3' },
        /accepts only these aspect ratios: 16:9, 1:1, 21:9, 2:3, 3:2, 4:5, 5:4, 9:16, 9:21\. 4:3 is not one of them/,
      );
      await refuses(
        'stability',
        { model: 'core', prompt: 'x', width: 1000, height: 700 },
        /takes an aspect ratio .* not a pixel size: 1000x700 is 10:7, none of them/,
      );
    });
    it('the prompt, seed, count, style and output format are checked', async () => {
      await refuses('stability', { model: 'core', prompt: '   ' }, /The prompt is empty/);
      await refuses(
        'stability',
        { model: 'core', prompt: 'x'.repeat(10_001) },
        /The prompt is 10001 characters; Stable Image Core accepts at most 10000/,
      );
      await refuses('stability', { model: 'v1/stable-diffusion-xl-1024-v1-0', prompt: 'x'.repeat(2001) }, /accepts at most 2000/);
      await refuses('stability', { model: 'core', prompt: 'x', seed: -1 }, /seed must be a whole number from 0 to 4294967294/);
      await refuses('stability', { model: 'core', prompt: 'x', count: 11 }, /makes 1 to 10 images per request: 11 is not possible/);
      await refuses(
        'stability',
        { model: 'core', prompt: 'x', style: 'watercolor' },
        /no style “watercolor”: use one of 3d-model, analog-film/,
      );
      await refuses('stability', { model: 'sd3', prompt: 'x', outputFormat: 'webp' }, /makes png, jpeg images, not webp/);
      await refuses(
        'stability',
        { model: 'v1/stable-diffusion-xl-1024-v1-0', prompt: 'x', options: { steps: 200 } },
        /“steps” must be a whole number from 10 to 50/,
      );
    });
    it('an unknown model names the ones there are', async () => {
      await refuses('stability', { model: 'dall-e-3', prompt: 'x' }, /no image model “dall-e-3”: use core, ultra, sd3/);
    });
  });

  describe('OpenAI', () => {
    it('gpt-image sizes are a fixed list', async () => {
      await refuses(
        'openai',
        { model: 'gpt-image-1', prompt: 'x', width: 512, height: 512 },
        /^gpt-image-1 accepts only these sizes: 1024x1024, 1536x1024, 1024x1536, auto\. 512x512 is not one of them\.$/,
      );
      await refuses(
        'openai',
        { model: 'gpt-image-1', prompt: 'x', aspectRatio: '16:9' },
        /square \(1:1\), landscape \(3:2\) or portrait \(2:3\)/,
      );
    });
    it('no seed, negative prompt or style; options from their lists', async () => {
      await refuses('openai', { model: 'gpt-image-1', prompt: 'x', seed: 3 }, /gpt-image-1 takes no seed/);
      await refuses('openai', { model: 'gpt-image-1', prompt: 'x', negativePrompt: 'blur' }, /takes no negative prompt/);
      await refuses(
        'openai',
        { model: 'gpt-image-1', prompt: 'x', options: { quality: 'hd' } },
        /“quality” for gpt-image-1 must be one of low, medium, high, auto: "hd" is not/,
      );
      await refuses(
        'openai',
        { model: 'gpt-image-1', prompt: 'x', outputFormat: 'jpeg', options: { background: 'transparent' } },
        /transparent background needs the png or webp format/,
      );
    });
  });

  describe('Sydney', () => {
    it('models, aspect ratios and the sdxl-only negative prompt', async () => {
      await refuses('sydney', { model: 'midjourney', prompt: 'x' }, /makes images with sdxl or kandinsky, not “midjourney”/);
      await refuses(
        'sydney',
        { model: 'sdxl', prompt: 'x', aspectRatio: '4:3' },
        /accepts only these aspect ratios: 16:9, 3:2, 1:1, 2:3, 9:16\. 4:3 is not one of them/,
      );
      await refuses(
        'sydney',
        { model: 'kandinsky', prompt: 'x', negativePrompt: 'blur' },
        /takes no negative prompt \(the gateway takes one for sdxl only\)/,
      );
    });
  });

  describe('each refusal is a message id with its parameters (translated in the UI)', () => {
    /** What `validate` throws for the request. */
    function refusal(id: 'stability' | 'fusionbrain' | 'openai' | 'sydney', request: ImageRequest): ProviderError {
      try {
        provider(id).validate(request);
      } catch (error) {
        assert.ok(error instanceof ProviderError);
        assert.equal(error.kind, 'bad-request');
        return error;
      }
      assert.fail('expected the request to be refused');
    }

    it('Stability', () => {
      const sdxl = refusal('stability', { model: 'v1/stable-diffusion-xl-1024-v1-0', prompt: 'x', width: 1000, height: 1000 });
      assert.equal(sdxl.messageId, 'image.check.sizes');
      assert.equal(sdxl.params['label'], 'SDXL');
      assert.equal(sdxl.params['value'], '1000x1000');
      const v1 = refusal('stability', { model: 'v1/stable-diffusion-v1-6', prompt: 'x', width: 500, height: 512 });
      assert.equal(v1.messageId, 'image.check.sideFromTo');
      assert.deepEqual(v1.params, { label: 'Stable Diffusion v1', step: 64, min: 320, max: 1536, value: 500 });
      assert.equal(v1.message, 'Stable Diffusion v1 sizes must be multiples of 64 from 320 to 1536: 500 is not.');
      const ratio = refusal('stability', { model: 'core', prompt: 'x', width: 1000, height: 700 });
      assert.equal(ratio.messageId, 'image.check.ratioNotSize');
      assert.equal(ratio.params['ratio'], '10:7');
      assert.equal(refusal('stability', { model: 'core', prompt: 'x', style: 'watercolor' }).messageId, 'image.check.stabilityStyle');
      const format = refusal('stability', { model: 'sd3', prompt: 'x', outputFormat: 'webp' });
      assert.deepEqual(format.params, { label: 'Stable Diffusion 3.5', formats: 'png, jpeg', format: 'webp' });
      const png = refusal('stability', { model: 'v1/stable-diffusion-v1-6', prompt: 'x', outputFormat: 'jpeg' });
      assert.equal(png.messageId, 'image.check.v1PngOnly');
      assert.equal(png.message, 'Stability v1 engines make PNG images only, not jpeg.');
      assert.equal(refusal('stability', { model: 'core', prompt: 'x', aspectRatio: '4:3' }).messageId, 'image.check.aspectRatios');
    });

    it('Sydney: the model is named in a phrase, and so is the reason a field is refused', () => {
      const count = refusal('sydney', { model: 'sdxl', prompt: 'x', count: 11 });
      assert.equal(count.messageId, 'imageRequest.count');
      assert.deepEqual(count.params['label'], { id: 'image.label.sydneyModel', params: { model: 'sdxl' } });
      assert.equal(count.message, 'sdxl on the Sydney gateway makes 1 to 10 images per request: 11 is not possible.');
      const negative = refusal('sydney', { model: 'kandinsky', prompt: 'x', negativePrompt: 'blur' });
      assert.deepEqual(negative.params['reason'], {
        id: 'imageRequest.reason',
        params: { reason: { id: 'image.check.reason.sydneyNegative', params: {} } },
      });
      assert.equal(
        negative.message,
        'kandinsky on the Sydney gateway takes no negative prompt (the gateway takes one for sdxl only). Leave the negative prompt empty.',
      );
      const model = refusal('sydney', { model: 'midjourney', prompt: 'x' });
      assert.equal(model.messageId, 'image.check.sydneyModel');
      assert.deepEqual(model.params, { model: 'midjourney' });
      const ratio = refusal('sydney', { model: 'sdxl', prompt: 'x', width: 1000, height: 700 });
      assert.equal(ratio.messageId, 'image.check.ratioNotSize');
      assert.equal(
        ratio.message,
        'The Sydney gateway takes an aspect ratio (16:9, 3:2, 1:1, 2:3, 9:16), not a pixel size: 1000x700 is 10:7, none of them.',
      );
    });

    it('Kandinsky and OpenAI', () => {
      const side = refusal('fusionbrain', { model: 'kandinsky', prompt: 'x', width: 1000, height: 1024 });
      assert.equal(side.messageId, 'image.check.sideUpTo');
      assert.deepEqual(side.params, { label: 'Kandinsky', step: 64, max: 1024, value: 1000 });
      assert.equal(refusal('fusionbrain', { model: 'kandinsky', prompt: 'x', style: 'no style!' }).messageId, 'image.check.kandinskyStyle');
      assert.equal(refusal('fusionbrain', { model: 'not kandinsky', prompt: 'x' }).messageId, 'image.check.fusionBrainModel');
      assert.equal(refusal('openai', { model: ' ', prompt: 'x' }).messageId, 'image.check.chooseModel');
      assert.equal(
        refusal('openai', { model: 'gpt-image-1', prompt: 'x', outputFormat: 'png', options: { outputCompression: 50 } }).messageId,
        'image.check.compressionFormat',
      );
      assert.equal(refusal('openai', { model: 'gpt-image-1', prompt: 'x', aspectRatio: '16:9' }).messageId, 'image.check.squareOrNot');
    });
  });

  describe('keys never appear in messages', () => {
    it('provider text that echoes the key or the secret is redacted', async () => {
      server.onRequest((request) => {
        // Each service's error shape, with the key (and the secret) echoed back in its text.
        if (request.url.endsWith('/pipelines')) return jsonResponse([{ uuid: 'p1', type: 'TEXT2IMAGE' }]);
        if (request.url.endsWith('/availability')) return fusionBrainAvailability();
        if (request.url.endsWith('/run')) return fusionBrainRunAccepted('j1');
        if (request.url.includes('/status/')) return fusionBrainFailed('j1', `bad X-Key ${key} / ${secret}`);
        if (request.url === '/v1/image') return sydneyError(403, `key ${key} is banned`);
        if (request.url.startsWith('/v2beta')) return stabilityV2Error(400, 'bad_request', [`key ${key} wrong`]);
        return openAiError(400, { message: `Incorrect API key provided: ${key}`, code: 'invalid_api_key' });
      });
      const http = testHttpClient({ maxRetries: 0 });
      clients.push(http);
      const sleepless = createImageProvider(
        { id: 'fusionbrain', baseUrl: server.origin },
        { apiKey: key, apiSecret: secret },
        { http, sleep: () => Promise.resolve() },
      );
      const attempts: Array<() => Promise<unknown>> = [
        () => sleepless.generate({ model: 'kandinsky', prompt: 'x' }),
        () => provider('sydney').generate({ model: 'sdxl', prompt: 'x' }),
        () => provider('stability').generate({ model: 'core', prompt: 'x' }),
        () => provider('openai').generate({ model: 'gpt-image-1', prompt: 'x' }),
      ];
      for (const attempt of attempts) {
        await assert.rejects(attempt(), (error: unknown) => {
          assert.ok(error instanceof ProviderError);
          assert.ok(!error.message.includes(key), error.message);
          assert.ok(!error.message.includes(secret), error.message);
          assert.ok(!JSON.stringify(error.toJSON()).includes(key));
          return true;
        });
      }
    });
  });
});
