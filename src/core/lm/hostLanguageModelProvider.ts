// The provider kind `vscode-lm` (docs/vscode-chat.md): a ChatProvider over the language models VS Code offers
// (`vscode.lm.selectChatModels`, e.g. models another extension contributes), reached through HostLanguageModels, which
// the VS Code layer implements. It speaks the same events as every protocol client (chat/chatTypes.ts): a stopped
// request ends with `done` (finishReason `cancelled`), any failure with one `error` event, never a throw. No key is
// given to it or read by it.
import type { ChatEvent, ChatProvider, ChatRequest, ModelInfo } from '../chat/chatTypes';
import { ProviderError } from '../errors/providerError';
import { hostModelError } from './hostModelError';
import type { HostLanguageModels } from './hostLanguageModels';
import { toHostMessages } from './toHostMessages';

export class HostLanguageModelProvider implements ChatProvider {
  readonly kind = 'vscode-lm' as const;

  constructor(
    readonly id: string,
    private readonly host: HostLanguageModels,
  ) {}

  async listModels(signal?: AbortSignal): Promise<ModelInfo[]> {
    try {
      return await this.host.list(signal);
    } catch (error) {
      throw hostModelError(error, this.id, '');
    }
  }

  async *streamChat(request: ChatRequest): AsyncGenerator<ChatEvent> {
    const { signal } = request;
    yield { type: 'model', provider: this.id, model: request.model };
    let calls = 0;
    try {
      const messages = toHostMessages(request, { provider: this.id, model: request.model });
      const stream = this.host.send({
        model: request.model,
        messages,
        ...(request.tools && request.tools.length > 0 ? { tools: request.tools } : {}),
        ...(request.toolChoice !== undefined ? { toolChoice: request.toolChoice } : {}),
        ...(signal ? { signal } : {}),
      });
      for await (const part of stream) {
        if (signal?.aborted) break;
        if (part.type === 'text') {
          if (part.text) yield { type: 'text-delta', text: part.text };
          continue;
        }
        calls += 1;
        yield { type: 'tool-call-start', id: part.id, name: part.name };
        yield { type: 'tool-call', call: { id: part.id, name: part.name, arguments: JSON.stringify(part.input) } };
      }
    } catch (error) {
      if (!signal?.aborted) {
        // A ProviderError of the conversion (an image for a model without a place for it) is already worded.
        yield { type: 'error', error: error instanceof ProviderError ? error : hostModelError(error, this.id, request.model) };
        return;
      }
    }
    yield { type: 'done', finishReason: signal?.aborted ? 'cancelled' : calls > 0 ? 'tool-calls' : 'stop' };
  }
}
