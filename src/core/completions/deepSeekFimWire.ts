// DeepSeek's FIM completion (its API docs, "FIM Completion (Beta)": `POST https://api.deepseek.com/beta/completions`
// with `model`, `prompt`, `suffix`, `max_tokens` of at most 4K; the answer's `choices[0].text`, as in OpenAI's
// legacy Completions API). The beta path is under the API's root, which DeepSeek documents as the base URL with or
// without `/v1`: the key goes to DeepSeek's own host either way.
import * as z from 'zod/mini';
import type { HttpErrorResponse } from '../errors/mapHttpError';
import { parseResponse } from '../validation/parseResponse';
import { openAiCompletionUsage, openAiCompletionUsageSchema } from './openAiCompletionUsage';
import type { FimRefusal, FimWire } from './fimWire';

/** "The max tokens of FIM completion is 4K." */
const maxFimTokens = 4096;

const answerSchema = z.object({
  choices: z.array(z.object({ text: z.optional(z.nullable(z.string())) })),
  usage: openAiCompletionUsageSchema,
});

export const deepSeekFimWire: FimWire = {
  baseUrl: (entryBaseUrl) => entryBaseUrl.replace(/\/+$/, '').replace(/\/(?:v1|beta)$/, ''),
  path: '/beta/completions',
  sendsKey: true,
  body: (model, prompt, maxTokens) => ({
    model,
    prompt: prompt.prompt,
    ...(prompt.suffix !== undefined && prompt.suffix !== '' ? { suffix: prompt.suffix } : {}),
    max_tokens: Math.min(maxTokens, maxFimTokens),
    // DeepSeek's "The Temperature Parameter" page recommends 0.0 for coding.
    temperature: 0,
    ...(prompt.stop.length > 0 ? { stop: prompt.stop } : {}),
    stream: false,
  }),
  read: (json, context) => {
    const answer = parseResponse(answerSchema, json, context, 'The completion');
    const usage = openAiCompletionUsage(answer.usage);
    return { text: answer.choices[0]?.text ?? '', ...(usage !== undefined ? { usage } : {}) };
  },
  refusal: (response) => deepSeekRefusal(response),
};

/** A 404, or the 400 'Model Not Exist'. */
function deepSeekRefusal(response: HttpErrorResponse): FimRefusal | undefined {
  if (response.status === 404) return 'model';
  if (response.status === 400 && /model not exist/i.test(response.body)) return 'model';
  return undefined;
}
