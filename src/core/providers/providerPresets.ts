// The built-in providers (docs/providers.md): each works with a key and nothing else. A `switchboard.providers` entry with
// a preset's id overrides fields of it. Environment variable names are those of the README's "Keys" (read by the VS Code
// layer as a fallback when SecretStorage has no key; provider clients never read the environment).
import type { ProviderKind } from '../chat/chatTypes';

export interface ProviderPreset {
  id: string;
  kind: ProviderKind;
  /** Shown in pickers. */
  label: string;
  baseUrl: string;
  chat: boolean;
  images: boolean;
  /** Image models known up front (others may be listed live). */
  imageModels?: readonly string[];
  moderation?: boolean;
  /** False for local servers (Ollama, LM Studio, vLLM): requests go out without a key. */
  requiresKey: boolean;
  /** Fusion Brain needs a secret besides the key. */
  requiresSecret?: boolean;
  keyEnvVars: readonly string[];
  secretEnvVars?: readonly string[];
  /** Sent with every request (OpenRouter's attribution headers). */
  headers?: Readonly<Record<string, string>>;
  /** OpenAI-compatible only: the name of the output-length field. */
  maxTokensField?: 'max_completion_tokens' | 'max_tokens';
  /** Providers without a model list endpoint: their documented chat models. */
  chatModels?: readonly string[];
}

/** OpenRouter attributes traffic to the app named here (https://openrouter.ai/docs/app-attribution). */
export const openRouterAttribution: Readonly<Record<string, string>> = {
  'HTTP-Referer': 'https://github.com/switchboard-vscode/switchboard',
  'X-Title': 'Switchboard',
};

export const providerPresets: readonly ProviderPreset[] = [
  {
    id: 'openai',
    kind: 'openai',
    label: 'OpenAI',
    baseUrl: 'https://api.openai.com/v1',
    chat: true,
    images: true,
    imageModels: ['gpt-image-1', 'gpt-image-1-mini'],
    moderation: true,
    requiresKey: true,
    keyEnvVars: ['OPENAI_API_KEY'],
    maxTokensField: 'max_completion_tokens',
  },
  {
    id: 'anthropic',
    kind: 'anthropic',
    label: 'Anthropic',
    baseUrl: 'https://api.anthropic.com',
    chat: true,
    images: false,
    requiresKey: true,
    keyEnvVars: ['ANTHROPIC_API_KEY'],
  },
  {
    id: 'gemini',
    kind: 'gemini',
    label: 'Google Gemini',
    baseUrl: 'https://generativelanguage.googleapis.com/v1beta',
    chat: true,
    images: false,
    requiresKey: true,
    keyEnvVars: ['GEMINI_API_KEY', 'GOOGLE_API_KEY'],
  },
  {
    id: 'openrouter',
    kind: 'openai',
    label: 'OpenRouter',
    baseUrl: 'https://openrouter.ai/api/v1',
    chat: true,
    images: false,
    requiresKey: true,
    keyEnvVars: ['OPENROUTER_API_KEY'],
    headers: openRouterAttribution,
    maxTokensField: 'max_tokens',
  },
  {
    id: 'groq',
    kind: 'openai',
    label: 'Groq',
    baseUrl: 'https://api.groq.com/openai/v1',
    chat: true,
    images: false,
    requiresKey: true,
    keyEnvVars: ['GROQ_API_KEY'],
    maxTokensField: 'max_completion_tokens',
  },
  {
    id: 'ollama',
    kind: 'openai',
    label: 'Ollama (local)',
    baseUrl: 'http://localhost:11434/v1',
    chat: true,
    images: false,
    requiresKey: false,
    keyEnvVars: [],
    maxTokensField: 'max_tokens',
  },
  {
    id: 'lmstudio',
    kind: 'openai',
    label: 'LM Studio (local)',
    baseUrl: 'http://localhost:1234/v1',
    chat: true,
    images: false,
    requiresKey: false,
    keyEnvVars: [],
    maxTokensField: 'max_tokens',
  },
  {
    id: 'vllm',
    kind: 'openai',
    label: 'vLLM (local)',
    baseUrl: 'http://localhost:8000/v1',
    chat: true,
    images: false,
    requiresKey: false,
    keyEnvVars: [],
    maxTokensField: 'max_tokens',
  },
  {
    id: 'stability',
    kind: 'stability',
    label: 'Stability AI',
    baseUrl: 'https://api.stability.ai',
    chat: false,
    images: true,
    imageModels: ['core', 'ultra', 'sd3'],
    requiresKey: true,
    keyEnvVars: ['STABILITY_API_KEY'],
  },
  {
    id: 'fusionbrain',
    kind: 'fusionbrain',
    label: 'Fusion Brain (Kandinsky)',
    baseUrl: 'https://api-key.fusionbrain.ai/',
    chat: false,
    images: true,
    imageModels: ['kandinsky'],
    requiresKey: true,
    requiresSecret: true,
    keyEnvVars: ['FUSIONBRAIN_API_KEY'],
    secretEnvVars: ['FUSIONBRAIN_SECRET_KEY'],
  },
  {
    id: 'sydney',
    kind: 'sydney',
    label: 'Sydney gateway',
    baseUrl: 'https://api.ddosxd.ru',
    chat: true,
    images: true,
    imageModels: ['sdxl', 'kandinsky'],
    moderation: true,
    requiresKey: true,
    keyEnvVars: ['SYDNEY_API_KEY'],
    // The gateway's documented chat models (it has no list endpoint). Its per-model limits are the rate limiter's
    // `sydneyRateLimitDefaults` (src/core/chat/sydneyRateLimits.ts).
    chatModels: ['gpt-3.5-turbo', 'gpt-4', 'claude-2-100k', 'claude-1.3-100k', 'claude-instant-1-100k'],
  },
];

export function findProviderPreset(id: string): ProviderPreset | undefined {
  return providerPresets.find((preset) => preset.id === id);
}
