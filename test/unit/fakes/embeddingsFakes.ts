// Embeddings answers as each service documents them, for the embed clients' tests:
// - OpenAI's API reference, "Embeddings" ("Create embeddings", "The embedding object"): `{object: "list", data:
//   [{object: "embedding", index, embedding}], model, usage: {prompt_tokens, total_tokens}}`; errors are OpenAI's error
//   object (openAiFake.ts).
// - The Gemini API reference, "Embeddings" (`models.batchEmbedContents`): `{embeddings: [{values}]}`; errors are
//   Google's `{error: {code, message, status}}` (geminiFake.ts).
// - Ollama's API reference, "Generate Embeddings" (`POST /api/embed`): `{model, embeddings: [[…]], total_duration,
//   load_duration, prompt_eval_count}`; a model that is not pulled: 404 `{"error": "model \"…\" not found, try pulling
//   it first"}`.
import type { ScriptedResponse } from './fakeHttpServer';
import { openAiResponseHeaders } from './openAiFake';

const json = { 'content-type': 'application/json' };

export function openAiEmbeddingsAnswer(
  model: string,
  vectors: readonly (readonly number[])[],
  options: { reversed?: boolean } = {},
): ScriptedResponse {
  const data = vectors.map((embedding, index) => ({ object: 'embedding', index, embedding }));
  return {
    status: 200,
    headers: { ...json, ...openAiResponseHeaders() },
    chunks: [
      JSON.stringify({
        object: 'list',
        data: options.reversed === true ? data.reverse() : data,
        model,
        usage: { prompt_tokens: 8 * vectors.length, total_tokens: 8 * vectors.length },
      }),
    ],
  };
}

export function geminiEmbeddingsAnswer(vectors: readonly (readonly number[])[]): ScriptedResponse {
  return { status: 200, headers: json, chunks: [JSON.stringify({ embeddings: vectors.map((values) => ({ values })) })] };
}

export function ollamaEmbedAnswer(model: string, vectors: readonly (readonly number[])[]): ScriptedResponse {
  return {
    status: 200,
    headers: json,
    chunks: [JSON.stringify({ model, embeddings: vectors, total_duration: 14143917, load_duration: 1019500, prompt_eval_count: 8 })],
  };
}

export function ollamaModelNotPulled(model: string): ScriptedResponse {
  return { status: 404, headers: json, chunks: [JSON.stringify({ error: `model "${model}" not found, try pulling it first` })] };
}
