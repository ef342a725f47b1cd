// Builds the ImageAnimator of a provider entry: only Stability AI has an image-to-video endpoint. Others are a
// `bad-request` ProviderError that names the provider.
import { errorText } from '../errors/errorText';
import { ProviderError } from '../errors/providerError';
import type { ProviderSecrets, ResolvedProviderEntry } from '../providers/createChatProvider';
import type { ProviderEntry } from '../providers/providerEntry';
import { type CreateImageProviderOptions, imageProviderSetup } from './createImageProvider';
import type { ImageAnimator } from './imageEditTypes';
import { StabilityImageAnimator } from './stabilityImageAnimator';

export interface CreateImageAnimatorOptions extends CreateImageProviderOptions {
  /** The most a video may weigh. Default 64 MiB. */
  videoMaxBytes?: number;
}

export function entryAnimatesImages(entry: ResolvedProviderEntry): boolean {
  return entry.kind === 'stability';
}

/**
 * `pollIntervalMs` (default 2 s), `maxPollIntervalMs` (10 s), `timeLimitMs` (5 min, the generation time limit) and
 * `sleep` shape the polling for the result.
 */
export function createImageAnimator(
  entry: ProviderEntry,
  secrets: ProviderSecrets = {},
  options: CreateImageAnimatorOptions = {},
): ImageAnimator {
  const { resolved, config } = imageProviderSetup(entry, secrets, options);
  if (!entryAnimatesImages(resolved)) {
    throw new ProviderError({
      kind: 'bad-request',
      provider: resolved.id,
      text: errorText('imageEdit.cannotAnimate', { label: resolved.label }),
    });
  }
  return new StabilityImageAnimator({
    ...config,
    ...(options.pollIntervalMs !== undefined ? { pollIntervalMs: options.pollIntervalMs } : {}),
    ...(options.maxPollIntervalMs !== undefined ? { maxPollIntervalMs: options.maxPollIntervalMs } : {}),
    ...(options.timeLimitMs !== undefined ? { timeLimitMs: options.timeLimitMs } : {}),
    ...(options.sleep !== undefined ? { sleep: options.sleep } : {}),
    ...(options.videoMaxBytes !== undefined ? { videoMaxBytes: options.videoMaxBytes } : {}),
  });
}
