// The provider kind `vscode-lm` on the editor's side (docs/vscode-chat.md): VS Code's chat models
// (`vscode.lm.selectChatModels`, e.g. models another extension contributes) listed and asked through
// `LanguageModelChat.sendRequest`. VS Code asks the person for consent on the first request (with the justification
// given here); a refusal, a blocked or missing model, and a stream that breaks off are reported to the engine as
// HostFailure codes, which it words (src/core/lm/hostModelError.ts). Switchboard's own models (vendor `switchboard`)
// are never listed here: asking them would come straight back.
import * as vscode from 'vscode';
import type { ModelInfo } from '../../core/chat/chatTypes';
import type {
  HostChatRequest,
  HostFailure,
  HostFailureCode,
  HostLanguageModels,
  HostMessage,
  HostResponsePart,
} from '../../core/lm/hostLanguageModels';
import { switchboardVendor } from './vscodeChatIds';

export class VscodeHostModels implements HostLanguageModels {
  async list(): Promise<ModelInfo[]> {
    const models = await vscode.lm.selectChatModels();
    return models
      .filter((model) => model.vendor !== switchboardVendor)
      .map((model) => ({ id: model.id, name: `${model.name} (${model.vendor})`, contextWindow: model.maxInputTokens }));
  }

  async *send(request: HostChatRequest): AsyncGenerator<HostResponsePart> {
    const [model] = (await vscode.lm.selectChatModels({ id: request.model })).filter((found) => found.vendor !== switchboardVendor);
    if (!model) throw failure('not-found');
    const source = new vscode.CancellationTokenSource();
    const abort = (): void => source.cancel();
    request.signal?.addEventListener('abort', abort, { once: true });
    try {
      const tools = request.toolChoice === 'none' ? [] : (request.tools ?? []);
      let response: vscode.LanguageModelChatResponse;
      try {
        response = await model.sendRequest(
          request.messages.map(toVscodeMessage),
          {
            justification: vscode.l10n.t('Switchboard sends your chat messages to this model when you pick it in Switchboard.'),
            ...(tools.length > 0
              ? {
                  tools: tools.map((tool) => ({ name: tool.name, description: tool.description, inputSchema: tool.parameters })),
                  toolMode:
                    request.toolChoice === 'required' ? vscode.LanguageModelChatToolMode.Required : vscode.LanguageModelChatToolMode.Auto,
                }
              : {}),
          },
          source.token,
        );
      } catch (error) {
        throw failure(codeOf(error) ?? 'unknown', error);
      }
      try {
        for await (const part of response.stream) {
          if (part instanceof vscode.LanguageModelTextPart) yield { type: 'text', text: part.value };
          else if (part instanceof vscode.LanguageModelToolCallPart)
            yield { type: 'tool-call', id: part.callId, name: part.name, input: part.input };
        }
      } catch (error) {
        // The answer broke off: the model went away (its extension stopped, the person signed out) unless VS Code says why.
        throw failure(codeOf(error) ?? 'withdrawn', error);
      }
    } finally {
      request.signal?.removeEventListener('abort', abort);
      source.dispose();
    }
  }
}

function toVscodeMessage(message: HostMessage): vscode.LanguageModelChatMessage {
  const content = message.parts.map((part) => {
    switch (part.type) {
      case 'text':
        return new vscode.LanguageModelTextPart(part.text);
      case 'tool-call':
        return new vscode.LanguageModelToolCallPart(part.id, part.name, part.input);
      case 'tool-result':
        return new vscode.LanguageModelToolResultPart(part.callId, [new vscode.LanguageModelTextPart(part.text)]);
    }
  });
  const role = message.role === 'assistant' ? vscode.LanguageModelChatMessageRole.Assistant : vscode.LanguageModelChatMessageRole.User;
  return new vscode.LanguageModelChatMessage(role, content);
}

/** The LanguageModelError code as ours; undefined for anything else. */
function codeOf(error: unknown): HostFailureCode | undefined {
  const code = error instanceof vscode.LanguageModelError ? error.code : undefined;
  switch (code) {
    case vscode.LanguageModelError.NoPermissions.name:
      return 'no-permissions';
    case vscode.LanguageModelError.Blocked.name:
      return 'blocked';
    case vscode.LanguageModelError.NotFound.name:
      return 'not-found';
    default:
      return undefined;
  }
}

function failure(code: HostFailureCode, error?: unknown): HostFailure & Error {
  const detail = error instanceof Error ? error.message : error === undefined ? undefined : String(error);
  return Object.assign(new Error(detail ?? code), { hostFailure: code, ...(detail ? { detail } : {}) });
}
