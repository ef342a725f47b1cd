import * as assert from 'node:assert/strict';
import { request } from 'undici';
import type { ProviderError } from '../../../src/core/errors/providerError';
import type { HttpClientOptions } from '../../../src/core/http/httpClient';
import { createImageEditor } from '../../../src/core/images/createImageEditor';
import { encodeFormData } from '../../../src/core/images/encodeFormData';
import type { ImageEditor, ImageEditRequest, SourceImage } from '../../../src/core/images/imageEditTypes';
import { readSourceImage } from '../../../src/core/images/readSourceImage';
import { expectProviderFailure } from '../fakes/expectProviderFailure';
import { fakeServerPerTest } from '../fakes/fakeServerPerTest';
import { openAiImageEditService, openAiImageModerationBlocked } from '../fakes/openAiImageFake';
import { jpegOfSize, parseMultipart, pngOfSize, webpLossyOfSize } from '../fakes/sourceImageFakes';

const key = 'sk-openai-fake-0123456789abcdefghij';

describe('OpenAI image editor', () => {
  const fake = fakeServerPerTest();

  function editor(options: HttpClientOptions = {}): ImageEditor {
    return createImageEditor(
      { id: 'openai', baseUrl: `${fake.server.origin}/v1` },
      { apiKey: key },
      { http: fake.client({ maxRetries: 0, ...options }) },
    );
  }

  const failure = (promise: Promise<unknown>): Promise<ProviderError> => expectProviderFailure(promise, [key]);

  async function refused(request: ImageEditRequest): Promise<ProviderError> {
    const error = await failure(editor().edit(request));
    assert.equal(error.kind, 'bad-request');
    assert.equal(fake.server.requests.length, 0, 'nothing may be sent');
    return error;
  }

  const photo = (): SourceImage => readSourceImage(pngOfSize(1024, 1024), 'room.png');

  it('offers edit for the gpt-image models of the preset', () => {
    const client = editor();
    assert.deepEqual(client.editModels(), ['gpt-image-1', 'gpt-image-1-mini']);
    assert.deepEqual(client.editOperations('gpt-image-1'), ['edit']);
    assert.deepEqual(client.inputLimits('edit').mimeTypes, ['image/png', 'image/jpeg', 'image/webp']);
  });

  it('posts image, mask, prompt, model and n as multipart to /images/edits and reads the images and usage', async () => {
    fake.server.onRequest(openAiImageEditService({ usage: { input_tokens: 300, output_tokens: 4160 } }));
    const image = photo();
    const mask = readSourceImage(pngOfSize(1024, 1024, { alpha: true }), 'mask.png');
    const result = await editor().edit({
      operation: 'edit',
      model: 'gpt-image-1',
      image,
      mask,
      prompt: 'a sunlit lounge with a flamingo in the pool',
      count: 2,
      outputFormat: 'webp',
    });
    assert.equal(result.images.length, 2);
    assert.equal(result.images[0]?.mimeType, 'image/png');
    assert.deepEqual(result.usage, { inputTokens: 300, outputTokens: 4160 });

    const sent = fake.server.requests[0];
    assert.equal(sent?.url, '/v1/images/edits');
    assert.equal(sent?.headers.authorization, `Bearer ${key}`);
    assert.match(sent?.headers['content-type'] ?? '', /^multipart\/form-data; boundary=/);
    const form = parseMultipart(sent?.raw ?? new Uint8Array(), sent?.headers['content-type']);
    assert.deepEqual(Object.keys(form).sort(), ['image', 'mask', 'model', 'n', 'output_format', 'prompt']);
    assert.deepEqual(form['image']?.bytes, image.bytes);
    assert.equal(form['image']?.type, 'image/png');
    assert.deepEqual(form['mask']?.bytes, mask.bytes);
    assert.equal(form['model']?.value, 'gpt-image-1');
    assert.equal(form['n']?.value, '2');
    assert.equal(form['output_format']?.value, 'webp');
    assert.equal(fake.server.requests.length, 1, 'one request for all n images');
  });

  it('sends a JPEG or WebP for gpt-image as it is', async () => {
    fake.server.onRequest(openAiImageEditService());
    await editor().edit({ operation: 'edit', model: 'gpt-image-1', image: readSourceImage(jpegOfSize(1536, 1024), 'a.jpg'), prompt: 'x' });
    await editor().edit({
      operation: 'edit',
      model: 'gpt-image-1',
      image: readSourceImage(webpLossyOfSize(800, 600), 'b.webp'),
      prompt: 'x',
    });
    const types = fake.server.requests.map((r) => parseMultipart(r.raw, r.headers['content-type'])['image']?.type);
    assert.deepEqual(types, ['image/jpeg', 'image/webp']);
  });

  it('asks other models for base64 (dall-e-2 answers with URLs otherwise)', async () => {
    fake.server.onRequest(openAiImageEditService());
    await editor().edit({ operation: 'edit', model: 'dall-e-2', image: readSourceImage(pngOfSize(512, 512), 'sq.png'), prompt: 'x' });
    const sent = fake.server.requests[0];
    assert.equal(parseMultipart(sent?.raw ?? new Uint8Array(), sent?.headers['content-type'])['response_format']?.value, 'b64_json');
  });

  it('refuses a mask of another size, naming both sizes, before any request', async () => {
    const mask = readSourceImage(pngOfSize(512, 512, { alpha: true }), 'mask.png');
    const error = await refused({ operation: 'edit', model: 'gpt-image-1', image: photo(), mask, prompt: 'x' });
    assert.equal(
      error.message,
      'The mask mask.png is 512 × 512 pixels and the image room.png is 1024 × 1024 pixels: they must be the same size.',
    );
  });

  it('refuses a mask without an alpha channel, or that is not a PNG', async () => {
    const opaque = readSourceImage(pngOfSize(1024, 1024), 'mask.png');
    assert.match(
      (await refused({ operation: 'edit', model: 'gpt-image-1', image: photo(), mask: opaque, prompt: 'x' })).message,
      /The mask mask\.png has no alpha channel: gpt-image-1 changes the image where the mask is transparent/,
    );
    const jpeg = readSourceImage(jpegOfSize(1024, 1024), 'mask.jpg');
    assert.match(
      (await refused({ operation: 'edit', model: 'gpt-image-1', image: photo(), mask: jpeg, prompt: 'x' })).message,
      /gpt-image-1 takes PNG images; mask\.jpg is JPEG/,
    );
  });

  it('refuses what dall-e-2 does not take: a JPEG, a non-square image, over 4 MB', async () => {
    assert.match(
      (await refused({ operation: 'edit', model: 'dall-e-2', image: readSourceImage(jpegOfSize(512, 512), 'a.jpg'), prompt: 'x' })).message,
      /dall-e-2 takes PNG images; a\.jpg is JPEG/,
    );
    assert.equal(
      (await refused({ operation: 'edit', model: 'dall-e-2', image: readSourceImage(pngOfSize(600, 400), 'wide.png'), prompt: 'x' }))
        .message,
      'dall-e-2 takes square images only; wide.png is 600 × 400 pixels.',
    );
    const padded = new Uint8Array(5 * 1024 * 1024);
    padded.set(pngOfSize(512, 512));
    assert.match(
      (await refused({ operation: 'edit', model: 'dall-e-2', image: readSourceImage(padded, 'heavy.png'), prompt: 'x' })).message,
      /heavy\.png is 5 MB; dall-e-2 accepts at most 4 MB/,
    );
  });

  it('refuses what OpenAI edits cannot honour: a seed, a negative prompt, another operation, no prompt', async () => {
    assert.match(
      (await refused({ operation: 'edit', model: 'gpt-image-1', image: photo(), prompt: 'x', seed: 3 })).message,
      /takes no seed/,
    );
    assert.match(
      (await refused({ operation: 'edit', model: 'gpt-image-1', image: photo(), prompt: 'x', negativePrompt: 'y' })).message,
      /takes no negative prompt/,
    );
    assert.match(
      (await refused({ operation: 'remove-background', model: 'gpt-image-1', image: photo() })).message,
      /gpt-image-1 cannot do remove-background; it offers edit/,
    );
    assert.match(
      (await refused({ operation: 'edit', model: 'gpt-image-1', image: photo(), prompt: ' ' })).message,
      /needs a prompt for edit/,
    );
  });

  it('is billable: an edit that never answers is not sent again', async () => {
    fake.server.onRequest(() => ({ silent: true }));
    const error = await failure(
      editor({ generationTimeoutMs: 200, maxRetries: 3 }).edit({ operation: 'edit', model: 'gpt-image-1', image: photo(), prompt: 'x' }),
    );
    assert.equal(error.possiblyBilled, true);
    assert.equal(fake.server.requests.length, 1);
  });

  it('a refused picture is content-filtered (moderation_blocked)', async () => {
    fake.server.enqueue(openAiImageModerationBlocked());
    const error = await failure(editor().edit({ operation: 'edit', model: 'gpt-image-1', image: photo(), prompt: 'x' }));
    assert.equal(error.kind, 'content-filtered');
  });

  it('the fake answers like the service: a body without its image is 400 naming the parameter', async () => {
    fake.server.onRequest(openAiImageEditService());
    const form = encodeFormData([{ name: 'prompt', value: 'x' }]);
    const response = await request(`${fake.server.origin}/v1/images/edits`, {
      method: 'POST',
      headers: { 'content-type': form.contentType },
      body: form.body,
    });
    assert.equal(response.statusCode, 400);
    const body = (await response.body.json()) as { error: { param: string; type: string } };
    assert.equal(body.error.param, 'image');
    assert.equal(body.error.type, 'invalid_request_error');
  });
});

describe('createImageEditor', () => {
  it('names the provider that cannot edit', () => {
    assert.throws(
      () => createImageEditor({ id: 'anthropic' }),
      (error: ProviderError) =>
        error.kind === 'bad-request' && error.message === 'Anthropic cannot edit images. Choose Stability AI or OpenAI.',
    );
    assert.throws(() => createImageEditor({ id: 'openrouter' }), /OpenRouter cannot edit images/);
    assert.throws(() => createImageEditor({ id: 'fusionbrain' }), /cannot edit images/);
  });
});
