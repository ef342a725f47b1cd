import * as assert from 'node:assert/strict';
import { ProviderError } from '../../../src/core/errors/providerError';
import type { HttpClient } from '../../../src/core/http/httpClient';
import { createImageProvider } from '../../../src/core/images/createImageProvider';
import type { ImageProgress, ImageProvider } from '../../../src/core/images/imageTypes';
import { testHttpClient } from '../fakes/chatTestKit';
import { FakeHttpServer } from '../fakes/fakeHttpServer';
import { imageResponse, jsonResponse, tinyJpeg, tinyPng } from '../fakes/imageFakes';
import { expectProviderFailure } from '../fakes/expectProviderFailure';
import { openAiImageModerationBlocked, openAiImageResult } from '../fakes/openAiImageFake';
import { openAiInsufficientQuota, openAiInvalidKey, openAiModels, openAiOverloaded } from '../fakes/openAiFake';

const key = 'sk-openai-fake-0123456789abcdefghij';

describe('OpenAI image provider', () => {
  let server: FakeHttpServer;
  const clients: HttpClient[] = [];

  beforeEach(async () => {
    server = await FakeHttpServer.start();
  });
  afterEach(async () => {
    await Promise.all(clients.splice(0).map((c) => c.close()));
    await server.close();
  });

  function provider(maxRetries = 0): ImageProvider {
    const http = testHttpClient({ maxRetries });
    clients.push(http);
    return createImageProvider({ id: 'openai', baseUrl: `${server.origin}/v1` }, { apiKey: key }, { http });
  }

  const failure = (promise: Promise<unknown>): Promise<ProviderError> => expectProviderFailure(promise, [key]);

  it('posts {model, prompt, n, size, quality, output_format, background} and decodes b64_json, with usage', async () => {
    server.enqueue(openAiImageResult({ count: 2, size: '1536x1024', quality: 'high', usage: { input_tokens: 12, output_tokens: 4160 } }));
    const result = await provider().generate({
      model: 'gpt-image-1',
      prompt: 'A lighthouse at dusk',
      count: 2,
      width: 1536,
      height: 1024,
      outputFormat: 'png',
      options: { quality: 'high', background: 'transparent' },
    });
    assert.equal(result.images.length, 2);
    assert.equal(result.images[0]?.mimeType, 'image/png');
    assert.deepEqual(result.usage, { inputTokens: 12, outputTokens: 4160 });
    const sent = server.requests[0];
    assert.equal(sent?.url, '/v1/images/generations');
    assert.equal(sent?.headers.authorization, `Bearer ${key}`);
    assert.deepEqual(JSON.parse(sent?.body ?? '{}'), {
      model: 'gpt-image-1',
      prompt: 'A lighthouse at dusk',
      n: 2,
      size: '1536x1024',
      quality: 'high',
      output_format: 'png',
      background: 'transparent',
    });
  });

  it('maps an aspect ratio to a size', async () => {
    server.enqueue(openAiImageResult({ bytes: tinyJpeg, outputFormat: 'jpeg', size: '1024x1536' }));
    const result = await provider().generate({ model: 'gpt-image-1-mini', prompt: 'x', aspectRatio: '2:3', outputFormat: 'jpeg' });
    assert.equal(result.images[0]?.mimeType, 'image/jpeg');
    assert.equal((JSON.parse(server.requests[0]?.body ?? '{}') as { size: string }).size, '1024x1536');
  });

  it('maps 400 moderation_blocked to content-filtered', async () => {
    server.enqueue(openAiImageModerationBlocked());
    const error = await failure(provider().generate({ model: 'gpt-image-1', prompt: 'x' }));
    assert.equal(error.kind, 'content-filtered');
    assert.equal(error.status, 400);
    assert.match(error.message, /safety system/);
  });

  it('maps 401 to auth and 429 insufficient_quota to quota', async () => {
    server.enqueue(openAiInvalidKey(key), openAiInsufficientQuota());
    assert.equal((await failure(provider().generate({ model: 'gpt-image-1', prompt: 'x' }))).kind, 'auth');
    assert.equal((await failure(provider().generate({ model: 'gpt-image-1', prompt: 'x' }))).kind, 'quota');
  });

  it('reports a retry as progress before succeeding', async () => {
    server.enqueue(openAiOverloaded(), openAiImageResult());
    const events: ImageProgress[] = [];
    await provider(1).generate({ model: 'gpt-image-1', prompt: 'x' }, (e) => events.push(e));
    assert.deepEqual(
      events.map((e) => e.type),
      ['processing', 'retry'],
    );
    assert.equal(events[1]?.attempt, 1);
    assert.equal(events[1]?.error?.kind, 'overloaded');
  });

  it('refuses base64 that is not an image', async () => {
    server.enqueue(jsonResponse({ data: [{ b64_json: Buffer.from('{"not": "an image"}').toString('base64') }] }));
    const error = await failure(provider().generate({ model: 'gpt-image-1', prompt: 'x' }));
    assert.equal(error.kind, 'invalid-response');
    assert.match(error.message, /not a PNG, JPEG or WebP image \(they start with '\{"not": "an image"\}'\)/);
  });

  it('says what was expected when data is missing', async () => {
    server.enqueue(jsonResponse({ created: 1 }));
    const error = await failure(provider().generate({ model: 'gpt-image-1', prompt: 'x' }));
    assert.equal(error.kind, 'invalid-response');
    assert.match(error.message, /expected data to be an array/);
  });

  it('downloads data[].url (compatible servers, e.g. LocalAI) without the key', async () => {
    server.enqueue(jsonResponse({ data: [{ url: `${server.origin}/files/1.png` }] }), imageResponse(tinyPng));
    const result = await provider().generate({ model: 'local-diffusion', prompt: 'x' });
    assert.equal(result.images.length, 1);
    assert.equal((JSON.parse(server.requests[0]?.body ?? '{}') as { response_format?: string }).response_format, 'b64_json');
    assert.equal(server.requests[1]?.headers.authorization, undefined);
  });

  it('lists the gpt-image family and checks the key with GET /models', async () => {
    assert.deepEqual(
      (await provider().listImageModels()).map((m) => m.id),
      ['gpt-image-1', 'gpt-image-1-mini'],
    );
    server.enqueue(openAiModels(['gpt-image-1', 'gpt-4o']));
    assert.deepEqual(await provider().checkKey(), { result: 'works', models: 2 });
    assert.equal(server.requests[0]?.url, '/v1/models');
  });
});
