// The Sydney gateway's wire format: one JSON answer, `{reply}` or `{error}`.
import type { ScriptedResponse } from './fakeHttpServer';

const json = { 'content-type': 'application/json' };

export function sydneyReply(reply: string): ScriptedResponse {
  return { status: 200, headers: json, chunks: [JSON.stringify({ reply })] };
}

export function sydneyError(status: number, error: string, headers: Record<string, string> = {}): ScriptedResponse {
  return { status, headers: { ...json, ...headers }, chunks: [JSON.stringify({ error })] };
}
