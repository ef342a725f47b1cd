// OpenAI's embeddings, as its API reference ("Embeddings", "Create embeddings") describes them: `POST {base}/embeddings`
// with `{model, input}` (an array of strings), `Authorization: Bearer <key>`; the answer is
// `{object: "list", data: [{object: "embedding", index, embedding: number[]}], model, usage}`. OpenAI-compatible servers
// (vLLM, LM Studio, OpenRouter's embedding models) answer the same way; `data` is put in `index` order, which the
// reference does not promise to keep.
import * as z from 'zod/mini';
import type { HttpClient } from '../http/httpClient';
import { joinUrl } from '../providers/joinUrl';
import { checkVectors } from './checkVectors';
import { postJson } from './postJson';
import type { EmbeddingCall } from './embeddingCall';

const answerSchema = z.object({
  data: z.array(z.object({ index: z.optional(z.number()), embedding: z.array(z.number()) })),
});

export async function openAiEmbeddings(call: EmbeddingCall, http: HttpClient): Promise<number[][]> {
  const key = call.apiKey?.trim();
  const answer = await postJson({
    http,
    url: joinUrl(call.baseUrl, '/embeddings'),
    headers: { ...call.headers, ...(key ? { authorization: `Bearer ${key}` } : {}) },
    body: { model: call.model, input: call.texts },
    schema: answerSchema,
    what: 'The embeddings answer',
    provider: call.provider,
    model: call.model,
    secrets: [key],
    signal: call.signal,
    maxRetries: 0,
  });
  const ordered = answer.data.map((item, position) => ({ at: item.index ?? position, vector: item.embedding })).sort((a, b) => a.at - b.at);
  return checkVectors(
    ordered.map((item) => item.vector),
    call.texts.length,
    call,
  );
}
