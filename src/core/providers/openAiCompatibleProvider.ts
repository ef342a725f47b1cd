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
import { listedPrices } from '../pricing/modelPrices';
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
   * Sends the request; if the server refuses `stream_options`, sends it once more without (and remembers); if it
   * refuses the tools for this model, once more without them (remembered for the model, with a notice); if the model
   * refuses the temperature, once more without that (openWithTemperature).
   */
  private openStream(request: ChatRequest, context: ErrorContext, sink: ChatEventQueue): Promise<HttpResponse> {
    // Encoded once (images included) and checked before anything is sent; every attempt sends the same messages.
    const messages = openAiMessages(request, this.id);
    const quirks = this.config.quirks;
    // Tools are dropped only before the model has used them: a history with tool messages needs them to be read.
    let offerTools = (request.tools ?? []).length > 0 && quirks?.refusesTools(this.id, request.model) !== true;
    const mayDropTools = offerTools && !messages.some((message) => message.role === 'tool');
    return this.withTemperature('openai', request, sink, async (temperature, observe) => {
      for (let attempt = 0; ; attempt++) {
        const includeUsage = this.streamUsage;
        let refusedStreamOptions = false;
        let refusedTools = false;
        const body = this.body(offerTools ? request : withoutTools(request), messages, includeUsage, temperature);
        try {
          return await this.postForStream('/chat/completions', body, context, sink, (response) => {
            const badRequest = response.status === 400 || response.status === 422;
            // Not every compatible server knows `stream_options`; such a server says so with a 400/422 naming it.
            refusedStreamOptions = includeUsage && badRequest && /stream_options|include_usage/i.test(response.body);
            refusedTools = offerTools && mayDropTools && badRequest && refusesTools(response.body);
            observe(response);
          });
        } catch (error) {
          if (refusedStreamOptions && attempt < 2) {
            this.streamUsage = false;
            continue;
          }
          if (refusedTools && attempt < 2 && !sink.signal.aborted) {
            offerTools = false;
            quirks?.noteRefusesTools(this.id, request.model);
            sink.push({ type: 'notice', notice: 'tools-dropped', provider: this.id, model: request.model });
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
        const prices = listedPrices(model.pricing);
        return {
          id: model.id,
          ...(model.name ? { name: model.name } : {}),
          ...(window !== undefined ? { contextWindow: window } : {}),
          ...(vision !== undefined ? { vision } : {}),
          ...(prices !== undefined ? { prices } : {}),
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

function withoutTools(request: ChatRequest): ChatRequest {
  const { tools: _tools, toolChoice: _toolChoice, ...rest } = request;
  return rest;
}

/**
 * A 400/422 that refuses tool calling for the model, as local servers word it: Ollama's "<model> does not support
 * tools" (its OpenAI-compatible endpoint, `api_error`), vLLM's '"auto" tool choice requires
 * --enable-auto-tool-choice and --tool-call-parser to be set', and "does not support tool use / function calling"
 * elsewhere. A refusal of one tool's schema names the tool instead, and is not this.
 */
function refusesTools(body: string): boolean {
  return /does not support (?:tools|tool use|tool calling|function calling)|tool choice requires|tool[_ ]calling is not (?:supported|enabled)|function calling is not (?:supported|enabled)/i.test(
    body,
  );
}
