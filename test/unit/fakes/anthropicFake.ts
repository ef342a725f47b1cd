// Anthropic Messages wire format: named SSE events from message_start to message_stop, with pings.
import type { ScriptedResponse } from './fakeHttpServer';

export interface AnthropicStreamOptions {
  stopReason?: string;
  inputTokens?: number;
  outputTokens?: number;
  eol?: '\n' | '\r\n';
  cut?: boolean;
}

const sse = { 'content-type': 'text/event-stream; charset=utf-8' };

export function anthropicEvent(name: string, data: unknown, eol = '\n'): string {
  return `event: ${name}${eol}data: ${JSON.stringify(data)}${eol}${eol}`;
}

export function anthropicStreamBody(pieces: readonly string[], options: AnthropicStreamOptions = {}): string {
  const eol = options.eol ?? '\n';
  const out: string[] = [
    anthropicEvent('message_start', {
      type: 'message_start',
      message: { id: 'msg_1', type: 'message', role: 'assistant', content: [], model: 'claude-fake', stop_reason: null, usage: { input_tokens: options.inputTokens ?? 12, output_tokens: 1 } },
    }, eol),
    anthropicEvent('content_block_start', { type: 'content_block_start', index: 0, content_block: { type: 'text', text: '' } }, eol),
    anthropicEvent('ping', { type: 'ping' }, eol),
  ];
  for (const piece of pieces) {
    out.push(anthropicEvent('content_block_delta', { type: 'content_block_delta', index: 0, delta: { type: 'text_delta', text: piece } }, eol));
  }
  if (options.cut) return out.join('');
  out.push(
    anthropicEvent('content_block_stop', { type: 'content_block_stop', index: 0 }, eol),
    anthropicEvent('message_delta', { type: 'message_delta', delta: { stop_reason: options.stopReason ?? 'end_turn', stop_sequence: null }, usage: { output_tokens: options.outputTokens ?? 7 } }, eol),
    anthropicEvent('message_stop', { type: 'message_stop' }, eol),
  );
  return out.join('');
}

export function anthropicStream(pieces: readonly string[], options: AnthropicStreamOptions = {}): ScriptedResponse {
  return { status: 200, headers: sse, chunks: [anthropicStreamBody(pieces, options)] };
}

export function anthropicError(status: number, type: string, message: string, headers: Record<string, string> = {}): ScriptedResponse {
  return {
    status,
    headers: { 'content-type': 'application/json', ...headers },
    chunks: [JSON.stringify({ type: 'error', error: { type, message } })],
  };
}

export function anthropicModels(ids: readonly string[]): ScriptedResponse {
  return {
    status: 200,
    headers: { 'content-type': 'application/json' },
    chunks: [JSON.stringify({ data: ids.map((id) => ({ type: 'model', id, display_name: id.toUpperCase(), created_at: '2025-01-01T00:00:00Z' })), has_more: false, first_id: ids[0], last_id: ids[ids.length - 1] })],
  };
}

export const anthropicSseHeaders = sse;
