// Builds the client that asks one provider entry for a middle, in the protocol completionProtocolFor chose: a FIM
// endpoint (FimCompletionClient with that protocol's wire) or the chat (completeWithChat over the entry's ordinary
// chat client). Built per request, like chat clients; what must outlast one request (the template memory, the
// chat quirks) is handed in.
import type { HttpClient } from '../http/httpClient';
import { createChatProvider, type ProviderSecrets, type ResolvedProviderEntry } from '../providers/createChatProvider';
import type { ModelQuirks } from '../providers/modelQuirks';
import { assertNever } from '../assertNever';
import { completeWithChat } from './completeWithChat';
import { unsupportedCompletionProviderError } from './completionErrors';
import type { CompletionInput, CompletionProtocol } from './completionTypes';
import { deepSeekFimWire } from './deepSeekFimWire';
import { FimCompletionClient } from './fimCompletionClient';
import type { FimMemory } from './fimMemory';
import type { FimAnswer, FimWire } from './fimWire';
import { mistralFimWire } from './mistralFimWire';
import { ollamaGenerateWire } from './ollamaGenerateWire';
import { openAiCompletionsWire } from './openAiCompletionsWire';

export interface CompletionClientOptions {
  /** The completions' HTTP client: no retries, a short first-byte limit. */
  http: HttpClient;
  memory: FimMemory;
  /** The engine's memory of models that refuse a temperature (the chat protocol). */
  quirks?: ModelQuirks;
}

export interface CompletionClient {
  readonly protocol: CompletionProtocol;
  /** The raw middle; throws a ProviderError. `signal` aborts the request and closes its connection. */
  complete(model: string, input: CompletionInput, maxTokens: number, signal: AbortSignal): Promise<FimAnswer>;
}

export function createCompletionClient(
  entry: ResolvedProviderEntry,
  protocol: CompletionProtocol,
  secrets: ProviderSecrets,
  options: CompletionClientOptions,
): CompletionClient {
  if (protocol === 'chat') {
    const chat = createChatProvider(entry, secrets, {
      http: options.http,
      ...(options.quirks !== undefined ? { quirks: options.quirks } : {}),
    });
    return { protocol, complete: (model, input, maxTokens, signal) => completeWithChat(chat, model, input, maxTokens, signal) };
  }
  const wire = wireFor(protocol);
  const baseUrl = wire.baseUrl(entry.baseUrl);
  if (baseUrl === undefined) throw unsupportedCompletionProviderError(entry.id, entry.label);
  const client = new FimCompletionClient({
    id: entry.id,
    baseUrl,
    headers: entry.headers,
    http: options.http,
    // A wire that never sends the key (Ollama's native API) does not need one either.
    requiresKey: entry.requiresKey && wire.sendsKey,
    keyEnvVars: entry.keyEnvVars,
    ...(secrets.apiKey !== undefined ? { apiKey: secrets.apiKey } : {}),
    wire,
    memory: options.memory,
    // vLLM refuses `suffix` ('suffix is not currently supported'): its preset starts with the template.
    templateFirst: entry.preset?.id === 'vllm',
    unknownTemplate: protocol === 'ollama-generate' ? 'no-fim' : 'suffix-refused',
  });
  return { protocol, complete: (model, input, maxTokens, signal) => client.complete(model, input, maxTokens, signal) };
}

function wireFor(protocol: Exclude<CompletionProtocol, 'chat'>): FimWire {
  switch (protocol) {
    case 'openai-completions':
      return openAiCompletionsWire;
    case 'ollama-generate':
      return ollamaGenerateWire;
    case 'mistral-fim':
      return mistralFimWire;
    case 'deepseek-fim':
      return deepSeekFimWire;
    default:
      return assertNever(protocol, 'completion protocol');
  }
}
