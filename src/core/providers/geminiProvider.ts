// Gemini: `POST {base}/models/{model}:streamGenerateContent?alt=sse` with `x-goog-api-key`. Data-only SSE frames
// (possibly CRLF-separated), no end marker: the stream ends when the connection closes, and only a frame with a
// finishReason tells a finished answer from a cut-off one.
import type { ChatEvent, ChatRequest, FinishReason, ModelInfo, TokenUsage } from '../chat/chatTypes';
import type { ErrorContext } from '../errors/errorContext';
import { mapStreamError } from '../errors/mapStreamError';
import { parseJsonText } from '../validation/parseResponse';
import { alternateTurns } from './alternateTurns';
import { contentFiltered } from './contentFiltered';
import { geminiModelListSchema, validateGeminiChunk } from './geminiSchemas';
import { HttpChatProvider } from './httpChatProvider';
import { truncatedStream } from './truncatedStream';

const filteredReasons = new Set(['SAFETY', 'RECITATION', 'BLOCKLIST', 'PROHIBITED_CONTENT', 'SPII', 'IMAGE_SAFETY']);

export class GeminiProvider extends HttpChatProvider {
  readonly kind = 'gemini' as const;

  protected async *chat(request: ChatRequest, context: ErrorContext): AsyncGenerator<ChatEvent, void, undefined> {
    const { system, turns } = alternateTurns(request);
    const generationConfig = {
      ...(request.temperature !== undefined ? { temperature: request.temperature } : {}),
      ...(request.maxTokens !== undefined ? { maxOutputTokens: request.maxTokens } : {}),
    };
    const body = {
      contents: turns.map((turn) => ({ role: turn.role === 'assistant' ? 'model' : 'user', parts: [{ text: turn.content }] })),
      ...(system !== undefined ? { systemInstruction: { parts: [{ text: system }] } } : {}),
      ...(Object.keys(generationConfig).length > 0 ? { generationConfig } : {}),
    };
    const response = yield* this.open({
      method: 'POST',
      url: this.url(`/models/${encodeURIComponent(modelId(request.model))}:streamGenerateContent?alt=sse`),
      headers: this.headers({ 'content-type': 'application/json', accept: 'text/event-stream' }),
      body: JSON.stringify(body),
      context,
      ...(request.signal !== undefined ? { signal: request.signal } : {}),
    });
    let finish: FinishReason | undefined;
    let rawFinish: string | undefined;
    let sawText = false;
    const lastUsage: TokenUsage = {};
    for await (const batch of await this.sseBatches(response, context)) {
      // The text of one network read leaves as one event: fewer async hops per token, and less work for the UI.
      let text = '';
      try {
        for (const message of batch) {
          if (message.type === 'comment') continue;
          const json = parseJsonText(message.data, context, 'A stream chunk');
          if (typeof json === 'object' && json !== null && 'error' in json) throw mapStreamError(message.data, context);
          const chunk = validateGeminiChunk(json, context);
          const blocked = chunk.promptFeedback?.blockReason;
          if (blocked) throw contentFiltered(context, blocked);
          for (const candidate of chunk.candidates ?? []) {
            for (const part of candidate.content?.parts ?? []) {
              if (part.thought === true || typeof part.text !== 'string' || part.text === '') continue;
              sawText = true;
              text += part.text;
            }
            if (candidate.finishReason && candidate.finishReason !== 'FINISH_REASON_UNSPECIFIED') {
              rawFinish = candidate.finishReason;
              finish = mapFinishReason(candidate.finishReason);
            }
          }
          // Every frame repeats the running totals; only the last ones are reported.
          const usage = chunk.usageMetadata;
          if (usage) {
            if (typeof usage.promptTokenCount === 'number') lastUsage.inputTokens = usage.promptTokenCount;
            if (typeof usage.candidatesTokenCount === 'number' || typeof usage.thoughtsTokenCount === 'number') {
              lastUsage.outputTokens = (usage.candidatesTokenCount ?? 0) + (usage.thoughtsTokenCount ?? 0);
            }
          }
        }
      } catch (error) {
        if (text !== '') yield { type: 'text-delta', text }; // The partial answer stays, then the error.
        throw error;
      }
      if (text !== '') yield { type: 'text-delta', text };
    }
    // No end marker in this protocol: without a finishReason the stream was cut off, not finished.
    if (finish === undefined) throw truncatedStream(context, sawText);
    if (finish === 'content-filter' && !sawText) throw contentFiltered(context, rawFinish ?? 'SAFETY');
    if (lastUsage.inputTokens !== undefined || lastUsage.outputTokens !== undefined) yield { type: 'usage', usage: lastUsage };
    yield { type: 'done', finishReason: finish };
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
        models.push({
          id: modelId(model.name),
          ...(model.displayName ? { name: model.displayName } : {}),
          ...(typeof model.inputTokenLimit === 'number' ? { contextLength: model.inputTokenLimit } : {}),
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

function mapFinishReason(reason: string): FinishReason {
  if (reason === 'STOP') return 'stop';
  if (reason === 'MAX_TOKENS') return 'length';
  if (filteredReasons.has(reason)) return 'content-filter';
  if (reason === 'MALFORMED_FUNCTION_CALL' || reason === 'UNEXPECTED_TOOL_CALL') return 'tool-calls';
  return 'other';
}
