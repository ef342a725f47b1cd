// OpenAI's `POST /v1/images/generations` for the gpt-image models: nothing at all (not even the status line) until
// the pictures are made, which often takes over a minute and over two at high quality; then one JSON answer
// `{created, background, data: [{b64_json}], output_format, quality, size, usage}`. A refused prompt is 400
// `moderation_blocked`.
// Follows OpenAI's API reference ("Images": create image, the image generation response object) and its image
// generation guide (latency of gpt-image-1), with the error shape of the "Error codes" guide.
import type { RecordedRequest, ScriptedResponse } from './fakeHttpServer';
import { base64, tinyPng } from './imageFakes';
import { openAiError, openAiResponseHeaders } from './openAiFake';
import { parseMultipart } from './sourceImageFakes';

export interface OpenAiImageOptions {
  /** How many images (`n`). Default 1. */
  count?: number;
  /** The bytes of each image. Default: a 1×1 PNG. */
  bytes?: Uint8Array;
  outputFormat?: 'png' | 'jpeg' | 'webp';
  size?: string;
  quality?: 'low' | 'medium' | 'high';
  usage?: { input_tokens: number; output_tokens: number };
}

/** The answer of a finished generation. */
export function openAiImageResult(options: OpenAiImageOptions = {}): ScriptedResponse {
  const bytes = options.bytes ?? tinyPng;
  const usage = options.usage ?? { input_tokens: 12, output_tokens: 4160 };
  return {
    status: 200,
    headers: { 'content-type': 'application/json', ...openAiResponseHeaders() },
    chunks: [
      JSON.stringify({
        created: 1_767_225_600,
        background: 'opaque',
        data: Array.from({ length: options.count ?? 1 }, () => ({ b64_json: base64(bytes) })),
        output_format: options.outputFormat ?? 'png',
        quality: options.quality ?? 'medium',
        size: options.size ?? '1024x1024',
        usage: {
          input_tokens: usage.input_tokens,
          input_tokens_details: { image_tokens: 0, text_tokens: usage.input_tokens },
          output_tokens: usage.output_tokens,
          total_tokens: usage.input_tokens + usage.output_tokens,
        },
      }),
    ],
  };
}

/**
 * A generation that takes `ms` before the server sends anything — status line, headers and body all come at the
 * end, as with the real endpoint. Use it with a client timeout shorter than `ms` to see what a slow, billed
 * generation does to the client (the server records the request either way; `closed` tells whether the client hung
 * up before the answer was written).
 */
export function slowOpenAiImage(ms: number, options: OpenAiImageOptions = {}): ScriptedResponse {
  return { ...openAiImageResult(options), headersAfterMs: ms };
}

/** 400 `moderation_blocked`: the safety system refused the prompt (or the picture). */
export function openAiImageModerationBlocked(): ScriptedResponse {
  return openAiError(400, {
    message:
      'Your request was rejected by the safety system. If you believe this is an error, contact us at help.openai.com and include the request ID req_fake.',
    type: 'image_generation_user_error',
    code: 'moderation_blocked',
  });
}

/**
 * `POST /v1/images/edits` (OpenAI's API reference, "Images": create image edit): a multipart/form-data body with
 * `image` (or `image[]`), an optional `mask`, `prompt`, `model`, `n`; a missing field is 400
 * `invalid_request_error` naming it, a mask of another size 400 too; the answer is a generation's
 * (`data: [{b64_json}]`, `usage`), one image per `n`. A handler for `FakeHttpServer.onRequest`.
 */
export function openAiImageEditService(options: OpenAiImageOptions = {}): (request: RecordedRequest) => ScriptedResponse {
  return (request) => {
    if (request.method !== 'POST' || request.url !== '/v1/images/edits') {
      return openAiError(404, { message: `Invalid URL (${request.method} ${request.url})`, type: 'invalid_request_error' });
    }
    const form = parseMultipart(request.raw, request.headers['content-type']);
    const image = form['image'] ?? form['image[]'];
    for (const [name, present] of [
      ['image', image !== undefined],
      ['prompt', form['prompt'] !== undefined],
    ] as const) {
      if (!present) {
        return openAiError(400, {
          message: `Missing required parameter: '${name}'.`,
          type: 'invalid_request_error',
          param: name,
          code: 'missing_required_parameter',
        });
      }
    }
    const mask = form['mask'];
    if (mask?.bytes !== undefined && image?.bytes !== undefined && sizeOf(mask.bytes) !== sizeOf(image.bytes)) {
      return openAiError(400, {
        message: 'Invalid mask image. The mask image must be the same size as the input image.',
        type: 'invalid_request_error',
        param: 'mask',
        code: 'invalid_mask_image_dimensions',
      });
    }
    const count = Number(form['n']?.value ?? '1');
    return openAiImageResult({ ...options, count });
  };
}

function sizeOf(bytes: Uint8Array): string {
  const view = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  return view.length >= 24 ? `${view.readUInt32BE(16)}x${view.readUInt32BE(20)}` : '?';
}
