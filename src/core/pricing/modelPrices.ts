// What a model costs (issue 19, docs/spend.md "Prices"): US dollars per million tokens, per image or per request,
// whichever the provider bills by. A price that is not known is absent, never 0: only a free server (a local one,
// Fusion Brain) has prices of 0.

/** One model's prices. Token prices are USD per million tokens. */
export interface ModelPrices {
  /** Input tokens that were not read from a cache. */
  input?: number;
  output?: number;
  /** Input tokens read from the provider's prompt cache; the `input` price when absent. */
  cachedInput?: number;
  /** Input tokens written to Anthropic's prompt cache; 1.25 × `input` when absent (Anthropic's 5-minute cache). */
  cacheWrite?: number;
  /** Input tokens that are images (OpenAI's image models count them apart from text). */
  imageInput?: number;
  /** USD per image made (Stability's credits already converted, DALL·E, Fusion Brain's 0). */
  perImage?: number;
  /** USD per request, on top of the tokens (OpenRouter's `request`). */
  perRequest?: number;
  /** USD per image sent with a request (OpenRouter's `image`), on top of the tokens. */
  perInputImage?: number;
}

/** What an answer, an image or a conversation cost, as stored and shown. */
export interface Cost {
  /** The dollars known (absent when nothing could be priced). */
  usd?: number;
  /** Some of it was worked out from estimated tokens: the provider reported no usage. */
  estimated?: true;
  /** Some of it had no known price (then `usd`, when present, is the part that had). */
  unknown?: true;
}

/** Anthropic bills a write to its 5-minute cache at 1.25 times the input price ("Prompt caching", "Pricing"). */
export const cacheWriteFactor = 1.25;

const priceFields = ['input', 'output', 'cachedInput', 'cacheWrite', 'imageInput', 'perImage', 'perRequest', 'perInputImage'] as const;

/** Whether `value` is a usable price: a finite number of at least 0. */
export function isPrice(value: unknown): value is number {
  return typeof value === 'number' && Number.isFinite(value) && value >= 0;
}

/** Only the usable fields of `value` (a provider entry's `prices`, a list's answer); undefined when none is. */
export function cleanPrices(value: unknown): ModelPrices | undefined {
  if (typeof value !== 'object' || value === null) return undefined;
  const out: ModelPrices = {};
  let any = false;
  for (const field of priceFields) {
    const price = (value as Record<string, unknown>)[field];
    if (isPrice(price)) {
      out[field] = price;
      any = true;
    }
  }
  return any ? out : undefined;
}

/**
 * OpenRouter's `pricing` of a listed model (its API reference, "List available models"): USD per token (or per
 * image, per request) as decimal strings. `-1` (its auto router: the price depends on the model chosen) and
 * anything unreadable count as unknown. Token prices become USD per million tokens.
 */
export function listedPrices(pricing: unknown): ModelPrices | undefined {
  if (typeof pricing !== 'object' || pricing === null) return undefined;
  const read = (key: string, scale: number): number | undefined => {
    const raw = (pricing as Record<string, unknown>)[key];
    const value = typeof raw === 'string' && raw.trim() !== '' ? Number(raw) : typeof raw === 'number' ? raw : NaN;
    // Per-token decimals times a million carry float noise (0.0000025 × 1e6 = 2.4999999999999996): rounded off.
    return isPrice(value) ? Math.round(value * scale * 1e6) / 1e6 : undefined;
  };
  const prices: ModelPrices = {};
  const input = read('prompt', 1e6);
  const output = read('completion', 1e6);
  if (input === undefined || output === undefined) return undefined;
  prices.input = input;
  prices.output = output;
  const cached = read('input_cache_read', 1e6);
  if (cached !== undefined) prices.cachedInput = cached;
  const write = read('input_cache_write', 1e6);
  if (write !== undefined) prices.cacheWrite = write;
  const image = read('image', 1);
  if (image !== undefined && image > 0) prices.perInputImage = image;
  const request = read('request', 1);
  if (request !== undefined && request > 0) prices.perRequest = request;
  return prices;
}
