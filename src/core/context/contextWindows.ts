// How many input tokens common chat models accept, for providers whose model list does not say it (OpenAI,
// older Anthropic answers, LM Studio) and as the last resort for the others (docs/providers.md, "Context windows").
// The meter compares the estimated size of a send with this number, so a wrong guess is worse than none: an id that
// matches no rule gets `undefined` and the meter shows no window.
//
// Written 2026-11-26 from these public pages, as the author last read them (mid 2025): OpenAI's "Models" pages
// (gpt-4o, gpt-4.1, o-series, gpt-5, gpt-oss), Anthropic's "Models overview", Google's "Gemini models" (Gemini API),
// Groq's "Supported models", Mistral's "Models overview", and the Ollama library pages of the open models (their
// `context length`). Models released later match no rule until they are added here; the live lists cover them
// meanwhile wherever the provider says the number.
//
// Numbers are input tokens. Where a page gives a total that output shares (most do), that total is used, as the
// send must fit in it; GPT-5, whose page gives a 400,000 total of which 128,000 are reserved for output, takes
// 272,000 input tokens.

/**
 * `[rule, tokens]`, the first rule matching the normalised id wins, so narrower rules come first; `undefined` marks
 * the members of a family whose window differs and is not known here.
 */
const table: ReadonlyArray<readonly [RegExp, number | undefined]> = [
  // OpenAI
  [/^gpt-5(\.\d+)?-chat/, 128_000],
  [/^gpt-5(\.\d+)?(-|$)/, 272_000],
  [/^gpt-4\.1(-|$)/, 1_047_576],
  [/^gpt-4\.5/, 128_000],
  [/^gpt-4o|^chatgpt-4o/, 128_000],
  [/^gpt-4-(turbo|1106|0125|vision)/, 128_000],
  [/^gpt-4-32k/, 32_768],
  [/^gpt-4(-0314|-0613)?$/, 8_192],
  [/^gpt-3\.5-turbo-instruct/, 4_096],
  [/^gpt-3\.5-turbo/, 16_385],
  [/^o1-(mini|preview)/, 128_000],
  [/^o[134](-|$)/, 200_000],
  [/^gpt-oss/, 131_072],
  // Anthropic (the 1M window of some Sonnet models is a beta asked for per request, not the default)
  [/^claude-2\.1/, 200_000],
  [/^claude-(2|1|instant)/, 100_000],
  [/^claude-(3|(opus|sonnet|haiku)-4)/, 200_000],
  // Google: ids of the Gemini API, and OpenRouter's older `gemini-pro-1.5` style; the image, speech and live models
  // of a family take far less
  [/^gemini-.*(image|tts|embedding|live|audio)/, undefined],
  [/^gemini-1\.5-pro|^gemini-pro-1\.5/, 2_097_152],
  [/^gemini-(1\.5|2\.0|2\.5)-|^gemini-flash-1\.5/, 1_048_576],
  // Open models by family, as Groq and Ollama serve them (Ollama's real window is found with /api/show first)
  [/^llama-?3\.[123](\D|$)/, 131_072],
  [/^llama-?3([-:]|$)/, 8_192],
  [/^llama-?4/, 131_072],
  [/^llama-?2/, 4_096],
  [/^mixtral[-:]8x22b/, 65_536],
  [/^mixtral/, 32_768],
  [/^mistral(-7b(-instruct)?(-v0\.[23])?)?(:|$)/, 32_768],
  [/^gemma-?3[:-]1b/, 32_768],
  [/^gemma-?3([-:]|$)/, 131_072],
  [/^gemma-?2([-:]|$)/, 8_192],
  [/^qwen-?2\.5/, 32_768],
  [/^qwen-?3-coder/, 262_144],
  [/^qwen-?3([-:]|$)/, 40_960],
  [/^deepseek-r1/, 131_072],
  [/^phi-?4(:|$)/, 16_384],
];

/**
 * The dated table's window for a model id, or undefined. Ids are matched by family, so dated and tagged ids work
 * (`gpt-4o-2024-08-06`, `llama3.1:8b`), and a vendor prefix is dropped (`openai/gpt-4o`,
 * `meta-llama/llama-3.3-70b-instruct`, Gemini's `models/…`).
 */
export function contextWindowFromTable(modelId: string): number | undefined {
  const id = normalise(modelId);
  if (id === '') return undefined;
  for (const [rule, tokens] of table) if (rule.test(id)) return tokens;
  return undefined;
}

/** Lower case, without the vendor or namespace before the last `/`. */
function normalise(modelId: string): string {
  const id = modelId.trim().toLowerCase();
  return id.slice(id.lastIndexOf('/') + 1);
}
