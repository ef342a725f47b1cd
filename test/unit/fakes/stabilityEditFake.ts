// Stability AI's v2beta endpoints that take an image: `generate/sd3` and `generate/ultra` (image-to-image) and
// `edit/inpaint`, `edit/search-and-replace`, `edit/remove-background`. Each reads a multipart/form-data body and,
// with `accept: image/*`, answers the image's bytes with `finish-reason` and `seed` headers; a missing field is
// 400 `{id, name: "bad_request", errors: ["<field>: required field"]}`.
// Follows Stability AI's REST API reference ("Generate" sd3 and ultra, "Edit" inpaint, search-and-replace,
// remove-background: required fields and their error responses).
import type { RecordedRequest, ScriptedResponse } from './fakeHttpServer';
import { parseMultipart, pngOfSize } from './sourceImageFakes';
import { stabilityImage, stabilityV2Error } from './stabilityFake';

/** The fields each endpoint cannot do without. */
const required: Record<string, readonly string[]> = {
  '/v2beta/stable-image/generate/sd3': ['prompt'],
  '/v2beta/stable-image/generate/ultra': ['prompt'],
  '/v2beta/stable-image/edit/inpaint': ['image', 'prompt'],
  '/v2beta/stable-image/edit/search-and-replace': ['image', 'prompt', 'search_prompt'],
  '/v2beta/stable-image/edit/remove-background': ['image'],
};

export interface StabilityEditFakeOptions {
  /** The result's bytes. Default: a 64×64 PNG. */
  result?: Uint8Array;
  /** The seed of the first answer; each next answer has the next one, or the seed sent. Default 7. */
  seed?: number;
  finishReason?: 'SUCCESS' | 'CONTENT_FILTERED';
}

/** A handler for `FakeHttpServer.onRequest`: checks the multipart body as the service does and answers an image. */
export function stabilityEditService(options: StabilityEditFakeOptions = {}): (request: RecordedRequest) => ScriptedResponse {
  let seed = options.seed ?? 7;
  return (request) => {
    const fields = required[request.url];
    if (request.method !== 'POST' || fields === undefined) {
      return stabilityV2Error(404, 'not_found', [`${request.method} ${request.url} does not exist`]);
    }
    if (!/^multipart\/form-data; boundary=/.test(request.headers['content-type'] ?? '')) {
      return stabilityV2Error(400, 'bad_request', ['content-type: must be multipart/form-data']);
    }
    const form = parseMultipart(request.raw, request.headers['content-type']);
    const needed = [...fields];
    // sd3 takes an image in image-to-image mode only, and then a strength too; ultra needs a strength with an image.
    if (request.url.endsWith('/sd3') && form['mode']?.value === 'image-to-image') needed.push('image', 'strength');
    if (request.url.endsWith('/ultra') && form['image'] !== undefined) needed.push('strength');
    const missing = needed.filter((name) => form[name] === undefined);
    if (missing.length > 0)
      return stabilityV2Error(
        400,
        'bad_request',
        missing.map((name) => `${name}: required field`),
      );
    if (form['image'] !== undefined && !/^image\/(png|jpeg|webp)$/.test(form['image'].type ?? '')) {
      return stabilityV2Error(400, 'bad_request', ['image: unsupported format; use jpeg, png or webp']);
    }
    const sentSeed = form['seed']?.value;
    const answerSeed = sentSeed !== undefined && sentSeed !== '0' ? Number(sentSeed) : seed++;
    return stabilityImage(options.result ?? pngOfSize(64, 64), {
      seed: answerSeed,
      ...(options.finishReason !== undefined ? { finishReason: options.finishReason } : {}),
    });
  };
}
