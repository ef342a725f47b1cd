// Reads Anthropic's streamed Messages answer: SSE with named events (message_start, content_block_start/delta/stop,
// message_delta, message_stop, ping, error). A `tool_use` block is a tool call: announced at its start, its input
// joined from `input_json_delta` pieces, complete at its stop. The block of the answer tool (a structured answer,
// anthropicToolFields.ts) is the answer itself: its input pieces are handed on as the answer's text.
import type { FinishReason, TokenUsage } from '../chat/chatTypes';
import type { ErrorContext } from '../errors/errorContext';
import { mapStreamError } from '../errors/mapStreamError';
import { invalidResponse, parseJsonText, parseResponse } from '../validation/parseResponse';
import {
  type AnthropicUsage,
  anthropicContentBlockStartSchema,
  anthropicContentBlockStopSchema,
  anthropicInputJsonDeltaSchema,
  anthropicMessageDeltaSchema,
  anthropicMessageStartSchema,
  validateContentBlockDelta,
} from './anthropicSchemas';
import { readCanonicalTextDelta } from './anthropicTextDelta';
import type { ChatEventSink } from './chatEventQueue';
import { contentFiltered } from './contentFiltered';
import type { SseChatDecoder } from './sseChatDecoder';
import { truncatedStream } from './truncatedStream';

/** A `tool_use` block being streamed. */
interface ToolBlock {
  id: string;
  name: string;
  /** The block carries the structured answer, not a call. */
  answer: boolean;
  /** The input pieces of a call (an answer's go on as text at once). */
  pieces: string[];
  /** Whether any input piece came. */
  streamed: boolean;
  /** The `input` of content_block_start (always `{}` when streamed; used only when no piece follows). */
  input: unknown;
}

export class AnthropicStreamDecoder implements SseChatDecoder {
  finished = false;
  private finish: FinishReason | undefined;
  private sawText = false;
  private readonly usage: TokenUsage = {};
  /** Anthropic's input counts as reported: uncached, read from the cache, written to it (their sum is the input). */
  private readonly input = { plain: 0, read: 0, written: 0, any: false };
  private readonly blocks = new Map<number, ToolBlock>();
  private calls = 0;

  /** `answerTool`: the tool whose input is the structured answer, when one was asked for. */
  constructor(
    private readonly sink: ChatEventSink,
    private readonly context: ErrorContext,
    private readonly answerTool?: string,
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
        if (delta.type === 'input_json_delta') {
          this.addInput(json);
          break;
        }
        if (delta.type !== 'text_delta') break; // Thinking and citations are not shown.
        if (typeof delta.text !== 'string') throw invalidResponse(this.context, 'expected delta.text of a text_delta to be a string');
        this.addText(delta.text);
        break;
      }
      case 'content_block_start':
        this.startBlock(json);
        break;
      case 'content_block_stop':
        this.stopBlock(json);
        break;
      case 'ping':
        break;
      case 'message_start': {
        const start = parseResponse(anthropicMessageStartSchema, json, this.context, 'The message_start event');
        this.takeInput(start.message.usage);
        if (typeof start.message.usage?.output_tokens === 'number') this.usage.outputTokens = start.message.usage.output_tokens;
        break;
      }
      case 'message_delta': {
        const delta = parseResponse(anthropicMessageDeltaSchema, json, this.context, 'The message_delta event');
        if (delta.delta?.stop_reason) this.finish = mapStopReason(delta.delta.stop_reason);
        // Output tokens here are cumulative: the last message_delta has the total.
        if (typeof delta.usage?.output_tokens === 'number') this.usage.outputTokens = delta.usage.output_tokens;
        this.takeInput(delta.usage);
        this.sink.push({ type: 'usage', usage: { ...this.usage } });
        break;
      }
      case 'message_stop': {
        if (this.finish === 'content-filter' && !this.sawText) throw contentFiltered(this.context, 'refusal');
        // A structured answer stops for `tool_use` too, but it is an answer, not a call.
        const finish = this.finish === 'tool-calls' && this.calls === 0 ? 'stop' : (this.finish ?? 'stop');
        this.sink.push({ type: 'done', finishReason: finish });
        this.finished = true;
        break;
      }
      case 'error':
        throw mapStreamError(data, this.context);
      default:
        break; // Event types added later are ignored, as Anthropic's versioning policy asks.
    }
  }

  end(): void {
    throw truncatedStream(this.context, this.sawText);
  }

  /** The input counts of a usage object (message_start, or a message_delta that repeats them): their sum is the input. */
  private takeInput(usage: AnthropicUsage | null | undefined): void {
    if (!usage) return;
    const { input } = this;
    if (typeof usage.input_tokens === 'number') input.plain = usage.input_tokens;
    if (typeof usage.cache_read_input_tokens === 'number') input.read = usage.cache_read_input_tokens;
    if (typeof usage.cache_creation_input_tokens === 'number') input.written = usage.cache_creation_input_tokens;
    if (usage.input_tokens == null && usage.cache_read_input_tokens == null && usage.cache_creation_input_tokens == null && !input.any)
      return;
    input.any = true;
    this.usage.inputTokens = input.plain + input.read + input.written;
    if (input.read > 0) this.usage.cachedInputTokens = input.read;
    if (input.written > 0) this.usage.cacheWriteInputTokens = input.written;
  }

  private addText(text: string): void {
    if (text === '') return;
    this.sawText = true;
    this.sink.text(text);
  }

  private startBlock(json: unknown): void {
    const { index, content_block: block } = parseResponse(
      anthropicContentBlockStartSchema,
      json,
      this.context,
      'The content_block_start event',
    );
    if (block.type !== 'tool_use') return; // Text, thinking and server tools' blocks carry nothing to start.
    if (block.id === undefined || block.name === undefined) {
      throw invalidResponse(this.context, 'expected a tool_use block to have an id and a name');
    }
    const answer = block.name === this.answerTool;
    this.blocks.set(index, { id: block.id, name: block.name, answer, pieces: [], streamed: false, input: block.input });
    if (!answer) this.sink.push({ type: 'tool-call-start', id: block.id, name: block.name });
  }

  private addInput(json: unknown): void {
    const { index, delta } = parseResponse(anthropicInputJsonDeltaSchema, json, this.context, 'An input_json_delta event');
    const block = this.blocks.get(index);
    if (block === undefined || delta.partial_json === '') return;
    block.streamed = true;
    if (block.answer) {
      this.addText(delta.partial_json);
      return;
    }
    block.pieces.push(delta.partial_json);
    this.sink.countToolInput(delta.partial_json.length);
  }

  private stopBlock(json: unknown): void {
    const { index } = parseResponse(anthropicContentBlockStopSchema, json, this.context, 'The content_block_stop event');
    const block = this.blocks.get(index);
    if (block === undefined) return;
    this.blocks.delete(index);
    if (block.answer) {
      // Its input was handed on as text already; a tool without input streams none: then the start's `{}` is it.
      if (!block.streamed) this.addText(startInput(block.input));
      return;
    }
    const joined = block.pieces.join('');
    const input = joined.trim() !== '' ? joined : startInput(block.input);
    this.calls++;
    this.sink.push({ type: 'tool-call', call: { id: block.id, name: block.name, arguments: input } });
  }
}

function startInput(input: unknown): string {
  return typeof input === 'object' && input !== null && Object.keys(input).length > 0 ? JSON.stringify(input) : '{}';
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
