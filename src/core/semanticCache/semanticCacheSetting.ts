// `switchboard.chat.semanticCache` (application scope; docs/moderation-and-caching.md): `false` (the default), `true`,
// or an object `{enabled, embeddingModel, threshold, maxEntries}` for the details. `true` is the object with its
// defaults. `embeddingModel` is `providerId/modelId`; empty or absent means the chat model's provider's own
// (defaultEmbeddingModel.ts).
import * as z from 'zod/mini';
import { parseModelRef } from '../config/modelRef';

export interface SemanticCacheOptions {
  enabled: boolean;
  /** `providerId/modelId`; undefined: the chat model's provider's default. */
  embeddingModel?: string;
  /** The least cosine similarity that counts as the same question (0.5…1). */
  threshold: number;
  /** The most questions kept, over all models; the least recently used go first. */
  maxEntries: number;
}

export const defaultSemanticCacheOptions: SemanticCacheOptions = { enabled: false, threshold: 0.92, maxEntries: 200 };

export const semanticCacheSettingSchema = z.union([
  z.boolean(),
  z.strictObject({
    enabled: z.optional(z.boolean()),
    embeddingModel: z.optional(
      z
        .string()
        .check(
          z.refine(
            (text) => text === '' || parseModelRef(text) !== undefined,
            'write it as providerId/modelId, e.g. openai/text-embedding-3-small',
          ),
        ),
    ),
    threshold: z.optional(z.number().check(z.gte(0.5), z.lte(1))),
    maxEntries: z.optional(z.int().check(z.gte(1), z.lte(5000))),
  }),
]);

export type SemanticCacheSetting = z.infer<typeof semanticCacheSettingSchema>;

/** The setting as options: a boolean turns it on or off with the defaults; an object is on unless `enabled: false`. */
export function semanticCacheOptions(setting: SemanticCacheSetting | undefined): SemanticCacheOptions {
  if (setting === undefined || typeof setting === 'boolean') return { ...defaultSemanticCacheOptions, enabled: setting === true };
  const embeddingModel = setting.embeddingModel?.trim();
  return {
    enabled: setting.enabled ?? true,
    threshold: setting.threshold ?? defaultSemanticCacheOptions.threshold,
    maxEntries: setting.maxEntries ?? defaultSemanticCacheOptions.maxEntries,
    ...(embeddingModel ? { embeddingModel } : {}),
  };
}
