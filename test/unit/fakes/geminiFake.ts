// Gemini wire format: data-only SSE frames separated by CRLF CRLF; the last one has finishReason and usage; no
// end marker (the stream ends when the response does).
import type { ScriptedResponse } from './fakeHttpServer';

export interface GeminiStreamOptions {
  finishReason?: string;
  eol?: '\n' | '\r\n';
  cut?: boolean;
}

const sse = { 'content-type': 'text/event-stream' };

export function geminiFrame(payload: unknown, eol = '\r\n'): string {
  return `data: ${JSON.stringify(payload)}${eol}${eol}`;
}

export function geminiStreamBody(pieces: readonly string[], options: GeminiStreamOptions = {}): string {
  const eol = options.eol ?? '\r\n';
  const frames = pieces.map((piece, i) =>
    geminiFrame(
      {
        candidates: [
          {
            content: { parts: [{ text: piece }], role: 'model' },
            index: 0,
            ...(i === pieces.length - 1 && !options.cut ? { finishReason: options.finishReason ?? 'STOP' } : {}),
          },
        ],
        usageMetadata: { promptTokenCount: 9, candidatesTokenCount: i + 1, totalTokenCount: 10 + i },
        modelVersion: 'gemini-fake',
      },
      eol,
    ),
  );
  return frames.join('');
}

export function geminiStream(pieces: readonly string[], options: GeminiStreamOptions = {}): ScriptedResponse {
  return { status: 200, headers: sse, chunks: [geminiStreamBody(pieces, options)] };
}

export function geminiError(status: number, statusName: string, message: string, details: unknown[] = [], headers: Record<string, string> = {}): ScriptedResponse {
  return {
    status,
    headers: { 'content-type': 'application/json; charset=UTF-8', ...headers },
    chunks: [JSON.stringify({ error: { code: status, message, status: statusName, details } })],
  };
}

export function geminiModels(models: ReadonlyArray<{ name: string; methods: string[] }>): ScriptedResponse {
  return {
    status: 200,
    headers: { 'content-type': 'application/json' },
    chunks: [JSON.stringify({ models: models.map((m) => ({ name: m.name, displayName: m.name.toUpperCase(), inputTokenLimit: 1000, supportedGenerationMethods: m.methods })) })],
  };
}

export const geminiSseHeaders = sse;
