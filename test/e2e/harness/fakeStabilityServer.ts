// A fake Stability AI for the real-editor tests of Edit Image… and Animate Image…, pointed at through a keyless
// `kind: "stability"` provider entry in the user settings (rootHooks.ts). It answers as Stability's REST API reference
// (platform.stability.ai/docs/api-reference: v2beta "Generate" sd3/ultra/core with `mode=image-to-image`, "Edit"
// inpaint / search-and-replace / remove-background, "Image-to-Video" start and result) describes: multipart in;
// `accept: image/*` → the image's bytes with `finish-reason` and `seed` headers, `accept: application/json` →
// `{image|video, finish_reason, seed}`; the video job → `{id}`, then 202 `{id, status: "in-progress"}` until it is done
// and 200 `video/mp4`; errors `{id, name, errors: [...]}`.
import { deflateSync } from 'node:zlib';
import { FakeHttpServer, type RecordedRequest, type ScriptedResponse } from '../../unit/fakes/fakeHttpServer';
import { stabilityImage, stabilityImageJson, stabilityV2Error } from '../../unit/fakes/stabilityFake';

/** A 40-byte MP4: an `ftyp` box (isom, with its compatible brands) and an empty `free` box. */
export const tinyMp4: Buffer = Buffer.concat([
  box('ftyp', Buffer.concat([Buffer.from('isom'), u32(0x200), Buffer.from('isomiso2avc1mp41')])),
  box('free', Buffer.alloc(0)),
]);

/** The id a video job gets: 64 hex digits, as Stability's are. */
export const videoJobId = 'a6dc6c6e20acda010fe14d71f180658f2896ed9b4ec25aa99a6ff06c7969e2e1';

export class FakeStabilityServer {
  /** How many times the result is "in-progress" (202) before the video is ready. */
  pendingPolls = 2;
  /** Answer the video endpoints as a retired endpoint: 404 `not_found`. */
  videoGone = false;
  private polls = 0;

  private constructor(private readonly server: FakeHttpServer) {}

  static async start(): Promise<FakeStabilityServer> {
    const server = await FakeHttpServer.start();
    const fake = new FakeStabilityServer(server);
    server.onRequest((request) => fake.answer(request));
    return fake;
  }

  get origin(): string {
    return this.server.origin;
  }

  get requests(): readonly RecordedRequest[] {
    return this.server.requests;
  }

  /** Requests whose path (without the query) is `path` or starts with it when it ends in `/`. */
  requestsTo(path: string): RecordedRequest[] {
    return this.server.requests.filter((request) => {
      const own = request.url.split('?')[0] ?? '';
      return path.endsWith('/') ? own.startsWith(path) : own === path;
    });
  }

  close(): Promise<void> {
    return this.server.close();
  }

  private answer(request: RecordedRequest): ScriptedResponse {
    const path = request.url.split('?')[0] ?? '';
    const json = (request.headers['accept'] ?? '').includes('application/json');
    if (
      request.method === 'POST' &&
      /^\/v2beta\/stable-image\/(generate\/(sd3|ultra|core)|edit\/(inpaint|search-and-replace|remove-background))$/.test(path)
    ) {
      if (!/multipart\/form-data/.test(request.headers['content-type'] ?? '')) {
        return stabilityV2Error(400, 'bad_request', ['content-type: must be multipart/form-data']);
      }
      if (path.includes('/generate/') && !/name="prompt"/.test(request.body)) {
        return stabilityV2Error(400, 'bad_request', ['prompt: cannot be empty']);
      }
      const image = editedPng(96, 96);
      return json ? stabilityImageJson(image, { seed: 1234 }) : stabilityImage(image, { seed: 1234 });
    }
    if (path === '/v2beta/image-to-video' || path.startsWith('/v2beta/image-to-video/result/')) {
      if (this.videoGone) return stabilityV2Error(404, 'not_found', [`${path} is not a valid endpoint`]);
      if (request.method === 'POST' && path === '/v2beta/image-to-video') {
        this.polls = 0;
        return { status: 200, headers: { 'content-type': 'application/json' }, chunks: [JSON.stringify({ id: videoJobId })] };
      }
      if (request.method === 'GET' && path === `/v2beta/image-to-video/result/${videoJobId}`) {
        this.polls++;
        if (this.polls <= this.pendingPolls) {
          return {
            status: 202,
            headers: { 'content-type': 'application/json' },
            chunks: [JSON.stringify({ id: videoJobId, status: 'in-progress' })],
          };
        }
        return json
          ? {
              status: 200,
              headers: { 'content-type': 'application/json' },
              chunks: [JSON.stringify({ video: tinyMp4.toString('base64'), finish_reason: 'SUCCESS', seed: 4321 })],
            }
          : { status: 200, headers: { 'content-type': 'video/mp4', 'finish-reason': 'SUCCESS', seed: '4321' }, chunks: [tinyMp4] };
      }
      return stabilityV2Error(404, 'not_found', [`id: no generation found for ${path.split('/').at(-1) ?? ''}`]);
    }
    return stabilityV2Error(404, 'not_found', [`${request.method} ${path} is not a valid endpoint`]);
  }
}

/** A real PNG of `width` × `height` (diagonal stripes), so a preview shows a picture that differs from the source. */
export function stripedPng(width: number, height: number, colour: readonly [number, number, number] = [40, 170, 220]): Buffer {
  const rows: Buffer[] = [];
  for (let y = 0; y < height; y++) {
    const row = Buffer.alloc(1 + width * 3);
    for (let x = 0; x < width; x++) {
      const on = Math.floor((x + y) / 16) % 2 === 0;
      row[1 + x * 3] = on ? colour[0] : 250;
      row[2 + x * 3] = on ? colour[1] : 240;
      row[3 + x * 3] = on ? colour[2] : 200;
    }
    rows.push(row);
  }
  const header = Buffer.concat([u32(width), u32(height), Buffer.from([8, 2, 0, 0, 0])]); // 8-bit RGB
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    pngChunk('IHDR', header),
    pngChunk('IDAT', deflateSync(Buffer.concat(rows))),
    pngChunk('IEND', Buffer.alloc(0)),
  ]);
}

/** What the fake's edit endpoints answer: stripes in another colour than any source the tests write. */
function editedPng(width: number, height: number): Buffer {
  return stripedPng(width, height, [220, 80, 60]);
}

function box(type: string, payload: Buffer): Buffer {
  return Buffer.concat([u32(8 + payload.length), Buffer.from(type, 'ascii'), payload]);
}

function pngChunk(type: string, data: Buffer): Buffer {
  const typed = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  return Buffer.concat([u32(data.length), typed, u32(crc32(typed))]);
}

function u32(value: number): Buffer {
  const out = Buffer.alloc(4);
  out.writeUInt32BE(value >>> 0);
  return out;
}

function crc32(bytes: Uint8Array): number {
  let crc = 0xffffffff;
  for (const byte of bytes) {
    crc ^= byte;
    for (let k = 0; k < 8; k++) crc = crc & 1 ? (crc >>> 1) ^ 0xedb88320 : crc >>> 1;
  }
  return (crc ^ 0xffffffff) >>> 0;
}
