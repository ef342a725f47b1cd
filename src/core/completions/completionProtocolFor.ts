// Which protocol a provider entry and model complete code with (docs/completions.md):
//   - Ollama (the `ollama` preset, or a base URL on its port 11434, with the usual `/v1`): its native /api/generate;
//   - Mistral (api.mistral.ai, codestral.mistral.ai): /v1/fim/completions for Codestral models, chat for others;
//   - DeepSeek (api.deepseek.com): its FIM beta, except deepseek-reasoner (FIM has no thinking mode), which chats;
//   - OpenAI, OpenRouter and Groq (their presets or hosts): chat — their models have no FIM endpoint;
//   - Anthropic and Gemini: chat;
//   - every other `openai`-kind entry (LM Studio, vLLM, llama.cpp's server, anything self-hosted): the legacy
//     /completions with `suffix`;
//   - the Sydney gateway and the image-only providers: none (a `bad-request` ProviderError that says so).
// An entry's `completions: 'chat'` makes an OpenAI-compatible entry chat, and `completions: 'fim'` makes the
// OpenAI, OpenRouter or Groq preset use /completions (OpenAI's own gpt-3.5-turbo-instruct takes `suffix`).
import { assertNever } from '../assertNever';
import type { ResolvedProviderEntry } from '../providers/createChatProvider';
import { isOllamaEntry, ollamaNativeRoot } from '../providers/ollamaContextWindow';
import { unsupportedCompletionProviderError } from './completionErrors';
import type { CompletionProtocol } from './completionTypes';

const chatOnlyPresets = new Set(['openai', 'openrouter', 'groq']);
const chatOnlyHosts = new Set(['api.openai.com', 'openrouter.ai', 'api.groq.com']);
const mistralHosts = new Set(['api.mistral.ai', 'codestral.mistral.ai']);
const deepSeekHosts = new Set(['api.deepseek.com']);

export function completionProtocolFor(entry: ResolvedProviderEntry, model: string): CompletionProtocol {
  switch (entry.kind) {
    case 'anthropic':
    case 'gemini':
      return 'chat';
    case 'sydney':
    case 'stability':
    case 'fusionbrain':
    case 'vscode-lm':
      throw unsupportedCompletionProviderError(entry.id, entry.label, model);
    case 'openai':
      return openAiCompatibleProtocol(entry, model);
    default:
      return assertNever(entry.kind, 'provider kind');
  }
}

function openAiCompatibleProtocol(entry: ResolvedProviderEntry, model: string): CompletionProtocol {
  const choice = entry.completions;
  if (choice === 'chat') return 'chat';
  const host = hostOf(entry.baseUrl);
  if (isOllamaEntry(entry) && ollamaNativeRoot(entry.baseUrl) !== undefined) return 'ollama-generate';
  if (mistralHosts.has(host)) return choice === 'fim' || /codestral/i.test(model) ? 'mistral-fim' : 'chat';
  if (deepSeekHosts.has(host)) return choice === 'fim' || !/reasoner/i.test(model) ? 'deepseek-fim' : 'chat';
  if (chatOnlyPresets.has(entry.preset?.id ?? '') || chatOnlyHosts.has(host)) return choice === 'fim' ? 'openai-completions' : 'chat';
  return 'openai-completions';
}

function hostOf(baseUrl: string): string {
  try {
    return new URL(baseUrl).hostname.toLowerCase();
  } catch {
    return '';
  }
}
