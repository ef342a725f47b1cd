import * as assert from 'node:assert/strict';
import type { ProviderError } from '../../../src/core/errors/providerError';
import type { HttpClientOptions } from '../../../src/core/http/httpClient';
import type { Sleep } from '../../../src/core/http/sleep';
import { type CreateImageAnimatorOptions, createImageAnimator } from '../../../src/core/images/createImageAnimator';
import type { ImageAnimator, SourceImage, VideoRequest } from '../../../src/core/images/imageEditTypes';
import type { ImageProgress } from '../../../src/core/images/imageTypes';
import { readSourceImage } from '../../../src/core/images/readSourceImage';
import { ProviderEngine } from '../../../src/core/providerEngine';
import { expectProviderFailure } from '../fakes/expectProviderFailure';
import type { RecordedRequest, ScriptedResponse } from '../fakes/fakeHttpServer';
import { fakeServerPerTest } from '../fakes/fakeServerPerTest';
import { jpegOfSize, mp4Bytes, parseMultipart, pngOfSize, webpLossyOfSize } from '../fakes/sourceImageFakes';
import { stabilityV2Error } from '../fakes/stabilityFake';
import { StabilityVideoFake } from '../fakes/stabilityVideoFake';

const key = 'sk-stability-fake-0123456789abcdef';

/** A sleep that returns at once, records each wait, and honours the signal (the fake clock of the polling). */
function instantSleep(): { sleep: Sleep; waits: number[] } {
  const waits: number[] = [];
  return {
    waits,
    sleep: (ms, signal) => {
      waits.push(ms);
      return signal?.aborted ? Promise.reject(signal.reason) : Promise.resolve();
    },
  };
}

describe('Stability image animator', () => {
  const fake = fakeServerPerTest();

  function animator(options: CreateImageAnimatorOptions = {}, http: HttpClientOptions = {}): ImageAnimator {
    return createImageAnimator(
      { id: 'stability', baseUrl: fake.server.origin },
      { apiKey: key },
      { sleep: instantSleep().sleep, http: fake.client({ maxRetries: 0, ...http }), ...options },
    );
  }

  const failure = (promise: Promise<unknown>): Promise<ProviderError> => expectProviderFailure(promise, [key]);

  const frame = (): SourceImage => readSourceImage(pngOfSize(1024, 576), 'assets/generated/harbor.png');

  const posts = (): RecordedRequest[] => fake.server.requests.filter((request) => request.method === 'POST');
  const polls = (): RecordedRequest[] => fake.server.requests.filter((request) => request.method === 'GET');

  it('starts the job with a multipart form, polls with backoff while it answers 202, and returns the MP4', async () => {
    const service = new StabilityVideoFake({ pendingPolls: 5 });
    fake.server.onRequest(service.handle);
    const { sleep, waits } = instantSleep();
    const events: ImageProgress[] = [];
    const image = frame();
    const video = await animator({ sleep }).animate({ image, seed: 42, cfgScale: 1.8, motion: 127 }, (event) => events.push(event));

    assert.deepEqual(video.bytes, mp4Bytes());
    assert.equal(video.mimeType, 'video/mp4');
    assert.equal(video.provider, 'stability');
    assert.equal(video.seed, 1234);

    const start = posts()[0];
    assert.equal(posts().length, 1);
    assert.equal(start?.url, '/v2beta/image-to-video');
    assert.equal(start?.headers.authorization, `Bearer ${key}`);
    const form = parseMultipart(start?.raw ?? new Uint8Array(), start?.headers['content-type']);
    assert.deepEqual(Object.keys(form).sort(), ['cfg_scale', 'image', 'motion_bucket_id', 'seed']);
    assert.deepEqual(form['image']?.bytes, image.bytes);
    assert.equal(form['image']?.fileName, 'harbor.png');
    assert.equal(form['image']?.type, 'image/png');
    assert.equal(form['seed']?.value, '42');
    assert.equal(form['cfg_scale']?.value, '1.8');
    assert.equal(form['motion_bucket_id']?.value, '127');

    const [jobId] = [...service.jobs.keys()];
    assert.equal(polls().length, 6);
    for (const poll of polls()) {
      assert.equal(poll.url, `/v2beta/image-to-video/result/${jobId}`);
      assert.equal(poll.headers.accept, 'video/*');
      assert.equal(poll.headers.authorization, `Bearer ${key}`);
    }
    // From 2 s, growing by half, up to 10 s.
    assert.deepEqual(waits, [2000, 3000, 4500, 6750, 10_000, 10_000]);
    assert.deepEqual(
      events.map((e) => e.type),
      ['processing', 'queued', 'processing', 'processing', 'processing', 'processing', 'processing'],
    );
  });

  it('reads the JSON form of the result (base64) as well', async () => {
    fake.server.onRequest(new StabilityVideoFake({ json: true, pendingPolls: 0 }).handle);
    const video = await animator().animate({ image: readSourceImage(jpegOfSize(768, 768), 'square.jpg') });
    assert.deepEqual(video.bytes, mp4Bytes());
  });

  it('gives up at the time limit, saying the job id and that it may still be charged; the start is sent once', async () => {
    const service = new StabilityVideoFake({ pendingPolls: Number.POSITIVE_INFINITY });
    fake.server.onRequest(service.handle);
    const { sleep, waits } = instantSleep();
    const error = await failure(animator({ sleep, timeLimitMs: 20_000 }).animate({ image: frame() }));
    const [jobId] = [...service.jobs.keys()];
    assert.equal(error.kind, 'timeout');
    assert.equal(error.possiblyBilled, true);
    assert.equal(error.retryable, false);
    assert.equal(
      error.message,
      `stability did not finish the video within 20 s (job ${jobId}). The job was started, so stability may still charge for it; Switchboard stopped waiting. To wait longer, raise “switchboard.images.timeoutSeconds”.`,
    );
    // The waits add up to the limit, the last one cut short.
    assert.deepEqual(waits, [2000, 3000, 4500, 6750, 3750]);
    assert.equal(posts().length, 1);
    assert.equal(polls().length, 5);
  });

  it('says exactly that Stability says the endpoint no longer exists, on 404 or 410 to the start', async () => {
    for (const status of [404, 410] as const) {
      fake.server.onRequest(new StabilityVideoFake({ gone: status }).handle);
      const error = await failure(animator().animate({ image: frame() }));
      assert.equal(error.kind, 'not-found');
      assert.equal(error.status, status);
      assert.equal(error.possiblyBilled, false);
      assert.equal(
        error.message,
        `stability says the image-to-video endpoint no longer exists (${status} for POST /v2beta/image-to-video): “The requested resource was not found; this API has been retired”. Switchboard cannot animate images with it.`,
      );
    }
    assert.equal(fake.server.requests.length, 2, 'one start each, no polls');
  });

  it('refuses, before any request, an image of another size, a WebP, and options out of range', async () => {
    const refused = async (request: VideoRequest): Promise<ProviderError> => {
      assert.throws(() => animator().validateAnimation(request));
      const error = await failure(animator().animate(request));
      assert.equal(error.kind, 'bad-request');
      return error;
    };
    assert.equal(
      (await refused({ image: readSourceImage(pngOfSize(1000, 1000), 'square.png') })).message,
      'Stability image-to-video takes images of exactly 1024 × 576, 576 × 1024, 768 × 768 pixels; square.png is 1000 × 1000. Resize or crop it first.',
    );
    assert.match(
      (await refused({ image: readSourceImage(webpLossyOfSize(1024, 576), 'frame.webp') })).message,
      /Stability image-to-video takes PNG, JPEG images; frame\.webp is WebP/,
    );
    assert.match((await refused({ image: frame(), cfgScale: 11 })).message, /“cfg_scale” must be a number from 0 to 10/);
    assert.match((await refused({ image: frame(), motion: 12.5 })).message, /“motion_bucket_id” must be a whole number from 1 to 255/);
    assert.match((await refused({ image: frame(), seed: -1 })).message, /The seed must be a whole number from 0 to 4294967294/);
    assert.equal(fake.server.requests.length, 0);
  });

  it('never sends the start again once it may have arrived: a start that never answers is one request', async () => {
    fake.server.onRequest(() => ({ silent: true }));
    const error = await failure(animator({}, { generationTimeoutMs: 200, maxRetries: 3 }).animate({ image: frame() }));
    assert.equal(error.kind, 'timeout');
    assert.equal(error.possiblyBilled, true);
    assert.match(error.message, /may still charge/);
    assert.equal(fake.server.requests.length, 1);
  });

  it('retries a poll that failed (polls are free), and sends the start once', async () => {
    const service = new StabilityVideoFake({ pendingPolls: 1 });
    let failedPolls = 0;
    fake.server.onRequest((request): ScriptedResponse => {
      if (request.method === 'GET' && failedPolls < 2) {
        failedPolls++;
        return stabilityV2Error(503, 'service_unavailable', ['Try again shortly.']);
      }
      return service.handle(request);
    });
    const events: ImageProgress[] = [];
    const video = await animator({}, { maxRetries: 2 }).animate({ image: frame() }, (event) => events.push(event));
    assert.deepEqual(video.bytes, mp4Bytes());
    assert.equal(posts().length, 1);
    assert.equal(polls().length, 4);
    assert.equal(events.filter((e) => e.type === 'retry').length, 2);
  });

  it('a failure after the start says the job had been started and may be charged', async () => {
    fake.server.onRequest(new StabilityVideoFake({ pendingPolls: 0, video: new TextEncoder().encode('<html>oops</html>') }).handle);
    const error = await failure(animator().animate({ image: frame() }));
    assert.equal(error.kind, 'invalid-response');
    assert.equal(error.possiblyBilled, true);
    assert.match(
      error.message,
      /^stability sent 17 bytes that are not an MP4 video \(they start with '<html>oops<\/html>'\)\. The video job a+1 had been started, so stability may still charge for it\.$/,
    );
  });

  it('a job the service does not know (expired, another key) is said as such', async () => {
    fake.server.onRequest((request) => {
      if (request.method === 'POST') return { status: 200, headers: { 'content-type': 'application/json' }, chunks: ['{"id":"gone-job"}'] };
      return stabilityV2Error(404, 'not_found', ['generation gone-job was not found']);
    });
    const error = await failure(animator().animate({ image: frame() }));
    assert.equal(error.kind, 'not-found');
    assert.match(error.message, /^stability has no video job gone-job \(404\): results are kept for 24 hours/);
    assert.equal(polls().length, 1);
  });

  it('a filtered video is content-filtered', async () => {
    fake.server.onRequest(new StabilityVideoFake({ pendingPolls: 0, finishReason: 'CONTENT_FILTERED' }).handle);
    const error = await failure(animator().animate({ image: frame() }));
    assert.equal(error.kind, 'content-filtered');
  });

  it('stops polling at once when the person cancels', async () => {
    fake.server.onRequest(new StabilityVideoFake({ pendingPolls: Number.POSITIVE_INFINITY }).handle);
    const controller = new AbortController();
    const sleep: Sleep = (_ms, signal) => {
      controller.abort();
      return Promise.reject(signal?.reason);
    };
    const error = await failure(animator({ sleep }).animate({ image: frame(), signal: controller.signal }));
    assert.equal(error.kind, 'cancelled');
    assert.equal(polls().length, 0);
  });

  it('names the provider that cannot animate', () => {
    assert.throws(
      () => createImageAnimator({ id: 'openai' }),
      (error: ProviderError) => error.kind === 'bad-request' && error.message === 'OpenAI cannot animate images. Choose Stability AI.',
    );
  });

  it('the engine builds it with the generation time limit, and says which providers edit and animate', async () => {
    const service = new StabilityVideoFake({ pendingPolls: Number.POSITIVE_INFINITY });
    fake.server.onRequest(service.handle);
    const engine = new ProviderEngine({ credentials: () => Promise.resolve({ apiKey: key }) });
    engine.configure({
      providers: [{ id: 'stability', baseUrl: fake.server.origin }],
      responseCache: false,
      // A real sleep: the time limit must cut the first wait (2 s) short.
      http: { maxRetries: 0, generationTimeoutMs: 50 },
    });
    const error = await failure((await engine.imageAnimator('stability')).animate({ image: frame() }));
    assert.equal(error.kind, 'timeout');
    assert.match(error.message, /within 50 ms/);
    const byId = (id: string) => engine.entry(id) ?? assert.fail(id);
    assert.deepEqual(
      ['stability', 'openai', 'openrouter', 'fusionbrain', 'anthropic'].map((id) => [
        id,
        engine.editsImages(byId(id)),
        engine.animatesImages(byId(id)),
      ]),
      [
        ['stability', true, true],
        ['openai', true, false],
        ['openrouter', false, false],
        ['fusionbrain', false, false],
        ['anthropic', false, false],
      ],
    );
    await assert.rejects(engine.imageEditor('anthropic'), /Anthropic cannot edit images/);
    await assert.rejects(engine.imageAnimator('nope'), /There is no provider “nope”/);
  });
});
