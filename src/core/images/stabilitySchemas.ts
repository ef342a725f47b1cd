// The parts of Stability AI's answers Switchboard reads (unknown fields are ignored).
import * as z from 'zod/mini';

/** v1 `POST /v1/generation/{engine}/text-to-image` */
export const stabilityV1GenerationSchema = z.object({
  artifacts: z.array(
    z.object({
      base64: z.optional(z.nullable(z.string())),
      seed: z.optional(z.nullable(z.union([z.number(), z.string()]))),
      finishReason: z.optional(z.nullable(z.string())),
    }),
  ),
});

/** v1 `GET /v1/engines/list` */
export const stabilityEnginesSchema = z.array(
  z.object({
    id: z.string(),
    name: z.optional(z.nullable(z.string())),
    description: z.optional(z.nullable(z.string())),
    type: z.optional(z.nullable(z.string())),
  }),
);

/** v1 `GET /v1/user/balance` */
export const stabilityBalanceSchema = z.object({ credits: z.number() });

/** v2beta with `accept: application/json` (or a server that answers JSON anyway). */
export const stabilityV2JsonSchema = z.object({
  image: z.string(),
  finish_reason: z.optional(z.nullable(z.string())),
  seed: z.optional(z.nullable(z.union([z.number(), z.string()]))),
});
