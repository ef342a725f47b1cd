// Gemini: `POST {base}/models/{model}:streamGenerateContent?alt=sse` with `x-goog-api-key`. Data-only SSE frames
// (possibly CRLF-separated), no end marker: the stream ends when the connection closes, and only a frame with a
// finishReason tells a finished answer from a cut-off one.
import type { ChatRequest, ModelInfo } from '../chat/chatTypes';
import type { ErrorContext } from '../errors/errorContext';
import { alternateTurns } from './alternateTurns';
import type { ChatEventQueue } from './chatEventQueue';
import { geminiModelListSchema } from './geminiSchemas';
import { geminiHistory, geminiParts } from './geminiParts';
import { GeminiStreamDecoder } from './geminiStreamDecoder';
import { geminiResponseFields, geminiToolFields } from './geminiToolFields';
import { HttpChatProvider } from './httpChatProvider';
import { tokenCount } from './tokenCount';

export class GeminiProvider extends HttpChatProvider {
  readonly kind = 'gemini' as const;

  protected async chat(request: ChatRequest, context: ErrorContext, sink: ChatEventQueue): Promise<void> {
    const { system, turns } = alternateTurns(request, this.id);
    const signatures = this.config.quirks?.thoughtSignatures;
    const history = geminiHistory(turns, signatures && ((id) => signatures.get(id)));
    const contents = turns.map((turn) => geminiParts(turn, history));
    const tools = geminiToolFields(request);
    const path = `/models/${encodeURIComponent(modelId(request.model))}:streamGenerateContent?alt=sse`;
    const response = await this.withTemperature('gemini', request, sink, (temperature, observe) => {
      const generationConfig = {
        ...(temperature !== undefined ? { temperature } : {}),
        ...(request.maxTokens !== undefined ? { maxOutputTokens: request.maxTokens } : {}),
        ...geminiResponseFields(request),
      };
      const body = {
        contents,
        ...(system !== undefined ? { systemInstruction: { parts: [{ text: system }] } } : {}),
        ...tools,
        ...(Object.keys(generationConfig).length > 0 ? { generationConfig } : {}),
      };
      return this.postForStream(path, body, context, sink, observe);
    });
    await this.streamSse(response, context, new GeminiStreamDecoder(sink, context, signatures), sink);
  }

  protected async fetchModels(context: ErrorContext, signal: AbortSignal | undefined): Promise<ModelInfo[]> {
    const models: ModelInfo[] = [];
    let pageToken: string | undefined;
    for (let page = 0; page < 10; page++) {
      const query = `?pageSize=1000${pageToken !== undefined ? `&pageToken=${encodeURIComponent(pageToken)}` : ''}`;
      const list = await this.getJson(`/models${query}`, geminiModelListSchema, context, signal, 'The model list');
      for (const model of list.models ?? []) {
        // Only models that can chat; embedding and image models are listed too.
        if (!(model.supportedGenerationMethods ?? []).includes('generateContent')) continue;
        // `inputTokenLimit`: the most input tokens the model takes (Gemini API reference, "Models", Model resource).
        const window = tokenCount(model.inputTokenLimit);
        models.push({
          id: modelId(model.name),
          ...(model.displayName ? { name: model.displayName } : {}),
          ...(window !== undefined ? { contextWindow: window } : {}),
        });
      }
      if (!list.nextPageToken) break;
      pageToken = list.nextPageToken;
    }
    return models;
  }

  protected authHeaders(): Record<string, string> {
    const key = this.config.apiKey?.trim();
    return key ? { 'x-goog-api-key': key } : {};
  }
}

/** `models/gemini-2.5-flash` and `gemini-2.5-flash` name the same model. */
function modelId(name: string): string {
  return name.replace(/^models\//, '');
}
