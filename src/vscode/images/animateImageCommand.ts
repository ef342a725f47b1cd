// `switchboard.animateImage` (docs/images.md, "Edit Image… and Animate Image…"): a short MP4 from an image, through a
// provider that animates (Stability's asynchronous image-to-video: start, poll, fetch). The image's size is checked
// before anything is sent (the sizes the service accepts, and the image's own), the polling shows in a cancellable
// progress notification, and the video is saved beside the source with a sidecar naming the source and `animate`.
import * as vscode from 'vscode';
import { parseModelRef } from '../../core/config/modelRef';
import type { ImageAnimator, VideoRequest, VideoResult } from '../../core/images/imageEditTypes';
import type { ImageProgress } from '../../core/images/imageTypes';
import type { KeyStore } from '../../core/keys/keyStore';
import type { ResolvedProviderEntry } from '../../core/providers/createChatProvider';
import { keyInfoOf, type ProviderEngineHost } from '../engine/providerEngineHost';
import type { SettingsService } from '../settings/settingsService';
import {
  activeImageUri,
  describeImageProgress,
  pickImageFile,
  offerSavedFile,
  readSourceImageFile,
  saveTargetFor,
  sourceLabel,
  toImageUri,
} from './imageSourceFiles';
import { ImageSpend } from './imageSpend';
import { back, MultiStepInput } from './multiStepInput';

/** The argument of `switchboard.animateImage`: the image alone (a Uri or a path), or this object (nothing is asked). */
export interface AnimateImageArgs {
  image?: vscode.Uri | string;
  /** The provider that animates: `stability`, or `stability/<anything>`. */
  model?: string;
  seed?: number;
  /** How closely the video keeps to the image (Stability `cfg_scale`, 0–10). */
  cfgScale?: number;
  /** How much moves (Stability `motion_bucket_id`, 1–255). */
  motion?: number;
}

export class AnimateImageCommand {
  constructor(
    private readonly host: ProviderEngineHost,
    private readonly keys: KeyStore,
    private readonly settings: SettingsService,
    private readonly log: vscode.LogOutputChannel,
    /** Prices and budgets (issue 19): the request checked before it is sent, its cost saved and recorded. */
    private readonly spend: ImageSpend = new ImageSpend(host, undefined),
  ) {}

  /** Resolves to the written video (undefined when the user cancelled). */
  async run(first?: unknown): Promise<vscode.Uri | undefined> {
    const args: AnimateImageArgs =
      typeof first === 'object' && first !== null && !(first instanceof vscode.Uri) && !('scheme' in first)
        ? (first as AnimateImageArgs)
        : { ...(first !== undefined && first !== null ? { image: first as string } : {}) };
    const title = vscode.l10n.t('Switchboard: Animate Image');
    const imageUri =
      (await toImageUri(args.image)) ?? activeImageUri() ?? (await pickImageFile(title, vscode.l10n.t('Animate This Image')));
    if (!imageUri) return undefined;
    const image = await readSourceImageFile(this.host, imageUri);

    const providerId =
      args.model !== undefined ? (parseModelRef(args.model)?.provider ?? args.model.trim()) : await this.pickProvider(title);
    if (providerId === undefined) return undefined;
    const animator: ImageAnimator = await this.host.get().imageAnimator(providerId);
    const request: VideoRequest = {
      image,
      ...(args.seed !== undefined ? { seed: args.seed } : {}),
      ...(args.cfgScale !== undefined ? { cfgScale: args.cfgScale } : {}),
      ...(args.motion !== undefined ? { motion: args.motion } : {}),
    };
    // Stability takes 1024×576, 576×1024 or 768×768: a picture of another size is refused here, naming its size.
    animator.validateAnimation(request);

    const target = await saveTargetFor(imageUri, this.host, this.settings);
    if (!target) return undefined;
    if (target.insteadOfBeside !== undefined) {
      void vscode.window.showInformationMessage(
        vscode.l10n.t(
          '{0} is outside the workspace, so the video goes into {1} instead of beside it.',
          imageUri.fsPath,
          target.insteadOfBeside,
        ),
      );
    }

    // Priced as its operation (Stability's image-to-video), whatever the model is called.
    const prices = await this.spend.prices(providerId, '', 'animate');
    if (!(await this.spend.allows(providerId, prices, { prompt: '' }))) return undefined;
    const date = new Date();
    const video = await vscode.window.withProgress(
      {
        location: vscode.ProgressLocation.Notification,
        title: vscode.l10n.t('Animating {0} with {1}', image.name, providerId),
        cancellable: true,
      },
      (progress, token): Promise<VideoResult> => {
        const controller = new AbortController();
        token.onCancellationRequested(() => controller.abort());
        // Before the job is queued the provider is sending the image; after, each `processing` is one check.
        let queued = false;
        let checks = 0;
        return animator.animate({ ...request, signal: controller.signal }, (event) => {
          if (event.type === 'queued') queued = true;
          else if (event.type === 'processing' && queued) checks++;
          const message = describeVideoProgress(event, queued, checks);
          this.log.info(`Animate ${image.name}: ${message}${event.detail !== undefined ? ` (${event.detail})` : ''}`);
          progress.report({ message });
        });
      },
    );

    // One video: priced and recorded like one image.
    const made = { provider: video.provider, model: video.model, images: [video] };
    const cost = this.spend.costOf(prices, made);
    this.spend.record(made, cost);
    const written = await this.host.module().writeVideoFile(
      target.folder,
      video,
      {
        cost,
        // No prompt: the file is named after the source and the operation (`harbour-animate-…mp4`).
        prompt: '',
        provider: video.provider,
        model: video.model,
        date,
        source: sourceLabel(imageUri),
        operation: 'animate',
        width: image.width,
        height: image.height,
        ...(args.cfgScale !== undefined || args.motion !== undefined
          ? {
              options: {
                ...(args.cfgScale !== undefined ? { cfgScale: args.cfgScale } : {}),
                ...(args.motion !== undefined ? { motion: args.motion } : {}),
              },
            }
          : {}),
      },
      { workspaceRoot: target.root },
    );
    const uri = vscode.Uri.file(written.path);
    this.log.info(`Saved the video of ${sourceLabel(imageUri)} to ${written.path}`);
    // Like an edited or generated image: the side bar stays where the user had it (often the chat); Open and
    // Reveal in Explorer are the notification's buttons.
    offerSavedFile(uri, vscode.l10n.t('Saved {0}', vscode.workspace.asRelativePath(uri, false)), this.log);
    return uri;
  }

  /** The providers that animate and have a usable key: none → a warning that sets one; one → no question. */
  private async pickProvider(title: string): Promise<string | undefined> {
    const engine = this.host.get();
    const usable: ResolvedProviderEntry[] = [];
    for (const entry of engine.providerEntries().entries) {
      if (!engine.animatesImages(entry)) continue;
      if ((await this.keys.status(keyInfoOf(entry))).source !== 'missing') usable.push(entry);
    }
    if (usable.length === 0) {
      const setKey = vscode.l10n.t('Set API Key');
      const choice = await vscode.window.showWarningMessage(
        vscode.l10n.t('No provider that animates images has a key yet. Set a key for Stability AI.'),
        setKey,
      );
      if (choice === setKey) await vscode.commands.executeCommand('switchboard.setApiKey', { provider: 'stability' });
      return undefined;
    }
    if (usable.length === 1) return usable[0]?.id;
    const input = new MultiStepInput(title, 1);
    const answer = await input.pick(1, {
      placeholder: vscode.l10n.t('Choose the provider that animates the image'),
      items: usable.map((entry) => ({ label: entry.label, description: entry.id, id: entry.id })),
    });
    return answer === back || answer === undefined ? undefined : answer.id;
  }
}

/** The job's state: sending, started, still rendering (and which check this is), downloading, waits and retries. */
function describeVideoProgress(event: ImageProgress, queued: boolean, checks: number): string {
  switch (event.type) {
    case 'queued':
      return vscode.l10n.t('started, waiting for the video');
    case 'processing':
      return queued ? vscode.l10n.t('rendering the video (check {0})', checks) : vscode.l10n.t('sending the image');
    case 'downloading':
      return vscode.l10n.t('downloading the video');
    case 'waiting-rate-limit':
    case 'retry':
      return describeImageProgress(event);
  }
}
