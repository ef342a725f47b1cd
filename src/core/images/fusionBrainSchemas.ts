// The parts of Fusion Brain's answers Switchboard reads (docs/providers.md; unknown fields are ignored). The service has
// changed field names over time, so both spellings are accepted where it has: `id` / `uuid` for pipelines,
// `pipeline_status` / `status` (and the older `model_status`) for availability, `result.files` / `images`.
import * as z from 'zod/mini';

const text = z.optional(z.nullable(z.string()));

/** GET key/api/v1/pipelines */
export const fusionBrainPipelinesSchema = z.array(
  z.object({
    id: text,
    uuid: text,
    name: text,
    nameEn: text,
    version: z.optional(z.nullable(z.union([z.number(), z.string()]))),
    status: text,
    type: text,
  }),
);

/** GET key/api/v1/pipeline/{id}/availability */
export const fusionBrainAvailabilitySchema = z.object({
  pipeline_status: text,
  model_status: text,
  status: text,
});

/** POST key/api/v1/pipeline/run: `{uuid, status}`, or the service's state instead of a uuid when it is busy. */
export const fusionBrainRunSchema = z.object({
  uuid: text,
  status: text,
  pipeline_status: text,
  model_status: text,
  errorDescription: text,
  message: text,
  error: z.optional(z.unknown()),
});

/** GET key/api/v1/pipeline/status/{uuid} */
export const fusionBrainStatusSchema = z.object({
  uuid: text,
  status: z.string(),
  errorDescription: text,
  result: z.optional(
    z.nullable(
      z.object({
        files: z.optional(z.nullable(z.array(z.string()))),
        censored: z.optional(z.nullable(z.boolean())),
      }),
    ),
  ),
  images: z.optional(z.nullable(z.array(z.string()))),
  censored: z.optional(z.nullable(z.boolean())),
});

/** GET https://cdn.fusionbrain.ai/static/styles/key */
export const fusionBrainStylesSchema = z.array(
  z.object({
    name: z.string(),
    title: text,
    titleEn: text,
    image: text,
  }),
);
