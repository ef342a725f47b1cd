import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import { truncateToBudget } from '../../../src/core/prompts/truncateToBudget';

describe('truncateToBudget', () => {
  it('leaves a text that fits alone', () => {
    assert.deepEqual(truncateToBudget('a\nb\n', 4), {
      text: 'a\nb\n',
      truncated: false,
      totalLines: 2,
      keptLines: 2,
      droppedLines: 0,
      droppedChars: 0,
    });
    assert.deepEqual(truncateToBudget('', 0), {
      text: '',
      truncated: false,
      totalLines: 0,
      keptLines: 0,
      droppedLines: 0,
      droppedChars: 0,
    });
  });

  it('cuts at the last line boundary within the budget', () => {
    assert.deepEqual(truncateToBudget('one\ntwo\nthree\nfour', 10), {
      text: 'one\ntwo\n',
      truncated: true,
      totalLines: 4,
      keptLines: 2,
      droppedLines: 2,
      droppedChars: 10,
    });
  });

  it('counts CRLF as one line break and never splits it', () => {
    assert.deepEqual(truncateToBudget('ab\r\ncd\r\nef\r\n', 5), {
      text: 'ab\r\n',
      truncated: true,
      totalLines: 3,
      keptLines: 1,
      droppedLines: 2,
      droppedChars: 8,
    });
    // The first line fits without its line break: it is kept without it rather than with half of it.
    assert.equal(truncateToBudget('ab\r\ncd\r\nef\r\n', 3).text, 'ab');
  });

  it('cuts inside the first line when even it does not fit, without splitting an emoji', () => {
    assert.deepEqual(truncateToBudget('abcdef\nghi', 4), {
      text: 'abcd',
      truncated: true,
      totalLines: 2,
      keptLines: 1,
      droppedLines: 1,
      droppedChars: 6,
    });
    assert.equal(truncateToBudget('a😀b', 2).text, 'a');
    assert.equal(truncateToBudget('abc', 0).text, '');
    assert.equal(truncateToBudget('abc', 0).keptLines, 0);
  });

  it('reports the numbers the notice needs, e.g. 120 of 900 lines dropped', () => {
    const text = Array.from({ length: 900 }, (_, i) => `line ${String(i).padStart(3, '0')} ${'x'.repeat(20)}\n`).join('');
    const result = truncateToBudget(text, 24_000);
    assert.equal(result.totalLines, 900);
    assert.equal(result.keptLines, 800);
    assert.equal(result.droppedLines, 100);
    assert.equal(result.text.length, 24_000);
    assert.equal(result.droppedChars, 3_000);
  });

  it('keeps a prefix within the budget, ending at a line boundary (property)', () => {
    const line = fc.string({ maxLength: 12 }).map((s) => s.replace(/[\r\n]/g, ''));
    const eol = fc.constantFrom('\n', '\r\n', '\r');
    const text = fc.array(fc.tuple(line, eol), { maxLength: 20 }).chain((pairs) =>
      fc.boolean().map((endsWithBreak) => {
        const joined = pairs.map(([l, e]) => l + e).join('');
        return endsWithBreak || pairs.length === 0 ? joined : joined + 'tail';
      }),
    );
    fc.assert(
      fc.property(text, fc.nat({ max: 300 }), (input, budget) => {
        const result = truncateToBudget(input, budget);
        assert.ok(input.startsWith(result.text));
        assert.ok(result.text.length <= budget);
        assert.equal(result.droppedChars, input.length - result.text.length);
        assert.equal(result.truncated, input.length > budget);
        assert.equal(result.keptLines + result.droppedLines, result.totalLines);
        const rest = input.slice(result.text.length);
        const atBoundary =
          result.text === '' || (/(\r\n|\n|\r)$/.test(result.text) && !(result.text.endsWith('\r') && rest.startsWith('\n')));
        if (result.truncated && result.keptLines > 1) assert.ok(atBoundary, JSON.stringify(result));
      }),
    );
  });
});
