// Reads Gemini's `streamGenerateContent?alt=sse`: data-only frames, no end marker. The stream ends when the
// connection closes, and only a frame with a finishReason tells a finished answer from a cut-off one.
import type { FinishReason, TokenUsage } from '../chat/chatTypes';
import type { ErrorContext } from '../errors/errorContext';
import { mapStreamError } from '../errors/mapStreamError';
import { parseJsonText } from '../validation/parseResponse';
import type { ChatEventSink } from './chatEventQueue';
import { contentFiltered } from './contentFiltered';
import { validateGeminiChunk } from './geminiSchemas';
import type { SseChatDecoder } from './sseChatDecoder';
import { truncatedStream } from './truncatedStream';

const filteredReasons = new Set(['SAFETY', 'RECITATION', 'BLOCKLIST', 'PROHIBITED_CONTENT', 'SPII', 'IMAGE_SAFETY']);

export class GeminiStreamDecoder implements SseChatDecoder {
  /** Never set: Gemini has no end marker, so the whole body is read. */
  readonly finished = false;
  private finish: FinishReason | undefined;
  private rawFinish: string | undefined;
  private sawText = false;
  private readonly lastUsage: TokenUsage = {};

  constructor(
    private readonly sink: ChatEventSink,
    private readonly context: ErrorContext,
  ) {}

  onEvent(_event: string | undefined, data: string): void {
    const json = parseJsonText(data, this.context, 'A stream chunk');
    if (typeof json === 'object' && json !== null && 'error' in json) throw mapStreamError(data, this.context);
    const chunk = validateGeminiChunk(json, this.context);
    const blocked = chunk.promptFeedback?.blockReason;
    if (blocked) throw contentFiltered(this.context, blocked);
    for (const candidate of chunk.candidates ?? []) {
      for (const part of candidate.content?.parts ?? []) {
        if (part.thought === true || typeof part.text !== 'string' || part.text === '') continue;
        this.sawText = true;
        this.sink.text(part.text);
      }
      if (candidate.finishReason && candidate.finishReason !== 'FINISH_REASON_UNSPECIFIED') {
        this.rawFinish = candidate.finishReason;
        this.finish = mapFinishReason(candidate.finishReason);
      }
    }
    // Every frame repeats the running totals; only the last ones are reported.
    const usage = chunk.usageMetadata;
    if (usage) {
      if (typeof usage.promptTokenCount === 'number') this.lastUsage.inputTokens = usage.promptTokenCount;
      if (typeof usage.candidatesTokenCount === 'number' || typeof usage.thoughtsTokenCount === 'number') {
        this.lastUsage.outputTokens = (usage.candidatesTokenCount ?? 0) + (usage.thoughtsTokenCount ?? 0);
      }
    }
  }

  end(): void {
    if (this.finish === undefined) throw truncatedStream(this.context, this.sawText);
    if (this.finish === 'content-filter' && !this.sawText) throw contentFiltered(this.context, this.rawFinish ?? 'SAFETY');
    if (this.lastUsage.inputTokens !== undefined || this.lastUsage.outputTokens !== undefined) {
      this.sink.push({ type: 'usage', usage: this.lastUsage });
    }
    this.sink.push({ type: 'done', finishReason: this.finish });
  }
}

function mapFinishReason(reason: string): FinishReason {
  if (reason === 'STOP') return 'stop';
  if (reason === 'MAX_TOKENS') return 'length';
  if (filteredReasons.has(reason)) return 'content-filter';
  if (reason === 'MALFORMED_FUNCTION_CALL' || reason === 'UNEXPECTED_TOOL_CALL') return 'tool-calls';
  return 'other';
}
