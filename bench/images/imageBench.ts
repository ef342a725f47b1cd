// Downscaling an image for vision in the chat view (docs/performance.md: a 12-megapixel photo in ≤ 150 ms). The view
// decodes a pasted or dropped picture, draws it at the long edge every provider takes (1,568 px) and encodes it within
// the byte limit (src/webview/images/downscaleImage.ts), on the webview's main thread. Measured in headless Chromium
// under the webview's CSP, on a generated 4,000 × 3,000 JPEG with a photo's detail (budget), and, for information, a
// PNG of the same size (a huge screenshot: PNG decoding and encoding cost more). Writes bench/results/images.json.
//
//   npm run bench:images          BENCH_IMAGE_ROUNDS (default 8), BENCH_QUICK=1
import { launchChromium } from '../../scripts/editor/chromium';
import { startPageServer } from '../../test/webview/harness/pageServer';
import { markdownTable, row, writeResult, type SummaryRow } from '../lib/report';
import { fmt, spread } from '../lib/stats';
import type { DownscaleBenchApi, DownscaleRun } from './benchPage';

const quick = process.env['BENCH_QUICK'] === '1';
const rounds = Number(process.env['BENCH_IMAGE_ROUNDS'] ?? (quick ? 3 : 8));
const budgetMs = 150;
const [width, height] = [4000, 3000];

async function main(): Promise<void> {
  const started = Date.now();
  const server = await startPageServer({ entry: 'bench/images/benchPage.ts', minify: true, isolated: true });
  const browser = await launchChromium();
  try {
    const page = await browser.newPage();
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(error.message));
    await page.goto(server.url);
    await page.waitForFunction(() => 'downscaleBench' in window);
    const run = (type: 'image/jpeg' | 'image/png'): Promise<DownscaleRun> =>
      page.evaluate(([w, h, t, n]) => (window as unknown as { downscaleBench: DownscaleBenchApi }).downscaleBench.run(w, h, t, n), [
        width,
        height,
        type,
        rounds,
      ] as const);
    const jpeg = await run('image/jpeg');
    const png = await run('image/png');
    if (errors.length > 0) throw new Error(`page errors: ${errors.join('; ')}`);
    const describe = (r: DownscaleRun): string =>
      `${(r.sourceBytes / 1e6).toFixed(1)} MB → ${r.width}×${r.height} ${r.mimeType} of ${(r.bytes / 1e6).toFixed(2)} MB`;
    for (const [name, r] of [
      ['JPEG', jpeg],
      ['PNG', png],
    ] as const)
      console.log(`${name}: ${describe(r)}; ${r.ms.map((ms) => fmt(ms)).join(', ')} ms`);

    const photo = spread(jpeg.ms);
    const rows: SummaryRow[] = [
      row({
        bench: 'images',
        what: `downscaling a 12-megapixel photo for vision in the webview (${width}×${height} JPEG: decode, draw at 1,568 px, encode)`,
        contenders: 'absolute (budget of docs/performance.md)',
        value: photo,
        unit: 'ms',
        budget: { op: '<=', value: budgetMs },
        note: `${fmt(photo.median / budgetMs)}× the ${budgetMs} ms budget; ${describe(jpeg)}`,
      }),
      row({
        bench: 'images',
        what: `the same for a ${width}×${height} PNG (a huge screenshot)`,
        contenders: 'absolute',
        value: spread(png.ms),
        unit: 'ms',
        note: describe(png),
      }),
    ];
    console.log(`\n${markdownTable(rows)}\n`);
    const file = writeResult({
      bench: 'images',
      measured: new Date().toISOString(),
      seconds: (Date.now() - started) / 1000,
      method: {
        source: `${width}×${height}, generated in the page (gradients, 400 translucent discs, grain), JPEG at quality 0.92 and PNG`,
        timing: 'performance.now() around downscaleImage(file) on the main thread, one warm-up call not counted',
        rounds,
        browser: 'headless Chromium (playwright-core), under the webview CSP',
      },
      rows,
      details: { jpeg, png },
    });
    console.log(`wrote ${file}`);
    if (rows.some((r) => r.pass === false)) process.exitCode = 1;
  } finally {
    await browser.close().catch(() => undefined);
    await server.close();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(2);
});
