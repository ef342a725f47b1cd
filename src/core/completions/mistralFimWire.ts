// Mistral's FIM endpoint for Codestral (its API reference, "FIM completions": `POST /v1/fim/completions` with
// `model`, `prompt`, `suffix`, `max_tokens`, `temperature`, `stop`; the answer is a chat completion, the middle in
// `choices[0].message.content`), on api.mistral.ai or codestral.mistral.ai, under the entry's base URL (`…/v1`).
import * as z from 'zod/mini';
import type { HttpErrorResponse } from '../errors/mapHttpError';
import { parseResponse } from '../validation/parseResponse';
import { openAiCompletionUsage, openAiCompletionUsageSchema } from './openAiCompletionUsage';
import type { FimRefusal, FimWire } from './fimWire';

// `content` is a string, or (newer answers) a list of chunks whose text parts are joined.
const contentSchema = z.optional(
  z.nullable(z.union([z.string(), z.array(z.object({ type: z.optional(z.string()), text: z.optional(z.string()) }))])),
);

const answerSchema = z.object({
  choices: z.array(z.object({ message: z.optional(z.nullable(z.object({ content: contentSchema }))) })),
  usage: openAiCompletionUsageSchema,
});

export const mistralFimWire: FimWire = {
  baseUrl: (entryBaseUrl) => entryBaseUrl,
  path: '/fim/completions',
  sendsKey: true,
  body: (model, prompt, maxTokens) => ({
    model,
    prompt: prompt.prompt,
    suffix: prompt.suffix ?? '',
    max_tokens: maxTokens,
    temperature: 0,
    ...(prompt.stop.length > 0 ? { stop: prompt.stop } : {}),
    stream: false,
  }),
  read: (json, context) => {
    const answer = parseResponse(answerSchema, json, context, 'The completion');
    const content = answer.choices[0]?.message?.content;
    const text =
      typeof content === 'string'
        ? content
        : (content ?? []).map((chunk) => (chunk.type === undefined || chunk.type === 'text' ? (chunk.text ?? '') : '')).join('');
    const usage = openAiCompletionUsage(answer.usage);
    return { text, ...(usage !== undefined ? { usage } : {}) };
  },
  refusal: (response) => mistralRefusal(response),
};

/** A 404, or a 400 that names the model as invalid for FIM (only Codestral models fill in the middle). */
function mistralRefusal(response: HttpErrorResponse): FimRefusal | undefined {
  if (response.status === 404) return 'model';
  if (response.status === 400 && /invalid[_ ]model|model.{0,40}(?:not found|does not exist|not support)/i.test(response.body))
    return 'model';
  return undefined;
}
