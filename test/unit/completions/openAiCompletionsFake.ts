// OpenAI's legacy Completions API as llama.cpp's server, LM Studio and vLLM answer `POST /v1/completions` (OpenAI's API reference, "Completions" → "Create completion": a `text_completion` object, the middle in `choices[0].text`, `usage`), and vLLM's refusal of `suffix` in its ErrorResponse shape.
import type { ScriptedResponse } from '../fakes/fakeHttpServer';

const json = { 'content-type': 'application/json' };

export function textCompletion(text: string, options: { model?: string; headers?: Record<string, string> } = {}): ScriptedResponse {
  return {
    status: 200,
    headers: { ...json, ...options.headers },
    chunks: [
      JSON.stringify({
        id: 'cmpl-fake1',
        object: 'text_completion',
        created: 1_767_225_600,
        model: options.model ?? 'fake-coder',
        choices: [{ text, index: 0, logprobs: null, finish_reason: 'stop' }],
        usage: { prompt_tokens: 41, completion_tokens: 7, total_tokens: 48 },
      }),
    ],
  };
}

/** vLLM's 400 for any request with `suffix` (its completion serving checks it before tokenizing). */
export function vllmSuffixRefused(): ScriptedResponse {
  return {
    status: 400,
    headers: json,
    chunks: [JSON.stringify({ error: { message: 'suffix is not currently supported', type: 'BadRequestError', param: null, code: 400 } })],
  };
}
