// The image benchmark page's script (runs under the webview's CSP, like the tests): makes a photo-like image in the
// page with a canvas, then times the chat view's own downscaling of it (src/webview/images/downscaleImage.ts:
// decode, draw at the long edge the providers take, encode within the byte limit) as a pasted file would go.
import { downscaleImage } from '../../src/webview/images/downscaleImage';

export interface DownscaleRun {
  /** Milliseconds of each downscaleImage call, in order. */
  ms: number[];
  /** The source file's bytes, and what came out. */
  sourceBytes: number;
  width: number;
  height: number;
  mimeType: string;
  bytes: number;
}

/**
 * A `width` × `height` picture with a photo's entropy (smooth gradients, shapes and fine noise, so its encoders work
 * as hard as on a camera picture), encoded as `type`.
 */
async function photoLike(width: number, height: number, type: 'image/jpeg' | 'image/png'): Promise<File> {
  const canvas = new OffscreenCanvas(width, height);
  const context = canvas.getContext('2d')!;
  const sky = context.createLinearGradient(0, 0, 0, height);
  sky.addColorStop(0, '#1e3a8a');
  sky.addColorStop(0.6, '#f59e0b');
  sky.addColorStop(1, '#14532d');
  context.fillStyle = sky;
  context.fillRect(0, 0, width, height);
  let seed = 12345;
  const random = (): number => {
    seed = (seed * 1103515245 + 12345) & 0x7fffffff;
    return seed / 0x7fffffff;
  };
  for (let i = 0; i < 400; i++) {
    context.fillStyle = `hsla(${Math.floor(random() * 360)}, 60%, 50%, 0.35)`;
    context.beginPath();
    context.arc(random() * width, random() * height, 20 + random() * width * 0.05, 0, Math.PI * 2);
    context.fill();
  }
  // Fine noise in bands (sensor grain), so the encoders have real detail to keep.
  const band = context.getImageData(0, 0, width, 64);
  for (let i = 0; i < band.data.length; i += 4)
    for (let c = 0; c < 3; c++) band.data[i + c] = Math.max(0, Math.min(255, band.data[i + c]! + (random() - 0.5) * 40));
  for (let y = 0; y < height; y += 128) context.putImageData(band, 0, y);
  const blob = await canvas.convertToBlob(type === 'image/jpeg' ? { type, quality: 0.92 } : { type });
  return new File([blob], type === 'image/jpeg' ? 'photo.jpg' : 'screenshot.png', { type });
}

const api = {
  /** Times `rounds` downscalings of one generated `width` × `height` image of `type`, after one not counted. */
  async run(width: number, height: number, type: 'image/jpeg' | 'image/png', rounds: number): Promise<DownscaleRun> {
    const file = await photoLike(width, height, type);
    await downscaleImage(file);
    const ms: number[] = [];
    let last: Awaited<ReturnType<typeof downscaleImage>> | undefined;
    for (let round = 0; round < rounds; round++) {
      const start = performance.now();
      last = await downscaleImage(file);
      ms.push(performance.now() - start);
    }
    if (!last?.ok) throw new Error(`downscaleImage refused the image: ${JSON.stringify(last)}`);
    const { image } = last;
    return { ms, sourceBytes: file.size, width: image.width, height: image.height, mimeType: image.mimeType, bytes: image.blob.size };
  },
};

export type DownscaleBenchApi = typeof api;

(window as unknown as { downscaleBench: DownscaleBenchApi }).downscaleBench = api;
