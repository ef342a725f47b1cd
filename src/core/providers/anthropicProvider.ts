// Anthropic Messages: `POST {base}/v1/messages` with `x-api-key` and `anthropic-version`, SSE with named events
// (message_start, content_block_*, message_delta, message_stop, ping, error).
import type { ChatEvent, ChatRequest, FinishReason, ModelInfo, TokenUsage } from '../chat/chatTypes';
import type { ErrorContext } from '../errors/errorContext';
import { mapStreamError } from '../errors/mapStreamError';
import { invalidResponse, parseJsonText, parseResponse } from '../validation/parseResponse';
import { alternateTurns } from './alternateTurns';
import {
  anthropicMessageDeltaSchema,
  anthropicMessageStartSchema,
  anthropicModelListSchema,
  validateContentBlockDelta,
} from './anthropicSchemas';
import { contentFiltered } from './contentFiltered';
import { drainQuietly } from './drainQuietly';
import { type ChatProviderConfig, HttpChatProvider } from './httpChatProvider';
import { truncatedStream } from './truncatedStream';

export interface AnthropicConfig extends ChatProviderConfig {
  /** `max_tokens` is required by the API; used when the request sets none. Default 4096. */
  defaultMaxTokens?: number;
}

export const anthropicVersion = '2023-06-01';

export class AnthropicProvider extends HttpChatProvider {
  readonly kind = 'anthropic' as const;
  private readonly defaultMaxTokens: number;

  constructor(config: AnthropicConfig) {
    super(config);
    this.defaultMaxTokens = config.defaultMaxTokens ?? 4096;
  }

  protected async *chat(request: ChatRequest, context: ErrorContext): AsyncGenerator<ChatEvent, void, undefined> {
    const { system, turns } = alternateTurns(request);
    const body = {
      model: request.model,
      max_tokens: request.maxTokens ?? this.defaultMaxTokens,
      ...(system !== undefined ? { system } : {}),
      messages: turns,
      ...(request.temperature !== undefined ? { temperature: request.temperature } : {}),
      stream: true,
    };
    const response = yield* this.open({
      method: 'POST',
      url: this.url(this.versioned('/messages')),
      headers: this.headers({ 'content-type': 'application/json', accept: 'text/event-stream' }),
      body: JSON.stringify(body),
      context,
      ...(request.signal !== undefined ? { signal: request.signal } : {}),
    });
    let finish: FinishReason | undefined;
    let sawText = false;
    const usage: TokenUsage = {};
    const batches = await this.sseBatches(response, context);
    for await (const batch of batches) {
      // The text of one network read leaves as one event: fewer async hops per token, and less work for the UI.
      let text = '';
      try {
        for (const message of batch) {
          if (message.type === 'comment') continue;
          const json = parseJsonText(message.data, context, 'A stream event');
          switch (message.event ?? eventType(json)) {
            case 'content_block_delta': {
              const { delta } = validateContentBlockDelta(json, context);
              if (delta.type !== 'text_delta') break; // Thinking, tool input and citations are not shown.
              if (typeof delta.text !== 'string') {
                throw invalidResponse(context, 'expected delta.text of a text_delta to be a string');
              }
              if (delta.text !== '') {
                sawText = true;
                text += delta.text;
              }
              break;
            }
            case 'ping':
            case 'content_block_start':
            case 'content_block_stop':
              break;
            case 'message_start': {
              const start = parseResponse(anthropicMessageStartSchema, json, context, 'The message_start event');
              if (typeof start.message.usage?.input_tokens === 'number') usage.inputTokens = start.message.usage.input_tokens;
              if (typeof start.message.usage?.output_tokens === 'number') usage.outputTokens = start.message.usage.output_tokens;
              break;
            }
            case 'message_delta': {
              const delta = parseResponse(anthropicMessageDeltaSchema, json, context, 'The message_delta event');
              if (delta.delta?.stop_reason) finish = mapStopReason(delta.delta.stop_reason);
              // Output tokens here are cumulative: the last message_delta has the total.
              if (typeof delta.usage?.output_tokens === 'number') usage.outputTokens = delta.usage.output_tokens;
              if (typeof delta.usage?.input_tokens === 'number') usage.inputTokens = delta.usage.input_tokens;
              if (text !== '') yield { type: 'text-delta', text };
              text = '';
              yield { type: 'usage', usage: { ...usage } };
              break;
            }
            case 'message_stop':
              if (text !== '') yield { type: 'text-delta', text };
              text = '';
              if (finish === 'content-filter' && !sawText) throw contentFiltered(context, 'refusal');
              yield { type: 'done', finishReason: finish ?? 'stop' };
              await drainQuietly(batches);
              return;
            case 'error':
              throw mapStreamError(message.data, context);
            default:
              break; // Event types added later are ignored, as Anthropic's versioning policy asks.
          }
        }
      } catch (error) {
        if (text !== '') yield { type: 'text-delta', text }; // The partial answer stays, then the error.
        throw error;
      }
      if (text !== '') yield { type: 'text-delta', text };
    }
    throw truncatedStream(context, sawText);
  }

  protected async fetchModels(context: ErrorContext, signal: AbortSignal | undefined): Promise<ModelInfo[]> {
    const models: ModelInfo[] = [];
    let after: string | undefined;
    // Paged; a few pages of 1000 is far more than Anthropic has ever listed.
    for (let page = 0; page < 5; page++) {
      const query = `?limit=1000${after !== undefined ? `&after_id=${encodeURIComponent(after)}` : ''}`;
      const list = await this.getJson(this.versioned(`/models${query}`), anthropicModelListSchema, context, signal, 'The model list');
      for (const model of list.data) models.push({ id: model.id, ...(model.display_name ? { name: model.display_name } : {}) });
      if (list.has_more !== true || !list.last_id) break;
      after = list.last_id;
    }
    return models;
  }

  protected authHeaders(): Record<string, string> {
    const key = this.config.apiKey?.trim();
    return { 'anthropic-version': anthropicVersion, ...(key ? { 'x-api-key': key } : {}) };
  }

  /** The preset base URL has no `/v1`; accept one that has it too. */
  private versioned(path: string): string {
    return /\/v1\/?$/.test(this.config.baseUrl) ? path : `/v1${path}`;
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
