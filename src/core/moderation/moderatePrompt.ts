// Moderation before sending (docs/moderation-and-caching.md): which provider checks the prompt, and the check.
//
// The moderator is the first entry, in this order, that has a key (or needs none): an entry of OpenAI's protocol
// whose preset moderates (the `openai` preset, even with its base URL changed: the user points their OpenAI there) or
// whose base URL is api.openai.com; then an entry of the Sydney gateway. OpenAI comes first because its answer is
// documented, categories and scores included; the gateway's is not (sydneyModeration.ts). With none, the outcome is
// `none` and nothing is sent anywhere.
import type { HttpClient } from '../http/httpClient';
import type { ProviderCredentials } from '../keys/keyStore';
import type { ResolvedProviderEntry } from '../providers/createChatProvider';
import type { ModerationOutcome } from './moderationTypes';
import { openAiModeration } from './openAiModeration';
import { sydneyModeration } from './sydneyModeration';

export type ModeratorProtocol = 'openai' | 'sydney';

/** How an entry moderates, or undefined when it does not. */
export function moderatorProtocolOf(entry: Pick<ResolvedProviderEntry, 'kind' | 'baseUrl' | 'preset'>): ModeratorProtocol | undefined {
  const presetModerates = entry.preset?.kind === entry.kind && entry.preset.moderation === true;
  if (entry.kind === 'openai' && (presetModerates || hostOf(entry.baseUrl) === 'api.openai.com')) return 'openai';
  if (entry.kind === 'sydney') return 'sydney';
  return undefined;
}

/** The moderator (see the top) and its key; undefined when none is usable. */
export async function pickModerator(
  entries: readonly ResolvedProviderEntry[],
  credentials: (entry: ResolvedProviderEntry) => Promise<ProviderCredentials>,
): Promise<{ entry: ResolvedProviderEntry; protocol: ModeratorProtocol; apiKey: string | undefined } | undefined> {
  for (const protocol of ['openai', 'sydney'] as const) {
    for (const entry of entries) {
      if (moderatorProtocolOf(entry) !== protocol) continue;
      const apiKey = (await credentials(entry)).apiKey?.trim() || undefined;
      if (apiKey !== undefined || !entry.requiresKey) return { entry, protocol, apiKey };
    }
  }
  return undefined;
}

/** Checks `text` with the moderator; throws a ProviderError when the check itself fails (network, 401, 429). */
export async function moderatePrompt(
  entries: readonly ResolvedProviderEntry[],
  credentials: (entry: ResolvedProviderEntry) => Promise<ProviderCredentials>,
  http: HttpClient,
  text: string,
  signal?: AbortSignal,
): Promise<ModerationOutcome> {
  const moderator = await pickModerator(entries, credentials);
  if (moderator === undefined) return { kind: 'none' };
  const call = {
    provider: moderator.entry.id,
    baseUrl: moderator.entry.baseUrl,
    headers: moderator.entry.headers,
    apiKey: moderator.apiKey,
    text,
    signal,
  };
  const verdict = moderator.protocol === 'openai' ? await openAiModeration(call, http) : await sydneyModeration(call, http);
  return { kind: 'checked', verdict };
}

function hostOf(url: string): string | undefined {
  try {
    return new URL(url).hostname;
  } catch {
    return undefined;
  }
}
