// Opening a conversation (docs/performance.md: 2,000 messages open in ≤ 300 ms). The real webview bundle (dist/webview.js and
// dist/webview.css from `node esbuild.js --production`) in the real webview document (renderWebviewDocument, its
// CSP as meta tag and header), with a stub `acquireVsCodeApi` injected by a nonce'd script before the bundle, in
// headless Chromium at a side bar's size. Once the bundle has posted `ready`, the `init` message (validated here
// with the protocol's own schema) carries a conversation of 2,000 or of 20 messages as the extension sends it (its
// last page and the count of messages before; the view fetches earlier pages when asked); measured on the page:
//   open     posting the message → the first animation frame after the bundle's handler, layout forced in it
//   handler  the bundle's message handler (validation + building the DOM), main thread
// Every measurement is on a freshly loaded page (the view opening), the two sizes interleaved, several rounds.
// Also measured, as information: switching the open view to another conversation of the same size.
//
//   npm run bench:open          BENCH_OPEN_ROUNDS (default 8), BENCH_QUICK=1, BENCH_SKIP_BUILD=1
import type { CDPSession } from 'playwright-core';
import { launchChromium } from '../../scripts/editor/chromium';
import type { ConversationView, ExtensionToWebviewMessage } from '../../src/shared/webviewProtocol';
import { markdownTable, row, writeResult, type SummaryRow } from '../lib/report';
import { fmt, spread } from '../lib/stats';
import { asSent, generateConversation, initMessage } from './conversation';
import { buildWebview, startWebviewServer, validated } from './webviewServer';

const quick = process.env['BENCH_QUICK'] === '1';
const rounds = Number(process.env['BENCH_OPEN_ROUNDS'] ?? (quick ? 3 : 8));
const sizes: readonly number[] = [2_000, 20];
const budgetMs = 300;
const viewport = { width: 400, height: 900 };

interface Marks {
  posted: number;
  handlerStart: number;
  handlerEnd: number;
  rafStart: number;
  frame: number;
  afterPaint: number;
}

interface Delivered {
  marks: Marks;
  height: number;
  rendered: number;
  lastRendered: boolean;
  errors: string[];
}

interface Measurement {
  openMs: number;
  handlerMs: number;
  dispatchMs: number;
  layoutInFrameMs: number;
  paintedMs: number;
  taskMs: number;
  rendered: number;
}

async function taskSeconds(cdp: CDPSession): Promise<number> {
  const { metrics } = await cdp.send('Performance.getMetrics');
  return metrics.find((m) => m.name === 'TaskDuration')?.value ?? Number.NaN;
}

async function main(): Promise<void> {
  const started = Date.now();
  buildWebview();
  const conversations = new Map<number, ConversationView>(sizes.map((n) => [n, generateConversation(n)]));
  const switchTo = new Map<number, ConversationView>(sizes.map((n) => [n, { ...generateConversation(n, 23), id: `other-${n}` }]));
  const inits = new Map(sizes.map((n) => [n, validated(initMessage(asSent(conversations.get(n)!)))]));
  const switches = new Map(sizes.map((n) => [n, validated({ type: 'conversation', conversation: asSent(switchTo.get(n)!), busy: false })]));
  const chars = (n: number): number => conversations.get(n)!.messages.reduce((sum, m) => sum + m.content.length, 0);

  const server = await startWebviewServer();
  const browser = await launchChromium();
  const results: Record<'open' | 'switch', Map<number, Measurement[]>> = {
    open: new Map(sizes.map((n) => [n, []])),
    switch: new Map(sizes.map((n) => [n, []])),
  };
  const pageErrors: string[] = [];
  try {
    const page = await browser.newPage({ viewport });
    page.on('pageerror', (error) => pageErrors.push(error.message));
    const cdp = await page.context().newCDPSession(page);
    await cdp.send('Performance.enable');

    const deliver = async (message: ExtensionToWebviewMessage, lastId: string): Promise<Measurement> => {
      const t0 = await taskSeconds(cdp);
      const result = (await page.evaluate(
        ([m, id]) => (window as unknown as { __bench: { deliver(m: unknown, id: string): Promise<unknown> } }).__bench.deliver(m, id),
        [message, lastId] as const,
      )) as Delivered;
      const t1 = await taskSeconds(cdp);
      if (result.errors.length > 0) throw new Error(`the webview reported: ${result.errors.join('; ')}`);
      if (!result.lastRendered) throw new Error(`the last message (${lastId}) was not rendered in the first frame`);
      const m = result.marks;
      return {
        openMs: m.frame - m.posted,
        handlerMs: m.handlerEnd - m.handlerStart,
        dispatchMs: m.handlerStart - m.posted,
        layoutInFrameMs: m.frame - m.rafStart,
        paintedMs: m.afterPaint - m.posted,
        taskMs: (t1 - t0) * 1000,
        rendered: result.rendered,
      };
    };

    const oneRound = async (n: number, record: boolean): Promise<void> => {
      await page.goto(server.url, { waitUntil: 'load' });
      await page.waitForFunction(() => {
        const bench = (window as unknown as { __bench?: { posted: { type: string }[] } }).__bench;
        return bench?.posted.some((m) => m.type === 'ready') ?? false;
      });
      const conversation = conversations.get(n)!;
      const opened = await deliver(inits.get(n)!, conversation.messages.at(-1)!.id);
      const other = switchTo.get(n)!;
      const switched = await deliver(switches.get(n)!, other.messages.at(-1)!.id);
      if (record) {
        results.open.get(n)!.push(opened);
        results.switch.get(n)!.push(switched);
      }
    };

    // One unrecorded round warms the browser (processes, fonts); the page itself is reloaded for every measurement.
    for (const n of sizes) await oneRound(n, false);
    for (let round = 0; round < rounds; round++) {
      const order = round % 2 === 0 ? sizes : [...sizes].reverse();
      for (const n of order) await oneRound(n, true);
      const last = (n: number): Measurement => results.open.get(n)!.at(-1)!;
      console.log(
        `round ${round + 1}: open 2,000 messages ${last(2_000).openMs.toFixed(1)} ms (handler ${last(2_000).handlerMs.toFixed(1)} ms), 20 messages ${last(20).openMs.toFixed(1)} ms (handler ${last(20).handlerMs.toFixed(1)} ms)`,
      );
    }
  } finally {
    await browser.close().catch(() => undefined);
    await server.close();
  }

  const big = results.open.get(2_000)!;
  const small = results.open.get(20)!;
  const perRound = (a: Measurement[], b: Measurement[], pick: (m: Measurement) => number): number[] =>
    a.map((m, i) => pick(m) / pick(b[i]!));
  const rows: SummaryRow[] = [
    row({
      bench: 'open',
      what: 'open a conversation of 2,000 messages: post init → first frame (layout forced)',
      contenders: 'absolute (budget of docs/performance.md)',
      value: spread(big.map((m) => m.openMs)),
      unit: 'ms',
      budget: { op: '<=', value: budgetMs },
    }),
    row({
      bench: 'open',
      what: 'open: 2,000 messages vs 20 messages, post → first frame',
      contenders: '2,000 / 20 messages',
      value: spread(perRound(big, small, (m) => m.openMs)),
      unit: '×',
    }),
    row({
      bench: 'open',
      what: 'open 2,000 messages, main-thread time of the message handler',
      contenders: 'absolute',
      value: spread(big.map((m) => m.handlerMs)),
      unit: 'ms',
    }),
    row({
      bench: 'open',
      what: 'open: message handler, 2,000 vs 20 messages',
      contenders: '2,000 / 20 messages',
      value: spread(perRound(big, small, (m) => m.handlerMs)),
      unit: '×',
    }),
    row({
      bench: 'open',
      what: 'switch the open view to another conversation of 2,000 messages, post → first frame',
      contenders: 'absolute',
      value: spread(results.switch.get(2_000)!.map((m) => m.openMs)),
      unit: 'ms',
    }),
  ];

  const detailLines = [
    '',
    `medians over ${rounds} rounds (ms); each on a freshly loaded page`,
    '',
    '| messages | characters | post → first frame | handler | post → handler start | layout in the frame | post → after paint | CDP task time | rendered at open |',
    '| ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |',
  ];
  const details: Record<string, unknown> = {};
  for (const kind of ['open', 'switch'] as const) {
    for (const n of sizes) {
      const list = results[kind].get(n)!;
      const s = (pick: (m: Measurement) => number): ReturnType<typeof spread> => spread(list.map(pick));
      const entry = {
        openMs: s((m) => m.openMs),
        handlerMs: s((m) => m.handlerMs),
        dispatchMs: s((m) => m.dispatchMs),
        layoutInFrameMs: s((m) => m.layoutInFrameMs),
        paintedMs: s((m) => m.paintedMs),
        taskMs: s((m) => m.taskMs),
        rendered: s((m) => m.rendered),
      };
      details[`${kind}/${n}`] = { summary: entry, rounds: list };
      detailLines.push(
        `| ${kind === 'switch' ? 'switch to ' : ''}${n} | ${chars(n)} | ${fmt(entry.openMs.median, 1)} (${fmt(entry.openMs.min, 1)}–${fmt(entry.openMs.max, 1)}) | ${fmt(entry.handlerMs.median, 1)} | ${fmt(entry.dispatchMs.median, 1)} | ${fmt(entry.layoutInFrameMs.median, 1)} | ${fmt(entry.paintedMs.median, 1)} | ${fmt(entry.taskMs.median, 1)} | ${fmt(entry.rendered.median, 0)} |`,
      );
    }
  }
  console.log('');
  console.log(markdownTable(rows));
  console.log(detailLines.join('\n'));
  if (pageErrors.length > 0) console.log(`page errors: ${pageErrors.join('; ')}`);
  const file = writeResult({
    bench: 'open',
    measured: new Date().toISOString(),
    seconds: (Date.now() - started) / 1000,
    method: {
      page: "renderWebviewDocument (CSP meta + header) with a nonce'd acquireVsCodeApi stub before dist/webview.js (production build) and dist/webview.css",
      browser: 'Debian Chromium, headless, through playwright-core (scripts/editor/chromium.ts)',
      viewport,
      rounds,
      sizes,
      messageChars: Object.fromEntries(sizes.map((n) => [n, chars(n)])),
      initMessageBytes: Object.fromEntries(sizes.map((n) => [n, JSON.stringify(inits.get(n)).length])),
      open: "performance.now() before window.postMessage(init) → inside the first requestAnimationFrame after the bundle's handler, after reading document.body.offsetHeight (forced style + layout)",
      handler: "from a message listener added before the bundle's to one added after it",
    },
    rows,
    details: { ...details, pageErrors },
  });
  console.log(`\nwrote ${file} (${((Date.now() - started) / 1000).toFixed(0)} s)`);
  if (rows.some((r) => r.pass === false)) process.exitCode = 1;
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
