// One item of `switchboard.providers` (docs/providers.md), as the provider factory takes it. The schema validates what the
// settings layer reads; unknown fields (e.g. `rateLimits`, read by the rate limiter) pass through untouched.
import * as z from 'zod/mini';
import type { ProviderKind } from '../chat/chatTypes';
import type { SydneyPromptMode } from './sydneyProvider';

export interface ProviderEntry {
  /** The user's name for the provider; a preset's id overrides that preset. */
  id: string;
  /** The protocol; may be left out when `id` is a preset's. */
  kind?: ProviderKind;
  baseUrl?: string;
  /** Extra headers sent with every request to this provider (after the preset's, before the key's). */
  headers?: Readonly<Record<string, string>>;
  /** Models the user typed in by hand. */
  models?: readonly string[];
  label?: string;
  /** OpenAI-compatible: which output-length field the server reads. */
  maxTokensField?: 'max_completion_tokens' | 'max_tokens';
  /** OpenAI-compatible: ask for a usage chunk at the end of the stream (default true). */
  streamUsage?: boolean;
  /** Whether the provider needs a key; presets know, custom entries default to true unless the host is local. */
  requiresKey?: boolean;
  /** Anthropic: `max_tokens` when the request sets none. */
  defaultMaxTokens?: number;
  /** Sydney: when to use `/v1/prompt`. */
  promptMode?: SydneyPromptMode;
  /**
   * Whether this provider's models take images, overriding the live list and the dated table (visionSupport.ts):
   * for a server whose models Switchboard cannot judge, or one that strips images.
   */
  vision?: boolean;
  /**
   * How its models complete code inline (docs/completions.md): `fim` through a fill-in-the-middle endpoint, `chat`
   * through the chat. Left out, Switchboard chooses by the provider (completionProtocolFor.ts).
   */
  completions?: 'fim' | 'chat';
  /**
   * What this provider's models cost, per model id (`"*"`: any model of the entry), overriding the live list and the
   * dated table (docs/spend.md "Prices"): USD per million tokens, and per image.
   */
  prices?: Readonly<Record<string, EntryPrices>>;
}

/** A model's prices as a provider entry sets them. */
export interface EntryPrices {
  input?: number;
  output?: number;
  cachedInput?: number;
  perImage?: number;
}

const usd = z.optional(z.number().check(z.gte(0, 'must be a price in USD of at least 0')));

const kinds = ['openai', 'anthropic', 'gemini', 'sydney', 'stability', 'fusionbrain', 'vscode-lm'] as const;

export const providerEntrySchema = z.looseObject({
  id: z.string().check(z.regex(/^[A-Za-z0-9][A-Za-z0-9._-]*$/, 'letters, digits, `.`, `_` and `-` only')),
  kind: z.optional(z.enum(kinds)),
  baseUrl: z.optional(z.url({ protocol: /^https?$/, error: 'must be an http:// or https:// URL' })),
  headers: z.optional(z.record(z.string(), z.string())),
  models: z.optional(z.array(z.string())),
  label: z.optional(z.string()),
  maxTokensField: z.optional(z.enum(['max_completion_tokens', 'max_tokens'])),
  streamUsage: z.optional(z.boolean()),
  requiresKey: z.optional(z.boolean()),
  defaultMaxTokens: z.optional(z.number().check(z.int(), z.positive())),
  promptMode: z.optional(z.enum(['auto', 'always', 'never'])),
  vision: z.optional(z.boolean()),
  completions: z.optional(z.enum(['fim', 'chat'])),
  prices: z.optional(z.record(z.string(), z.object({ input: usd, output: usd, cachedInput: usd, perImage: usd }))),
});
