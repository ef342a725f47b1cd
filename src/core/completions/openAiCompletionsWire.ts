// OpenAI's legacy Completions API as local servers speak it (OpenAI's API reference, "Completions": `POST
// /completions` with `prompt`, `suffix`, `max_tokens`, `temperature`, `stop`; the answer's `choices[0].text`):
// llama.cpp's server and LM Studio take `suffix` and build the model's FIM prompt themselves; vLLM refuses it
// (400 'suffix is not currently supported'), and then the prompt is sent in the model family's template instead
// (FimCompletionClient). An empty suffix is left out: what is asked is then a plain continuation, which every
// server takes.
import * as z from 'zod/mini';
import type { HttpErrorResponse } from '../errors/mapHttpError';
import { parseResponse } from '../validation/parseResponse';
import { openAiCompletionUsage, openAiCompletionUsageSchema } from './openAiCompletionUsage';
import type { FimRefusal, FimWire } from './fimWire';

const answerSchema = z.object({
  choices: z.array(z.object({ text: z.optional(z.nullable(z.string())) })),
  usage: openAiCompletionUsageSchema,
});

export const openAiCompletionsWire: FimWire = {
  baseUrl: (entryBaseUrl) => entryBaseUrl,
  path: '/completions',
  sendsKey: true,
  body: (model, prompt, maxTokens) => ({
    model,
    prompt: prompt.prompt,
    ...(prompt.suffix !== undefined && prompt.suffix !== '' ? { suffix: prompt.suffix } : {}),
    max_tokens: maxTokens,
    temperature: 0,
    ...(prompt.stop.length > 0 ? { stop: prompt.stop } : {}),
    stream: false,
  }),
  read: (json, context) => {
    const answer = parseResponse(answerSchema, json, context, 'The completion');
    const usage = openAiCompletionUsage(answer.usage);
    return { text: answer.choices[0]?.text ?? '', ...(usage !== undefined ? { usage } : {}) };
  },
  refusal: (response) => openAiCompletionsRefusal(response),
};

/**
 * A refused `suffix` names it: vLLM's 'suffix is not currently supported', OpenAI's 'Unrecognized request argument
 * supplied: suffix', pydantic's extra_forbidden naming ('body', 'suffix'), and servers that answer 500 'Unsupported
 * param: suffix'. A 404 is a model the server does not have (or no /completions at all).
 */
function openAiCompletionsRefusal(response: HttpErrorResponse): FimRefusal | undefined {
  if (response.status === 404) return 'model';
  if ((response.status === 400 || response.status === 422 || response.status === 500) && /\bsuffix\b/i.test(response.body)) return 'suffix';
  return undefined;
}
