// Reads Anthropic's streamed Messages answer: SSE with named events (message_start, content_block_start/delta/stop,
// message_delta, message_stop, ping, error).
import type { FinishReason, TokenUsage } from '../chat/chatTypes';
import type { ErrorContext } from '../errors/errorContext';
import { mapStreamError } from '../errors/mapStreamError';
import { invalidResponse, parseJsonText, parseResponse } from '../validation/parseResponse';
import { anthropicMessageDeltaSchema, anthropicMessageStartSchema, validateContentBlockDelta } from './anthropicSchemas';
import { readCanonicalTextDelta } from './anthropicTextDelta';
import type { ChatEventSink } from './chatEventQueue';
import { contentFiltered } from './contentFiltered';
import type { SseChatDecoder } from './sseChatDecoder';
import { truncatedStream } from './truncatedStream';

export class AnthropicStreamDecoder implements SseChatDecoder {
  finished = false;
  private finish: FinishReason | undefined;
  private sawText = false;
  private readonly usage: TokenUsage = {};

  constructor(
    private readonly sink: ChatEventSink,
    private readonly context: ErrorContext,
  ) {}

  onEvent(event: string | undefined, data: string): void {
    if (this.finished) return;
    if (event === 'content_block_delta') {
      // Once per token: the canonical form is read without JSON.parse (see anthropicTextDelta.ts).
      const text = readCanonicalTextDelta(data);
      if (text !== undefined) {
        this.addText(text);
        return;
      }
    }
    const json = parseJsonText(data, this.context, 'A stream event');
    switch (event ?? eventType(json)) {
      case 'content_block_delta': {
        const { delta } = validateContentBlockDelta(json, this.context);
        if (delta.type !== 'text_delta') break; // Thinking, tool input and citations are not shown.
        if (typeof delta.text !== 'string') throw invalidResponse(this.context, 'expected delta.text of a text_delta to be a string');
        this.addText(delta.text);
        break;
      }
      case 'ping':
      case 'content_block_start':
      case 'content_block_stop':
        break;
      case 'message_start': {
        const start = parseResponse(anthropicMessageStartSchema, json, this.context, 'The message_start event');
        if (typeof start.message.usage?.input_tokens === 'number') this.usage.inputTokens = start.message.usage.input_tokens;
        if (typeof start.message.usage?.output_tokens === 'number') this.usage.outputTokens = start.message.usage.output_tokens;
        break;
      }
      case 'message_delta': {
        const delta = parseResponse(anthropicMessageDeltaSchema, json, this.context, 'The message_delta event');
        if (delta.delta?.stop_reason) this.finish = mapStopReason(delta.delta.stop_reason);
        // Output tokens here are cumulative: the last message_delta has the total.
        if (typeof delta.usage?.output_tokens === 'number') this.usage.outputTokens = delta.usage.output_tokens;
        if (typeof delta.usage?.input_tokens === 'number') this.usage.inputTokens = delta.usage.input_tokens;
        this.sink.push({ type: 'usage', usage: { ...this.usage } });
        break;
      }
      case 'message_stop':
        if (this.finish === 'content-filter' && !this.sawText) throw contentFiltered(this.context, 'refusal');
        this.sink.push({ type: 'done', finishReason: this.finish ?? 'stop' });
        this.finished = true;
        break;
      case 'error':
        throw mapStreamError(data, this.context);
      default:
        break; // Event types added later are ignored, as Anthropic's versioning policy asks.
    }
  }

  end(): void {
    throw truncatedStream(this.context, this.sawText);
  }

  private addText(text: string): void {
    if (text === '') return;
    this.sawText = true;
    this.sink.text(text);
  }
}

function eventType(json: unknown): string | undefined {
  const type = typeof json === 'object' && json !== null ? (json as { type?: unknown }).type : undefined;
  return typeof type === 'string' ? type : undefined;
}

function mapStopReason(reason: string): FinishReason {
  switch (reason) {
    case 'end_turn':
    case 'stop_sequence':
      return 'stop';
    case 'max_tokens':
    case 'model_context_window_exceeded':
      return 'length';
    case 'tool_use':
      return 'tool-calls';
    case 'refusal':
      return 'content-filter';
    default:
      return 'other';
  }
}
