// Gemini's embeddings, as the Gemini API reference ("Embeddings") describes them: `POST
// {base}/models/{model}:batchEmbedContents`, header `x-goog-api-key`, body `{requests: [{model: "models/{model}",
// content: {parts: [{text}]}}]}`; the answer is `{embeddings: [{values: number[]}]}`, in the order of the requests.
// One request for any number of texts (`:embedContent` takes one at a time). Models: `gemini-embedding-001` (the
// current one), `text-embedding-004` (older).
import * as z from 'zod/mini';
import type { HttpClient } from '../http/httpClient';
import { joinUrl } from '../providers/joinUrl';
import { checkVectors } from './checkVectors';
import type { EmbeddingCall } from './embeddingCall';
import { postJson } from './postJson';

const answerSchema = z.object({ embeddings: z.array(z.object({ values: z.array(z.number()) })) });

export async function geminiEmbeddings(call: EmbeddingCall, http: HttpClient): Promise<number[][]> {
  const key = call.apiKey?.trim();
  const model = call.model.replace(/^models\//, '');
  const answer = await postJson({
    http,
    url: joinUrl(call.baseUrl, `/models/${encodeURIComponent(model)}:batchEmbedContents`),
    headers: { ...call.headers, ...(key ? { 'x-goog-api-key': key } : {}) },
    body: { requests: call.texts.map((text) => ({ model: `models/${model}`, content: { parts: [{ text }] } })) },
    schema: answerSchema,
    what: 'The embeddings answer',
    provider: call.provider,
    model,
    secrets: [key],
    signal: call.signal,
    maxRetries: 0,
  });
  return checkVectors(
    answer.embeddings.map((item) => item.values),
    call.texts.length,
    call,
  );
}
