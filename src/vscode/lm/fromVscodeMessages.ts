// VS Code's LanguageModelChatRequestMessage values as the plain messages of src/core/lm (docs/vscode-chat.md): text,
// tool-call and tool-result parts are kept; anything else (images, prompt-tsx data) is left out, as the models
// Switchboard exposes say they take no image input.
import * as vscode from 'vscode';
import type { HostMessage, HostPart } from '../../core/lm/hostLanguageModels';

/** LanguageModelChatMessageRole.System is 3 in the editors that have it (1.104 on, proposed before). */
const systemRole = 3;

export function fromVscodeMessages(messages: readonly vscode.LanguageModelChatRequestMessage[]): HostMessage[] {
  return messages.map((message) => ({
    role:
      message.role === vscode.LanguageModelChatMessageRole.Assistant
        ? 'assistant'
        : (message.role as number) === systemRole
          ? 'system'
          : 'user',
    parts: message.content.flatMap((part): HostPart[] => {
      if (part instanceof vscode.LanguageModelTextPart) return [{ type: 'text', text: part.value }];
      if (part instanceof vscode.LanguageModelToolCallPart)
        return [{ type: 'tool-call', id: part.callId, name: part.name, input: part.input }];
      if (part instanceof vscode.LanguageModelToolResultPart)
        return [{ type: 'tool-result', callId: part.callId, text: textOf(part.content) }];
      return [];
    }),
  }));
}

/** A tool result's text parts, joined (other parts carry nothing a text model reads). */
function textOf(content: readonly unknown[]): string {
  return content
    .map((part) => (part instanceof vscode.LanguageModelTextPart ? part.value : ''))
    .join('')
    .trim();
}
