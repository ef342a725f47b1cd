// The parts of Gemini answers Switchboard reads (unknown fields are ignored).
import * as z from 'zod/mini';
import { fastValidator } from '../validation/fastValidator';
import { isNullish, isObject, isOptional } from '../validation/shapeChecks';

const count = z.optional(z.nullable(z.number()));

export const geminiChunkSchema = z.object({
  candidates: z.optional(
    z.array(
      z.object({
        content: z.optional(
          z.nullable(
            z.object({
              parts: z.optional(
                z.array(
                  z.object({
                    text: z.optional(z.string()),
                    thought: z.optional(z.boolean()),
                    // A function call arrives whole ("Function calling" guide), its arguments an object.
                    functionCall: z.optional(
                      z.object({
                        name: z.string(),
                        args: z.optional(z.nullable(z.record(z.string(), z.unknown()))),
                        id: z.optional(z.nullable(z.string())),
                      }),
                    ),
                    // Opaque; only read beside a function call (thoughtSignatures.ts).
                    thoughtSignature: z.optional(z.unknown()),
                  }),
                ),
              ),
            }),
          ),
        ),
        finishReason: z.optional(z.nullable(z.string())),
      }),
    ),
  ),
  // `cachedContentTokenCount` is the part of the prompt read from the context cache (counted in promptTokenCount).
  usageMetadata: z.optional(
    z.nullable(
      z.object({ promptTokenCount: count, candidatesTokenCount: count, thoughtsTokenCount: count, cachedContentTokenCount: count }),
    ),
  ),
  promptFeedback: z.optional(z.nullable(z.object({ blockReason: z.optional(z.nullable(z.string())) }))),
});

export type GeminiChunk = z.infer<typeof geminiChunkSchema>;

/**
 * The common chunk shapes, checked without zod (see fastValidator); anything else goes to the schema, which is also
 * where every chunk with a function call goes.
 */
function isPlainChunk(value: unknown): value is GeminiChunk {
  if (!isObject(value)) return false;
  const { candidates, usageMetadata: usage, promptFeedback: feedback } = value;
  if (candidates !== undefined) {
    if (!Array.isArray(candidates)) return false;
    for (const candidate of candidates as unknown[]) {
      if (!isObject(candidate) || !isOptional(candidate.finishReason, 'string')) return false;
      const content = candidate.content;
      if (isNullish(content)) continue;
      if (!isObject(content)) return false;
      if (content.parts === undefined) continue;
      if (!Array.isArray(content.parts)) return false;
      for (const part of content.parts as unknown[]) {
        if (!isObject(part)) return false;
        if (part.text !== undefined && typeof part.text !== 'string') return false;
        if (part.thought !== undefined && typeof part.thought !== 'boolean') return false;
        if (part.functionCall !== undefined) return false;
      }
    }
  }
  if (!isNullish(usage)) {
    if (!isObject(usage)) return false;
    if (
      !isOptional(usage.promptTokenCount, 'number') ||
      !isOptional(usage.candidatesTokenCount, 'number') ||
      !isOptional(usage.thoughtsTokenCount, 'number') ||
      !isOptional(usage.cachedContentTokenCount, 'number')
    )
      return false;
  }
  if (!isNullish(feedback) && !(isObject(feedback) && isOptional(feedback.blockReason, 'string'))) return false;
  return true;
}

export const validateGeminiChunk = fastValidator(geminiChunkSchema, isPlainChunk, 'A stream chunk');

export const geminiModelListSchema = z.object({
  models: z.optional(
    z.array(
      z.object({
        name: z.string(),
        displayName: z.optional(z.nullable(z.string())),
        inputTokenLimit: count,
        supportedGenerationMethods: z.optional(z.nullable(z.array(z.string()))),
      }),
    ),
  ),
  nextPageToken: z.optional(z.nullable(z.string())),
});
