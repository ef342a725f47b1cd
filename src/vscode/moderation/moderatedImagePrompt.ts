// The image commands' door to moderation before sending (docs/moderation-and-caching.md): true when
// `switchboard.moderation.enabled` is off, or the prompt passed or the person let it through. The check itself is in
// the lazily loaded dist/chatCommands.js, loaded only when moderation is on.
import { loadCostGuards } from './loadCostGuards';
import type { ProviderEngineHost } from '../engine/providerEngineHost';
import type { SettingsService } from '../settings/settingsService';

export async function moderatedImagePrompt(settings: SettingsService, host: ProviderEngineHost, prompt: string): Promise<boolean> {
  if (!settings.settings.moderationEnabled || prompt.trim() === '') return true;
  return loadCostGuards().moderateBeforeSending(host, prompt, 'image');
}
