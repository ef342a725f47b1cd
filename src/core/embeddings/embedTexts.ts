// Embeddings through a provider entry (docs/moderation-and-caching.md): the protocol follows the entry — Gemini's
// batchEmbedContents, Ollama's native `/api/embed`, any other OpenAI-compatible entry's `/embeddings`. Anthropic and
// the Sydney gateway have no embeddings endpoint: asking them is a `bad-request` error that says so.
import { configurationError } from '../errors/errorFactories';
import { errorText } from '../errors/errorText';
import { ProviderError } from '../errors/providerError';
import type { HttpClient } from '../http/httpClient';
import type { ProviderCredentials } from '../keys/keyStore';
import type { ResolvedProviderEntry } from '../providers/createChatProvider';
import { isOllamaEntry, ollamaNativeRoot } from '../providers/ollamaContextWindow';
import type { EmbeddingCall } from './embeddingCall';
import { geminiEmbeddings } from './geminiEmbeddings';
import { ollamaEmbeddings } from './ollamaEmbeddings';
import { openAiEmbeddings } from './openAiEmbeddings';

export type EmbeddingProtocol = 'openai' | 'gemini' | 'ollama';

/** How an entry embeds text, or undefined when its protocol has no embeddings. */
export function embeddingProtocolOf(entry: Pick<ResolvedProviderEntry, 'kind' | 'baseUrl' | 'preset'>): EmbeddingProtocol | undefined {
  if (entry.kind === 'gemini') return 'gemini';
  if (entry.kind !== 'openai') return undefined;
  return isOllamaEntry(entry) && ollamaNativeRoot(entry.baseUrl) !== undefined ? 'ollama' : 'openai';
}

/** One vector per text, in order, all of one length; throws a ProviderError. */
export async function embedTexts(
  entry: ResolvedProviderEntry,
  credentials: ProviderCredentials,
  http: HttpClient,
  model: string,
  texts: readonly string[],
  signal?: AbortSignal,
): Promise<number[][]> {
  const protocol = embeddingProtocolOf(entry);
  if (protocol === undefined) {
    throw new ProviderError({
      kind: 'bad-request',
      provider: entry.id,
      model,
      text: errorText('embeddings.unsupported', { provider: entry.label }),
    });
  }
  if (texts.length === 0) return [];
  const apiKey = protocol === 'ollama' ? undefined : credentials.apiKey?.trim();
  if (protocol !== 'ollama' && entry.requiresKey && !apiKey) {
    throw configurationError({ provider: entry.id, model }, { type: 'missing-key', envVars: entry.keyEnvVars });
  }
  const call: EmbeddingCall = { provider: entry.id, baseUrl: entry.baseUrl, headers: entry.headers, apiKey, model, texts, signal };
  switch (protocol) {
    case 'gemini':
      return geminiEmbeddings(call, http);
    case 'ollama':
      return ollamaEmbeddings(call, http);
    case 'openai':
      return openAiEmbeddings(call, http);
  }
}
