// Ollama's native `POST /api/generate` (its API reference, "Generate a completion", with `suffix`): Ollama puts
// `prompt` and `suffix` into the model's own template when that template has an insert branch, and answers 400
// '<model> does not support insert' when it has none; then the prompt goes in the family's FIM template with
// `raw: true` (FimCompletionClient). `stream: false` answers with one JSON object whose `response` is the middle,
// with `prompt_eval_count` / `eval_count` as the usage; `keep_alive` is left to the server's default.
//
// The native API lives beside the entry's OpenAI-compatible `/v1` base URL (ollamaNativeRoot); only the entry's
// own headers go there, never its key (docs/security.md), as for `/api/show`.
import * as z from 'zod/mini';
import type { HttpErrorResponse } from '../errors/mapHttpError';
import { ollamaNativeRoot } from '../providers/ollamaContextWindow';
import { tokenCount } from '../providers/tokenCount';
import { parseResponse } from '../validation/parseResponse';
import type { FimRefusal, FimWire } from './fimWire';

const answerSchema = z.object({
  response: z.string(),
  prompt_eval_count: z.optional(z.nullable(z.number())),
  eval_count: z.optional(z.nullable(z.number())),
});

export const ollamaGenerateWire: FimWire = {
  baseUrl: (entryBaseUrl) => ollamaNativeRoot(entryBaseUrl),
  path: '/api/generate',
  sendsKey: false,
  body: (model, prompt, maxTokens) => ({
    model,
    prompt: prompt.prompt,
    // Ollama treats an empty suffix as none and would wrap the prefix in the model's chat template: at the end of a
    // file the text after the cursor is the line break every file ends with anyway.
    ...(prompt.templated
      ? { raw: true }
      : { suffix: prompt.suffix === undefined || prompt.suffix === '' ? '\n' : prompt.suffix, raw: false }),
    stream: false,
    options: { num_predict: maxTokens, temperature: 0, ...(prompt.stop.length > 0 ? { stop: prompt.stop } : {}) },
  }),
  read: (json, context) => {
    const answer = parseResponse(answerSchema, json, context, 'The completion');
    const inputTokens = tokenCount(answer.prompt_eval_count);
    const outputTokens = tokenCount(answer.eval_count);
    return {
      text: answer.response,
      ...(inputTokens !== undefined || outputTokens !== undefined ? { usage: { inputTokens, outputTokens } } : {}),
    };
  },
  refusal: (response) => ollamaRefusal(response),
};

/** 400 '… does not support insert' (the model's template has no suffix); 404 'model "x" not found, try pulling it first'. */
function ollamaRefusal(response: HttpErrorResponse): FimRefusal | undefined {
  if (response.status === 404) return 'model';
  if (response.status === 400 && /does not support insert/i.test(response.body)) return 'suffix';
  return undefined;
}
