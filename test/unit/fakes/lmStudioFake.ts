// LM Studio's OpenAI-compatible `GET /v1/models` as its developer docs ("OpenAI Compatible Endpoints", List Models)
// show it: every downloaded model (loaded or not, since models load on first request), ids like
// `openai/gpt-oss-20b`, embedding models among them, `owned_by: "organization_owner"`.
import type { ScriptedResponse } from './fakeHttpServer';

export function lmStudioModels(ids: readonly string[]): ScriptedResponse {
  return {
    status: 200,
    headers: { 'content-type': 'application/json; charset=utf-8' },
    chunks: [JSON.stringify({ data: ids.map((id) => ({ id, object: 'model', owned_by: 'organization_owner' })), object: 'list' }, null, 2)],
  };
}
