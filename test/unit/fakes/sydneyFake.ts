// The Sydney gateway's wire format: one JSON answer, `{reply}` (chat, prompt), `{url}` (image) or `{error}`, with the
// statuses its documentation lists: 200, 429 (too many requests), 401 (check the key), 403 (not allowed), 500.
// Follows the "Sydney API" gateway documentation; it does not say what the error
// texts are, so the ones here are made up in its tone. No streaming: nothing arrives until the answer is ready.
import type { ScriptedResponse } from './fakeHttpServer';

const json = { 'content-type': 'application/json' };

export function sydneyReply(reply: string): ScriptedResponse {
  return { status: 200, headers: json, chunks: [JSON.stringify({ reply })] };
}

/** The answer of `POST /v1/image`: a URL to download the picture from. */
export function sydneyImageUrl(url: string): ScriptedResponse {
  return { status: 200, headers: json, chunks: [JSON.stringify({ url })] };
}

export function sydneyError(status: number, error: string, headers: Record<string, string> = {}): ScriptedResponse {
  return { status, headers: { ...json, ...headers }, chunks: [JSON.stringify({ error })] };
}

/** 401: "unauthorized, check the key". */
export function sydneyInvalidKey(): ScriptedResponse {
  return sydneyError(401, 'Неавторизован, проверьте ключ');
}

/** 429: over the per-minute or per-day limit of the model. */
export function sydneyRateLimited(): ScriptedResponse {
  return sydneyError(429, 'Вы отправляете слишком много запросов');
}

/** 403: the key may not use this endpoint or model. */
export function sydneyForbidden(): ScriptedResponse {
  return sydneyError(403, 'Вам сюда низя');
}

/** 500: the gateway failed. */
export function sydneyServerError(): ScriptedResponse {
  return sydneyError(500, 'Сервер ерор');
}
