// The prices Switchboard ships with (docs/spend.md "Prices"), from each provider's public pricing page as of
// 2026-11-01: OpenAI ("API pricing"), Anthropic ("Pricing", prompt caching included), Google ("Gemini Developer API
// pricing", paid tier, prompts up to 200k tokens), Groq ("Pricing"), Stability AI ("Pricing": credits per model and
// operation) and OpenAI's image models. Prices change: a provider entry's own `prices` override these, and a model
// that is not here is "unknown", never free. OpenRouter's prices come live from its model list instead.
import type { ModelPrices } from './modelPrices';

/** The day the table was checked against the providers' pricing pages. */
export const priceTableDate = '2026-11-01';

/** A row: model id, then USD per million tokens of input, output, cached input, cache write (absent: see ModelPrices). */
type TokenRow = readonly [id: string, input: number, output: number, cachedInput?: number, cacheWrite?: number];

/** The tables whose models are priced by tokens, by the provider they belong to. */
export type TokenTable = 'openai' | 'anthropic' | 'gemini' | 'groq';

const tokenRows: Record<TokenTable, readonly TokenRow[]> = {
  openai: [
    ['gpt-5.1', 1.25, 10, 0.125],
    ['gpt-5', 1.25, 10, 0.125],
    ['gpt-5-mini', 0.25, 2, 0.025],
    ['gpt-5-nano', 0.05, 0.4, 0.005],
    ['gpt-5-chat-latest', 1.25, 10, 0.125],
    ['gpt-4.1', 2, 8, 0.5],
    ['gpt-4.1-mini', 0.4, 1.6, 0.1],
    ['gpt-4.1-nano', 0.1, 0.4, 0.025],
    ['gpt-4o', 2.5, 10, 1.25],
    ['gpt-4o-mini', 0.15, 0.6, 0.075],
    ['chatgpt-4o-latest', 5, 15],
    ['gpt-4-turbo', 10, 30],
    ['gpt-4', 30, 60],
    ['gpt-3.5-turbo', 0.5, 1.5],
    ['o1', 15, 60, 7.5],
    ['o1-mini', 1.1, 4.4, 0.55],
    ['o3', 2, 8, 0.5],
    ['o3-mini', 1.1, 4.4, 0.55],
    ['o4-mini', 1.1, 4.4, 0.275],
    ['codex-mini-latest', 1.5, 6, 0.375],
    // Image models bill text input and image output by tokens (image input apart: imageRows).
    ['gpt-image-1', 5, 40, 1.25],
    ['gpt-image-1-mini', 2, 8, 0.2],
  ],
  anthropic: [
    ['claude-opus-4-5', 5, 25, 0.5, 6.25],
    ['claude-opus-4-1', 15, 75, 1.5, 18.75],
    ['claude-opus-4', 15, 75, 1.5, 18.75],
    ['claude-sonnet-4-5', 3, 15, 0.3, 3.75],
    ['claude-sonnet-4', 3, 15, 0.3, 3.75],
    ['claude-3-7-sonnet', 3, 15, 0.3, 3.75],
    ['claude-3-5-sonnet', 3, 15, 0.3, 3.75],
    ['claude-haiku-4-5', 1, 5, 0.1, 1.25],
    ['claude-3-5-haiku', 0.8, 4, 0.08, 1],
    ['claude-3-opus', 15, 75, 1.5, 18.75],
    ['claude-3-haiku', 0.25, 1.25, 0.03, 0.3],
  ],
  gemini: [
    ['gemini-3-pro-preview', 2, 12, 0.2],
    ['gemini-2.5-pro', 1.25, 10, 0.125],
    ['gemini-2.5-flash', 0.3, 2.5, 0.03],
    ['gemini-2.5-flash-lite', 0.1, 0.4, 0.01],
    ['gemini-2.0-flash', 0.1, 0.4, 0.025],
    ['gemini-2.0-flash-lite', 0.075, 0.3],
    ['gemini-1.5-pro', 1.25, 5],
    ['gemini-1.5-flash', 0.075, 0.3],
  ],
  groq: [
    ['llama-3.1-8b-instant', 0.05, 0.08],
    ['llama-3.3-70b-versatile', 0.59, 0.79],
    ['meta-llama/llama-4-scout-17b-16e-instruct', 0.11, 0.34],
    ['meta-llama/llama-4-maverick-17b-128e-instruct', 0.2, 0.6],
    ['openai/gpt-oss-120b', 0.15, 0.6],
    ['openai/gpt-oss-20b', 0.075, 0.3],
    ['qwen/qwen3-32b', 0.29, 0.59],
    ['moonshotai/kimi-k2-instruct', 1, 3],
    ['gemma2-9b-it', 0.2, 0.2],
  ],
};

/** OpenAI's image models: USD per image where billed by the image, per million image input tokens where by tokens. */
const openAiImageRows: Readonly<Record<string, ModelPrices>> = {
  'gpt-image-1': { imageInput: 10 },
  'gpt-image-1-mini': { imageInput: 2.5 },
  // Standard quality at 1024×1024: the smallest size's price (larger sizes and `hd` cost more).
  'dall-e-3': { perImage: 0.04 },
  'dall-e-2': { perImage: 0.02 },
};

/** What one Stability AI credit costs: 1,000 credits for 10 USD. */
export const stabilityCreditUsd = 0.01;

/**
 * Stability AI's credits per image, by the model id Switchboard sends (stabilityModel.ts) and, for edits, by
 * operation (`edit:<operation>`; `animate` for image-to-video). SDXL 1.0 costs 0.2–0.6 credits by its steps: its
 * default 30 steps are 0.6 at most, the price used.
 */
const stabilityCredits: Readonly<Record<string, number>> = {
  ultra: 8,
  core: 3,
  sd3: 6.5,
  'sd3.5-large': 6.5,
  'sd3.5-large-turbo': 4,
  'sd3.5-medium': 3.5,
  'sd3.5-flash': 2.5,
  'v1/stable-diffusion-xl-1024-v1-0': 0.6,
  'edit:image-to-image': 6.5,
  'edit:edit': 5,
  'edit:search-and-replace': 5,
  'edit:remove-background': 5,
  animate: 20,
};

/** A model's row of a token table: its exact id, else the longest id it extends by a dated or versioned suffix. */
export function tokenTablePrices(table: TokenTable, model: string): ModelPrices | undefined {
  const rows = tokenRows[table];
  const id = table === 'gemini' ? model.replace(/^models\//, '') : model;
  let best: TokenRow | undefined;
  for (const row of rows) {
    if (row[0] === id) {
      best = row;
      break;
    }
    if (id.startsWith(row[0]) && snapshotSuffix.test(id.slice(row[0].length)) && row[0].length > (best?.[0].length ?? 0)) best = row;
  }
  if (best === undefined) return undefined;
  const [, input, output, cachedInput, cacheWrite] = best;
  return {
    input,
    output,
    ...(cachedInput !== undefined ? { cachedInput } : {}),
    ...(cacheWrite !== undefined ? { cacheWrite } : {}),
    ...(table === 'openai' ? openAiImageRows[best[0]] : {}),
  };
}

/**
 * What a dated snapshot or a version adds to a model's family id, as the providers document their ids:
 * `gpt-4o-2024-08-06`, `claude-sonnet-4-5-20250929`, `claude-3-5-haiku-latest`, `gemini-2.0-flash-001`,
 * `gemini-2.5-flash-preview-05-20`. Anything else (`gpt-4o-audio-preview`, `gpt-4o-mini-tts`) is another model.
 */
const snapshotSuffix = /^(?:-\d{4}-\d{2}-\d{2}|-\d{8}|-\d{3}|-latest|-preview(?:-\d{2}-\d{2}(?:-\d{4})?)?|-exp(?:-\d{2}-\d{2})?|-\d{4})$/;

/** OpenAI's image models by the image (DALL·E) or by image input tokens (gpt-image-*: text and output are in the token table). */
export function openAiImagePrices(model: string): ModelPrices | undefined {
  const tokens = tokenTablePrices('openai', model);
  if (tokens !== undefined && tokens.imageInput !== undefined) return tokens;
  return openAiImageRows[model];
}

/** Stability AI's price of one image of `model` (or one `operation` on an image), in USD; undefined when not listed. */
export function stabilityImagePrice(model: string, operation?: string): number | undefined {
  const key = operation === undefined ? model.replace(/^sd3\/(?=sd3)/, '') : operation === 'animate' ? 'animate' : `edit:${operation}`;
  const credits = stabilityCredits[key];
  return credits === undefined ? undefined : Math.round(credits * stabilityCreditUsd * 1e6) / 1e6;
}
