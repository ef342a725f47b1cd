// Reads an OpenAI-compatible streamed chat completion: `data:` chunks ending in `data: [DONE]`, an optional final
// usage chunk, `: comment` keep-alives (OpenRouter), and error chunks (`{"error": …}`) in the middle of a stream.
// Tool calls come in pieces beside the text (`delta.tool_calls`, joined by OpenAiToolCalls) and are reported complete
// when the finish reason arrives.
import type { FinishReason } from '../chat/chatTypes';
import type { ErrorContext } from '../errors/errorContext';
import { mapStreamError } from '../errors/mapStreamError';
import { parseJsonText } from '../validation/parseResponse';
import type { ChatEventSink } from './chatEventQueue';
import { contentFiltered } from './contentFiltered';
import { validateOpenAiChunk } from './openAiSchemas';
import { OpenAiToolCalls } from './openAiToolCalls';
import type { SseChatDecoder } from './sseChatDecoder';
import { truncatedStream } from './truncatedStream';

export class OpenAiStreamDecoder implements SseChatDecoder {
  finished = false;
  private finish: FinishReason | undefined;
  private sawText = false;
  private readonly calls: OpenAiToolCalls;

  constructor(
    private readonly sink: ChatEventSink,
    private readonly context: ErrorContext,
  ) {
    this.calls = new OpenAiToolCalls(sink);
  }

  onEvent(_event: string | undefined, data: string): void {
    if (this.finished) return;
    if (data === '[DONE]') {
      this.complete(this.finish ?? 'stop');
      return;
    }
    const json = parseJsonText(data, this.context, 'A stream chunk');
    if (typeof json === 'object' && json !== null && (json as { error?: unknown }).error) throw mapStreamError(data, this.context);
    const chunk = validateOpenAiChunk(json, this.context);
    const choices = chunk.choices;
    if (choices !== undefined) {
      for (const choice of choices) {
        const content = choice.delta?.content;
        if (typeof content === 'string' && content !== '') {
          this.sawText = true;
          this.sink.text(content);
        }
        for (const call of choice.delta?.tool_calls ?? []) this.calls.add(call);
        if (choice.finish_reason) {
          this.finish = mapFinishReason(choice.finish_reason);
          // Complete now, before the usage chunk that may follow.
          this.calls.finish();
        }
      }
    }
    if (chunk.usage) {
      const cached = chunk.usage.prompt_tokens_details?.cached_tokens;
      this.sink.push({
        type: 'usage',
        usage: {
          ...(typeof chunk.usage.prompt_tokens === 'number' ? { inputTokens: chunk.usage.prompt_tokens } : {}),
          ...(typeof chunk.usage.completion_tokens === 'number' ? { outputTokens: chunk.usage.completion_tokens } : {}),
          ...(typeof cached === 'number' ? { cachedInputTokens: cached } : {}),
        },
      });
    }
  }

  /**
   * Closed without `[DONE]`. A server that sent its finish_reason had finished the answer (only the optional usage
   * chunk can be missing), so that is a normal end; anything else was cut off.
   */
  end(): void {
    if (this.finish === undefined) throw truncatedStream(this.context, this.sawText);
    this.complete(this.finish);
  }

  private complete(finish: FinishReason): void {
    if (finish === 'content-filter' && !this.sawText && !this.calls.any) throw contentFiltered(this.context, 'content_filter');
    this.calls.finish();
    this.sink.push({ type: 'done', finishReason: withCalls(finish, this.calls.any) });
    this.finished = true;
  }
}

/**
 * An answer with tool calls ends with finishReason `tool-calls` even from a server that says `stop` (some compatible
 * servers do); one cut short (`length`) says so. An answer that claims tool calls but has none ended otherwise.
 */
function withCalls(finish: FinishReason, calls: boolean): FinishReason {
  if (calls) return finish === 'stop' ? 'tool-calls' : finish;
  return finish === 'tool-calls' ? 'other' : finish;
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
