// The parts of Anthropic Messages answers Switchboard reads (unknown fields are ignored).
import * as z from 'zod/mini';
import { fastValidator } from '../validation/fastValidator';
import { isObject } from '../validation/shapeChecks';

const count = z.optional(z.nullable(z.number()));
// The cache counts come beside `input_tokens`, not in it ("Prompt caching", "Tracking cache performance").
const usage = z.optional(
  z.nullable(z.object({ input_tokens: count, output_tokens: count, cache_read_input_tokens: count, cache_creation_input_tokens: count })),
);

export type AnthropicUsage = NonNullable<z.infer<typeof usage>>;

export const anthropicMessageStartSchema = z.object({
  message: z.object({ usage }),
});

export const anthropicContentBlockDeltaSchema = z.object({
  delta: z.object({ type: z.string(), text: z.optional(z.string()) }),
});

type ContentBlockDelta = z.infer<typeof anthropicContentBlockDeltaSchema>;

/** The common text delta, checked without zod (see fastValidator); anything else goes to the schema. */
function isTextDelta(value: unknown): value is ContentBlockDelta {
  if (!isObject(value) || !isObject(value.delta)) return false;
  const { type, text } = value.delta;
  return typeof type === 'string' && (text === undefined || typeof text === 'string');
}

/** Every streamed token passes here. */
export const validateContentBlockDelta = fastValidator(anthropicContentBlockDeltaSchema, isTextDelta, 'A content_block_delta event');

/**
 * `content_block_start` ("Streaming Messages"): the block's index and its start; a `tool_use` block names its id and
 * tool, with `input: {}` (the input follows in `input_json_delta`s).
 */
export const anthropicContentBlockStartSchema = z.object({
  index: z.number(),
  content_block: z.object({ type: z.string(), id: z.optional(z.string()), name: z.optional(z.string()), input: z.optional(z.unknown()) }),
});

/** A piece of a tool call's input: JSON text, to be joined with the other pieces of the block's `index`. */
export const anthropicInputJsonDeltaSchema = z.object({
  index: z.number(),
  delta: z.object({ type: z.literal('input_json_delta'), partial_json: z.string() }),
});

export const anthropicContentBlockStopSchema = z.object({ index: z.number() });

export const anthropicMessageDeltaSchema = z.object({
  delta: z.optional(z.object({ stop_reason: z.optional(z.nullable(z.string())) })),
  usage,
});

/** `max_input_tokens` is a recent addition to the API reference ("List Models"); an answer without it has no window. */
export const anthropicModelListSchema = z.object({
  data: z.array(z.object({ id: z.string(), display_name: z.optional(z.nullable(z.string())), max_input_tokens: count })),
  has_more: z.optional(z.boolean()),
  last_id: z.optional(z.nullable(z.string())),
});
