// Dollars from prices and counts (docs/spend.md "Cost"): what a chat answer's usage cost, what a request could cost
// at most (for budgets, before it is sent), what images cost. Every function answers undefined when a price it needs
// is unknown, never 0.
import { cacheWriteFactor, type Cost, type ModelPrices } from './modelPrices';

/** Token counts as the protocols report them, normalized: `inputTokens` includes the cached and cache-written ones. */
export interface PricedUsage {
  inputTokens?: number | undefined;
  outputTokens?: number | undefined;
  cachedInputTokens?: number | undefined;
  cacheWriteInputTokens?: number | undefined;
}

const perMillion = 1e-6;

/** What one request's usage cost: input (cached and cache writes at their own prices), output, and any per-request fee. */
export function usageCost(prices: ModelPrices | undefined, usage: PricedUsage): number | undefined {
  if (prices === undefined) return undefined;
  const input = count(usage.inputTokens);
  const cached = Math.min(count(usage.cachedInputTokens), input);
  const written = Math.min(count(usage.cacheWriteInputTokens), input - cached);
  const parts: [tokens: number, price: number | undefined][] = [
    [input - cached - written, prices.input],
    [cached, prices.cachedInput ?? prices.input],
    [written, prices.cacheWrite ?? (prices.input !== undefined ? prices.input * cacheWriteFactor : undefined)],
    [count(usage.outputTokens), prices.output],
  ];
  let usd = prices.perRequest ?? 0;
  for (const [tokens, price] of parts) {
    if (tokens === 0) continue;
    if (price === undefined) return undefined;
    usd += tokens * price * perMillion;
  }
  return usd;
}

/** The most a chat request can cost: its estimated input at the input price and its whole output allowance. */
export function worstCaseCost(prices: ModelPrices | undefined, inputTokens: number, maxOutputTokens: number): number | undefined {
  return usageCost(prices, { inputTokens, outputTokens: maxOutputTokens });
}

/** An image request's counts: how many images, and the tokens where the provider bills by them (OpenAI's image models). */
export interface ImageCount {
  images: number;
  inputTokens?: number | undefined;
  /** Of `inputTokens`, the ones that were images (an edit's source), billed at `imageInput`. */
  inputImageTokens?: number | undefined;
  outputTokens?: number | undefined;
}

/** What images cost: by their tokens when the provider reported them and prices them so, else per image. */
export function imageCost(prices: ModelPrices | undefined, counts: ImageCount): number | undefined {
  if (prices === undefined) return undefined;
  const tokens = counts.inputTokens !== undefined || counts.outputTokens !== undefined;
  if (tokens && prices.output !== undefined) {
    const imageTokens = Math.min(count(counts.inputImageTokens), count(counts.inputTokens));
    const text = usageCost(prices, { inputTokens: count(counts.inputTokens) - imageTokens, outputTokens: counts.outputTokens });
    const images = imageTokens === 0 ? 0 : (prices.imageInput ?? prices.input);
    return text === undefined || images === undefined ? undefined : text + imageTokens * images * perMillion;
  }
  return prices.perImage === undefined ? undefined : prices.perImage * counts.images;
}

/**
 * Output tokens assumed for one image of a model billed by tokens, before it is made: OpenAI's largest image at high
 * quality (1536×1024: 6,240 tokens, "Image generation" guide, "Cost and latency").
 */
export const worstImageOutputTokens = 6240;

/** The most an image request can cost: per image, or the prompt and the largest image's tokens. */
export function worstImageCost(prices: ModelPrices | undefined, images: number, promptTokens: number): number | undefined {
  if (prices === undefined) return undefined;
  if (prices.output !== undefined) return usageCost(prices, { inputTokens: promptTokens, outputTokens: worstImageOutputTokens * images });
  return prices.perImage === undefined ? undefined : prices.perImage * images;
}

/** A Cost from dollars (undefined: unknown). */
export function costOf(usd: number | undefined, estimated = false): Cost {
  const cost: Cost = usd === undefined ? { unknown: true } : { usd };
  if (estimated) cost.estimated = true;
  return cost;
}

/** Two costs together: the known dollars summed, estimated or unknown if either was. */
export function addCosts(a: Cost, b: Cost): Cost {
  const sum: Cost = {};
  if (a.usd !== undefined || b.usd !== undefined) sum.usd = (a.usd ?? 0) + (b.usd ?? 0);
  if (a.estimated === true || b.estimated === true) sum.estimated = true;
  if (a.unknown === true || b.unknown === true) sum.unknown = true;
  return sum;
}

function count(value: number | undefined): number {
  return value !== undefined && Number.isFinite(value) && value > 0 ? value : 0;
}
