// Reads Gemini's `streamGenerateContent?alt=sse`: data-only frames, no end marker. The stream ends when the
// connection closes, and only a frame with a finishReason tells a finished answer from a cut-off one. A
// `functionCall` part is a whole tool call (announced and complete at once); Gemini ends such an answer with `STOP`,
// reported as finishReason `tool-calls`. Gemini's API gives calls no id (the Live API and Vertex may): such a call gets
// one made up, random so it is unique in the conversation, which the history then sends back without it
// (geminiParts.ts). A call's thought signature is kept for the next request (thoughtSignatures.ts).
import { randomBytes } from 'node:crypto';
import type { FinishReason, TokenUsage } from '../chat/chatTypes';
import type { ErrorContext } from '../errors/errorContext';
import { mapStreamError } from '../errors/mapStreamError';
import { parseJsonText } from '../validation/parseResponse';
import type { ChatEventSink } from './chatEventQueue';
import { contentFiltered } from './contentFiltered';
import { validateGeminiChunk } from './geminiSchemas';
import type { SseChatDecoder } from './sseChatDecoder';
import type { ThoughtSignatures } from './thoughtSignatures';
import { truncatedStream } from './truncatedStream';

const filteredReasons = new Set(['SAFETY', 'RECITATION', 'BLOCKLIST', 'PROHIBITED_CONTENT', 'SPII', 'IMAGE_SAFETY']);

/** How the ids Switchboard makes up for Gemini's calls begin: such an id is never sent to Gemini. */
export const madeUpCallIdPrefix = 'gemini-call-';

export function isMadeUpCallId(id: string): boolean {
  return id.startsWith(madeUpCallIdPrefix);
}

export class GeminiStreamDecoder implements SseChatDecoder {
  /** Never set: Gemini has no end marker, so the whole body is read. */
  readonly finished = false;
  private finish: FinishReason | undefined;
  private rawFinish: string | undefined;
  private sawText = false;
  private readonly lastUsage: TokenUsage = {};
  private calls = 0;

  constructor(
    private readonly sink: ChatEventSink,
    private readonly context: ErrorContext,
    private readonly signatures?: ThoughtSignatures,
  ) {}

  onEvent(_event: string | undefined, data: string): void {
    const json = parseJsonText(data, this.context, 'A stream chunk');
    if (typeof json === 'object' && json !== null && 'error' in json) throw mapStreamError(data, this.context);
    const chunk = validateGeminiChunk(json, this.context);
    const blocked = chunk.promptFeedback?.blockReason;
    if (blocked) throw contentFiltered(this.context, blocked);
    for (const candidate of chunk.candidates ?? []) {
      for (const part of candidate.content?.parts ?? []) {
        if (part.functionCall !== undefined) {
          this.call(part.functionCall, part.thoughtSignature);
          continue;
        }
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
      if (typeof usage.cachedContentTokenCount === 'number') this.lastUsage.cachedInputTokens = usage.cachedContentTokenCount;
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
    this.sink.push({ type: 'done', finishReason: this.calls > 0 && this.finish === 'stop' ? 'tool-calls' : this.finish });
  }

  private call(
    call: { name: string; args?: Record<string, unknown> | null | undefined; id?: string | null | undefined },
    signature: unknown,
  ): void {
    const id = call.id ? call.id : `${madeUpCallIdPrefix}${randomBytes(12).toString('hex')}`;
    const args = JSON.stringify(call.args ?? {});
    if (typeof signature === 'string' && signature !== '') this.signatures?.remember(id, signature);
    this.calls++;
    this.sink.countToolInput(args.length);
    this.sink.push({ type: 'tool-call-start', id, name: call.name });
    this.sink.push({ type: 'tool-call', call: { id, name: call.name, arguments: args } });
  }
}

/**
 * `MALFORMED_FUNCTION_CALL` and `UNEXPECTED_TOOL_CALL` say a call was attempted and failed: no call arrives, so the
 * answer ended otherwise (`other`), not with calls.
 */
function mapFinishReason(reason: string): FinishReason {
  if (reason === 'STOP') return 'stop';
  if (reason === 'MAX_TOKENS') return 'length';
  if (filteredReasons.has(reason)) return 'content-filter';
  return 'other';
}
