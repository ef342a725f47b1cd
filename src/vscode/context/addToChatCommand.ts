// `switchboard.addToChat` (docs/chat.md): adds files and folders to the chat's context. From the explorer it gets the
// clicked URI and the whole selection (`(uri, uris[])`); from an editor tab, that editor's URI; from the Command
// Palette nothing, and then the active editor's file is added. Scripts and tests may pass a Uri, a Uri[] or URI
// strings. Resolves to the number of chips handed to the chat.
import * as vscode from 'vscode';
import { activeFileContextSource } from './activeFileContextSource';
import type { ContextSourceDeps } from './contextSourceDeps';
import { contextSourceForUri } from './contextSourceForUri';
import type { PendingContext } from './pendingContext';
import { isImageFile } from '../chat/chatImages';

export interface AddToChatDeps extends ContextSourceDeps {
  /** Hands the sources to the chat (which reveals itself, reads them for their chips and dedupes by key). */
  add(sources: PendingContext[]): Promise<void>;
  /** Hands image files to the chat, which attaches them as images (issue 16), not as text. */
  addImages(uris: vscode.Uri[]): Promise<void>;
}

/** Most URIs one call adds (as many as the webview's `addContextUris` carries). */
const maxUris = 100;

export function addToChatCommand(deps: AddToChatDeps): (first?: unknown, all?: unknown) => Promise<number> {
  return async (first, all) => {
    const uris = urisOf(all).length > 0 ? urisOf(all) : urisOf(first);
    let sources: PendingContext[];
    if (uris.length > 0) {
      const picked = uris.slice(0, maxUris);
      const images = picked.filter(isImageFile);
      sources = await Promise.all(picked.filter((uri) => !isImageFile(uri)).map((uri) => contextSourceForUri(uri, deps)));
      if (images.length > 0) await deps.addImages(images);
      if (sources.length === 0) return images.length;
    } else {
      const document = vscode.window.activeTextEditor?.document;
      if (!document) {
        void vscode.window.showInformationMessage(vscode.l10n.t('Open a file first: the context comes from the active editor.'));
        return 0;
      }
      sources = [activeFileContextSource(document, deps)];
    }
    await deps.add(sources);
    return sources.length;
  };
}

/** The URIs in a command argument: a Uri, a URI string, or a list of them (anything else is ignored). */
function urisOf(value: unknown): vscode.Uri[] {
  const list = Array.isArray(value) ? (value as unknown[]) : value === undefined || value === null ? [] : [value];
  const out: vscode.Uri[] = [];
  const seen = new Set<string>();
  for (const item of list) {
    const uri = item instanceof vscode.Uri ? item : typeof item === 'string' && item !== '' ? parseUri(item) : undefined;
    if (uri && !seen.has(uri.toString())) {
      seen.add(uri.toString());
      out.push(uri);
    }
  }
  return out;
}

function parseUri(text: string): vscode.Uri | undefined {
  try {
    // A plain path (`/srv/app.ts`, `C:\\app.ts`) is a file path; anything with a scheme is a URI.
    return /^[a-z][a-z0-9+.-]+:/i.test(text) && !/^[a-z]:[\\/]/i.test(text) ? vscode.Uri.parse(text, true) : vscode.Uri.file(text);
  } catch {
    return undefined;
  }
}
