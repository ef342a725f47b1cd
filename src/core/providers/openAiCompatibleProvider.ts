// OpenAI-compatible chat (`kind: 'openai'`): OpenAI itself, OpenRouter, Groq, Ollama, LM Studio, vLLM and any
// server that speaks `POST {base}/chat/completions` with SSE `data:` chunks ending in `data: [DONE]`.
import type { ChatEvent, ChatRequest, FinishReason, ModelInfo } from '../chat/chatTypes';
import type { ErrorContext } from '../errors/errorContext';
import { type HttpErrorResponse, mapHttpError } from '../errors/mapHttpError';
import { mapStreamError } from '../errors/mapStreamError';
import { ProviderError } from '../errors/providerError';
import type { HttpResponse } from '../http/httpClient';
import { parseJsonText } from '../validation/parseResponse';
import { contentFiltered } from './contentFiltered';
import { drainQuietly } from './drainQuietly';
import { type ChatProviderConfig, HttpChatProvider } from './httpChatProvider';
import { openAiModelListSchema, validateOpenAiChunk } from './openAiSchemas';
import { truncatedStream } from './truncatedStream';

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

  protected async *chat(request: ChatRequest, context: ErrorContext): AsyncGenerator<ChatEvent, void, undefined> {
    const response = yield* this.openStream(request, context);
    let finish: FinishReason | undefined;
    let sawText = false;
    const batches = await this.sseBatches(response, context);
    for await (const batch of batches) {
      // The text of one network read leaves as one event: fewer async hops per token, and less work for the UI.
      let text = '';
      try {
        for (const message of batch) {
          if (message.type === 'comment') continue; // `: OPENROUTER PROCESSING` keep-alives.
          if (message.data === '[DONE]') {
            if (text !== '') yield { type: 'text-delta', text };
            text = '';
            if (finish === 'content-filter' && !sawText) throw contentFiltered(context, 'content_filter');
            yield { type: 'done', finishReason: finish ?? 'stop' };
            await drainQuietly(batches);
            return;
          }
          const json = parseJsonText(message.data, context, 'A stream chunk');
          if (typeof json === 'object' && json !== null && (json as { error?: unknown }).error) {
            throw mapStreamError(message.data, context);
          }
          const chunk = validateOpenAiChunk(json, context);
          const choices = chunk.choices;
          if (choices !== undefined) {
            for (const choice of choices) {
              const content = choice.delta?.content;
              if (typeof content === 'string' && content !== '') {
                sawText = true;
                text += content;
              }
              if (choice.finish_reason) finish = mapFinishReason(choice.finish_reason);
            }
          }
          if (chunk.usage) {
            if (text !== '') yield { type: 'text-delta', text };
            text = '';
            yield {
              type: 'usage',
              usage: {
                ...(typeof chunk.usage.prompt_tokens === 'number' ? { inputTokens: chunk.usage.prompt_tokens } : {}),
                ...(typeof chunk.usage.completion_tokens === 'number' ? { outputTokens: chunk.usage.completion_tokens } : {}),
              },
            };
          }
        }
      } catch (error) {
        if (text !== '') yield { type: 'text-delta', text }; // The partial answer stays, then the error.
        throw error;
      }
      if (text !== '') yield { type: 'text-delta', text };
    }
    // Closed without `[DONE]`. A server that sent its finish_reason had finished the answer (only the optional
    // usage chunk can be missing), so that is a normal end; anything else was cut off.
    if (finish === undefined) throw truncatedStream(context, sawText);
    if (finish === 'content-filter' && !sawText) throw contentFiltered(context, 'content_filter');
    yield { type: 'done', finishReason: finish };
  }

  /** Sends the request; if the server refuses `stream_options`, sends it once more without (and remembers). */
  private async *openStream(request: ChatRequest, context: ErrorContext): AsyncGenerator<ChatEvent, HttpResponse, undefined> {
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
        return yield* this.open({
          method: 'POST',
          url: this.url('/chat/completions'),
          headers: this.headers({ 'content-type': 'application/json', accept: 'text/event-stream' }),
          body: JSON.stringify(this.body(request, includeUsage)),
          context,
          mapError,
          ...(request.signal !== undefined ? { signal: request.signal } : {}),
        });
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

function mapFinishReason(reason: string): FinishReason {
  switch (reason) {
    case 'stop':
    case 'end_turn':
      return 'stop';
    case 'length':
      return 'length';
    case 'content_filter':
      return 'content-filter';
    case 'tool_calls':
    case 'function_call':
      return 'tool-calls';
    default:
      return 'other';
  }
}
