// DeepSeek's FIM completion (its API docs, "FIM Completion (Beta)": `POST https://api.deepseek.com/beta/completions`
// with `model`, `prompt`, `suffix`, `max_tokens` of at most 4K; the answer's `choices[0].text`, as in OpenAI's
// legacy Completions API). The beta path is under the API's root, which DeepSeek documents as the base URL with or
// without `/v1`: the key goes to DeepSeek's own host either way.
import type { HttpErrorResponse } from '../errors/mapHttpError';
import type { FimRefusal, FimWire } from './fimWire';
import { openAiCompletionsWire } from './openAiCompletionsWire';

/** "The max tokens of FIM completion is 4K." */
const maxFimTokens = 4096;

export const deepSeekFimWire: FimWire = {
  baseUrl: (entryBaseUrl) => entryBaseUrl.replace(/\/+$/, '').replace(/\/(?:v1|beta)$/, ''),
  path: '/beta/completions',
  sendsKey: true,
  // The body and the answer are OpenAI's legacy Completions API's, with DeepSeek's cap on the tokens.
  body: (model, prompt, maxTokens) => openAiCompletionsWire.body(model, prompt, Math.min(maxTokens, maxFimTokens)),
  read: (json, context) => openAiCompletionsWire.read(json, context),
  refusal: (response) => deepSeekRefusal(response),
};

/** A 404, or the 400 'Model Not Exist'. */
function deepSeekRefusal(response: HttpErrorResponse): FimRefusal | undefined {
  if (response.status === 404) return 'model';
  if (response.status === 400 && /model not exist/i.test(response.body)) return 'model';
  return undefined;
}
