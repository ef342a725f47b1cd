// The hand-written fast paths of chunk validation must give exactly the zod schema's verdict.
import * as assert from 'node:assert/strict';
import * as fc from 'fast-check';
import type * as z from 'zod/mini';
import type { ErrorContext } from '../../../src/core/errors/errorContext';
import { createRedactor } from '../../../src/core/errors/redactSecrets';
import { anthropicContentBlockDeltaSchema, validateContentBlockDelta } from '../../../src/core/providers/anthropicSchemas';
import { geminiChunkSchema, validateGeminiChunk } from '../../../src/core/providers/geminiSchemas';
import { openAiChunkSchema, validateOpenAiChunk } from '../../../src/core/providers/openAiSchemas';

const context: ErrorContext = { provider: 'p', operation: 'chat', redact: createRedactor([]) };

const scalar = fc.oneof(
  fc.string({ maxLength: 4 }),
  fc.integer(),
  fc.boolean(),
  fc.constant(null),
  fc.constant(undefined),
  fc.double(),
  fc.constant([]),
);
const maybe = <T>(arb: fc.Arbitrary<T>): fc.Arbitrary<T | unknown> => fc.oneof(arb, scalar);
const partial = <T extends Record<string, fc.Arbitrary<unknown>>>(shape: T) => fc.record(shape, { requiredKeys: [] });

const toolCallLike = maybe(
  fc.array(
    maybe(partial({ index: scalar, id: scalar, function: maybe(partial({ name: scalar, arguments: maybe(partial({ a: scalar })) })) })),
    {
      maxLength: 2,
    },
  ),
);

const openAiLike = maybe(
  partial({
    choices: maybe(
      fc.array(maybe(partial({ delta: maybe(partial({ content: scalar, tool_calls: toolCallLike })), finish_reason: scalar })), {
        maxLength: 3,
      }),
    ),
    usage: maybe(partial({ prompt_tokens: scalar, completion_tokens: scalar })),
    extra: scalar,
  }),
);

const geminiLike = maybe(
  partial({
    candidates: maybe(
      fc.array(
        maybe(
          partial({
            content: maybe(
              partial({
                parts: maybe(
                  fc.array(
                    maybe(
                      partial({
                        text: scalar,
                        thought: scalar,
                        functionCall: maybe(partial({ name: scalar, args: maybe(partial({ a: scalar })), id: scalar })),
                        thoughtSignature: scalar,
                      }),
                    ),
                    { maxLength: 3 },
                  ),
                ),
              }),
            ),
            finishReason: scalar,
          }),
        ),
        { maxLength: 3 },
      ),
    ),
    usageMetadata: maybe(partial({ promptTokenCount: scalar, candidatesTokenCount: scalar, thoughtsTokenCount: scalar })),
    promptFeedback: maybe(partial({ blockReason: scalar })),
  }),
);

const anthropicLike = maybe(partial({ delta: maybe(partial({ type: scalar, text: scalar })), index: scalar }));

function agrees(
  schema: z.ZodMiniType,
  validate: (value: unknown, context: ErrorContext) => unknown,
  arbitrary: fc.Arbitrary<unknown>,
): void {
  fc.assert(
    fc.property(arbitrary, (value) => {
      let fast: boolean;
      try {
        validate(value, context);
        fast = true;
      } catch {
        fast = false;
      }
      assert.equal(fast, schema.safeParse(value).success, JSON.stringify(value));
    }),
    { numRuns: 2000 },
  );
}

describe('fast chunk validators', () => {
  it('OpenAI chunks: same verdict as the schema', () => agrees(openAiChunkSchema, validateOpenAiChunk, openAiLike));
  it('Gemini chunks: same verdict as the schema', () => agrees(geminiChunkSchema, validateGeminiChunk, geminiLike));
  it('Anthropic deltas: same verdict as the schema', () =>
    agrees(anthropicContentBlockDeltaSchema, validateContentBlockDelta, anthropicLike));
});
