// Ollama's OpenAI-compatible `/v1/chat/completions` with tools, as its source shapes them (openai/openai.go:
// `ToChunk`, `ToToolCalls`, `FromChatRequest`; its "OpenAI compatibility" page lists `tools` as supported):
//   - a tool call arrives whole in one chunk, `{id: 'call_…', index, type: 'function', function: {name, arguments}}`
//     with the arguments complete JSON; older versions number every call of a turn `index` 0, told apart by id only;
//   - the chunk that ends the answer says `finish_reason: 'tool_calls'` once a call was sent, and `content` is `""`
//     rather than absent;
//   - a history message whose `tool_calls[].function.arguments` is not JSON is refused with 400 "invalid tool call
//     arguments" (`FromChatRequest` unmarshals them), in the OpenAI-style error body `NewError` writes.
import type { ScriptedResponse } from './fakeHttpServer';
import { openAiFrame, openAiSseHeaders } from './openAiFake';

const json = { 'content-type': 'application/json' };

export interface OllamaCall {
  id: string;
  name: string;
  /** The arguments as Ollama writes them (complete JSON). */
  arguments: string;
}

/** A streamed answer: `text` first (may be empty), then each call whole in its own chunk. */
export function ollamaToolStream(calls: readonly OllamaCall[], options: { text?: string; sameIndex?: boolean } = {}): ScriptedResponse {
  const chunk = (delta: Record<string, unknown>, finish: string | null): string =>
    openAiFrame({
      id: 'chatcmpl-123',
      object: 'chat.completion.chunk',
      created: 1_767_225_600,
      model: 'qwen3:8b',
      system_fingerprint: 'fp_ollama',
      choices: [{ index: 0, delta, finish_reason: finish }],
    });
  const frames: string[] = [];
  if (options.text !== undefined) frames.push(chunk({ role: 'assistant', content: options.text }, null));
  calls.forEach((call, i) => {
    const piece = {
      id: call.id,
      index: options.sameIndex ? 0 : i,
      type: 'function',
      function: { name: call.name, arguments: call.arguments },
    };
    frames.push(chunk({ role: 'assistant', content: '', tool_calls: [piece] }, null));
  });
  frames.push(chunk({ role: 'assistant', content: '' }, calls.length > 0 ? 'tool_calls' : 'stop'));
  frames.push('data: [DONE]\n\n');
  return { status: 200, headers: openAiSseHeaders, chunks: frames, gap: 'immediate' };
}

/** 400 for a history whose tool call arguments are not JSON; undefined when they all parse. */
export function ollamaToolCheck(body: string): ScriptedResponse | undefined {
  const request = JSON.parse(body) as { messages?: Array<{ tool_calls?: Array<{ function?: { arguments?: unknown } }> }> };
  for (const message of request.messages ?? []) {
    for (const call of message.tool_calls ?? []) {
      try {
        JSON.parse(String(call.function?.arguments));
      } catch {
        return {
          status: 400,
          headers: json,
          chunks: [
            JSON.stringify({ error: { message: 'invalid tool call arguments', type: 'invalid_request_error', param: null, code: null } }),
          ],
        };
      }
    }
  }
  return undefined;
}
