// Stability AI's asynchronous image-to-video: `POST /v2beta/image-to-video` (multipart: image, optional seed,
// cfg_scale, motion_bucket_id) answers `{id}` (64 hex digits); `GET /v2beta/image-to-video/result/{id}` answers
// 202 `{id, status: "in-progress"}` while the video is made, then 200 `content-type: video/mp4` with `finish-reason`
// and `seed` headers (or `{video, finish_reason, seed}` for `accept: application/json`). An unknown id is 404; an image
// of another size is 400 with `{id, name: "bad_request", errors: [...]}`. A retired endpoint answers 404 (or 410).
// Follows Stability AI's REST API reference ("Image-to-Video": start generation, fetch generation result) and seed
// document 002 (submit, poll by id, results kept 24 h).
import type { RecordedRequest, ScriptedResponse } from './fakeHttpServer';
import { mp4Bytes, parseMultipart } from './sourceImageFakes';
import { stabilityV2Error } from './stabilityFake';

export interface StabilityVideoFakeOptions {
  /** How many polls answer 202 before the video is ready. Default 2. */
  pendingPolls?: number;
  /** The video's bytes. Default: a small MP4. */
  video?: Uint8Array;
  /** Answer the result as JSON (base64) rather than bytes. */
  json?: boolean;
  finishReason?: 'SUCCESS' | 'CONTENT_FILTERED';
  /** The start endpoint is gone: answer it with this status (404 or 410). */
  gone?: 404 | 410;
  /** Sizes the service accepts. Default 1024×576, 576×1024, 768×768. */
  sizes?: readonly string[];
}

export class StabilityVideoFake {
  /** Jobs started: id → polls answered so far. */
  readonly jobs = new Map<string, number>();
  private next = 0;

  constructor(private readonly options: StabilityVideoFakeOptions = {}) {}

  /** A handler for `FakeHttpServer.onRequest`. */
  readonly handle = (request: RecordedRequest): ScriptedResponse => {
    if (request.method === 'POST' && request.url === '/v2beta/image-to-video') return this.start(request);
    const id = /^\/v2beta\/image-to-video\/result\/([^/?]+)$/.exec(request.url)?.[1];
    if (request.method === 'GET' && id !== undefined) return this.result(request, decodeURIComponent(id));
    return stabilityV2Error(404, 'not_found', [`${request.method} ${request.url} does not exist`]);
  };

  private start(request: RecordedRequest): ScriptedResponse {
    if (this.options.gone !== undefined) {
      return stabilityV2Error(this.options.gone, 'not_found', ['The requested resource was not found; this API has been retired.']);
    }
    const form = parseMultipart(request.raw, request.headers['content-type']);
    const image = form['image'];
    if (image?.bytes === undefined) return stabilityV2Error(400, 'bad_request', ['image: required field']);
    if (image.type !== 'image/png' && image.type !== 'image/jpeg') {
      return stabilityV2Error(400, 'bad_request', ['image: unsupported format; use jpeg or png']);
    }
    const size = pngSize(image.bytes);
    const sizes = this.options.sizes ?? ['1024x576', '576x1024', '768x768'];
    if (size !== undefined && !sizes.includes(size)) {
      return stabilityV2Error(400, 'bad_request', [`image: invalid dimensions ${size}; supported: ${sizes.join(', ')}`]);
    }
    const motion = form['motion_bucket_id']?.value;
    if (motion !== undefined && !(Number(motion) >= 1 && Number(motion) <= 255)) {
      return stabilityV2Error(400, 'bad_request', ['motion_bucket_id: must be between 1 and 255']);
    }
    this.next++;
    const id = this.next.toString(16).padStart(64, 'a');
    this.jobs.set(id, 0);
    return { status: 200, headers: { 'content-type': 'application/json' }, chunks: [JSON.stringify({ id })] };
  }

  private result(request: RecordedRequest, id: string): ScriptedResponse {
    const polls = this.jobs.get(id);
    if (polls === undefined) return stabilityV2Error(404, 'not_found', [`generation ${id} was not found`]);
    this.jobs.set(id, polls + 1);
    if (polls < (this.options.pendingPolls ?? 2)) {
      return { status: 202, headers: { 'content-type': 'application/json' }, chunks: [JSON.stringify({ id, status: 'in-progress' })] };
    }
    const video = this.options.video ?? mp4Bytes();
    const finishReason = this.options.finishReason ?? 'SUCCESS';
    if (this.options.json === true || request.headers.accept === 'application/json') {
      return {
        status: 200,
        headers: { 'content-type': 'application/json' },
        chunks: [JSON.stringify({ video: Buffer.from(video).toString('base64'), finish_reason: finishReason, seed: 1234 })],
      };
    }
    return { status: 200, headers: { 'content-type': 'video/mp4', 'finish-reason': finishReason, seed: '1234' }, chunks: [video] };
  }
}

/** `WxH` of a PNG, from its IHDR. */
function pngSize(bytes: Uint8Array): string | undefined {
  if (bytes.length < 24 || String.fromCharCode(...bytes.subarray(12, 16)) !== 'IHDR') return undefined;
  const view = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  return `${view.readUInt32BE(16)}x${view.readUInt32BE(20)}`;
}
