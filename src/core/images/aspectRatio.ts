// Aspect ratios (`16:9`) and pixel sizes (`1024x576`), and the conversions between them that the providers need:
// Stability v2beta and the Sydney gateway take a ratio, Kandinsky and Stability v1 take pixels.

export interface ImageSize {
  width: number;
  height: number;
}

/** `16:9` → {width: 16, height: 9}; anything else → undefined. */
export function parseAspectRatio(text: string): ImageSize | undefined {
  const match = /^\s*(\d{1,4})\s*:\s*(\d{1,4})\s*$/.exec(text);
  if (match?.[1] === undefined || match[2] === undefined) return undefined;
  const width = Number(match[1]);
  const height = Number(match[2]);
  return width > 0 && height > 0 ? { width, height } : undefined;
}

/** The reduced ratio of a size: 1344x768 → `7:4`, 1024x576 → `16:9`. */
export function ratioOf(size: ImageSize): string {
  const divisor = gcd(size.width, size.height);
  return `${size.width / divisor}:${size.height / divisor}`;
}

/** `1024x1024` */
export function formatSize(size: ImageSize): string {
  return `${size.width}x${size.height}`;
}

/** The size of `sizes` whose ratio is closest to `ratio` (by the logarithm of the ratio, so 2:1 and 1:2 are as far from 1:1). */
export function nearestSize(ratio: ImageSize, sizes: readonly ImageSize[]): ImageSize | undefined {
  const target = Math.log(ratio.width / ratio.height);
  let best: ImageSize | undefined;
  let bestDistance = Infinity;
  for (const size of sizes) {
    const distance = Math.abs(Math.log(size.width / size.height) - target);
    if (distance < bestDistance) {
      best = size;
      bestDistance = distance;
    }
  }
  return best;
}

/** A size of the given ratio whose longer side is `longSide`, both sides rounded to a multiple of `step`. */
export function sizeForRatio(ratio: ImageSize, longSide: number, step: number): ImageSize {
  const round = (value: number): number => Math.max(step, Math.round(value / step) * step);
  return ratio.width >= ratio.height
    ? { width: longSide, height: round((longSide * ratio.height) / ratio.width) }
    : { width: round((longSide * ratio.width) / ratio.height), height: longSide };
}

function gcd(a: number, b: number): number {
  let x = Math.abs(Math.round(a));
  let y = Math.abs(Math.round(b));
  while (y !== 0) [x, y] = [y, x % y];
  return x === 0 ? 1 : x;
}
