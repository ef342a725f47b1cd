// Dollars from prices and counts (src/core/pricing/costOf.ts): unknown prices stay unknown, never $0.
import * as assert from 'node:assert/strict';
import { addCosts, costOf, imageCost, usageCost, worstCaseCost, worstImageCost } from '../../../src/core/pricing/costOf';
import { formatUsd } from '../../../src/shared/formatUsd';

describe('costOf', () => {
  it('prices input, cached input and output; cached input without a price of its own at the input price', () => {
    assert.equal(usageCost({ input: 2, output: 8 }, { inputTokens: 1_000_000, outputTokens: 500_000, cachedInputTokens: 400_000 }), 2 + 4);
    assert.equal(usageCost({ input: 2, output: 8, cachedInput: 0.5 }, { inputTokens: 1_000_000, cachedInputTokens: 400_000 }), 1.2 + 0.2);
  });

  it('prices a cache write at 1.25x the input price unless the entry says otherwise', () => {
    assert.equal(usageCost({ input: 4, output: 0 }, { inputTokens: 1_000_000, cacheWriteInputTokens: 1_000_000 }), 5);
    assert.equal(usageCost({ input: 4, output: 0, cacheWrite: 6 }, { inputTokens: 1_000_000, cacheWriteInputTokens: 1_000_000 }), 6);
  });

  it('is unknown when a price it needs is missing, and 0 only when free', () => {
    assert.equal(usageCost(undefined, { inputTokens: 10 }), undefined);
    assert.equal(usageCost({ input: 1 }, { inputTokens: 10, outputTokens: 5 }), undefined);
    assert.equal(usageCost({ input: 0, output: 0 }, { inputTokens: 10, outputTokens: 5 }), 0);
    assert.deepEqual(costOf(undefined), { unknown: true });
    assert.deepEqual(costOf(0.5, true), { usd: 0.5, estimated: true });
  });

  it('adds a per-request fee, and works out a worst case from the estimate and the output allowance', () => {
    assert.equal(usageCost({ input: 0, output: 0, perRequest: 0.01 }, { inputTokens: 1 }), 0.01);
    assert.equal(worstCaseCost({ input: 3, output: 15 }, 1000, 4096), (1000 * 3 + 4096 * 15) / 1e6);
  });

  it('prices gpt-image-1 by its usage: text in, image input, image out', () => {
    // A real-shaped edit usage ("Image generation" guide): 300 input tokens, 194 of them images; 4,160 output tokens.
    const prices = { input: 5, output: 40, imageInput: 10 };
    const usd = imageCost(prices, { images: 1, inputTokens: 300, inputImageTokens: 194, outputTokens: 4160 });
    assert.equal(usd?.toFixed(6), ((106 * 5 + 194 * 10 + 4160 * 40) / 1e6).toFixed(6));
    assert.equal(imageCost({ perImage: 0.03 }, { images: 2 }), 0.06);
    assert.equal(imageCost({ input: 5, output: 40 }, { images: 1 }), undefined);
    assert.equal(worstImageCost({ perImage: 0.08 }, 2, 10), 0.16);
    assert.equal(worstImageCost({ input: 5, output: 40 }, 1, 10)?.toFixed(8), ((10 * 5 + 6240 * 40) / 1e6).toFixed(8));
  });

  it('sums costs, keeping estimated and unknown', () => {
    assert.deepEqual(addCosts({ usd: 0.1 }, { usd: 0.2, estimated: true }), { usd: 0.1 + 0.2, estimated: true });
    assert.deepEqual(addCosts({ usd: 0.1 }, { unknown: true }), { usd: 0.1, unknown: true });
    assert.deepEqual(addCosts({}, { unknown: true }), { unknown: true });
  });

  it('formats dollars: two significant digits under ten cents, cents above', () => {
    assert.equal(formatUsd(0.0021), '$0.0021');
    assert.equal(formatUsd(0.01234), '$0.012');
    assert.equal(formatUsd(0.5), '$0.50');
    assert.equal(formatUsd(12.345), '$12.35');
    assert.equal(formatUsd(0), '$0.00');
    assert.equal(formatUsd(0.00001), '<$0.0001');
    assert.equal(formatUsd(0.01), '$0.01');
    assert.equal(formatUsd(0.05), '$0.05');
    assert.equal(formatUsd(0.0999), '$0.10');
  });
});
