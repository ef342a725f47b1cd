// Builds the ImageEditor of a provider entry, like createImageProvider: Stability AI (its v2beta edit endpoints and
// image-to-image) and OpenAI's images API (gpt-image edits). Other providers cannot edit: a `bad-request`
// ProviderError that names the provider.
import { errorText } from '../errors/errorText';
import { ProviderError } from '../errors/providerError';
import type { ProviderSecrets, ResolvedProviderEntry } from '../providers/createChatProvider';
import type { ProviderEntry } from '../providers/providerEntry';
import { findProviderPreset } from '../providers/providerPresets';
import { type CreateImageProviderOptions, imageProviderSetup } from './createImageProvider';
import type { ImageEditor } from './imageEditTypes';
import { OpenAiImageEditor } from './openAiImageEditor';
import { StabilityImageEditor } from './stabilityImageEditor';

/** Whether an entry's protocol has edit endpoints (a preset that makes no images, e.g. OpenRouter, has none). */
export function entryEditsImages(entry: ResolvedProviderEntry): boolean {
  if (entry.preset !== undefined && entry.preset.kind === entry.kind && !entry.preset.images) return false;
  return entry.kind === 'stability' || entry.kind === 'openai';
}

export function createImageEditor(
  entry: ProviderEntry,
  secrets: ProviderSecrets = {},
  options: CreateImageProviderOptions = {},
): ImageEditor {
  const { resolved, preset, config } = imageProviderSetup(entry, secrets, options);
  if (!entryEditsImages(resolved)) {
    throw new ProviderError({
      kind: 'bad-request',
      provider: resolved.id,
      text: errorText('imageEdit.cannotEdit', { label: resolved.label }),
    });
  }
  if (resolved.kind === 'stability') return new StabilityImageEditor(config);
  return new OpenAiImageEditor({ ...config, models: preset?.imageModels ?? findProviderPreset('openai')?.imageModels ?? [] });
}
