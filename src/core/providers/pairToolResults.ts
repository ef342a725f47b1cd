// Every protocol with tool calling refuses a history where a tool call is not answered by a result right after it,
// or where a result answers no call before it (OpenAI: "tool_calls must be followed by tool messages"; Anthropic:
// "tool_use ids were found without tool_result blocks immediately after"; Gemini: "the number of function response
// parts must equal the number of function call parts"). Such a history is not the model's doing: an answer stopped
// between its calls and their results, or older messages cut to fit the context window. One refused request would
// make the whole conversation unusable with that model, so before encoding, the history is mended the same way for
// every protocol: a call without a result gets an error result saying it was not run, and a result without its call
// becomes plain text of the `tool` message (sent as the user's), so the model still reads it.
import type { ChatMessage } from '../chat/chatTypes';
import type { MessagePart, ToolCallPart } from '../conversations/messagePart';

/**
 * Model-facing, so in English like imageNote and the context headers: the result given to a call that never got
 * one.
 */
export const notRunResult = 'This tool call was not run: the conversation went on before it had a result.';

/** The text an orphaned result becomes (its call is no longer in the history). */
export function orphanResultText(callId: string, content: string): string {
  return `[The result of an earlier tool call (${callId}), whose call is no longer in this conversation:]\n${content}`;
}

/**
 * `messages` with every tool call answered right after its assistant message (by the `tool` messages that follow it)
 * and every tool result matched to a call; messages that need no change are passed on as they are, never changed.
 */
export function pairToolResults(messages: readonly ChatMessage[]): ChatMessage[] {
  if (!messages.some((message) => message.parts.some((part) => part.type === 'tool-call' || part.type === 'tool-result'))) {
    return messages as ChatMessage[];
  }
  const out: ChatMessage[] = [];
  /** The calls of the last assistant message that have no result yet, in order. */
  let open: ToolCallPart[] = [];
  const close = (): void => {
    if (open.length === 0) return;
    out.push({ role: 'tool', parts: open.map((call) => ({ type: 'tool-result', callId: call.id, content: notRunResult, isError: true })) });
    open = [];
  };
  for (const message of messages) {
    if (message.role === 'tool') {
      out.push(answered(message, open));
      continue;
    }
    close();
    out.push(message);
    if (message.role === 'assistant') open = message.parts.filter((part): part is ToolCallPart => part.type === 'tool-call');
  }
  close();
  return out;
}

/** A `tool` message with its results checked off `open`; a result that answers none of them becomes text. */
function answered(message: ChatMessage, open: ToolCallPart[]): ChatMessage {
  let changed = false;
  const parts = message.parts.map((part): MessagePart => {
    if (part.type !== 'tool-result') return part;
    const at = open.findIndex((call) => call.id === part.callId);
    if (at >= 0) {
      open.splice(at, 1);
      return part;
    }
    changed = true;
    return { type: 'text', text: orphanResultText(part.callId, part.content) };
  });
  return changed ? { ...message, parts } : message;
}
