// A 200,000-character answer (≈50,000 tokens) streamed in chunks of 16–40 characters: the work per chunk stays
// bounded — measured as work (characters parsed, DOM nodes touched, code highlighted), not wall-clock time, so the
// test is stable on a busy machine. bench/render measures the time.
import * as assert from 'node:assert/strict';
import { chunkSizes, generateLongAnswer } from './fixtures/longAnswer';
import { renderTestPage, type RenderTestPage } from './harness/renderTestPage';

function quantile(values: readonly number[], q: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(q * (sorted.length - 1))] ?? 0;
}
const mean = (values: readonly number[]): number => values.reduce((a, b) => a + b, 0) / Math.max(1, values.length);

describe('a long streamed answer', function () {
  this.timeout(180_000);
  let page: RenderTestPage;

  before(async () => {
    page = await renderTestPage();
    await page.reload();
  });

  it('costs bounded work per chunk: it does not grow with the answer, and finished blocks are never touched', async () => {
    const text = generateLongAnswer(200_000, 11);
    const sizes = chunkSizes(text.length, 5, 16, 40);
    const result = await page.call('streamWork', text, sizes);
    const { work } = result;
    const tenth = Math.floor(work.length / 10);
    const first = work.slice(0, tenth);
    const last = work.slice(work.length - tenth);

    assert.equal(result.finalHtml, result.staticHtml, 'the finished stream equals a static render');
    assert.equal(
      work.reduce((sum, w) => sum + w.committedRemoved, 0),
      0,
      'no committed block was ever removed or replaced',
    );

    // Characters parsed per chunk: bounded by the largest open construct (a list with code in it, ~6,000
    // characters here), never by the answer; a naive renderer parses the whole answer so far on every chunk.
    const parsed = work.map((w) => w.parsed);
    assert.ok(Math.max(...parsed) <= 10_000, `max parsed per chunk ${Math.max(...parsed)}`);
    assert.ok(
      quantile(
        last.map((w) => w.parsed),
        0.95,
      ) <=
        2 *
          quantile(
            first.map((w) => w.parsed),
            0.95,
          ) +
          500,
      'parsed p95: last tenth vs first',
    );
    assert.ok(mean(last.map((w) => w.parsed)) <= 2 * mean(first.map((w) => w.parsed)) + 200, 'parsed mean: last tenth vs first');
    let prefix = 0;
    let naive = 0;
    for (const size of sizes) {
      prefix = Math.min(text.length, prefix + size);
      naive += prefix;
    }
    const total = parsed.reduce((a, b) => a + b, 0);
    assert.ok(total * 20 <= naive, `parsed ${total} characters in total; re-parsing on every chunk would be ${naive}`);

    // DOM nodes inserted or removed per chunk.
    const touched = work.map((w) => w.nodesTouched);
    assert.ok(Math.max(...touched) <= 5_000, `max nodes touched per chunk ${Math.max(...touched)}`);
    assert.ok(
      quantile(
        last.map((w) => w.nodesTouched),
        0.95,
      ) <=
        2 *
          quantile(
            first.map((w) => w.nodesTouched),
            0.95,
          ) +
          100,
      'nodes touched p95: last tenth vs first',
    );

    // No code block highlighted more than once: the characters handed to highlight.js are at most the highlighted
    // code of a static render (fewer when blocks repeat: the cache serves them); at most one block per chunk.
    assert.ok(result.highlightedChars <= result.staticHighlightedChars, `${result.highlightedChars} > ${result.staticHighlightedChars}`);
    assert.ok(work.every((w) => w.highlightCalls <= 1));
  });
});
