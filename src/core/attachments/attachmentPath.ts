// Where an attached image is stored (attachmentStore.ts): `<directory>/<sha-256>.<png|jpg|webp>`. On its own, without
// the store's file code, because the extension's activation bundle needs it to show attachments in the chat.
import * as path from 'node:path';

const extensions: Readonly<Record<string, string>> = { 'image/png': 'png', 'image/jpeg': 'jpg', 'image/webp': 'webp' };

export function attachmentPath(directory: string, hash: string, mimeType: string): string {
  return path.join(directory, `${hash.toLowerCase()}.${extensions[mimeType] ?? 'bin'}`);
}
