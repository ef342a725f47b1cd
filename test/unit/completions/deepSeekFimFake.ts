// DeepSeek's FIM Completion (Beta) as its API docs show it ("Create FIM Completion (Beta)": `POST /beta/completions` answering a `text_completion` with `choices[0].text` and `usage`; "Error Codes": `{"error": {message, type, param, code}}`, 400 for a model that does not exist).
import type { ScriptedResponse } from '../fakes/fakeHttpServer';

const json = { 'content-type': 'application/json' };

export function deepSeekFimAnswer(text: string): ScriptedResponse {
  return {
    status: 200,
    headers: json,
    chunks: [
      JSON.stringify({
        id: 'fake-fim-1',
        object: 'text_completion',
        created: 1_767_225_600,
        model: 'deepseek-chat',
        system_fingerprint: 'fp_fake',
        choices: [{ text, index: 0, logprobs: null, finish_reason: 'stop' }],
        usage: { prompt_tokens: 25, completion_tokens: 8, total_tokens: 33, prompt_cache_hit_tokens: 0, prompt_cache_miss_tokens: 25 },
      }),
    ],
  };
}

export function deepSeekError(status: number, message: string, type = 'invalid_request_error'): ScriptedResponse {
  return { status, headers: json, chunks: [JSON.stringify({ error: { message, type, param: null, code: 'invalid_request_error' } })] };
}
