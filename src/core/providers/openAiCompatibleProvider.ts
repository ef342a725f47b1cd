// OpenAI-compatible chat (`kind: 'openai'`): OpenAI itself, OpenRouter, Groq, Ollama, LM Studio, vLLM and any
// server that speaks `POST {base}/chat/completions` with SSE `data:` chunks ending in `data: [DONE]`.
import type { ChatRequest, ModelInfo } from '../chat/chatTypes';
import type { ErrorContext } from '../errors/errorContext';
import { type HttpErrorResponse, mapHttpError } from '../errors/mapHttpError';
import type { ProviderError } from '../errors/providerError';
import type { HttpResponse } from '../http/httpClient';
import type { ChatEventQueue } from './chatEventQueue';
import { type ChatProviderConfig, HttpChatProvider } from './httpChatProvider';
import { openAiModelListSchema } from './openAiSchemas';
import { OpenAiStreamDecoder } from './openAiStreamDecoder';

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

  /** Sends the request; if the server refuses `stream_options`, sends it once more without (and remembers). */
  private async openStream(request: ChatRequest, context: ErrorContext, sink: ChatEventQueue): Promise<HttpResponse> {
    for (let attempt = 0; ; attempt++) {
      const includeUsage = this.streamUsage;
      let refusedStreamOptions = false;
      const mapError = (response: HttpErrorResponse): ProviderError => {
        // Not every compatible server knows `stream_options`; such a server says so with a 400/422 naming it.
        refusedStreamOptions =
          includeUsage && (response.status === 400 || response.status === 422) && /stream_options|include_usage/i.test(response.body);
        return mapHttpError(response, context);
      };
      try {
        return await this.open(
          {
            method: 'POST',
            url: this.url('/chat/completions'),
            headers: this.headers({ 'content-type': 'application/json', accept: 'text/event-stream' }),
            body: JSON.stringify(this.body(request, includeUsage)),
            context,
            mapError,
            signal: sink.signal,
          },
          sink,
        );
      } catch (error) {
        if (refusedStreamOptions && attempt === 0) {
          this.streamUsage = false;
          continue;
        }
        throw error;
      }
    }
  }

  protected async fetchModels(context: ErrorContext, signal: AbortSignal | undefined): Promise<ModelInfo[]> {
    const list = await this.getJson('/models', openAiModelListSchema, context, signal, 'The model list');
    return list.data.map((model) => ({
      id: model.id,
      ...(model.name ? { name: model.name } : {}),
      ...(typeof model.context_length === 'number' ? { contextLength: model.context_length } : {}),
    }));
  }

  protected authHeaders(): Record<string, string> {
    const key = this.config.apiKey?.trim();
    return key ? { authorization: `Bearer ${key}` } : {};
  }

  private body(request: ChatRequest, includeUsage: boolean): Record<string, unknown> {
    const messages: Array<{ role: string; content: string }> = [];
    if (request.systemPrompt !== undefined && request.systemPrompt.trim() !== '') {
      messages.push({ role: 'system', content: request.systemPrompt });
    }
    for (const message of request.messages) {
      // A `tool` message needs a tool_call_id Switchboard does not track; send its text as the user's.
      messages.push({ role: message.role === 'tool' ? 'user' : message.role, content: message.content });
    }
    return {
      model: request.model,
      messages,
      stream: true,
      ...(includeUsage ? { stream_options: { include_usage: true } } : {}),
      ...(request.temperature !== undefined ? { temperature: request.temperature } : {}),
      ...(request.maxTokens !== undefined ? { [this.maxTokensField]: request.maxTokens } : {}),
    };
  }
}
