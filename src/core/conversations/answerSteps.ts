// An answer's parts as the steps of a tool loop (issue 17, docs/chat.md "Tools"): a step is what the model said and
// called in one request — its text and tool calls, in order — then the results of those calls. The next text or call
// after a result starts the next step. An answer that used no tools is one step without calls.
import type { MessagePart, ToolCallPart, ToolResultPart } from './messagePart';

export interface AnswerStep {
  /** The step's text, images and tool calls, in the order they came. */
  parts: MessagePart[];
  /** The step's tool calls, in order. */
  calls: ToolCallPart[];
  /** The results of those calls, in the calls' order (a result naming no call of the step is left out). */
  results: ToolResultPart[];
  /** Every call has its result: what a protocol can be sent. A step without calls is complete. */
  complete: boolean;
}

export function answerSteps(parts: readonly MessagePart[]): AnswerStep[] {
  const groups: Array<{ parts: MessagePart[]; results: ToolResultPart[] }> = [];
  let current: { parts: MessagePart[]; results: ToolResultPart[] } | undefined;
  for (const part of parts) {
    if (part.type === 'tool-result') {
      current ??= { parts: [], results: [] };
      if (groups.at(-1) !== current) groups.push(current);
      current.results.push(part);
      continue;
    }
    if (current === undefined || current.results.length > 0) {
      current = { parts: [], results: [] };
      groups.push(current);
    }
    current.parts.push(part);
  }
  return groups.map((group) => {
    const calls = group.parts.filter((part): part is ToolCallPart => part.type === 'tool-call');
    const byCall = new Map<string, ToolResultPart>();
    for (const result of group.results) if (!byCall.has(result.callId)) byCall.set(result.callId, result);
    const results: ToolResultPart[] = [];
    for (const call of calls) {
      const result = byCall.get(call.id);
      if (result !== undefined) results.push(result);
    }
    return { parts: group.parts, calls, results, complete: results.length === calls.length };
  });
}
