import * as assert from 'node:assert/strict';
import { UsageTotals } from '../../../src/core/chat/usageTotals';

describe('UsageTotals', () => {
  it('reports nothing until usage arrives', () => {
    const totals = new UsageTotals();
    totals.observe({ type: 'text-delta', text: 'hi' });
    assert.equal(totals.reported, false);
    assert.deepEqual(totals.usage, {});
    assert.equal(totals.totalTokens, undefined);
  });

  it('takes the last value of each field (Anthropic: input at the start, cumulative output at the end)', () => {
    const totals = new UsageTotals();
    totals.observe({ type: 'usage', usage: { inputTokens: 25, outputTokens: 1 } });
    totals.observe({ type: 'usage', usage: { outputTokens: 15 } });
    totals.observe({ type: 'usage', usage: { outputTokens: 42 } });
    assert.deepEqual(totals.usage, { inputTokens: 25, outputTokens: 42 });
    assert.equal(totals.totalTokens, 67);
  });

  it('ignores values that are not counts', () => {
    const totals = new UsageTotals();
    totals.add({ inputTokens: 10 });
    totals.add({ inputTokens: Number.NaN, outputTokens: -1 });
    assert.deepEqual(totals.usage, { inputTokens: 10 });
    assert.equal(totals.totalTokens, 10);
  });
});
