// Images attached to chat messages (issue 16, docs/chat.md "Images in the chat"), kept once each in the extension's
// own storage under the SHA-256 of their bytes: a conversation refers to an image by hash (ImagePart.hash) and never
// carries base64, so saving a conversation never rewrites megabytes, and the same picture attached twice is stored
// once. Files nobody refers to any more are removed by `collectGarbage`.
import { createHash } from 'node:crypto';
import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import { isTempFileName, atomicWriteFile } from '../conversations/atomicWriteFile';
import type { Conversation } from '../conversations/conversation';
import { detectImageMimeType } from '../images/detectImageMimeType';
import type { ImageMimeType } from '../images/imageTypes';
import { attachmentPath } from './attachmentPath';

/** A stored attachment: how a message refers to it, and where its bytes are. */
export interface StoredAttachment {
  hash: string;
  mimeType: ImageMimeType;
  path: string;
}

const fileName = /^([0-9a-f]{64})\.(png|jpg|webp)$/;

export class AttachmentStore {
  constructor(
    /** The folder the files live in (created on first use): the extension's global storage, `attachments`. */
    readonly directory: string,
  ) {}

  /** Where the attachment `hash` of type `mimeType` is (or would be) stored. */
  pathOf(hash: string, mimeType: string): string {
    return attachmentPath(this.directory, hash, mimeType);
  }

  /**
   * Stores `bytes` (checked to be a PNG, JPEG or WebP by magic number; the type is taken from the bytes, not from
   * whoever sent them) unless the same bytes are stored already. Throws an Error naming the problem when the bytes
   * are not such an image.
   */
  async put(bytes: Uint8Array): Promise<StoredAttachment> {
    const mimeType = detectImageMimeType(bytes);
    if (mimeType === undefined) throw new Error('not a PNG, JPEG or WebP image');
    const hash = createHash('sha256').update(bytes).digest('hex');
    const target = this.pathOf(hash, mimeType);
    await fs.mkdir(this.directory, { recursive: true });
    const existing = await fs.stat(target).catch(() => undefined);
    if (existing?.size === bytes.length) {
      // Touch it: a file attached again is young again for collectGarbage's grace period.
      const now = new Date();
      await fs.utimes(target, now, now).catch(() => undefined);
    } else {
      await atomicWriteFile(target, bytes);
    }
    return { hash, mimeType, path: target };
  }

  /** The bytes of a stored attachment, or undefined when it is not (or no longer) stored. */
  async read(hash: string, mimeType: string): Promise<Uint8Array | undefined> {
    try {
      return await fs.readFile(this.pathOf(hash, mimeType));
    } catch {
      return undefined;
    }
  }

  /**
   * Removes every stored attachment whose hash is not in `referenced` and that is older than `graceMs` (an image
   * waiting in the composer is not in any conversation yet; the grace period keeps it), and leftover temporary
   * files. Returns how many files were removed. A folder that does not exist has nothing to collect.
   */
  async collectGarbage(referenced: ReadonlySet<string>, options: { graceMs: number; now?: number }): Promise<number> {
    const now = options.now ?? Date.now();
    let names: string[];
    try {
      names = await fs.readdir(this.directory);
    } catch {
      return 0;
    }
    let removed = 0;
    for (const name of names) {
      const hash = fileName.exec(name)?.[1];
      if (hash === undefined && !isTempFileName(name)) continue;
      if (hash !== undefined && referenced.has(hash)) continue;
      const file = path.join(this.directory, name);
      const stat = await fs.stat(file).catch(() => undefined);
      if (!stat || now - stat.mtimeMs < options.graceMs) continue;
      await fs.rm(file, { force: true });
      removed++;
    }
    return removed;
  }
}

/** The hashes of the images a set of conversations refers to (for collectGarbage). */
export function referencedAttachments(conversations: Iterable<Pick<Conversation, 'messages'>>): Set<string> {
  const hashes = new Set<string>();
  for (const conversation of conversations) {
    for (const message of conversation.messages) {
      const recipeParts = message.role === 'user' ? (message.recipe?.promptParts ?? []) : [];
      for (const part of [...message.parts, ...recipeParts]) {
        if (part.type === 'image' && part.hash !== undefined) hashes.add(part.hash.toLowerCase());
      }
    }
  }
  return hashes;
}
