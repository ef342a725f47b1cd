import * as assert from 'node:assert/strict';
import { ProviderError } from '../../../src/core/errors/providerError';
import type { HttpClient } from '../../../src/core/http/httpClient';
import { sleep as realSleep, type Sleep } from '../../../src/core/http/sleep';
import { createImageProvider, type CreateImageProviderOptions } from '../../../src/core/images/createImageProvider';
import type { ImageProgress, ImageProvider } from '../../../src/core/images/imageTypes';
import { testHttpClient } from '../fakes/chatTestKit';
import { FakeHttpServer, type RecordedRequest, type ScriptedResponse } from '../fakes/fakeHttpServer';
import { base64, jsonResponse, multipartFields, multipartPartHeaders, tinyPng } from '../fakes/imageFakes';
import { expectProviderFailure } from '../fakes/expectProviderFailure';
import {
  fusionBrainAvailability,
  fusionBrainDone,
  fusionBrainFailed,
  fusionBrainPipelines,
  fusionBrainRunAccepted,
  fusionBrainRunRefusedBusy,
  fusionBrainStatus,
  fusionBrainStyles,
  fusionBrainUnauthorized,
} from '../fakes/fusionBrainFake';

const key = 'fb-key-0123456789abcdef0123';
const secret = 'fb-secret-fedcba9876543210';
const pipelineId = 'b2c8a2f0-0000-4000-8000-000000000001';

describe('Fusion Brain (Kandinsky) image provider', () => {
  let server: FakeHttpServer;
  const clients: HttpClient[] = [];

  beforeEach(async () => {
    server = await FakeHttpServer.start();
  });
  afterEach(async () => {
    await Promise.all(clients.splice(0).map((c) => c.close()));
    await server.close();
  });

  /** An instant sleep that records the waits and honours the signal. */
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

  function provider(options: CreateImageProviderOptions = {}, secrets = { apiKey: key, apiSecret: secret }): ImageProvider {
    const http = testHttpClient({ maxRetries: 0 });
    clients.push(http);
    return createImageProvider({ id: 'fusionbrain', baseUrl: `${server.origin}/` }, secrets, {
      http,
      stylesUrl: `${server.origin}/static/styles/key`,
      sleep: instantSleep().sleep,
      ...options,
    });
  }

  /** Routes the Fusion Brain API; `statuses` are served to successive status checks (the last one repeats). */
  function serve(
    statuses: Array<ScriptedResponse | 'hang'>,
    overrides: { availability?: ScriptedResponse; run?: ScriptedResponse } = {},
  ): void {
    let statusIndex = 0;
    server.onRequest((request: RecordedRequest) => {
      const url = request.url;
      if (url === '/key/api/v1/pipelines') return fusionBrainPipelines(pipelineId);
      if (url === `/key/api/v1/pipeline/${pipelineId}/availability`) return overrides.availability ?? fusionBrainAvailability();
      if (url === '/key/api/v1/pipeline/run' && request.method === 'POST') {
        return overrides.run ?? fusionBrainRunAccepted(`job-${server.requests.filter((r) => r.url.endsWith('/run')).length}`);
      }
      if (url.startsWith('/key/api/v1/pipeline/status/')) {
        const next = statuses[Math.min(statusIndex, statuses.length - 1)];
        statusIndex++;
        return next === 'hang' || next === undefined ? { silent: true } : next;
      }
      return { status: 404, chunks: ['not found'] };
    });
  }

  const done = (files: string[] = [base64(tinyPng)], censored = false): ScriptedResponse => fusionBrainDone('job-1', files, censored);
  const status = (value: 'INITIAL' | 'PROCESSING'): ScriptedResponse => fusionBrainStatus('job-1', value);

  const failure = (promise: Promise<unknown>): Promise<ProviderError> => expectProviderFailure(promise, [key, secret]);

  it('runs INITIAL → PROCESSING → DONE, reporting queued then processing, and returns the image', async () => {
    serve([status('INITIAL'), status('PROCESSING'), status('PROCESSING'), done()]);
    const { sleep, waits } = instantSleep();
    const events: ImageProgress[] = [];
    const result = await provider({ sleep }).generate(
      { model: 'kandinsky', prompt: 'Пушистый кот в очках', negativePrompt: 'яркие цвета', style: 'ANIME', width: 1024, height: 576 },
      (e) => events.push(e),
    );
    assert.equal(result.images.length, 1);
    assert.deepEqual(result.images[0]?.bytes, tinyPng);
    assert.equal(result.images[0]?.contentFiltered, false);
    assert.deepEqual(
      events.map((e) => e.type),
      ['queued', 'processing'],
    );
    assert.deepEqual(waits, [1000, 1500, 2250, 3375]);

    assert.deepEqual(
      server.requests.map((r) => `${r.method} ${r.url}`),
      [
        'GET /key/api/v1/pipelines',
        `GET /key/api/v1/pipeline/${pipelineId}/availability`,
        'POST /key/api/v1/pipeline/run',
        'GET /key/api/v1/pipeline/status/job-1',
        'GET /key/api/v1/pipeline/status/job-1',
        'GET /key/api/v1/pipeline/status/job-1',
        'GET /key/api/v1/pipeline/status/job-1',
      ],
    );
    for (const request of server.requests) {
      assert.equal(request.headers['x-key'], `Key ${key}`);
      assert.equal(request.headers['x-secret'], `Secret ${secret}`);
    }
    const run = server.requests[2];
    const fields = await multipartFields(run?.body ?? '', run?.headers['content-type']);
    assert.equal(fields.pipeline_id?.value, pipelineId);
    assert.deepEqual(JSON.parse(fields.params?.value ?? '{}'), {
      type: 'GENERATE',
      numImages: 1,
      width: 1024,
      height: 576,
      style: 'ANIME',
      negativePromptDecoder: 'яркие цвета',
      generateParams: { query: 'Пушистый кот в очках' },
    });
    // Like `curl -F 'params=…;type=application/json'`: a typed part, not a file upload.
    const paramsHead = multipartPartHeaders(run?.body ?? '').params ?? '';
    assert.match(paramsHead, /Content-Type: application\/json/);
    assert.doesNotMatch(paramsHead, /filename/);
  });

  it('makes several images as several runs of one image each', async () => {
    serve([done()]);
    const events: ImageProgress[] = [];
    const result = await provider().generate({ model: 'kandinsky', prompt: 'x', count: 2 }, (e) => events.push(e));
    assert.equal(result.images.length, 2);
    const runs = server.requests.filter((r) => r.url.endsWith('/run'));
    assert.equal(runs.length, 2);
    assert.deepEqual(
      events.map((e) => [e.type, e.imageIndex]),
      [
        ['queued', 1],
        ['queued', 2],
      ],
    );
    // The pipeline list is read once per provider.
    assert.equal(server.requests.filter((r) => r.url.endsWith('/pipelines')).length, 1);
  });

  it('reports FAIL with its errorDescription', async () => {
    serve([fusionBrainFailed('job-1', 'Query is too long')]);
    const error = await failure(provider().generate({ model: 'kandinsky', prompt: 'x' }));
    assert.equal(error.kind, 'server');
    assert.match(error.message, /Kandinsky could not make the image: “Query is too long”/);
  });

  it('marks a censored result as content-filtered, and fails a censored result without files', async () => {
    serve([done([base64(tinyPng)], true)]);
    const result = await provider().generate({ model: 'kandinsky', prompt: 'x' });
    assert.equal(result.images[0]?.contentFiltered, true);

    serve([done([], true)]);
    const error = await failure(provider().generate({ model: 'kandinsky', prompt: 'x' }));
    assert.equal(error.kind, 'content-filtered');
  });

  it('says Kandinsky is busy when the availability is DISABLED_BY_QUEUE, and does not run', async () => {
    serve([done()], { availability: fusionBrainAvailability('DISABLED_BY_QUEUE') });
    const error = await failure(provider().generate({ model: 'kandinsky', prompt: 'x' }));
    assert.equal(error.kind, 'overloaded');
    assert.match(error.message, /Kandinsky is busy right now.*try again later/);
    assert.ok(!server.requests.some((r) => r.url.endsWith('/run')));
  });

  it('says Kandinsky is busy when the run answers with the queue state instead of a uuid', async () => {
    serve([done()], { run: fusionBrainRunRefusedBusy() });
    const error = await failure(provider().generate({ model: 'kandinsky', prompt: 'x' }));
    assert.equal(error.kind, 'overloaded');
    assert.equal(error.code, 'DISABLED_BY_QUEUE');
  });

  it('gives up with a timeout when the status never finishes', async () => {
    serve([status('PROCESSING')]);
    const { sleep, waits } = instantSleep();
    const error = await failure(provider({ sleep, timeLimitMs: 10_000 }).generate({ model: 'kandinsky', prompt: 'x' }));
    assert.equal(error.kind, 'timeout');
    assert.match(error.message, /did not finish within 10 s \(the last status was PROCESSING\)/);
    assert.equal(
      waits.reduce((a, b) => a + b, 0),
      10_000,
    );
  });

  it('the time limit also cuts a status check that never answers', async () => {
    serve(['hang']);
    const error = await failure(
      provider({ sleep: realSleep, pollIntervalMs: 5, timeLimitMs: 300 }).generate({ model: 'kandinsky', prompt: 'x' }),
    );
    assert.equal(error.kind, 'timeout');
    const last = server.requests[server.requests.length - 1];
    assert.equal((await last?.closed)?.completed, false);
  });

  it('stops polling when cancelled: the status check in flight is closed and no request follows', async () => {
    serve([status('PROCESSING'), status('PROCESSING'), 'hang']);
    const controller = new AbortController();
    const statusChecks = (): RecordedRequest[] => server.requests.filter((r) => r.url.includes('/status/'));
    const pending = provider({ sleep: realSleep, pollIntervalMs: 5, maxPollIntervalMs: 5 }).generate({
      model: 'kandinsky',
      prompt: 'x',
      signal: controller.signal,
    });
    while (statusChecks().length < 3) await new Promise((resolve) => setTimeout(resolve, 5));
    controller.abort();
    const error = await failure(pending);
    assert.equal(error.kind, 'cancelled');
    assert.equal((await statusChecks()[2]?.closed)?.completed, false);
    const count = server.requests.length;
    await new Promise((resolve) => setTimeout(resolve, 100));
    assert.equal(server.requests.length, count, 'no request after the abort');
  });

  it('stops waiting between checks when cancelled', async () => {
    serve([status('PROCESSING')]);
    const controller = new AbortController();
    const pending = provider({ sleep: realSleep, pollIntervalMs: 60_000 }).generate({
      model: 'kandinsky',
      prompt: 'x',
      signal: controller.signal,
    });
    while (!server.requests.some((r) => r.url.endsWith('/run'))) await new Promise((resolve) => setTimeout(resolve, 5));
    await new Promise((resolve) => setTimeout(resolve, 20));
    controller.abort();
    // Without the abort this would wait the whole 60 s poll interval, far past the test's timeout.
    const error = await failure(pending);
    assert.equal(error.kind, 'cancelled');
    assert.ok(!server.requests.some((r) => r.url.includes('/status/')));
  });

  it('explains a DONE without files (the result can be read only once)', async () => {
    serve([done([])]);
    const error = await failure(provider().generate({ model: 'kandinsky', prompt: 'x' }));
    assert.equal(error.kind, 'invalid-response');
    assert.match(error.message, /sent no image.*only once/);
  });

  it('refuses a DONE whose file is not an image', async () => {
    serve([done([Buffer.from('<html>oops</html>').toString('base64')])]);
    const error = await failure(provider().generate({ model: 'kandinsky', prompt: 'x' }));
    assert.equal(error.kind, 'invalid-response');
    assert.match(error.message, /not a PNG, JPEG or WebP image \(they start with '<html>oops<\/html>'\)/);
  });

  it('accepts pipelines listed with `id`', async () => {
    server.onRequest((request) => {
      if (request.url === '/key/api/v1/pipelines') return jsonResponse([{ id: 'p-7', name: 'Kandinsky', version: 3.1 }]);
      if (request.url.endsWith('/availability')) return fusionBrainAvailability();
      if (request.url.endsWith('/run')) return fusionBrainRunAccepted('job-1');
      return done();
    });
    await provider().generate({ model: 'kandinsky', prompt: 'x' });
    const fields = await multipartFields(server.requests[2]?.body ?? '', server.requests[2]?.headers['content-type']);
    assert.equal(fields.pipeline_id?.value, 'p-7');
  });

  it('lists styles from the styles URL without sending the key', async () => {
    server.enqueue(fusionBrainStyles([{ name: 'ANIME', title: 'Аниме', titleEn: 'Anime', image: 'https://cdn.example/anime.jpg' }]));
    const styles = await provider().listStyles();
    assert.deepEqual(styles, [{ name: 'ANIME', title: 'Anime', titleRu: 'Аниме', image: 'https://cdn.example/anime.jpg' }]);
    assert.equal(server.requests[0]?.url, '/static/styles/key');
    assert.equal(server.requests[0]?.headers['x-key'], undefined);
    assert.equal(server.requests[0]?.headers['x-secret'], undefined);
  });

  it('checks the key with the pipeline list; a 401 is rejected', async () => {
    serve([done()]);
    assert.deepEqual(await provider().checkKey(), { result: 'works', models: 1 });
    server.onRequest(() => fusionBrainUnauthorized());
    const check = await provider().checkKey();
    assert.equal(check.result, 'rejected');
  });

  it('lists kandinsky as its model', async () => {
    serve([done()]);
    const models = await provider().listImageModels();
    assert.deepEqual(models, [{ id: 'kandinsky', name: 'Kandinsky 3.1' }]);
  });

  it('needs the secret as well as the key', async () => {
    const error = await failure(provider({}, { apiKey: key, apiSecret: '' }).generate({ model: 'kandinsky', prompt: 'x' }));
    assert.equal(error.kind, 'auth');
    assert.match(error.message, /No secret is set for fusionbrain.*FUSIONBRAIN_SECRET_KEY/);
    assert.equal(server.requests.length, 0);
  });
});
