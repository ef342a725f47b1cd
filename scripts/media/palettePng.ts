// Writes an RGB(A) screenshot as an 8-bit palette PNG (the PNG specification's colour type 3), so a README picture
// of the editor's flat UI costs a third of its bytes in the VSIX, whose size budget is in docs/performance.md.
// The palette is the 256 most used colours at 5 bits a channel (popularity, enough for UI text and flat panels);
// every pixel takes the nearest one.
import { deflateSync, inflateSync, crc32 } from 'node:zlib';

const signature = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

interface Decoded {
  width: number;
  height: number;
  /** Four bytes a pixel: red, green, blue, alpha. */
  rgba: Uint8Array;
}

/** Reads an 8-bit RGB or RGBA PNG, as Chromium's screenshots are. */
export function decodePng(png: Buffer): Decoded {
  if (!png.subarray(0, 8).equals(signature)) throw new Error('not a PNG');
  let offset = 8;
  let header: Buffer | undefined;
  let palette: Buffer | undefined;
  const data: Buffer[] = [];
  while (offset < png.length) {
    const length = png.readUInt32BE(offset);
    const type = png.toString('latin1', offset + 4, offset + 8);
    const body = png.subarray(offset + 8, offset + 8 + length);
    if (type === 'IHDR') header = body;
    if (type === 'PLTE') palette = body;
    if (type === 'IDAT') data.push(body);
    offset += 12 + length;
  }
  // 8-bit palette pictures too (what this file writes with more than 16 colours), so one in media/readme/ can be
  // written again with fewer colours.
  const indexed = header?.[9] === 3 && palette !== undefined;
  if (!header || header[8] !== 8 || (header[9] !== 2 && header[9] !== 6 && !indexed) || header[12] !== 0) {
    throw new Error('only 8-bit, non-interlaced RGB, RGBA or palette PNGs are read');
  }
  const width = header.readUInt32BE(0);
  const height = header.readUInt32BE(4);
  const channels = header[9] === 6 ? 4 : header[9] === 2 ? 3 : 1;
  const raw = inflateSync(Buffer.concat(data));
  const stride = width * channels;
  const rows = new Uint8Array(stride * height);
  for (let y = 0; y < height; y++) {
    const filter = raw[y * (stride + 1)] ?? 0;
    for (let x = 0; x < stride; x++) {
      const at = y * stride + x;
      const value = raw[y * (stride + 1) + 1 + x] ?? 0;
      const left = x >= channels ? (rows[at - channels] ?? 0) : 0;
      const up = y > 0 ? (rows[at - stride] ?? 0) : 0;
      const upLeft = x >= channels && y > 0 ? (rows[at - stride - channels] ?? 0) : 0;
      rows[at] = (value + unfilter(filter, left, up, upLeft)) & 0xff;
    }
  }
  const rgba = new Uint8Array(width * height * 4);
  for (let pixel = 0; pixel < width * height; pixel++) {
    if (indexed) {
      const index = rows[pixel] ?? 0;
      rgba.set([palette?.[index * 3] ?? 0, palette?.[index * 3 + 1] ?? 0, palette?.[index * 3 + 2] ?? 0, 255], pixel * 4);
      continue;
    }
    for (let channel = 0; channel < 4; channel++) {
      rgba[pixel * 4 + channel] = channel < channels ? (rows[pixel * channels + channel] ?? 0) : 255;
    }
  }
  return { width, height, rgba };
}

function unfilter(filter: number, left: number, up: number, upLeft: number): number {
  switch (filter) {
    case 1:
      return left;
    case 2:
      return up;
    case 3:
      return (left + up) >> 1;
    case 4: {
      const estimate = left + up - upLeft;
      const [a, b, c] = [Math.abs(estimate - left), Math.abs(estimate - up), Math.abs(estimate - upLeft)];
      return a <= b && a <= c ? left : b <= c ? up : upLeft;
    }
    default:
      return 0;
  }
}

/**
 * Encodes an opaque picture as a palette PNG of at most `colours` colours (256 at most). Sixteen or fewer are stored
 * at 4 bits a pixel: a UI picture keeps its text readable with 16 and costs about a third less.
 */
export function encodePalettePng({ width, height, rgba }: Decoded, colours = 256): Buffer {
  const bucket = (at: number): number => (((rgba[at] ?? 0) >> 3) << 10) | (((rgba[at + 1] ?? 0) >> 3) << 5) | ((rgba[at + 2] ?? 0) >> 3);
  const counts = new Map<number, number>();
  for (let at = 0; at < rgba.length; at += 4) counts.set(bucket(at), (counts.get(bucket(at)) ?? 0) + 1);
  const palette = [...counts.entries()]
    .sort((a, b) => b[1] - a[1])
    .slice(0, Math.min(256, colours))
    .map(([key]) => [((key >> 10) & 31) * 8.2, ((key >> 5) & 31) * 8.2, (key & 31) * 8.2].map(Math.round) as [number, number, number]);
  const nearest = new Map<number, number>();
  const indexOf = (key: number): number => {
    const known = nearest.get(key);
    if (known !== undefined) return known;
    const [r, g, b] = [((key >> 10) & 31) * 8.2, ((key >> 5) & 31) * 8.2, (key & 31) * 8.2];
    let best = 0;
    let bestDistance = Infinity;
    palette.forEach(([pr, pg, pb], index) => {
      const distance = (pr - r) ** 2 + (pg - g) ** 2 + (pb - b) ** 2;
      if (distance < bestDistance) [best, bestDistance] = [index, distance];
    });
    nearest.set(key, best);
    return best;
  };
  const depth = palette.length <= 16 ? 4 : 8;
  const perByte = 8 / depth;
  const stride = Math.ceil(width / perByte);
  const raw = Buffer.alloc((stride + 1) * height);
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const at = y * (stride + 1) + 1 + Math.floor(x / perByte);
      raw[at] = (raw[at] ?? 0) | (indexOf(bucket((y * width + x) * 4)) << (8 - depth * ((x % perByte) + 1)));
    }
  }
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header.set([depth, 3, 0, 0, 0], 8);
  return Buffer.concat([
    signature,
    chunk('IHDR', header),
    chunk('PLTE', Buffer.from(palette.flat())),
    chunk('IDAT', deflateSync(raw, { level: 9 })),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

function chunk(type: string, data: Buffer): Buffer {
  const out = Buffer.alloc(12 + data.length);
  out.writeUInt32BE(data.length, 0);
  out.write(type, 4, 'latin1');
  data.copy(out, 8);
  out.writeUInt32BE(crc32(Buffer.concat([Buffer.from(type, 'latin1'), data])), 8 + data.length);
  return out;
}
