// Images in the chat, the extension's side (issue 16, docs/chat.md "Images in the chat"): images pasted or dropped
// into the view arrive downscaled (the webview does it with the browser's own decoding and canvas) and are stored
// once by content hash; image files picked with `@`, added with Add to Chat or asked about from an answer are sent to
// the webview to be downscaled the same way. Before a message with images goes, the chosen model is asked whether it
// can see them; before a request goes, every image is read back from the store (or, for a model that cannot see,
// replaced by a note). The buttons on images in the chat land here too.
import * as vscode from 'vscode';
import type { AttachmentStore } from '../../core/attachments/attachmentStore';
import { attachmentPath } from '../../core/attachments/attachmentPath';
import type { ChatMessage, ChatRequest } from '../../core/chat/chatTypes';
import type { Conversation } from '../../core/conversations/conversation';
import type { ImagePart, MessagePart } from '../../core/conversations/messagePart';
import type { ImageAction } from '../../shared/webviewProtocol';
import { visionImageLimits } from '../../shared/visionImageLimits';
import type { ProviderEngineHost } from '../engine/providerEngineHost';
import type { ModelCatalog } from '../models/modelCatalog';
import type { ChatViewPort } from './chatViewPort';
import type { ContextTray } from './contextTray';
import type { ConversationStorage } from './lazyConversationStore';
import type { OpenConversation } from './openConversation';

/** The image a pasted or dropped picture became in the webview (`attachImage`). */
export interface DownscaledImage {
  name: string;
  mimeType: string;
  data: string;
  width: number;
  height: number;
}

/** Image files by extension: the ones sent as images, and the ones refused with a reason. */
const imageFile = /\.(png|jpe?g|webp)$/i;
const refusedImageFile = /\.(gif|svg|svgz)$/i;

/** Whether a file is an image the chat takes (or one it refuses with a reason) rather than a text file. */
export function isImageFile(uri: vscode.Uri): boolean {
  return imageFile.test(uri.path) || refusedImageFile.test(uri.path);
}

export interface ChatImagesDeps {
  tray: ContextTray;
  port: ChatViewPort;
  open: OpenConversation;
  host: ProviderEngineHost;
  catalog: ModelCatalog;
  log: vscode.LogOutputChannel;
  /** The folder attachments are stored in (the extension's global storage, `attachments`). */
  directory: string;
  /** Reveals the chat view (the webview downscales image files, so it must be there). */
  reveal: () => Promise<void>;
}

/** Inserts a reference to an image into the editor the user worked in (the image feature's; set once it exists). */
export type InsertImageReference = (image: vscode.Uri, alt: string) => Promise<void>;

export class ChatImages {
  private store: AttachmentStore | undefined;
  /** Set by the image feature: "Insert reference" on an image in the chat. */
  insertReference: InsertImageReference | undefined;

  constructor(private readonly deps: ChatImagesDeps) {}

  /** Where the attachment `hash` is stored (for the webview's thumbnails). */
  pathOf(hash: string, mimeType: string): string {
    return attachmentPath(this.deps.directory, hash, mimeType);
  }

  private attachments(): AttachmentStore {
    return (this.store ??= new (this.deps.host.module().AttachmentStore)(this.deps.directory));
  }

  /** A downscaled image from the webview: checked again, stored by hash, shown as a chip. */
  async attachDownscaled(image: DownscaledImage): Promise<void> {
    if (!this.roomForAnother()) return;
    const bytes = Buffer.from(image.data, 'base64');
    const problem =
      bytes.length > visionImageLimits.maxBytes
        ? vscode.l10n.t(
            '{0} is {1} KB after downscaling; at most {2} KB can be sent.',
            image.name,
            kb(bytes.length),
            kb(visionImageLimits.maxBytes),
          )
        : Math.max(image.width, image.height) > visionImageLimits.longEdge
          ? vscode.l10n.t(
              '{0} is {1}×{2} pixels; images are sent at most {3} pixels on the long edge.',
              image.name,
              image.width,
              image.height,
              visionImageLimits.longEdge,
            )
          : undefined;
    if (problem) {
      this.deps.port.notice(problem, 'warning');
      return;
    }
    let stored;
    try {
      stored = await this.attachments().put(bytes);
    } catch (error) {
      this.deps.log.warn(`Refused an attached image ${image.name}: ${error instanceof Error ? error.message : String(error)}`);
      this.deps.port.notice(vscode.l10n.t('{0} could not be read as a PNG, JPEG or WebP image.', image.name), 'warning');
      return;
    }
    this.deps.tray.addImage({ hash: stored.hash, mimeType: stored.mimeType, name: image.name, path: stored.path });
  }

  /**
   * Image files (Add to Chat, the `@` picker, a drop from the explorer, "Ask about this image"): GIF and SVG are refused
   * with the reason; the others go to the webview, which downscales them like a pasted picture.
   */
  async attachFiles(uris: readonly vscode.Uri[]): Promise<void> {
    if (uris.length === 0) return;
    await this.deps.reveal();
    for (const uri of uris) {
      const name = uri.path.slice(uri.path.lastIndexOf('/') + 1);
      if (/\.gif$/i.test(name)) {
        this.deps.port.notice(
          vscode.l10n.t('{0}: GIF images are not sent to models (an animated one would lose all but one frame); convert it to PNG.', name),
          'warning',
        );
        continue;
      }
      if (/\.svgz?$/i.test(name)) {
        this.deps.port.notice(
          vscode.l10n.t('{0}: an SVG is a vector drawing, and models take pixels; export it as a PNG.', name),
          'warning',
        );
        continue;
      }
      let bytes: Uint8Array;
      try {
        const stat = await vscode.workspace.fs.stat(uri);
        if (stat.size > visionImageLimits.maxSourceBytes) {
          this.deps.port.notice(
            vscode.l10n.t('{0} is {1} MB; images over {2} MB are not attached.', name, mb(stat.size), mb(visionImageLimits.maxSourceBytes)),
            'warning',
          );
          continue;
        }
        bytes = await vscode.workspace.fs.readFile(uri);
      } catch (error) {
        this.deps.port.notice(
          vscode.l10n.t('{0} could not be read: {1}', name, error instanceof Error ? error.message : String(error)),
          'warning',
        );
        continue;
      }
      const mimeType = /\.png$/i.test(name) ? 'image/png' : /\.webp$/i.test(name) ? 'image/webp' : 'image/jpeg';
      this.deps.port.post({ type: 'downscaleImage', name, mimeType, data: Buffer.from(bytes).toString('base64') });
    }
  }

  /**
   * Before a message with images goes to `model`: true when it may go. When the model is known not to see images,
   * says so, offers a one-click switch to one that can (from providers with a usable key), and returns false. An
   * unknown model is given the benefit of the doubt (the provider's own error will say if it cannot).
   */
  async mayGoTo(model: string): Promise<boolean> {
    const sight = await this.deps.host.get().vision(model);
    if (sight.vision !== false) return true;
    const alternative = await this.seeingModel(model);
    this.deps.port.post({
      type: 'notice',
      level: 'warning',
      text: alternative
        ? vscode.l10n.t('{0} cannot see images. Switch to {1}, which can, or remove the images.', model, alternative)
        : vscode.l10n.t(
            '{0} cannot see images, and no model with a key here is known to. Remove the images, or choose a model that sees them.',
            model,
          ),
      actions: ['switchModel'],
      ...(alternative ? { switchModel: { model: alternative, label: vscode.l10n.t('Use {0}', alternative) } } : {}),
    });
    return false;
  }

  /**
   * The request as it goes to `model`: each image's bytes read from the store; for a model known not to see images,
   * images (of earlier messages) become notes, and the user is told. An image no longer stored becomes a note too.
   */
  async prepare<R extends Pick<ChatRequest, 'messages'>>(request: R, model: string): Promise<R> {
    if (!request.messages.some((message) => message.parts.some((part) => part.type === 'image'))) return request;
    const sight = await this.deps.host.get().vision(model);
    if (sight.vision === false) {
      const { messages, replaced } = this.deps.host.module().imagesAsNotes(request.messages);
      this.deps.port.notice(
        vscode.l10n.t(
          '{0} cannot see images: the {1} images of earlier messages are sent as a note saying an image was there.',
          model,
          replaced,
        ),
        'warning',
      );
      return { ...request, messages };
    }
    const missing: string[] = [];
    const messages: ChatMessage[] = [];
    for (const message of request.messages) {
      const parts: MessagePart[] = [];
      for (const part of message.parts) {
        if (part.type !== 'image') {
          parts.push(part);
          continue;
        }
        const data = await this.bytesOf(part);
        if (data === undefined) {
          missing.push(part.alt);
          parts.push({ type: 'text', text: `[${part.alt}: an image that is no longer stored]` });
        } else parts.push({ ...part, data });
      }
      messages.push({ ...message, parts });
    }
    if (missing.length > 0) {
      this.deps.port.notice(vscode.l10n.t('No longer stored, so not sent: {0}.', missing.join(', ')), 'warning');
    }
    return { ...request, messages };
  }

  /** An image's button in the chat. `path` is what the message view gave: workspace-relative, or the hash of an attachment. */
  async action(action: ImageAction, path: string, messageId: string | undefined): Promise<void> {
    const uri = this.uriOf(path, messageId);
    if (!uri) {
      this.deps.port.notice(vscode.l10n.t('{0} is no longer in this conversation.', path), 'warning');
      return;
    }
    switch (action) {
      case 'open':
        await vscode.commands.executeCommand('vscode.open', uri, { preview: true, preserveFocus: false });
        return;
      case 'reveal':
        await vscode.commands.executeCommand('revealInExplorer', uri);
        return;
      case 'edit':
        await vscode.commands.executeCommand('switchboard.editImage', { image: uri });
        return;
      case 'animate':
        await vscode.commands.executeCommand('switchboard.animateImage', uri);
        return;
      case 'ask':
        await this.attachFiles([uri]);
        this.deps.port.post({ type: 'focusInput' });
        return;
      case 'insertReference':
        await this.insertReference?.(uri, this.altOf(path, messageId) ?? '');
        return;
    }
  }

  /**
   * Removes stored attachments that no conversation refers to any more (a day's grace for the composer's). Reads
   * every conversation; when any cannot be read, collects nothing (its images might still be needed).
   */
  async collectGarbage(store: Pick<ConversationStorage, 'list' | 'load'>): Promise<number> {
    const listed = await store.list();
    if (listed.problems.length > 0) return 0;
    const conversations: Conversation[] = [this.deps.open.current];
    for (const item of listed.items) {
      const loaded = await store.load(item.id);
      if (!loaded.conversation || loaded.problems.length > 0) return 0;
      conversations.push(loaded.conversation);
    }
    const referenced = this.deps.host.module().referencedAttachments(conversations);
    for (const part of this.deps.tray.imagesForSend()) if (part.hash !== undefined) referenced.add(part.hash);
    const removed = await this.attachments().collectGarbage(referenced, { graceMs: 24 * 60 * 60 * 1000 });
    if (removed > 0) this.deps.log.info(`Removed ${removed} attached image(s) no conversation refers to`);
    return removed;
  }

  private roomForAnother(): boolean {
    if (this.deps.tray.imageCount < visionImageLimits.maxImagesPerMessage) return true;
    this.deps.port.notice(vscode.l10n.t('At most {0} images go with one message.', visionImageLimits.maxImagesPerMessage), 'warning');
    return false;
  }

  private async bytesOf(part: ImagePart): Promise<string | undefined> {
    if (part.hash !== undefined) {
      const bytes = await this.attachments().read(part.hash, part.mimeType);
      return bytes ? Buffer.from(bytes).toString('base64') : undefined;
    }
    if (part.path !== undefined) {
      try {
        return Buffer.from(await vscode.workspace.fs.readFile(vscode.Uri.file(part.path))).toString('base64');
      } catch {
        return undefined;
      }
    }
    return undefined;
  }

  private altOf(path: string, messageId: string | undefined): string | undefined {
    const message = this.deps.open.current.messages.find((candidate) => candidate.id === messageId);
    const part = message?.parts.find(
      (candidate): candidate is ImagePart =>
        candidate.type === 'image' &&
        (candidate.hash === path || (candidate.path !== undefined && vscode.workspace.asRelativePath(candidate.path) === path)),
    );
    return part?.alt;
  }

  /** The file behind an image of a message: a generated image by its path, an attachment by its hash. */
  private uriOf(path: string, messageId: string | undefined): vscode.Uri | undefined {
    const messages = this.deps.open.current.messages.filter((message) => messageId === undefined || message.id === messageId);
    for (const message of messages) {
      for (const part of message.parts) {
        if (part.type !== 'image') continue;
        if (part.hash !== undefined && part.hash === path) return vscode.Uri.file(this.pathOf(part.hash, part.mimeType));
        if (part.path !== undefined && (vscode.workspace.asRelativePath(part.path) === path || part.path === path)) {
          return vscode.Uri.file(part.path);
        }
      }
    }
    return undefined;
  }

  /** A model with a usable key that is known to see images: the same provider's first, then any. */
  private async seeingModel(refused: string): Promise<string | undefined> {
    const provider = refused.slice(0, refused.indexOf('/'));
    const entries = await this.deps.catalog.chatProviders();
    entries.sort((a, b) => Number(b.id === provider) - Number(a.id === provider));
    const engine = this.deps.host.get();
    for (const entry of entries) {
      const { models } = await this.deps.catalog.models(entry);
      for (const model of models) {
        const ref = `${entry.id}/${model.id}`;
        if (ref !== refused && (await engine.vision(ref)).vision === true) return ref;
      }
    }
    return undefined;
  }
}

function kb(bytes: number): number {
  return Math.round(bytes / 1024);
}

function mb(bytes: number): string {
  return (bytes / 1_000_000).toFixed(1);
}
