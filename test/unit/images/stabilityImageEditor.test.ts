import * as assert from 'node:assert/strict';
import { request } from 'undici';
import type { ProviderError } from '../../../src/core/errors/providerError';
import type { HttpClientOptions } from '../../../src/core/http/httpClient';
import { createImageEditor } from '../../../src/core/images/createImageEditor';
import { encodeFormData } from '../../../src/core/images/encodeFormData';
import type { ImageEditor, ImageEditRequest, SourceImage } from '../../../src/core/images/imageEditTypes';
import type { ImageProgress } from '../../../src/core/images/imageTypes';
import { readSourceImage } from '../../../src/core/images/readSourceImage';
import { expectProviderFailure } from '../fakes/expectProviderFailure';
import { fakeServerPerTest } from '../fakes/fakeServerPerTest';
import { jpegOfSize, multipartFormFields, parseMultipart, pngOfSize } from '../fakes/sourceImageFakes';
import { stabilityEditService } from '../fakes/stabilityEditFake';
import { stabilityModerated } from '../fakes/stabilityFake';

const key = 'sk-stability-fake-0123456789abcdef';

describe('Stability image editor', () => {
  const fake = fakeServerPerTest();

  function editor(options: HttpClientOptions = {}): ImageEditor {
    return createImageEditor(
      { id: 'stability', baseUrl: fake.server.origin },
      { apiKey: key },
      { http: fake.client({ maxRetries: 0, ...options }) },
    );
  }

  const failure = (promise: Promise<unknown>): Promise<ProviderError> => expectProviderFailure(promise, [key]);

  /** Fails synchronously in validateEdit, and again in edit, without any request. */
  async function refused(request: ImageEditRequest): Promise<ProviderError> {
    const client = editor();
    assert.throws(() => client.validateEdit(request));
    const error = await failure(client.edit(request));
    assert.equal(error.kind, 'bad-request');
    assert.equal(fake.server.requests.length, 0, 'nothing may be sent');
    return error;
  }

  function fields(index = 0): ReturnType<typeof parseMultipart> {
    const sent = fake.server.requests[index];
    assert.ok(sent, `request ${index} was not sent`);
    return parseMultipart(sent.raw, sent.headers['content-type']);
  }

  const photo = (): SourceImage => readSourceImage(pngOfSize(1024, 768), 'assets/generated/lighthouse.png');

  it('offers image-to-image for sd3 and ultra models, and the edit endpoints for every v2beta model', () => {
    const client = editor();
    assert.deepEqual(client.editOperations('sd3.5-large'), ['image-to-image', 'edit', 'search-and-replace', 'remove-background']);
    assert.deepEqual(client.editOperations('ultra'), ['image-to-image', 'edit', 'search-and-replace', 'remove-background']);
    assert.deepEqual(client.editOperations('core'), ['edit', 'search-and-replace', 'remove-background']);
    assert.deepEqual(client.editOperations('v1/stable-diffusion-xl-1024-v1-0'), []);
    assert.deepEqual(client.editOperations('no such model'), []);
    assert.ok(client.editModels().includes('sd3.5-large'));
    assert.equal(client.inputLimits('remove-background').maxPixels, 4_194_304);
    assert.equal(client.inputLimits('edit').maxPixels, 9_437_184);
  });

  it('image-to-image with an sd3 model posts mode, image, strength, prompt and model to generate/sd3', async () => {
    fake.server.onRequest(stabilityEditService());
    const source = photo();
    const events: ImageProgress[] = [];
    const result = await editor().edit(
      {
        operation: 'image-to-image',
        model: 'sd3.5-large',
        image: source,
        prompt: 'the same lighthouse in winter',
        negativePrompt: 'people',
        strength: 0.35,
        seed: 99,
        outputFormat: 'png',
      },
      (event) => events.push(event),
    );
    assert.equal(result.provider, 'stability');
    assert.equal(result.model, 'sd3.5-large');
    assert.equal(result.images.length, 1);
    assert.equal(result.images[0]?.seed, 99);
    assert.equal(result.images[0]?.contentFiltered, false);
    assert.deepEqual(
      events.map((e) => e.type),
      ['processing'],
    );

    const sent = fake.server.requests[0];
    assert.equal(sent?.method, 'POST');
    assert.equal(sent?.url, '/v2beta/stable-image/generate/sd3');
    assert.equal(sent?.headers.authorization, `Bearer ${key}`);
    assert.equal(sent?.headers.accept, 'image/*');
    const form = fields();
    assert.deepEqual(Object.keys(form).sort(), [
      'image',
      'mode',
      'model',
      'negative_prompt',
      'output_format',
      'prompt',
      'seed',
      'strength',
    ]);
    assert.deepEqual(form['image']?.bytes, source.bytes);
    assert.equal(form['image']?.fileName, 'lighthouse.png', 'only the file name, never the folders');
    assert.equal(form['image']?.type, 'image/png');
    assert.equal(form['mode']?.value, 'image-to-image');
    assert.equal(form['model']?.value, 'sd3.5-large');
    assert.equal(form['strength']?.value, '0.35');
    assert.equal(form['prompt']?.value, 'the same lighthouse in winter');
    assert.equal(form['negative_prompt']?.value, 'people');
    assert.equal(form['seed']?.value, '99');
    assert.equal(form['output_format']?.value, 'png');
    // undici's own multipart reader (what a Node server would use) reads the same body the same way.
    const parsed = await multipartFormFields(sent?.raw ?? new Uint8Array(), sent?.headers['content-type']);
    assert.deepEqual(parsed['image']?.bytes, source.bytes);
    assert.equal(parsed['image']?.fileName, 'lighthouse.png');
    assert.equal(parsed['strength']?.value, '0.35');
  });

  it('image-to-image with ultra posts the image and strength to generate/ultra, without mode or model', async () => {
    fake.server.onRequest(stabilityEditService({ seed: 5 }));
    const jpeg = readSourceImage(jpegOfSize(1200, 800), 'photo.jpg');
    const result = await editor().edit({
      operation: 'image-to-image',
      model: 'ultra',
      image: jpeg,
      prompt: 'as a watercolor',
      strength: 0.7,
    });
    assert.equal(result.images[0]?.seed, 5);
    assert.equal(fake.server.requests[0]?.url, '/v2beta/stable-image/generate/ultra');
    const form = fields();
    assert.deepEqual(Object.keys(form).sort(), ['image', 'prompt', 'strength']);
    assert.equal(form['image']?.type, 'image/jpeg');
    assert.equal(form['image']?.fileName, 'photo.jpg');
  });

  it('edit posts the image, the mask and the prompt to edit/inpaint', async () => {
    fake.server.onRequest(stabilityEditService());
    const source = photo();
    const mask = readSourceImage(pngOfSize(1024, 768), 'mask.png');
    await editor().edit({ operation: 'edit', model: 'sd3.5-large', image: source, mask, prompt: 'a red door' });
    assert.equal(fake.server.requests[0]?.url, '/v2beta/stable-image/edit/inpaint');
    const form = fields();
    assert.deepEqual(Object.keys(form).sort(), ['image', 'mask', 'prompt']);
    assert.deepEqual(form['mask']?.bytes, mask.bytes);
    assert.equal(form['mask']?.fileName, 'mask.png');
  });

  it('search-and-replace posts search_prompt with the prompt', async () => {
    fake.server.onRequest(stabilityEditService());
    await editor().edit({
      operation: 'search-and-replace',
      model: 'core',
      image: photo(),
      prompt: 'a golden retriever',
      searchPrompt: 'cat',
    });
    assert.equal(fake.server.requests[0]?.url, '/v2beta/stable-image/edit/search-and-replace');
    const form = fields();
    assert.deepEqual(Object.keys(form).sort(), ['image', 'prompt', 'search_prompt']);
    assert.equal(form['search_prompt']?.value, 'cat');
  });

  it('remove-background posts the image alone (and the output format)', async () => {
    fake.server.onRequest(stabilityEditService());
    await editor().edit({ operation: 'remove-background', model: 'ultra', image: photo(), outputFormat: 'webp' });
    assert.equal(fake.server.requests[0]?.url, '/v2beta/stable-image/edit/remove-background');
    assert.deepEqual(Object.keys(fields()).sort(), ['image', 'output_format']);
  });

  it('makes several results with one request each, each with the next seed', async () => {
    fake.server.onRequest(stabilityEditService());
    const events: ImageProgress[] = [];
    const result = await editor().edit({ operation: 'edit', model: 'ultra', image: photo(), prompt: 'snow', seed: 10, count: 3 }, (event) =>
      events.push(event),
    );
    assert.deepEqual(
      result.images.map((image) => image.seed),
      [10, 11, 12],
    );
    assert.equal(fake.server.requests.length, 3);
    assert.deepEqual(
      fake.server.requests.map((_, i) => fields(i)['seed']?.value),
      ['10', '11', '12'],
    );
    assert.deepEqual(
      events.map((e) => `${e.imageIndex}/${e.imageCount}`),
      ['1/3', '2/3', '3/3'],
    );
  });

  it('returns a CONTENT_FILTERED result as content-filtered, never as a normal image', async () => {
    fake.server.onRequest(stabilityEditService({ finishReason: 'CONTENT_FILTERED' }));
    const result = await editor().edit({ operation: 'edit', model: 'ultra', image: photo(), prompt: 'x' });
    assert.equal(result.images[0]?.contentFiltered, true);
  });

  it('refuses, before any request, an image below the smallest side, naming it and the limit', async () => {
    const small = readSourceImage(pngOfSize(1000, 40), 'strip.png');
    const error = await refused({ operation: 'edit', model: 'ultra', image: small, prompt: 'x' });
    assert.equal(error.message, 'strip.png is 1000 × 40 pixels; Stability inpaint needs every side to be at least 64 pixels.');
  });

  it('refuses more pixels than the endpoint takes (remove-background: 4,194,304; inpaint: 9,437,184)', async () => {
    const big = readSourceImage(pngOfSize(2100, 2100), 'big.png');
    const error = await refused({ operation: 'remove-background', model: 'ultra', image: big });
    assert.equal(
      error.message,
      'big.png is 2100 × 2100 pixels (4,410,000 in all); Stability remove-background accepts at most 4,194,304 pixels.',
    );
    const huge = readSourceImage(pngOfSize(3100, 3100), 'huge.png');
    assert.match(
      (await refused({ operation: 'edit', model: 'ultra', image: huge, prompt: 'x' })).message,
      /accepts at most 9,437,184 pixels/,
    );
  });

  it('refuses a file over 10 MiB', async () => {
    const png = pngOfSize(512, 512);
    const padded = new Uint8Array(10 * 1024 * 1024 + 1);
    padded.set(png);
    const error = await refused({ operation: 'remove-background', model: 'ultra', image: readSourceImage(padded, 'heavy.png') });
    assert.equal(error.message, 'heavy.png is 10485761 bytes; Stability remove-background accepts at most 10485760 bytes.');
  });

  it('refuses a mask of another size than the image, naming both sizes', async () => {
    const mask = readSourceImage(pngOfSize(512, 512), 'mask.png');
    const error = await refused({ operation: 'edit', model: 'ultra', image: photo(), mask, prompt: 'a red door' });
    assert.equal(
      error.message,
      'The mask mask.png is 512 × 512 pixels and the image assets/generated/lighthouse.png is 1024 × 768 pixels: they must be the same size.',
    );
  });

  it('refuses what an operation needs but lacks, or takes but was not given', async () => {
    assert.match(
      (await refused({ operation: 'image-to-image', model: 'sd3.5-large', image: photo(), prompt: 'x' })).message,
      /^Image-to-image with sd3\.5-large needs a strength from 0 to 1/,
    );
    assert.match(
      (await refused({ operation: 'image-to-image', model: 'ultra', image: photo(), prompt: 'x', strength: 1.5 })).message,
      /The strength must be a number from 0 to 1: 1\.5 is not/,
    );
    assert.match(
      (await refused({ operation: 'image-to-image', model: 'core', image: photo(), prompt: 'x', strength: 0.5 })).message,
      /cannot do image-to-image; it offers edit, search-and-replace, remove-background/,
    );
    assert.match(
      (await refused({ operation: 'search-and-replace', model: 'ultra', image: photo(), prompt: 'a dog' })).message,
      /needs a search prompt/,
    );
    assert.match(
      (await refused({ operation: 'edit', model: 'ultra', image: photo() })).message,
      /Stability inpaint needs a prompt for edit/,
    );
    assert.match(
      (await refused({ operation: 'remove-background', model: 'ultra', image: photo(), prompt: 'keep the dog' })).message,
      /^remove-background takes no prompt; leave it out\./,
    );
    assert.match(
      (
        await refused({
          operation: 'image-to-image',
          model: 'sd3.5-large',
          image: photo(),
          prompt: 'x',
          strength: 0.5,
          outputFormat: 'webp',
        })
      ).message,
      /sd3\.5-large makes png, jpeg images, not webp/,
    );
  });

  it('is billable: a result that never comes is not asked for again, and the error says it may be charged', async () => {
    fake.server.onRequest(() => ({ silent: true }));
    const error = await failure(
      editor({ generationTimeoutMs: 200, maxRetries: 3 }).edit({ operation: 'edit', model: 'ultra', image: photo(), prompt: 'x' }),
    );
    assert.equal(error.kind, 'timeout');
    assert.equal(error.possiblyBilled, true);
    assert.match(error.message, /may still charge/);
    assert.equal(fake.server.requests.length, 1);
  });

  it('maps Stability errors: a moderated request is content-filtered', async () => {
    fake.server.enqueue(stabilityModerated());
    const error = await failure(editor().edit({ operation: 'edit', model: 'ultra', image: photo(), prompt: 'x' }));
    assert.equal(error.kind, 'content-filtered');
  });

  it('the fake answers like the service: a body without its image is 400 bad_request naming the field', async () => {
    fake.server.onRequest(stabilityEditService());
    const form = encodeFormData([{ name: 'prompt', value: 'x' }]);
    const response = await request(`${fake.server.origin}/v2beta/stable-image/edit/inpaint`, {
      method: 'POST',
      headers: { 'content-type': form.contentType },
      body: form.body,
    });
    assert.equal(response.statusCode, 400);
    const body = (await response.body.json()) as { id: string; name: string; errors: string[] };
    assert.equal(body.name, 'bad_request');
    assert.deepEqual(body.errors, ['image: required field']);
    assert.match(body.id, /^[0-9a-f]{32}$/);
  });
});
