// Moderation answers for the moderation client's tests.
// - OpenAI's API reference, "Moderations" ("Create moderation", "The moderation object"): `{id, model, results:
//   [{flagged, categories: {…: boolean}, category_applied_input_types, category_scores: {…: number}}]}` with the
//   omni-moderation categories; errors are OpenAI's error object (openAiFake.ts).
// - The Sydney gateway's `/v1/moderate` (the gateway's own documentation): its documentation shows no successful answer, so the fake answers
//   the shape Switchboard reads (docs/moderation-and-caching.md, "The Sydney gateway"), and the odd ones it must refuse.
import type { ScriptedResponse } from './fakeHttpServer';
import { openAiResponseHeaders } from './openAiFake';

const json = { 'content-type': 'application/json' };

/** Every category omni-moderation-latest reports, as the reference lists them. */
export const openAiModerationCategories = [
  'harassment',
  'harassment/threatening',
  'hate',
  'hate/threatening',
  'illicit',
  'illicit/violent',
  'self-harm',
  'self-harm/intent',
  'self-harm/instructions',
  'sexual',
  'sexual/minors',
  'violence',
  'violence/graphic',
] as const;

/** One result: the named categories flagged with their scores, every other category false with a low score. */
export function openAiModerationResult(flagged: Readonly<Record<string, number>>): Record<string, unknown> {
  const categories: Record<string, boolean> = {};
  const scores: Record<string, number> = {};
  const types: Record<string, string[]> = {};
  for (const name of openAiModerationCategories) {
    categories[name] = flagged[name] !== undefined;
    scores[name] = flagged[name] ?? 0.0001;
    types[name] = ['text'];
  }
  return { flagged: Object.keys(flagged).length > 0, categories, category_applied_input_types: types, category_scores: scores };
}

export function openAiModerationAnswer(flagged: Readonly<Record<string, number>> = {}): ScriptedResponse {
  return {
    status: 200,
    headers: { ...json, ...openAiResponseHeaders() },
    chunks: [JSON.stringify({ id: 'modr-fake0001', model: 'omni-moderation-latest', results: [openAiModerationResult(flagged)] })],
  };
}

export function sydneyModerationAnswer(body: unknown): ScriptedResponse {
  return { status: 200, headers: json, chunks: [JSON.stringify(body)] };
}
