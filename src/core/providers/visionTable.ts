// Which chat models take images as input, for models whose provider's list does not say it (OpenAI, Anthropic,
// Gemini, Groq, LM Studio, vLLM) and as the last resort for the others (docs/providers.md, "Images"). Asked only when
// neither the provider entry's `vision` setting nor the live list answers (visionSupport.ts). A wrong "no" would
// stop a person from sending a picture a model can see, a wrong "yes" would let the provider refuse it: an id that
// matches no rule gets `undefined` ("unknown"), and the chat then sends and lets the provider answer.
//
// Written 2026-11-26 from these public pages, as the author last read them: OpenAI's "Models" pages (the input
// modalities of gpt-4o, gpt-4.1, gpt-5, the o-series, gpt-3.5 and gpt-4) and its "Images and vision" guide;
// Anthropic's "Models overview" and "Vision" guide (every Claude 3 and later model takes images); Google's "Gemini
// models" page (inputs of each Gemini model; Gemma, embedding and AQA models of the Gemini API take text); Groq's
// "Supported models" and "Images and vision" pages (Llama 4 Scout and Maverick are its vision models); the Ollama
// library pages of the vision models (tagged "vision"), and the Sydney gateway's documentation (text only). Models
// released later match no rule until they are added here; the live lists cover them meanwhile where the provider
// says it (OpenRouter's input modalities, Ollama's capabilities).

/**
 * Where a model is served, when that decides the answer: the Sydney gateway takes no images at all, Groq only for its
 * Llama 4 models, and the Gemini API serves Gemma as text-only. Every other rule holds wherever the model runs.
 */
export type VisionHost = 'sydney' | 'groq' | 'gemini' | 'other';

/**
 * `[where, rule, vision]`: the first rule whose host fits (`any`, or the entry's own) and whose pattern matches the
 * normalised id wins, so narrower rules come first; `undefined` marks models not known either way.
 */
const table: ReadonlyArray<readonly [VisionHost | 'any', RegExp, boolean | undefined]> = [
  ['sydney', /^/, false],
  ['groq', /^llama-4-(scout|maverick)/, true],
  ['groq', /^/, false],
  ['gemini', /^(gemma|aqa)|embedding/, false],
  // Models that are not for chat, or hear rather than see (wherever listed).
  ['any', /embed|(^|[-_])tts([-_:]|$)|whisper|transcribe|(^|-)audio(-|$)/, false],
  // OpenAI
  ['any', /^gpt-4o(-mini)?-search/, undefined],
  ['any', /^gpt-4o|^chatgpt-4o/, true],
  ['any', /^gpt-4\.1(-|$)/, true],
  ['any', /^gpt-4\.5/, true],
  ['any', /^gpt-5/, true],
  ['any', /^gpt-4-turbo-preview/, false],
  ['any', /^gpt-4-(turbo|vision)/, true],
  ['any', /^gpt-4(-0314|-0613|-32k.*|-1106-preview|-0125-preview)?$/, false],
  ['any', /^gpt-3\.5/, false],
  ['any', /^o1-(mini|preview)|^o3-mini/, false],
  ['any', /^o[13](-|$)|^o4-mini/, true],
  ['any', /^gpt-oss/, false],
  // Anthropic: every model from Claude 3 on; Claude 2 and Instant read text only.
  ['any', /^claude-(1|2|instant)/, false],
  ['any', /^claude-/, true],
  // Google's Gemini models from 1.5 on (1.0 Pro read text; its separate vision model is retired).
  ['any', /^gemini-(1\.5|[23](\.\d+)?)-|^gemini-(pro|flash)-1\.5|^gemini-(pro|flash|flash-lite)-latest$/, true],
  ['any', /^gemini-(1\.0-)?pro$|^gemini-1\.0/, false],
  // Open models by their Ollama names (and the names LM Studio and Groq give the same weights).
  ['any', /^(bak)?llava/, true],
  ['any', /^llama-?3\.2-vision/, true],
  ['any', /^llama-?4/, true],
  ['any', /^qwen-?2\.5-?vl|^qwen-?3-?vl/, true],
  ['any', /^gemma-?3([-:](270m|1b))/, false],
  ['any', /^gemma-?3([-:]|$)/, true],
  ['any', /^minicpm-v/, true],
  ['any', /^moondream/, true],
  ['any', /^granite3\.2-vision/, true],
  ['any', /^mistral-small-?3\.[12]/, true],
];

/**
 * The dated table's answer for a model id served by `host`, or undefined when no rule knows. Ids are matched by
 * family, so dated and tagged ids work (`gpt-4o-2024-08-06`, `llava:13b`), and a vendor prefix is dropped
 * (`openai/gpt-4o`, `meta-llama/llama-4-scout-17b-16e-instruct`, Gemini's `models/…`).
 */
export function visionFromTable(modelId: string, host: VisionHost): boolean | undefined {
  const id = normalise(modelId);
  for (const [where, rule, vision] of table) {
    if ((where === 'any' || where === host) && rule.test(id)) return vision;
  }
  return undefined;
}

/** Lower case, without the vendor or namespace before the last `/`. */
function normalise(modelId: string): string {
  const id = modelId.trim().toLowerCase();
  return id.slice(id.lastIndexOf('/') + 1);
}
