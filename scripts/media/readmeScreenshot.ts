// Stores a README picture small in media/readme/: cut out of a real-editor test's screenshot (test-results/screenshots/,
// written by `npm test`) and written as a palette PNG — the README is the marketplace page and ships in the VSIX,
// whose size budget is in docs/performance.md. Run by hand after the picture's test changes:
// `npx tsx scripts/media/readmeScreenshot.ts <source PNG, from the repository root> <output name> [<x> <y> <width> <height>] [--colours=N]`
// (without a box the whole picture is kept, e.g. to shrink a picture already in media/readme/; `--colours=16` stores
// a 4-bit palette, a third smaller, for pictures of plain UI).
import { readFileSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { decodePng, encodePalettePng } from './palettePng';

const repoRoot = path.resolve(__dirname, '..', '..');

function main(): void {
  const args = process.argv.slice(2);
  const colours = Number(args.find((arg) => arg.startsWith('--colours='))?.slice('--colours='.length) ?? 256);
  const [source, target, ...box] = args.filter((arg) => !arg.startsWith('--colours='));
  if (!source || !target || (box.length !== 0 && box.length !== 4) || !(colours >= 2 && colours <= 256)) {
    throw new Error('usage: readmeScreenshot.ts <source PNG> <output name> [<x> <y> <width> <height>] [--colours=N]');
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
  const png = encodePalettePng({ width, height, rgba }, colours);
  writeFileSync(path.join(repoRoot, 'media', 'readme', target), png);
  console.log(`media/readme/${target}: ${width}×${height}, ${png.length} bytes`);
}

main();
