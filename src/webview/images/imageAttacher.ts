// Attaches pasted and dropped images to the next message: each one is downscaled in the view (downscaleImage.ts) and
// posted as `attachImage`; the extension stores it and answers with its chip. One at a time, so only one decoded
// picture is held. Every image that cannot go is named in a notice with the reason; the draft and the other chips
// stay as they are.
import { visionImageLimits } from '../../shared/visionImageLimits';
import { fitText, protocolLimits, type WebviewToExtensionMessage } from '../../shared/webviewProtocol';
import { format, type WebviewStrings } from '../webviewStrings';
import { blobToBase64, downscaleImage, type ImageRefusal } from './downscaleImage';

export class ImageAttacher {
  /** Images posted since the last chips arrived from the extension: they count against the limit meanwhile. */
  private posted = 0;
  private queue: Promise<void> = Promise.resolve();

  constructor(
    private readonly strings: WebviewStrings,
    private readonly post: (message: WebviewToExtensionMessage) => void,
    private readonly refuse: (text: string) => void,
    /** The image chips waiting to go with the next message. */
    private readonly attachedImages: () => number,
  ) {}

  /** The extension sent the chips: the images posted so far are among them. */
  chipsChanged(): void {
    this.posted = 0;
  }

  /** Attaches `files` in order; resolves when all are posted or refused. */
  attach(files: readonly File[]): Promise<void> {
    this.queue = this.queue.then(() => this.attachAll(files));
    return this.queue;
  }

  private async attachAll(files: readonly File[]): Promise<void> {
    const tooMany: string[] = [];
    for (const file of files) {
      const name = fitText(file.name || 'image.png', protocolLimits.shortText);
      if (this.attachedImages() + this.posted >= visionImageLimits.maxImagesPerMessage) {
        tooMany.push(name);
        continue;
      }
      try {
        const result = await downscaleImage(file);
        if (!result.ok) {
          this.refuse(this.reason(name, result.refusal));
          continue;
        }
        const { image } = result;
        this.post({
          type: 'attachImage',
          name,
          mimeType: image.mimeType,
          data: await blobToBase64(image.blob),
          width: image.width,
          height: image.height,
        });
        this.posted += 1;
      } catch {
        this.refuse(format(this.strings.imageUnreadable, name));
      }
    }
    if (tooMany.length > 0) this.refuse(format(this.strings.imageTooMany, tooMany.join(', '), visionImageLimits.maxImagesPerMessage));
  }

  private reason(name: string, refusal: ImageRefusal): string {
    const { strings } = this;
    const number = (value: number): string =>
      value.toLocaleString(document.documentElement.lang || undefined, { maximumFractionDigits: 1 });
    const megabytes = (bytes: number): string => number(bytes / 1_000_000);
    switch (refusal.reason) {
      case 'svg':
        return format(strings.imageSvg, name);
      case 'gif':
        return format(strings.imageGif, name);
      case 'unreadable':
        return format(strings.imageUnreadable, name);
      case 'tooLarge':
        return format(strings.imageTooLarge, name, megabytes(refusal.bytes), megabytes(visionImageLimits.maxSourceBytes));
      case 'tooManyPixels':
        return format(
          strings.imageTooManyPixels,
          name,
          number(refusal.width),
          number(refusal.height),
          number(visionImageLimits.maxSourcePixels / 1_000_000),
        );
      case 'stillTooLarge':
        return format(strings.imageStillTooLarge, name, megabytes(visionImageLimits.maxBytes));
    }
  }
}
