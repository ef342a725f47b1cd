// Mistral's FIM endpoint as its API reference shows it ("FIM completions" → `POST /v1/fim/completions`: a `chat.completion` whose `choices[0].message.content` is the middle, with `usage`), and its error bodies (`{object: "error", message, type, param, code}`, a 401's `{message, request_id}`).
import type { ScriptedResponse } from '../fakes/fakeHttpServer';

const json = { 'content-type': 'application/json' };

export function mistralFimAnswer(text: string, model = 'codestral-latest'): ScriptedResponse {
  return {
    status: 200,
    headers: json,
    chunks: [
      JSON.stringify({
        id: 'cmpl-fake1',
        object: 'chat.completion',
        model,
        created: 1_767_225_600,
        choices: [{ index: 0, message: { role: 'assistant', content: text, tool_calls: null }, finish_reason: 'stop' }],
        usage: { prompt_tokens: 30, completion_tokens: 6, total_tokens: 36 },
      }),
    ],
  };
}

export function mistralError(status: number, message: string, type = 'invalid_request_error'): ScriptedResponse {
  return { status, headers: json, chunks: [JSON.stringify({ object: 'error', message, type, param: null, code: null })] };
}

export function mistralUnauthorized(): ScriptedResponse {
  return { status: 401, headers: json, chunks: [JSON.stringify({ message: 'Unauthorized', request_id: 'fake-request-1' })] };
}
