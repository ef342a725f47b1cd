// The benchmark page's script (runs under the webview's CSP, like the tests): streams an answer with the
// incremental renderer, and re-renders it whole (the naive way) on sampled chunks, timing each chunk on the main
// thread including the style and layout work the change causes (forced by reading offsetHeight).
import { createStreamingRenderer, renderMarkdown } from '../../src/webview/render/index';

export interface StreamingRun {
  /** Milliseconds per chunk: append() plus forced style/layout. */
  perChunk: number[];
  /** finish() plus forced layout. */
  finish: number;
  total: number;
  parsedChars: number;
  highlightCalls: number;
}

export interface NaiveRun {
  /** Chunk indexes (0-based) that were measured. */
  sampled: number[];
  /** Milliseconds for each sampled chunk: a full render of the text so far plus forced style/layout. */
  perSample: number[];
}

function piecesOf(text: string, sizes: readonly number[]): string[] {
  const pieces: string[] = [];
  for (let position = 0, i = 0; position < text.length; i++) {
    const size = sizes[i % sizes.length]!;
    pieces.push(text.slice(position, position + size));
    position += size;
  }
  return pieces;
}

function freshContainer(): HTMLElement {
  const app = document.getElementById('app')!;
  const container = document.createElement('div');
  // A chat panel's width, set through CSSOM (the CSP allows that; it blocks style attributes).
  container.style.width = '420px';
  app.replaceChildren(container);
  return container;
}

const bench = {
  streaming(text: string, sizes: readonly number[], forceLayout = true): StreamingRun {
    const container = freshContainer();
    const renderer = createStreamingRenderer(container);
    const perChunk: number[] = [];
    let sink = 0;
    for (const piece of piecesOf(text, sizes)) {
      const start = performance.now();
      renderer.append(piece);
      if (forceLayout) sink += container.offsetHeight;
      perChunk.push(performance.now() - start);
    }
    const start = performance.now();
    renderer.finish();
    sink += container.offsetHeight;
    const finish = performance.now() - start;
    const total = perChunk.reduce((a, b) => a + b, 0) + finish;
    renderer.dispose();
    if (sink < 0) console.log(sink);
    return { perChunk, finish, total, parsedChars: renderer.stats.parsedChars, highlightCalls: renderer.stats.highlightCalls };
  },
  /** Full re-render (markdown-it + DOMPurify + highlight.js + code block widgets) at every `every`-th chunk. */
  naive(text: string, sizes: readonly number[], every: number): NaiveRun {
    const container = freshContainer();
    const pieces = piecesOf(text, sizes);
    const sampled: number[] = [];
    const perSample: number[] = [];
    let sofar = '';
    let sink = 0;
    pieces.forEach((piece, index) => {
      sofar += piece;
      if ((index + 1) % every !== 0 && index !== pieces.length - 1) return;
      const start = performance.now();
      container.replaceChildren(renderMarkdown(sofar));
      sink += container.offsetHeight;
      perSample.push(performance.now() - start);
      sampled.push(index);
    });
    if (sink < 0) console.log(sink);
    return { sampled, perSample };
  },
  pieceCount(text: string, sizes: readonly number[]): number {
    return piecesOf(text, sizes).length;
  },
};

export type RenderBenchApi = typeof bench;

(window as unknown as { renderBench: RenderBenchApi }).renderBench = bench;
