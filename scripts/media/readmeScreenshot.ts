// Stores a README picture small in media/readme/: cut out of a real-editor test's screenshot (test-results/screenshots/,
// written by `npm test`) and written as a palette PNG — the README is the marketplace page and ships in the VSIX,
// whose size budget is in docs/performance.md. Run by hand after the picture's test changes:
// `npx tsx scripts/media/readmeScreenshot.ts <source PNG, from the repository root> <output name> [<x> <y> <width> <height>]`
// (without a box the whole picture is kept, e.g. to shrink a picture already in media/readme/).
import { readFileSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { decodePng, encodePalettePng } from './palettePng';

const repoRoot = path.resolve(__dirname, '..', '..');

function main(): void {
  const [source, target, ...box] = process.argv.slice(2);
  if (!source || !target || (box.length !== 0 && box.length !== 4)) {
    throw new Error('usage: readmeScreenshot.ts <source PNG> <output name> [<x> <y> <width> <height>]');
  }
  const shot = decodePng(readFileSync(path.join(repoRoot, source)));
  const [left, top, width, height] = box.length === 4 ? box.map(Number) : [0, 0, shot.width, shot.height];
  if (left === undefined || top === undefined || !width || !height || left + width > shot.width || top + height > shot.height) {
    throw new Error(`the box does not fit in the ${shot.width}×${shot.height} picture`);
  }
  const rgba = new Uint8Array(width * height * 4);
  for (let y = 0; y < height; y++) {
    const from = ((top + y) * shot.width + left) * 4;
    rgba.set(shot.rgba.subarray(from, from + width * 4), y * width * 4);
  }
  const png = encodePalettePng({ width, height, rgba });
  writeFileSync(path.join(repoRoot, 'media', 'readme', target), png);
  console.log(`media/readme/${target}: ${width}×${height}, ${png.length} bytes`);
}

main();
