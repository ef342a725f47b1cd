// Ollama's `POST /api/generate` with `stream: false` as its API reference shows it ("Generate a completion": one JSON object with `response`, `done`, `prompt_eval_count`, `eval_count`; "Errors": `{"error": "…"}`), the 400 of a model whose template has no insert branch ('… does not support insert') and the 404 of a model not pulled.
import type { ScriptedResponse } from '../fakes/fakeHttpServer';

const json = { 'content-type': 'application/json; charset=utf-8' };

export function ollamaGenerated(text: string, model = 'qwen2.5-coder:7b'): ScriptedResponse {
  return {
    status: 200,
    headers: json,
    chunks: [
      JSON.stringify({
        model,
        created_at: '2026-01-01T00:00:00.000000Z',
        response: text,
        done: true,
        done_reason: 'stop',
        context: [1, 2, 3],
        total_duration: 412_000_000,
        load_duration: 2_000_000,
        prompt_eval_count: 38,
        prompt_eval_duration: 120_000_000,
        eval_count: 9,
        eval_duration: 280_000_000,
      }),
    ],
  };
}

export function ollamaNoInsert(model: string): ScriptedResponse {
  return { status: 400, headers: json, chunks: [JSON.stringify({ error: `registry.ollama.ai/library/${model} does not support insert` })] };
}

export function ollamaNotPulled(model: string): ScriptedResponse {
  return { status: 404, headers: json, chunks: [JSON.stringify({ error: `model "${model}" not found, try pulling it first` })] };
}
