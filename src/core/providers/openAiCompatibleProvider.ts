// OpenAI-compatible chat (`kind: 'openai'`): OpenAI itself, OpenRouter, Groq, Ollama, LM Studio, vLLM and any
// server that speaks `POST {base}/chat/completions` with SSE `data:` chunks ending in `data: [DONE]`.
import type { ChatRequest, ModelInfo } from '../chat/chatTypes';
import type { ErrorContext } from '../errors/errorContext';
import type { HttpResponse } from '../http/httpClient';
import type { ChatEventQueue } from './chatEventQueue';
import { isChatModelId, isOpenAiApi } from './chatModelFilter';
import { type ChatProviderConfig, HttpChatProvider } from './httpChatProvider';
import { tokenCount } from './tokenCount';
import { type OpenAiMessage, openAiMessages } from './openAiMessages';
import { listedVision, openAiModelListSchema } from './openAiSchemas';
import { OpenAiStreamDecoder } from './openAiStreamDecoder';
import { openAiToolFields } from './openAiToolFields';

export interface OpenAiCompatibleConfig extends ChatProviderConfig {
  /** `max_completion_tokens` (OpenAI's current name) or `max_tokens` (what most compatible servers read). */
  maxTokensField?: 'max_completion_tokens' | 'max_tokens';
  /** Ask for a final usage chunk (`stream_options.include_usage`). Default true; dropped automatically if refused. */
  streamUsage?: boolean;
}

export class OpenAiCompatibleProvider extends HttpChatProvider {
  readonly kind = 'openai' as const;
  private streamUsage: boolean;
  private readonly maxTokensField: 'max_completion_tokens' | 'max_tokens';

  constructor(config: OpenAiCompatibleConfig) {
    super(config);
    this.streamUsage = config.streamUsage ?? true;
    this.maxTokensField = config.maxTokensField ?? 'max_tokens';
  }

  protected async chat(request: ChatRequest, context: ErrorContext, sink: ChatEventQueue): Promise<void> {
    const response = await this.openStream(request, context, sink);
    await this.streamSse(response, context, new OpenAiStreamDecoder(sink, context), sink);
  }

  /**
   * Sends the request; if the server refuses `stream_options`, sends it once more without (and remembers); if the
   * model refuses the temperature, once more without that (openWithTemperature).
   */
  private openStream(request: ChatRequest, context: ErrorContext, sink: ChatEventQueue): Promise<HttpResponse> {
    // Encoded once (images included) and checked before anything is sent; every attempt sends the same messages.
    const messages = openAiMessages(request, this.id);
    return this.withTemperature('openai', request, sink, async (temperature, observe) => {
      for (let attempt = 0; ; attempt++) {
        const includeUsage = this.streamUsage;
        let refusedStreamOptions = false;
        const body = this.body(request, messages, includeUsage, temperature);
        try {
          return await this.postForStream('/chat/completions', body, context, sink, (response) => {
            // Not every compatible server knows `stream_options`; such a server says so with a 400/422 naming it.
            refusedStreamOptions =
              includeUsage && (response.status === 400 || response.status === 422) && /stream_options|include_usage/i.test(response.body);
            observe(response);
          });
        } catch (error) {
          if (refusedStreamOptions && attempt === 0) {
            this.streamUsage = false;
            continue;
          }
          throw error;
        }
      }
    });
  }

  protected async fetchModels(context: ErrorContext, signal: AbortSignal | undefined): Promise<ModelInfo[]> {
    const list = await this.getJson('/models', openAiModelListSchema, context, signal, 'The model list');
    // The list holds every model of the account, embeddings and speech ones too; the picker offers only those
    // that can chat (any other id can still be typed by hand).
    const filter = { openAi: isOpenAiApi(this.id, this.config.baseUrl) };
    return list.data
      .filter((model) => isChatModelId(model.id, filter))
      .map((model) => {
        // OpenRouter's `context_length` is the model's largest window over its providers (it routes a long prompt to
        // one that takes it, says its API reference, "List available models"); `top_provider` only when that is missing.
        const window =
          tokenCount(model.context_length) ??
          tokenCount(model.top_provider?.context_length) ??
          tokenCount(model.context_window) ??
          tokenCount(model.max_model_len);
        const vision = listedVision(model.architecture);
        return {
          id: model.id,
          ...(model.name ? { name: model.name } : {}),
          ...(window !== undefined ? { contextWindow: window } : {}),
          ...(vision !== undefined ? { vision } : {}),
        };
      });
  }

  protected authHeaders(): Record<string, string> {
    const key = this.config.apiKey?.trim();
    return key ? { authorization: `Bearer ${key}` } : {};
  }

  private body(
    request: ChatRequest,
    messages: OpenAiMessage[],
    includeUsage: boolean,
    temperature: number | undefined,
  ): Record<string, unknown> {
    return {
      model: request.model,
      messages,
      stream: true,
      ...(includeUsage ? { stream_options: { include_usage: true } } : {}),
      ...(temperature !== undefined ? { temperature } : {}),
      ...(request.maxTokens !== undefined ? { [this.maxTokensField]: request.maxTokens } : {}),
      ...openAiToolFields(request),
    };
  }
}
