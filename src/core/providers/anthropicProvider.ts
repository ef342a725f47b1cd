// Anthropic Messages: `POST {base}/v1/messages` with `x-api-key` and `anthropic-version`, SSE with named events
// (message_start, content_block_*, message_delta, message_stop, ping, error).
import type { ChatRequest, ModelInfo } from '../chat/chatTypes';
import type { ErrorContext } from '../errors/errorContext';
import { alternateTurns } from './alternateTurns';
import { withCacheControl } from './anthropicCacheControl';
import { anthropicContent } from './anthropicContent';
import { anthropicModelListSchema } from './anthropicSchemas';
import { AnthropicStreamDecoder } from './anthropicStreamDecoder';
import { anthropicToolFields } from './anthropicToolFields';
import type { ChatEventQueue } from './chatEventQueue';
import { type ChatProviderConfig, HttpChatProvider } from './httpChatProvider';
import { tokenCount } from './tokenCount';

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

  protected async chat(request: ChatRequest, context: ErrorContext, sink: ChatEventQueue): Promise<void> {
    const alternated = alternateTurns(request, this.id);
    const tools = anthropicToolFields(request);
    // Cache breakpoints on the system prompt and large turns (anthropicCacheControl.ts; docs/spend.md "Prompt caching").
    const { system, turns: messages } = withCacheControl(
      alternated.system,
      alternated.turns.map(anthropicContent),
      tools.fields.tools !== undefined ? JSON.stringify(tools.fields.tools).length : 0,
    );
    // Anthropic takes 0–1 (temperatureRange.ts); recent Claude models refuse any temperature.
    const response = await this.withTemperature('anthropic', request, sink, (temperature, observe) => {
      const body = {
        model: request.model,
        max_tokens: request.maxTokens ?? this.defaultMaxTokens,
        ...(system !== undefined ? { system } : {}),
        messages,
        ...tools.fields,
        ...(temperature !== undefined ? { temperature } : {}),
        stream: true,
      };
      return this.postForStream(this.versioned('/messages'), body, context, sink, observe);
    });
    await this.streamSse(response, context, new AnthropicStreamDecoder(sink, context, tools.answerTool), sink);
  }

  protected async fetchModels(context: ErrorContext, signal: AbortSignal | undefined): Promise<ModelInfo[]> {
    const models: ModelInfo[] = [];
    let after: string | undefined;
    // Paged; a few pages of 1000 is far more than Anthropic has ever listed.
    for (let page = 0; page < 5; page++) {
      const query = `?limit=1000${after !== undefined ? `&after_id=${encodeURIComponent(after)}` : ''}`;
      const list = await this.getJson(this.versioned(`/models${query}`), anthropicModelListSchema, context, signal, 'The model list');
      for (const model of list.data) {
        // `max_input_tokens`: "Maximum input context window size in tokens" (Anthropic API reference, "List Models").
        const window = tokenCount(model.max_input_tokens);
        models.push({
          id: model.id,
          ...(model.display_name ? { name: model.display_name } : {}),
          ...(window !== undefined ? { contextWindow: window } : {}),
        });
      }
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
