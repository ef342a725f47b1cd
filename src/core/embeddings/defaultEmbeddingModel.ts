// The embedding model the semantic cache uses when the setting names none (docs/moderation-and-caching.md): the one
// of the chat model's own provider, where that provider has one Switchboard knows — OpenAI's
// `text-embedding-3-small`, Gemini's `gemini-embedding-001`, Ollama's `nomic-embed-text` (which must be pulled).
// Other providers (Anthropic, OpenRouter, Groq, the Sydney gateway, a local server of unknown models) have none.
import type { ResolvedProviderEntry } from '../providers/createChatProvider';
import { embeddingProtocolOf } from './embedTexts';

const openAiHost = 'api.openai.com';

export function defaultEmbeddingModel(entry: Pick<ResolvedProviderEntry, 'id' | 'kind' | 'baseUrl' | 'preset'>): string | undefined {
  const protocol = embeddingProtocolOf(entry);
  if (protocol === 'gemini') return 'gemini-embedding-001';
  if (protocol === 'ollama') return 'nomic-embed-text';
  if (protocol === 'openai' && (entry.preset?.id === 'openai' || hostOf(entry.baseUrl) === openAiHost)) return 'text-embedding-3-small';
  return undefined;
}

function hostOf(url: string): string | undefined {
  try {
    return new URL(url).hostname;
  } catch {
    return undefined;
  }
}
