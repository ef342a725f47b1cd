// OpenAI's moderation endpoint, as its API reference ("Moderations", "Create moderation") describes it:
// `POST {base}/moderations` with `{model: "omni-moderation-latest", input}`, `Authorization: Bearer <key>`; the answer
// is `{id, model, results: [{flagged, categories: {name: boolean}, category_scores: {name: number}, …}]}` with one
// result per input. Category names are OpenAI's (`harassment`, `hate/threatening`, `self-harm/intent`, `sexual/minors`,
// `violence/graphic`, `illicit/violent`, …), kept as they are: the extension words the ones it knows.
import * as z from 'zod/mini';
import { postJson } from '../embeddings/postJson';
import type { HttpClient } from '../http/httpClient';
import { joinUrl } from '../providers/joinUrl';
import type { ModerationVerdict } from './moderationTypes';

export const openAiModerationModel = 'omni-moderation-latest';

const answerSchema = z.object({
  results: z
    .array(
      z.object({
        flagged: z.boolean(),
        categories: z.record(z.string(), z.nullable(z.boolean())),
        category_scores: z.optional(z.record(z.string(), z.nullable(z.number()))),
      }),
    )
    .check(z.minLength(1)),
});

export interface ModerationCall {
  provider: string;
  baseUrl: string;
  headers: Readonly<Record<string, string>>;
  apiKey?: string | undefined;
  text: string;
  signal?: AbortSignal | undefined;
}

export async function openAiModeration(call: ModerationCall, http: HttpClient): Promise<ModerationVerdict> {
  const key = call.apiKey?.trim();
  const answer = await postJson({
    http,
    url: joinUrl(call.baseUrl, '/moderations'),
    headers: { ...call.headers, ...(key ? { authorization: `Bearer ${key}` } : {}) },
    body: { model: openAiModerationModel, input: call.text },
    schema: answerSchema,
    what: 'The moderation answer',
    provider: call.provider,
    model: openAiModerationModel,
    secrets: [key],
    signal: call.signal,
  });
  // One input, one result; a service that answers more has only the first read (the reference's shape).
  const result = answer.results[0]!;
  const scores: Record<string, number> = {};
  for (const [name, score] of Object.entries(result.category_scores ?? {})) if (typeof score === 'number') scores[name] = score;
  const categories = Object.entries(result.categories)
    .filter(([, flagged]) => flagged === true)
    .map(([name]) => name)
    .sort((a, b) => (scores[b] ?? 0) - (scores[a] ?? 0));
  const flaggedScores = Object.fromEntries(categories.filter((name) => scores[name] !== undefined).map((name) => [name, scores[name]!]));
  return { moderator: call.provider, flagged: result.flagged || categories.length > 0, categories, scores: flaggedScores };
}
