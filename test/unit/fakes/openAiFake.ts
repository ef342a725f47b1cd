// OpenAI-compatible wire format: `data: {chunk}` frames, `data: [DONE]`, an optional usage chunk with `choices: []`.
import type { ScriptedResponse } from './fakeHttpServer';

export interface OpenAiStreamOptions {
  finishReason?: string | null;
  usage?: { prompt_tokens: number; completion_tokens: number };
  /** Line ending; `\r\n` exercises CRLF framing. */
  eol?: '\n' | '\r\n';
  /** Put an OpenRouter-style `: OPENROUTER PROCESSING` comment before every frame. */
  keepAlive?: boolean;
  /** Leave out `data: [DONE]` (and everything after the text). */
  cut?: boolean;
}

const sse = { 'content-type': 'text/event-stream; charset=utf-8', 'cache-control': 'no-cache' };

export function openAiFrame(payload: unknown, eol = '\n'): string {
  return `data: ${typeof payload === 'string' ? payload : JSON.stringify(payload)}${eol}${eol}`;
}

export function openAiStreamBody(pieces: readonly string[], options: OpenAiStreamOptions = {}): string {
  const eol = options.eol ?? '\n';
  const frames: string[] = [];
  const push = (payload: unknown): void => {
    if (options.keepAlive) frames.push(`: OPENROUTER PROCESSING${eol}${eol}`);
    frames.push(openAiFrame(payload, eol));
  };
  const chunk = (delta: Record<string, unknown>, finish: string | null): unknown => ({
    id: 'chatcmpl-1',
    object: 'chat.completion.chunk',
    created: 1,
    model: 'fake-model',
    choices: [{ index: 0, delta, finish_reason: finish }],
  });
  push(chunk({ role: 'assistant', content: '' }, null));
  for (const piece of pieces) push(chunk({ content: piece }, null));
  if (options.cut) return frames.join('');
  push(chunk({}, options.finishReason === undefined ? 'stop' : options.finishReason));
  if (options.usage) push({ id: 'chatcmpl-1', object: 'chat.completion.chunk', choices: [], usage: { ...options.usage, total_tokens: options.usage.prompt_tokens + options.usage.completion_tokens } });
  frames.push(`data: [DONE]${eol}${eol}`);
  return frames.join('');
}

export function openAiStream(pieces: readonly string[], options: OpenAiStreamOptions = {}): ScriptedResponse {
  return { status: 200, headers: sse, chunks: [openAiStreamBody(pieces, options)], after: options.cut ? 'end' : 'end' };
}

export function openAiError(status: number, error: { message: string; type?: string; code?: string | null }, headers: Record<string, string> = {}): ScriptedResponse {
  return {
    status,
    headers: { 'content-type': 'application/json', ...headers },
    chunks: [JSON.stringify({ error: { type: null, code: null, param: null, ...error } })],
  };
}

export function openAiModels(ids: readonly string[]): ScriptedResponse {
  return {
    status: 200,
    headers: { 'content-type': 'application/json' },
    chunks: [JSON.stringify({ object: 'list', data: ids.map((id) => ({ id, object: 'model', owned_by: 'me' })) })],
  };
}

export const openAiSseHeaders = sse;
