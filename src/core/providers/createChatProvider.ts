// Builds a ChatProvider from a provider entry (docs/providers.md): the entry is laid over the preset with the same id,
// the key is handed in by the caller (SecretStorage or the environment fallback, read in the VS Code layer), and
// the client only ever sends it to the resolved base URL.
import type { ChatProvider, ProviderKind } from '../chat/chatTypes';
import { errorText, type ErrorText } from '../errors/errorText';
import { ProviderError } from '../errors/providerError';
import { HttpClient } from '../http/httpClient';
import { assertNever } from '../assertNever';
import { AnthropicProvider } from './anthropicProvider';
import { GeminiProvider } from './geminiProvider';
import type { ModelQuirks } from './modelQuirks';
import { OpenAiCompatibleProvider } from './openAiCompatibleProvider';
import type { ProviderEntry } from './providerEntry';
import { findProviderPreset, type ProviderPreset } from './providerPresets';
import { SydneyProvider } from './sydneyProvider';
import type { HostLanguageModels } from '../lm/hostLanguageModels';
import { HostLanguageModelProvider } from '../lm/hostLanguageModelProvider';

export interface ProviderSecrets {
  apiKey?: string;
  /** Fusion Brain's second secret. */
  apiSecret?: string;
}

export interface CreateChatProviderOptions {
  /** Shared HTTP client carrying timeouts, retries and proxy settings. Default: one with default settings. */
  http?: HttpClient;
  /**
   * What the engine has learned this session about models that refuse part of a request (a temperature). Clients
   * are built per request, so the memory is kept by the caller and shared. Default: none, nothing is remembered.
   */
  quirks?: ModelQuirks;
  /**
   * VS Code's language models, for an entry of kind `vscode-lm` (docs/vscode-chat.md); without them such an entry
   * cannot chat (an editor without the language-model API).
   */
  hostModels?: HostLanguageModels;
}

/** An entry with the preset's values filled in. */
export interface ResolvedProviderEntry extends ProviderEntry {
  kind: ProviderKind;
  baseUrl: string;
  requiresKey: boolean;
  label: string;
  headers: Readonly<Record<string, string>>;
  keyEnvVars: readonly string[];
  preset: ProviderPreset | undefined;
}

let defaultHttp: HttpClient | undefined;

/** What a `vscode-lm` entry shows where others show their base URL. */
export const hostModelsAddress = 'vscode-lm:';

/** Merges an entry with the preset of the same id; throws a `bad-request` ProviderError if it cannot work. */
export function resolveProviderEntry(entry: ProviderEntry): ResolvedProviderEntry {
  const preset = findProviderPreset(entry.id);
  const kind = entry.kind ?? preset?.kind;
  if (kind === undefined) {
    throw configError(entry.id, errorText('config.needsKind', { provider: entry.id }));
  }
  if (kind === 'vscode-lm') {
    // Reached through the editor, not over HTTP: no base URL, and never a key (docs/vscode-chat.md).
    return {
      ...entry,
      kind,
      baseUrl: hostModelsAddress,
      requiresKey: false,
      label: entry.label ?? entry.id,
      headers: {},
      keyEnvVars: [],
      preset: undefined,
    };
  }
  const baseUrl = entry.baseUrl ?? (preset?.kind === kind ? preset.baseUrl : undefined);
  if (baseUrl === undefined) {
    throw configError(entry.id, errorText('config.needsBaseUrl', { provider: entry.id }));
  }
  let parsed: URL;
  try {
    parsed = new URL(baseUrl);
  } catch {
    throw configError(entry.id, errorText('config.baseUrlNotUrl', { provider: entry.id, url: baseUrl }));
  }
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') {
    throw configError(entry.id, errorText('config.baseUrlScheme', { provider: entry.id }));
  }
  if (parsed.username !== '' || parsed.password !== '') {
    throw configError(entry.id, errorText('config.baseUrlCredentials', { provider: entry.id }));
  }
  return {
    ...entry,
    kind,
    baseUrl,
    requiresKey: entry.requiresKey ?? preset?.requiresKey ?? !isLocalHost(parsed.hostname),
    label: entry.label ?? preset?.label ?? entry.id,
    headers: { ...preset?.headers, ...entry.headers },
    keyEnvVars: preset?.keyEnvVars ?? [],
    preset,
  };
}

export function createChatProvider(
  entry: ProviderEntry,
  secrets: ProviderSecrets = {},
  options: CreateChatProviderOptions = {},
): ChatProvider {
  const resolved = resolveProviderEntry(entry);
  const http = options.http ?? (defaultHttp ??= new HttpClient());
  const base = {
    id: resolved.id,
    baseUrl: resolved.baseUrl,
    headers: resolved.headers,
    http,
    requiresKey: resolved.requiresKey,
    keyEnvVars: resolved.keyEnvVars,
    ...(secrets.apiKey !== undefined ? { apiKey: secrets.apiKey } : {}),
    ...(secrets.apiSecret !== undefined ? { extraSecrets: [secrets.apiSecret] } : {}),
    ...(options.quirks !== undefined ? { quirks: options.quirks } : {}),
  };
  switch (resolved.kind) {
    case 'openai':
      return new OpenAiCompatibleProvider({
        ...base,
        maxTokensField: resolved.maxTokensField ?? resolved.preset?.maxTokensField ?? 'max_tokens',
        ...(resolved.streamUsage !== undefined ? { streamUsage: resolved.streamUsage } : {}),
      });
    case 'anthropic':
      return new AnthropicProvider({
        ...base,
        ...(resolved.defaultMaxTokens !== undefined ? { defaultMaxTokens: resolved.defaultMaxTokens } : {}),
      });
    case 'gemini':
      return new GeminiProvider(base);
    case 'sydney':
      return new SydneyProvider({
        ...base,
        models: resolved.preset?.kind === 'sydney' ? (resolved.preset.chatModels ?? []) : [],
        ...(resolved.promptMode !== undefined ? { promptMode: resolved.promptMode } : {}),
      });
    case 'stability':
    case 'fusionbrain':
      throw configError(resolved.id, errorText('config.imagesOnly', { label: resolved.label }));
    case 'vscode-lm':
      if (options.hostModels === undefined) throw configError(resolved.id, errorText('vscodeLm.unavailable', { provider: resolved.id }));
      return new HostLanguageModelProvider(resolved.id, options.hostModels);
    default:
      return assertNever(resolved.kind, 'provider kind');
  }
}

function configError(provider: string, text: ErrorText): ProviderError {
  return new ProviderError({ kind: 'bad-request', provider, text });
}

function isLocalHost(hostname: string): boolean {
  const host = hostname.replace(/^\[|\]$/g, '');
  return host === 'localhost' || host === '::1' || /^127\./.test(host) || host.endsWith('.localhost');
}
