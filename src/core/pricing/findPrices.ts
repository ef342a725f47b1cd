// Which prices apply to a model of a provider entry (docs/spend.md "Prices"), first match wins:
//   1. the entry's own `prices` for the model id, then its `"*"` (any model of the entry);
//   2. what the provider's model list said (OpenRouter's live `pricing`);
//   3. free: a local server (the Ollama, LM Studio and vLLM presets, any entry on a loopback address) and Fusion Brain;
//   4. the dated table for the provider the entry's base URL points at (OpenAI, Anthropic, Gemini, Groq, Stability AI).
// Nothing else is guessed: the Sydney gateway and any other server are "unknown" unless their entry sets prices.
import type { ModelPrices } from './modelPrices';
import { cleanPrices } from './modelPrices';
import { openAiImagePrices, stabilityImagePrice, type TokenTable, tokenTablePrices } from './priceTable';

/** What findPrices reads of a provider entry (a ResolvedProviderEntry fits). */
export interface PricedEntry {
  id: string;
  kind: string;
  baseUrl: string;
  prices?: Readonly<Record<string, unknown>> | undefined;
  preset?: { id: string } | undefined;
}

const free: ModelPrices = { input: 0, output: 0, cachedInput: 0, perImage: 0 };

const localPresets = new Set(['ollama', 'lmstudio', 'vllm']);

/** The token table for each provider's API host. */
const tableHosts: Readonly<Record<string, TokenTable>> = {
  'api.openai.com': 'openai',
  'api.anthropic.com': 'anthropic',
  'generativelanguage.googleapis.com': 'gemini',
  'api.groq.com': 'groq',
};

/**
 * The prices of `model` on `entry`, or undefined when unknown. `listed`: the prices the provider's model list gave
 * for it. `image`: the model makes images (priced per image or by image tokens), with the edit `operation` if any.
 */
export function findPrices(
  entry: PricedEntry,
  model: string,
  options: { listed?: ModelPrices | undefined; image?: { operation?: string } } = {},
): ModelPrices | undefined {
  const own = entry.prices;
  if (own !== undefined) {
    const set = cleanPrices(Object.hasOwn(own, model) ? own[model] : own['*']);
    if (set !== undefined) return set;
  }
  if (options.listed !== undefined) return options.listed;
  const host = hostOf(entry.baseUrl);
  if (host === undefined) return undefined;
  if (isFree(entry, host)) return free;
  if (options.image !== undefined) {
    if (host === 'api.stability.ai') {
      const perImage = stabilityImagePrice(model, options.image.operation);
      return perImage === undefined ? undefined : { perImage };
    }
    if (host === 'api.openai.com') return openAiImagePrices(model);
    return undefined;
  }
  const table = tableHosts[host];
  return table === undefined ? undefined : tokenTablePrices(table, model);
}

function isFree(entry: PricedEntry, host: string): boolean {
  if (entry.preset !== undefined && localPresets.has(entry.preset.id)) return true;
  if (entry.kind === 'fusionbrain' || host === 'api-key.fusionbrain.ai') return true;
  return host === 'localhost' || host === '::1' || /^127\./.test(host) || host.endsWith('.localhost');
}

function hostOf(baseUrl: string): string | undefined {
  try {
    return new URL(baseUrl).hostname.replace(/^\[|\]$/g, '').toLowerCase();
  } catch {
    return undefined;
  }
}
