// The parts of OpenAI-compatible answers Switchboard reads (unknown fields are ignored).
import * as z from 'zod/mini';
import { fastValidator } from '../validation/fastValidator';
import { isNullish, isObject, isOptional } from '../validation/shapeChecks';

const count = z.optional(z.nullable(z.number()));

export const openAiChunkSchema = z.object({
  choices: z.optional(
    z.array(
      z.object({
        delta: z.optional(z.nullable(z.object({ content: z.optional(z.nullable(z.string())) }))),
        finish_reason: z.optional(z.nullable(z.string())),
      }),
    ),
  ),
  usage: z.optional(z.nullable(z.object({ prompt_tokens: count, completion_tokens: count }))),
});

export type OpenAiChunk = z.infer<typeof openAiChunkSchema>;

/** The common chunk shapes, checked without zod (see fastValidator); anything else goes to the schema. */
function isPlainChunk(value: unknown): value is OpenAiChunk {
  if (!isObject(value)) return false;
  const { choices, usage } = value;
  if (choices !== undefined) {
    if (!Array.isArray(choices)) return false;
    for (const choice of choices as unknown[]) {
      if (!isObject(choice)) return false;
      const { delta, finish_reason: finish } = choice;
      if (!isNullish(delta) && !(isObject(delta) && isOptional(delta.content, 'string'))) return false;
      if (!isOptional(finish, 'string')) return false;
    }
  }
  if (!isNullish(usage)) {
    if (!isObject(usage) || !isOptional(usage.prompt_tokens, 'number') || !isOptional(usage.completion_tokens, 'number')) return false;
  }
  return true;
}

export const validateOpenAiChunk = fastValidator(openAiChunkSchema, isPlainChunk, 'A stream chunk');

/**
 * OpenAI lists only `id`; compatible servers add how much input a model takes, each under its own name:
 * OpenRouter `context_length` (and `top_provider.context_length`), Groq `context_window`, vLLM `max_model_len`.
 * OpenRouter also says what a model reads, `architecture.input_modalities` (`["text", "image"]`); `architecture` is
 * read loosely (listedVision), since another server may use the name for something else, and must not fail the list.
 */
export const openAiModelListSchema = z.object({
  data: z.array(
    z.object({
      id: z.string(),
      name: z.optional(z.nullable(z.string())),
      context_length: count,
      top_provider: z.optional(z.nullable(z.object({ context_length: count }))),
      context_window: count,
      max_model_len: count,
      architecture: z.optional(z.unknown()),
    }),
  ),
});

/**
 * Whether a listed model takes images, from OpenRouter's `architecture.input_modalities` (its API reference, "List
 * available models"); undefined when the list does not say.
 */
export function listedVision(architecture: unknown): boolean | undefined {
  if (!isObject(architecture)) return undefined;
  const modalities = architecture.input_modalities;
  if (!Array.isArray(modalities) || !modalities.every((modality) => typeof modality === 'string')) return undefined;
  return modalities.includes('image');
}
