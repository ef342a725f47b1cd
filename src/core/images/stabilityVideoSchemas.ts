// The parts of Stability AI's image-to-video answers Switchboard reads (unknown fields are ignored).
import * as z from 'zod/mini';

/** `POST /v2beta/image-to-video` → the job's id. */
export const stabilityVideoStartSchema = z.object({ id: z.string().check(z.minLength(1)) });

/** `GET /v2beta/image-to-video/result/{id}` with `accept: application/json` (or a server that answers JSON anyway). */
export const stabilityVideoJsonSchema = z.object({
  video: z.string(),
  finish_reason: z.optional(z.nullable(z.string())),
  seed: z.optional(z.nullable(z.union([z.number(), z.string()]))),
});
