// The Sydney gateway's moderation (the gateway's own documentation, docs/providers.md): `POST {base}/v1/moderate` with `{q, filters?}` (the
// text, and optionally what to look for, e.g. `["nsfw", "политика"]`), raw `Authorization: <key>`; errors are
// `{error}` with 401/403/429/500. The gateway's documentation shows no successful answer, so it is read defensively
// (docs/moderation-and-caching.md, "The Sydney gateway"): a top-level `flagged` boolean with `categories` (a list of
// names, or names to booleans or scores), or OpenAI's own shape (`results[0]`), which a gateway in front of OpenAI's
// endpoint would pass on. Anything else is an `invalid-response` error — the extension then asks the user — and never
// read as "nothing flagged". No `filters` are sent: the gateway's own defaults apply.
import * as z from 'zod/mini';
import { postJson } from '../embeddings/postJson';
import { errorText } from '../errors/errorText';
import { createRedactor } from '../errors/redactSecrets';
import { ProviderError } from '../errors/providerError';
import type { HttpClient } from '../http/httpClient';
import { joinUrl } from '../providers/joinUrl';
import type { ModerationCall } from './openAiModeration';
import type { ModerationVerdict } from './moderationTypes';

const categoriesSchema = z.optional(
  z.nullable(z.union([z.array(z.string()), z.record(z.string(), z.nullable(z.union([z.boolean(), z.number()])))])),
);
const verdictSchema = z.object({ flagged: z.boolean(), categories: categoriesSchema });
const answerSchema = z.union([verdictSchema, z.object({ results: z.array(verdictSchema).check(z.minLength(1)) })]);

export async function sydneyModeration(call: ModerationCall, http: HttpClient): Promise<ModerationVerdict> {
  const key = call.apiKey?.trim();
  const answer = await postJson({
    http,
    url: joinUrl(call.baseUrl, '/v1/moderate'),
    headers: { ...call.headers, ...(key ? { authorization: key } : {}) },
    body: { q: call.text },
    schema: z.unknown(),
    what: 'The moderation answer',
    provider: call.provider,
    secrets: [key],
    signal: call.signal,
  });
  // The gateway reports some failures with 200 and `{error}`: that is a failure, not a verdict.
  if (typeof answer === 'object' && answer !== null && typeof (answer as { error?: unknown }).error === 'string') {
    throw new ProviderError({
      kind: 'server',
      provider: call.provider,
      text: errorText('moderation.gatewayError', {
        provider: call.provider,
        detail: `: “${createRedactor([key])((answer as { error: string }).error).slice(0, 200)}”`,
      }),
    });
  }
  const parsed = z.safeParse(answerSchema, answer);
  if (!parsed.success) {
    throw new ProviderError({
      kind: 'invalid-response',
      provider: call.provider,
      retryable: false,
      text: errorText('moderation.unreadable', { provider: call.provider }),
    });
  }
  const verdict = 'results' in parsed.data ? parsed.data.results[0]! : parsed.data;
  const categories = categoryNames(verdict.categories ?? undefined);
  return { moderator: call.provider, flagged: verdict.flagged, categories, scores: {} };
}

function categoryNames(categories: string[] | Record<string, boolean | number | null> | undefined): string[] {
  if (categories === undefined) return [];
  if (Array.isArray(categories)) return categories.filter((name) => name.trim() !== '');
  // A score counts as flagged from one half, the usual reading of a probability.
  return Object.entries(categories)
    .filter(([, value]) => value === true || (typeof value === 'number' && value >= 0.5))
    .map(([name]) => name);
}
