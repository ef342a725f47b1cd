// The rate-limit configuration of one provider entry (docs/requests.md, "Rate limits"): `switchboard.providers[].rateLimits`
// and the presets' defaults. Provider-level numbers apply to each model on its own (every model gets its own
// buckets, as OpenAI, Groq and the Sydney gateway count); `perModel` overrides them field by field.
//
// A `perModel` key is either a model id (`gpt-4`) or a prefix ending in `*` (`claude*`). A prefix entry is ONE
// shared budget for every model it matches (the Sydney gateway documents "claude: 7 per minute" for the whole
// family); an exact id wins over a prefix, and the longest matching prefix wins over shorter ones.
import * as z from 'zod/mini';

const positiveInt = z.int().check(z.positive());

/** Limits for one model (or one `prefix*` family). Every field is optional: absent means "no limit". */
export const modelRateLimitsSchema = z.strictObject({
  requestsPerMinute: z.optional(positiveInt),
  tokensPerMinute: z.optional(positiveInt),
  requestsPerDay: z.optional(positiveInt),
});
export type ModelRateLimits = z.infer<typeof modelRateLimitsSchema>;

/** A provider entry's `rateLimits`: defaults for each of its models plus per-model overrides. */
export const rateLimitsSchema = z.strictObject({
  requestsPerMinute: z.optional(positiveInt),
  tokensPerMinute: z.optional(positiveInt),
  requestsPerDay: z.optional(positiveInt),
  perModel: z.optional(z.record(z.string().check(z.minLength(1)), modelRateLimitsSchema)),
});
export type RateLimits = z.infer<typeof rateLimitsSchema>;

export interface ResolvedModelRateLimits {
  /** Which budget the model spends: its own id, or the `prefix*` key it shares with its family. */
  bucket: string;
  limits: ModelRateLimits;
}

/** The limits that apply to `model` under `config`, and the name of the budget it shares. */
export function resolveModelRateLimits(config: RateLimits | undefined, model: string): ResolvedModelRateLimits {
  const base: ModelRateLimits = {
    requestsPerMinute: config?.requestsPerMinute,
    tokensPerMinute: config?.tokensPerMinute,
    requestsPerDay: config?.requestsPerDay,
  };
  const perModel = config?.perModel ?? {};
  let matchKey: string | undefined = Object.hasOwn(perModel, model) ? model : undefined;
  if (matchKey === undefined) {
    for (const key of Object.keys(perModel)) {
      if (!key.endsWith('*')) continue;
      const prefix = key.slice(0, -1);
      if (model.startsWith(prefix) && (matchKey === undefined || key.length > matchKey.length)) matchKey = key;
    }
  }
  const override = matchKey === undefined ? undefined : perModel[matchKey];
  return {
    bucket: matchKey ?? model,
    limits: {
      requestsPerMinute: override?.requestsPerMinute ?? base.requestsPerMinute,
      tokensPerMinute: override?.tokensPerMinute ?? base.tokensPerMinute,
      requestsPerDay: override?.requestsPerDay ?? base.requestsPerDay,
    },
  };
}
