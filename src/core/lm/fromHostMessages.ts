// Messages of VS Code's language-model API as a Switchboard chat request (docs/vscode-chat.md): what another extension
// sends to a `switchboard` model. System messages become the system prompt; an assistant message keeps its text and
// its tool calls; a user message's tool results become a `tool` message before its text, as the results answer the
// calls of the assistant message just before.
import type { ChatMessage } from '../chat/chatTypes';
import type { MessagePart } from '../conversations/messagePart';
import type { HostMessage } from './hostLanguageModels';

export interface ConvertedRequest {
  systemPrompt?: string;
  messages: ChatMessage[];
}

export function fromHostMessages(messages: readonly HostMessage[]): ConvertedRequest {
  const system: string[] = [];
  const out: ChatMessage[] = [];
  for (const message of messages) {
    const texts: MessagePart[] = [];
    const calls: MessagePart[] = [];
    const results: MessagePart[] = [];
    for (const part of message.parts) {
      switch (part.type) {
        case 'text':
          if (part.text) texts.push({ type: 'text', text: part.text });
          break;
        case 'tool-call':
          calls.push({ type: 'tool-call', id: part.id, name: part.name, arguments: JSON.stringify(part.input) });
          break;
        case 'tool-result':
          results.push({ type: 'tool-result', callId: part.callId, content: part.text, isError: false });
          break;
      }
    }
    switch (message.role) {
      case 'system':
        for (const part of texts) if (part.type === 'text') system.push(part.text);
        break;
      case 'assistant':
        if (texts.length + calls.length > 0) out.push({ role: 'assistant', parts: [...texts, ...calls] });
        break;
      case 'user':
        if (results.length > 0) out.push({ role: 'tool', parts: results });
        if (texts.length > 0) out.push({ role: 'user', parts: texts });
        break;
    }
  }
  return { ...(system.length > 0 ? { systemPrompt: system.join('\n\n') } : {}), messages: out };
}
