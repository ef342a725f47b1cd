// The parts of OpenAI-compatible answers Switchboard reads (unknown fields are ignored).
import * as z from 'zod/mini';
import { fastValidator } from '../validation/fastValidator';
import { isNullish, isObject, isOptional } from '../validation/shapeChecks';

const count = z.optional(z.nullable(z.number()));
const text = z.optional(z.nullable(z.string()));

/**
 * One piece of a streamed tool call ("Function calling" guide, "Streaming"): `index` says which call, `id` and the
 * function's `name` come in its first piece, `arguments` in string pieces to be joined. Compatible servers differ:
 * some leave out `index`, send the id as a number, or the arguments as an object; the decoder takes them all.
 */
const toolCallDelta = z.object({
  index: count,
  id: z.optional(z.nullable(z.union([z.string(), z.number()]))),
  function: z.optional(z.nullable(z.object({ name: text, arguments: z.optional(z.unknown()) }))),
});

export type OpenAiToolCallDelta = z.infer<typeof toolCallDelta>;

export const openAiChunkSchema = z.object({
  choices: z.optional(
    z.array(
      z.object({
        delta: z.optional(z.nullable(z.object({ content: text, tool_calls: z.optional(z.nullable(z.array(toolCallDelta))) }))),
        finish_reason: z.optional(z.nullable(z.string())),
      }),
    ),
  ),
  // `prompt_tokens_details.cached_tokens`: the part of the prompt read from OpenAI's prompt cache ("Prompt caching").
  usage: z.optional(
    z.nullable(
      z.object({
        prompt_tokens: count,
        completion_tokens: count,
        prompt_tokens_details: z.optional(z.nullable(z.object({ cached_tokens: count }))),
      }),
    ),
  ),
});

export type OpenAiChunk = z.infer<typeof openAiChunkSchema>;

/** A piece of a tool call as the schema takes it (`arguments` may be anything: the decoder reads what it can). */
function isToolCallDelta(value: unknown): boolean {
  if (!isObject(value)) return false;
  const { index, id, function: fn } = value;
  if (!isOptional(index, 'number') || !(isOptional(id, 'string') || isOptional(id, 'number'))) return false;
  return isNullish(fn) || (isObject(fn) && isOptional(fn.name, 'string'));
}

/** The common chunk shapes, checked without zod (see fastValidator); anything else goes to the schema. */
function isPlainChunk(value: unknown): value is OpenAiChunk {
  if (!isObject(value)) return false;
  const { choices, usage } = value;
  if (choices !== undefined) {
    if (!Array.isArray(choices)) return false;
    for (const choice of choices as unknown[]) {
      if (!isObject(choice)) return false;
      const { delta, finish_reason: finish } = choice;
      if (!isNullish(delta)) {
        if (!isObject(delta) || !isOptional(delta.content, 'string')) return false;
        const calls = delta.tool_calls;
        if (!isNullish(calls) && !(Array.isArray(calls) && (calls as unknown[]).every(isToolCallDelta))) return false;
      }
      if (!isOptional(finish, 'string')) return false;
    }
  }
  if (!isNullish(usage)) {
    if (!isObject(usage) || !isOptional(usage.prompt_tokens, 'number') || !isOptional(usage.completion_tokens, 'number')) return false;
    const details = usage.prompt_tokens_details;
    if (!isNullish(details) && !(isObject(details) && isOptional(details.cached_tokens, 'number'))) return false;
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
      // OpenRouter's prices (read loosely by listedPrices: another server may use the name for something else).
      pricing: z.optional(z.unknown()),
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
