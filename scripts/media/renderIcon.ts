// Renders the marketplace icon (media/icon.png, 128×128 as the VS Code Marketplace asks for in "Publishing
// Extensions", which accepts no SVG icon) from its source, media/icon.svg, with the Chromium the tests use, so no
// image tool is needed. Run once after changing the SVG and commit both: `npx tsx scripts/media/renderIcon.ts`.
import { readFileSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { chromium } from 'playwright-core';

const repoRoot = path.resolve(__dirname, '..', '..');
const size = 128;

async function main(): Promise<void> {
  const svg = readFileSync(path.join(repoRoot, 'media', 'icon.svg'), 'utf8');
  const browser = await chromium.launch({ executablePath: process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium' });
  try {
    const page = await browser.newPage({ viewport: { width: size, height: size }, deviceScaleFactor: 1 });
    await page.setContent(`<!doctype html><style>html,body{margin:0;background:transparent}svg{display:block}</style>${svg}`);
    const png = await page.screenshot({ omitBackground: true, clip: { x: 0, y: 0, width: size, height: size } });
    writeFileSync(path.join(repoRoot, 'media', 'icon.png'), png);
    console.log(`media/icon.png: ${size}×${size}, ${png.length} bytes`);
  } finally {
    await browser.close();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
