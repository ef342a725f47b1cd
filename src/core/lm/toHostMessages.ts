// A Switchboard chat request as VS Code's language-model API takes it (docs/vscode-chat.md): user and assistant
// messages only, so the system prompt (and any system message) goes in front of the first user message; a `tool`
// message's results become a user message of tool results, as the API's documentation of
// LanguageModelChatRequestOptions.tools describes. Images are refused by name, before anything is sent.
import type { ChatRequest } from '../chat/chatTypes';
import { encodableParts, unsupportedPart, type PartsTarget } from '../providers/partsAsText';
import type { HostMessage, HostPart } from './hostLanguageModels';

export function toHostMessages(request: Pick<ChatRequest, 'messages' | 'systemPrompt'>, target: PartsTarget): HostMessage[] {
  const system: string[] = request.systemPrompt?.trim() ? [request.systemPrompt] : [];
  const out: HostMessage[] = [];
  for (const message of request.messages) {
    const { text, images, calls, results } = encodableParts(message, target);
    if (images.length > 0) throw unsupportedPart('image', target);
    if (message.role === 'system') {
      if (text.trim()) system.push(text);
      continue;
    }
    const parts: HostPart[] = text ? [{ type: 'text', text }] : [];
    for (const call of calls) parts.push({ type: 'tool-call', id: call.id, name: call.name, input: parseInput(call.arguments) });
    for (const result of results) parts.push({ type: 'tool-result', callId: result.callId, text: result.content });
    out.push({ role: message.role === 'assistant' ? 'assistant' : 'user', parts });
  }
  if (system.length > 0) {
    const first = out.find((message) => message.role === 'user');
    const preamble: HostPart = { type: 'text', text: system.join('\n\n') };
    if (first) first.parts.unshift(preamble);
    else out.unshift({ role: 'user', parts: [preamble] });
  }
  return out;
}

/** A tool call's arguments as the object the API wants; text that is not a JSON object is passed as `{}`. */
function parseInput(json: string): object {
  try {
    const value: unknown = JSON.parse(json);
    return typeof value === 'object' && value !== null && !Array.isArray(value) ? value : {};
  } catch {
    return {};
  }
}
