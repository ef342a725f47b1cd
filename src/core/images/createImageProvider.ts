// Builds an ImageProvider from a provider entry (docs/providers.md), like createChatProvider: the entry is laid over
// the preset with the same id, the key (and Fusion Brain's secret) is handed in by the caller, and only ever sent
// to the resolved base URL.
import { assertNever } from '../assertNever';
import type { RateLimiter } from '../chat/rateLimiter';
import { errorText } from '../errors/errorText';
import { ProviderError } from '../errors/providerError';
import { HttpClient } from '../http/httpClient';
import type { Sleep } from '../http/sleep';
import { type ProviderSecrets, type ResolvedProviderEntry, resolveProviderEntry } from '../providers/createChatProvider';
import type { ProviderEntry } from '../providers/providerEntry';
import { findProviderPreset, type ProviderPreset } from '../providers/providerPresets';
import { FusionBrainImageProvider } from './fusionBrainImageProvider';
import type { ImageProviderConfig } from './httpImageProvider';
import type { ImageProvider } from './imageTypes';
import { OpenAiImageProvider } from './openAiImageProvider';
import { StabilityImageProvider } from './stabilityImageProvider';
import { SydneyImageProvider } from './sydneyImageProvider';

export interface CreateImageProviderOptions {
  /** Shared HTTP client carrying timeouts, retries and proxy settings. Default: one with default settings. */
  http?: HttpClient;
  /** Client-side rate limits (the Sydney gateway's per-model limits); each generation request takes a slot. */
  rateLimiter?: RateLimiter;
  /** Fusion Brain's style list (public, fetched without the key). Default: the CDN of Fusion Brain's API documentation. */
  stylesUrl?: string;
  /** Fusion Brain: the first wait between status checks (default 1 s, growing to `maxPollIntervalMs`, default 5 s). */
  pollIntervalMs?: number;
  maxPollIntervalMs?: number;
  /** Fusion Brain: one image must be done within this (default 3 min). */
  timeLimitMs?: number;
  /** Fusion Brain: how waits between status checks are slept (tests). */
  sleep?: Sleep;
  /** Images downloaded from a URL (Sydney) or read from a body: at most this many bytes. Default 20 MiB. */
  downloadMaxBytes?: number;
  /** Downloads from a URL must finish within this. Default 60 s. */
  downloadTimeLimitMs?: number;
}

let defaultHttp: HttpClient | undefined;

/** Throws a `bad-request` ProviderError when the entry cannot make images (Anthropic, Gemini, OpenRouter…). */
export function createImageProvider(
  entry: ProviderEntry,
  secrets: ProviderSecrets = {},
  options: CreateImageProviderOptions = {},
): ImageProvider {
  const { resolved, preset, config } = imageProviderSetup(entry, secrets, options);
  if (resolved.preset !== undefined && !resolved.preset.images && resolved.preset.kind === resolved.kind) {
    throw new ProviderError({
      kind: 'bad-request',
      provider: resolved.id,
      text: errorText('image.notAnImageProvider', { label: resolved.label }),
    });
  }
  const kind = resolved.kind;
  switch (kind) {
    case 'stability':
      return new StabilityImageProvider(config);
    case 'fusionbrain':
      return new FusionBrainImageProvider({
        ...config,
        ...(options.stylesUrl !== undefined ? { stylesUrl: options.stylesUrl } : {}),
        ...(options.pollIntervalMs !== undefined ? { pollIntervalMs: options.pollIntervalMs } : {}),
        ...(options.maxPollIntervalMs !== undefined ? { maxPollIntervalMs: options.maxPollIntervalMs } : {}),
        ...(options.timeLimitMs !== undefined ? { timeLimitMs: options.timeLimitMs } : {}),
        ...(options.sleep !== undefined ? { sleep: options.sleep } : {}),
      });
    case 'openai':
      return new OpenAiImageProvider({ ...config, models: preset?.imageModels ?? findProviderPreset('openai')?.imageModels ?? [] });
    case 'sydney':
      return new SydneyImageProvider(config);
    case 'anthropic':
    case 'gemini':
    case 'vscode-lm':
      throw new ProviderError({
        kind: 'bad-request',
        provider: resolved.id,
        text: errorText('image.notAnImageProvider', { label: resolved.label }),
      });
    default:
      return assertNever(kind, 'provider kind');
  }
}

export interface ImageProviderSetup {
  resolved: ResolvedProviderEntry;
  /** The preset of the entry's protocol (the entry's own when it has one of that kind). */
  preset: ProviderPreset | undefined;
  config: ImageProviderConfig;
}

/** The entry laid over its preset and the client configuration built from it (also for editors and animators). */
export function imageProviderSetup(
  entry: ProviderEntry,
  secrets: ProviderSecrets = {},
  options: CreateImageProviderOptions = {},
): ImageProviderSetup {
  const resolved = resolveProviderEntry(entry);
  const preset = resolved.preset?.kind === resolved.kind ? resolved.preset : findProviderPreset(resolved.kind);
  const config: ImageProviderConfig = {
    id: resolved.id,
    baseUrl: resolved.baseUrl,
    headers: resolved.headers,
    http: options.http ?? (defaultHttp ??= new HttpClient()),
    requiresKey: resolved.requiresKey,
    keyEnvVars: resolved.keyEnvVars,
    ...(preset?.secretEnvVars !== undefined ? { secretEnvVars: preset.secretEnvVars } : {}),
    ...(secrets.apiKey !== undefined ? { apiKey: secrets.apiKey } : {}),
    ...(secrets.apiSecret !== undefined ? { apiSecret: secrets.apiSecret } : {}),
    ...(options.rateLimiter !== undefined ? { rateLimiter: options.rateLimiter } : {}),
    ...(options.downloadMaxBytes !== undefined ? { downloadMaxBytes: options.downloadMaxBytes } : {}),
    ...(options.downloadTimeLimitMs !== undefined ? { downloadTimeLimitMs: options.downloadTimeLimitMs } : {}),
  };
  return { resolved, preset, config };
}
