// Soak: 1,000 answers streamed one after another into ONE open chat view (issue 13: chat views of other assistants
// grow until they freeze). The real webview bundle in the real webview document (bench/open/webviewServer.ts, as
// the open benchmark), headless Chromium at a side bar's size. The view opens on an empty conversation (`init`);
// then every turn posts the extension → webview messages of one chat turn in the extension's order (soakTurns.ts:
// the user message, the assistant's streaming message, `busy`, the deltas, the final message, `busy` off), each a
// window message event as VS Code delivers them; an answer is a few KB of Markdown with code blocks, streamed in
// deltas of BENCH_SOAK_CHUNK characters (default 16). After each answer, one animation frame (layout forced).
//
// Measured after the 100th answer and after the last, each after a forced full GC (CDP HeapProfiler.collectGarbage,
// twice): the JS heap (Runtime.getHeapUsage usedSize), Blink's heap where Chromium reports it
// (embedderHeapUsedSize), the DOM nodes alive (Memory.getDOMCounters) and in the document, and the answers the
// view really keeps rendered. Also the time per answer (all of its messages handled, then a frame), the first
// hundred answers against the last hundred. Budget: JS heap after the last answer ≤ 1.5× after the 100th.
//
//   npm run bench:soak          BENCH_SOAK_ANSWERS (default 1000; BENCH_QUICK=1: 300), BENCH_SOAK_CHUNK,
//                               BENCH_SKIP_BUILD=1
import type { CDPSession, Page } from 'playwright-core';
import { launchChromium } from '../../scripts/editor/chromium';
import type { ExtensionToWebviewMessage } from '../../src/shared/webviewProtocol';
import { markdownTable, row, writeResult, type SummaryRow } from '../lib/report';
import { fmt, spread } from '../lib/stats';
import { initMessage } from '../open/conversation';
import { buildWebview, startWebviewServer, validated } from '../open/webviewServer';
import { soakTurn } from './soakTurns';

const quick = process.env['BENCH_QUICK'] === '1';
const answers = Number(process.env['BENCH_SOAK_ANSWERS'] ?? (quick ? 300 : 1_000));
const chunkChars = Number(process.env['BENCH_SOAK_CHUNK'] ?? 16);
const baselineAt = Math.min(100, Math.max(1, Math.floor(answers / 10)));
const checkpointEvery = 100;
/** Answers at the start and at the end whose time is compared. */
const span = Math.min(100, Math.floor(answers / 3));
const heapBudget = 1.5;
const viewport = { width: 400, height: 900 };
const turnOptions = { chunkChars, minChars: 2_000, maxChars: 4_500 };

interface Sample {
  answers: number;
  heapUsedKB: number;
  heapTotalKB: number;
  /** Blink's (Oilpan) heap, when this Chromium reports it. */
  embedderUsedKB?: number;
  /** Nodes alive, attached or not (Memory.getDOMCounters). */
  domNodes: number;
  listeners: number;
  /** Elements in the document. */
  documentElements: number;
  /** Nodes of every kind in the document (the rest of `domNodes` is detached). */
  documentNodes: number;
  /** `article.message` elements in the list. */
  renderedMessages: number;
}

interface TurnTiming {
  /** Posting the first message → the last one handled by the bundle. */
  handledMs: number;
  /** Posting the first message → the frame after the last one, layout forced. */
  frameMs: number;
}

type HeapUsage = { usedSize: number; totalSize: number; embedderHeapUsedSize?: number };

/** Posts the turn's messages as window message events, waits until the bundle has handled the last, then a frame. */
function streamTurn(page: Page, messages: ExtensionToWebviewMessage[]): Promise<TurnTiming> {
  return page.evaluate(
    (list) =>
      new Promise<TurnTiming>((resolve) => {
        const start = performance.now();
        let seen = 0;
        // Added after the bundle's listener, so it runs after the bundle's handler of the same event; removed by
        // its signal (no named function: tsx would wrap it in a helper the page does not have).
        const listening = new AbortController();
        window.addEventListener(
          'message',
          () => {
            seen++;
            if (seen < list.length) return;
            listening.abort();
            const handled = performance.now();
            requestAnimationFrame(() => {
              if (document.body.offsetHeight < 0) console.log('never');
              resolve({ handledMs: handled - start, frameMs: performance.now() - start });
            });
          },
          { signal: listening.signal },
        );
        for (const message of list) window.postMessage(message, '*');
      }),
    messages,
  );
}

async function measure(page: Page, cdp: CDPSession, count: number): Promise<Sample> {
  // Twice: the first collection can leave garbage that only finalizers of the first made unreachable.
  await cdp.send('HeapProfiler.collectGarbage');
  await cdp.send('HeapProfiler.collectGarbage');
  const heap = (await cdp.send('Runtime.getHeapUsage')) as HeapUsage;
  const dom = await cdp.send('Memory.getDOMCounters');
  const inPage = await page.evaluate(() => ({
    documentElements: document.getElementsByTagName('*').length,
    documentNodes: ((): number => {
      let count = 0;
      const walker = document.createTreeWalker(document, NodeFilter.SHOW_ALL);
      while (walker.nextNode()) count++;
      return count + 1;
    })(),
    renderedMessages: document.querySelectorAll('#messages article.message').length,
  }));
  return {
    answers: count,
    heapUsedKB: heap.usedSize / 1024,
    heapTotalKB: heap.totalSize / 1024,
    ...(heap.embedderHeapUsedSize !== undefined ? { embedderUsedKB: heap.embedderHeapUsedSize / 1024 } : {}),
    domNodes: dom.nodes,
    listeners: dom.jsEventListeners,
    ...inPage,
  };
}

async function main(): Promise<void> {
  const started = Date.now();
  buildWebview();
  const server = await startWebviewServer();
  const browser = await launchChromium();
  const samples: Sample[] = [];
  const cpu = { firstStart: Number.NaN, firstEnd: Number.NaN, lastStart: Number.NaN, lastEnd: Number.NaN };
  const timings: TurnTiming[] = [];
  const pageErrors: string[] = [];
  let totalChars = 0;
  let totalDeltas = 0;
  let reported: string[];
  try {
    const page = await browser.newPage({ viewport });
    page.on('pageerror', (error) => pageErrors.push(error.message));
    const cdp = await page.context().newCDPSession(page);
    await page.goto(server.url, { waitUntil: 'load' });
    await page.waitForFunction(() => {
      const bench = (window as unknown as { __bench?: { posted: { type: string }[] } }).__bench;
      return bench?.posted.some((m) => m.type === 'ready') ?? false;
    });
    await streamTurn(page, [validated(initMessage({ id: 'soak', title: '', messages: [] }))]);
    await cdp.send('Performance.enable');
    const threadSeconds = async (): Promise<number> => {
      const { metrics } = await cdp.send('Performance.getMetrics');
      return metrics.find((m) => m.name === 'ThreadTime')?.value ?? Number.NaN;
    };

    for (let i = 0; i < answers; i++) {
      // The main thread's CPU time over the first and the last `span` answers (checkpoints' GCs left out).
      if (i === 0) cpu.firstStart = await threadSeconds();
      if (i === answers - span) cpu.lastStart = await threadSeconds();
      const turn = soakTurn(i, turnOptions);
      // Every message checked against the protocol for the first turns (they all have the same shapes).
      if (i < 3) turn.messages.forEach(validated);
      totalChars += turn.answerChars;
      totalDeltas += turn.deltas;
      timings.push(await streamTurn(page, turn.messages));
      const count = i + 1;
      if (count === span) cpu.firstEnd = await threadSeconds();
      if (count === answers) cpu.lastEnd = await threadSeconds();
      if (count === baselineAt || count % checkpointEvery === 0 || count === answers) {
        const sample = await measure(page, cdp, count);
        samples.push(sample);
        console.log(
          `${count} answers: JS heap ${fmt(sample.heapUsedKB / 1024, 2)} MB` +
            `${sample.embedderUsedKB !== undefined ? `, Blink heap ${fmt(sample.embedderUsedKB / 1024, 2)} MB` : ''}` +
            `, DOM nodes ${sample.domNodes} (${sample.documentNodes} in the document), ${sample.renderedMessages} messages rendered` +
            `, last answer ${fmt(timings.at(-1)!.frameMs, 1)} ms (${((Date.now() - started) / 1000).toFixed(0)} s)`,
        );
      }
    }
    reported = await page.evaluate(() =>
      (window as unknown as { __bench: { posted: { type: string; message?: string }[] } }).__bench.posted
        .filter((m) => m.type === 'reportError')
        .map((m) => m.message ?? ''),
    );
  } finally {
    await browser.close().catch(() => undefined);
    await server.close();
  }

  const base = samples.find((s) => s.answers === baselineAt)!;
  const last = samples.at(-1)!;
  const one = (value: number): ReturnType<typeof spread> => spread([value]);
  const firstTimes = timings.slice(0, span).map((t) => t.frameMs);
  const lastTimes = timings.slice(-span).map((t) => t.frameMs);
  const median = (values: number[]): number => spread(values).median;
  const firstCpuMs = ((cpu.firstEnd - cpu.firstStart) * 1000) / span;
  const lastCpuMs = ((cpu.lastEnd - cpu.lastStart) * 1000) / span;
  const what = `${answers} answers of ${fmt(totalChars / answers / 1024, 1)} KB Markdown with code blocks in ${chunkChars}-character deltas into one open view`;
  const rows: SummaryRow[] = [
    row({
      bench: 'soak',
      what: `${what}: JS heap after a forced GC, after the last answer vs after the ${baselineAt}th`,
      contenders: `after ${answers} / after ${baselineAt}`,
      value: one(last.heapUsedKB / base.heapUsedKB),
      unit: '×',
      budget: { op: '<=', value: heapBudget },
      note: `${fmt(base.heapUsedKB / 1024, 2)} → ${fmt(last.heapUsedKB / 1024, 2)} MB`,
    }),
    ...(last.embedderUsedKB !== undefined && base.embedderUsedKB !== undefined
      ? [
          row({
            bench: 'soak',
            what: 'soak: Blink (DOM) heap after a forced GC, last vs baseline',
            contenders: `after ${answers} / after ${baselineAt}`,
            value: one(last.embedderUsedKB / base.embedderUsedKB),
            unit: '×',
            note: `${fmt(base.embedderUsedKB / 1024, 2)} → ${fmt(last.embedderUsedKB / 1024, 2)} MB`,
          }),
        ]
      : []),
    row({
      bench: 'soak',
      what: 'soak: DOM nodes alive after a forced GC, last vs baseline',
      contenders: `after ${answers} / after ${baselineAt}`,
      value: one(last.domNodes / base.domNodes),
      unit: '×',
      note: `${base.domNodes} → ${last.domNodes} nodes; ${base.renderedMessages} → ${last.renderedMessages} messages rendered`,
    }),
    row({
      bench: 'soak',
      what: 'soak: main-thread CPU time per answer (CDP ThreadTime)',
      contenders: `last ${span} / first ${span} answers`,
      value: one(lastCpuMs / firstCpuMs),
      unit: '×',
      note: `${fmt(firstCpuMs, 1)} → ${fmt(lastCpuMs, 1)} ms; wall time per answer, median, ${fmt(median(firstTimes), 1)} → ${fmt(median(lastTimes), 1)} ms`,
    }),
  ];
  const notDone: string[] = [];
  if (pageErrors.length > 0) notDone.push(`the page threw: ${pageErrors.slice(0, 3).join('; ')}`);
  if (reported.length > 0) notDone.push(`the webview reported ${reported.length} errors: ${reported.slice(0, 3).join('; ')}`);

  console.log('');
  console.log(markdownTable(rows));
  console.log('');
  console.log(
    '| answers | JS heap MB | Blink heap MB | DOM nodes alive | nodes in the document | elements in the document | listeners | messages rendered |',
  );
  console.log('| ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |');
  for (const s of samples) {
    console.log(
      `| ${s.answers} | ${fmt(s.heapUsedKB / 1024, 2)} | ${s.embedderUsedKB !== undefined ? fmt(s.embedderUsedKB / 1024, 2) : '—'} | ${s.domNodes} | ${s.documentNodes} | ${s.documentElements} | ${s.listeners} | ${s.renderedMessages} |`,
    );
  }
  for (const line of notDone) console.log(`not measured: ${line}`);
  const file = writeResult({
    bench: 'soak',
    measured: new Date().toISOString(),
    seconds: (Date.now() - started) / 1000,
    method: {
      page: "renderWebviewDocument (CSP meta + header) with a nonce'd acquireVsCodeApi stub before dist/webview.js (production build) and dist/webview.css",
      browser: 'Debian Chromium, headless, through playwright-core (scripts/editor/chromium.ts)',
      viewport,
      answers,
      baselineAt,
      chunkChars,
      answerChars: { min: turnOptions.minChars, max: turnOptions.maxChars, mean: Math.round(totalChars / answers) },
      deltas: totalDeltas,
      turn: 'contexts, title, user message, assistant message (streaming), busy on, the message again (model known), deltas, final message with usage, busy off — each a window message event; then one animation frame',
      heap: 'after HeapProfiler.collectGarbage twice: Runtime.getHeapUsage (usedSize; embedderHeapUsedSize when reported), Memory.getDOMCounters',
    },
    rows,
    details: { samples, cpuPerAnswerMs: { first: firstCpuMs, last: lastCpuMs }, timings, pageErrors, reported: reported.slice(0, 20) },
    ...(notDone.length > 0 ? { notDone } : {}),
  });
  console.log(`\nwrote ${file} (${((Date.now() - started) / 1000).toFixed(0)} s)`);
  if (notDone.length > 0) process.exitCode = 2;
  else if (rows.some((r) => r.pass === false)) process.exitCode = 1;
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(2);
});
