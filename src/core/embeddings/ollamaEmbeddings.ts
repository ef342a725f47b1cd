// Ollama's native embeddings, as its API reference ("Generate Embeddings") describes them: `POST {origin}/api/embed`
// with `{model, input}` (a string or an array of strings); the answer is `{model, embeddings: number[][]}`, one vector
// per input in order. The origin is the entry's base URL without its `/v1` (ollamaNativeRoot); like `/api/show`, the
// native API is beside the base URL, so only the entry's own headers go with it, never a key (docs/security.md).
// A model that is not pulled answers 404 `{"error": "model \"…\" not found, try pulling it first"}`.
import * as z from 'zod/mini';
import type { HttpClient } from '../http/httpClient';
import { joinUrl } from '../providers/joinUrl';
import { ollamaNativeRoot } from '../providers/ollamaContextWindow';
import { checkVectors } from './checkVectors';
import type { EmbeddingCall } from './embeddingCall';
import { postJson } from './postJson';

const answerSchema = z.object({ embeddings: z.array(z.array(z.number())) });

export async function ollamaEmbeddings(call: EmbeddingCall, http: HttpClient): Promise<number[][]> {
  const root = ollamaNativeRoot(call.baseUrl) ?? call.baseUrl;
  const answer = await postJson({
    http,
    url: joinUrl(root, '/api/embed'),
    headers: { ...call.headers },
    body: { model: call.model, input: call.texts },
    schema: answerSchema,
    what: 'The embeddings answer',
    provider: call.provider,
    model: call.model,
    secrets: [],
    signal: call.signal,
    maxRetries: 0,
  });
  return checkVectors(answer.embeddings, call.texts.length, call);
}
