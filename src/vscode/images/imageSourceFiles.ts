// What `Edit Image…` and `Animate Image…` share (docs/images.md): finding the image the command is about (its
// argument, the active editor's image, or an open dialog), reading and checking it before anything is sent, and the
// folder its results go into — beside the source, or the images folder when the source is outside the workspace.
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { SourceImage } from '../../core/images/imageEditTypes';
import type { ImageProgress } from '../../core/images/imageTypes';
import type { ProviderEngineHost } from '../engine/providerEngineHost';
import type { SettingsService } from '../settings/settingsService';
import { describeError } from '../errors/describeError';

/** The image files the commands accept (GIF and SVG are refused, with the reason, by the engine's check). */
export const editableImageExtensions = ['png', 'jpg', 'jpeg', 'webp'];
const editableImage = /\.(png|jpe?g|webp)$/i;

/**
 * A `Uri`, a URI string (`file:///…`), an absolute path, or a path relative to a workspace folder (the first one
 * where it exists, else the first folder). Anything else is undefined.
 */
export async function toImageUri(value: unknown): Promise<vscode.Uri | undefined> {
  if (value instanceof vscode.Uri) return value;
  if (typeof value === 'object' && value !== null && 'scheme' in value && 'path' in value) {
    // A Uri that crossed a boundary as a plain object ({ scheme, path, … }), e.g. from another extension.
    return vscode.Uri.from(value as { scheme: string; path: string });
  }
  if (typeof value !== 'string' || value.trim() === '') return undefined;
  const text = value.trim();
  if (/^[a-z][a-z0-9+.-]+:\/\//i.test(text)) return vscode.Uri.parse(text, true);
  if (path.isAbsolute(text)) return vscode.Uri.file(text);
  const folders = vscode.workspace.workspaceFolders ?? [];
  for (const folder of folders) {
    const candidate = vscode.Uri.joinPath(folder.uri, text);
    if (await exists(candidate)) return candidate;
  }
  return folders[0] ? vscode.Uri.joinPath(folders[0].uri, text) : vscode.Uri.file(path.resolve(text));
}

/** The image shown in the active editor group (VS Code's image preview, or any tab on a PNG/JPEG/WebP file). */
export function activeImageUri(): vscode.Uri | undefined {
  const input = vscode.window.tabGroups.activeTabGroup.activeTab?.input;
  const uri =
    input instanceof vscode.TabInputCustom || input instanceof vscode.TabInputText
      ? input.uri
      : (input as { uri?: unknown } | undefined)?.uri;
  return uri instanceof vscode.Uri && editableImage.test(uri.path) ? uri : undefined;
}

/** An open dialog for one PNG, JPEG or WebP file. */
export async function pickImageFile(title: string, openLabel: string): Promise<vscode.Uri | undefined> {
  const picked = await vscode.window.showOpenDialog({
    title,
    openLabel,
    canSelectFiles: true,
    canSelectFolders: false,
    canSelectMany: false,
    ...(vscode.workspace.workspaceFolders?.[0] ? { defaultUri: vscode.workspace.workspaceFolders[0].uri } : {}),
    filters: { [vscode.l10n.t('Images')]: editableImageExtensions },
  });
  return picked?.[0];
}

/** Reads an image through VS Code's file system and checks it (format, dimensions) with the engine: nothing is sent. */
export async function readSourceImageFile(host: ProviderEngineHost, uri: vscode.Uri): Promise<SourceImage> {
  let bytes: Uint8Array;
  try {
    bytes = await vscode.workspace.fs.readFile(uri);
  } catch (error) {
    throw new Error(vscode.l10n.t('Could not read {0}: {1}', vscode.workspace.asRelativePath(uri, false), describeError(error)), {
      cause: error,
    });
  }
  return host.module().readSourceImage(bytes, path.posix.basename(uri.path));
}

/** The source as its sidecar names it: relative to its workspace folder (forward slashes), else its full path. */
export function sourceLabel(uri: vscode.Uri): string {
  return vscode.workspace.getWorkspaceFolder(uri) ? vscode.workspace.asRelativePath(uri, false) : uri.fsPath;
}

export interface SaveTarget {
  /** The workspace folder the results must stay inside. */
  root: string;
  folder: string;
  /**
   * Set when the results cannot go beside the source (it is outside every workspace folder): the images folder
   * they go into instead, relative to its workspace folder, to tell the user.
   */
  insteadOfBeside?: string;
}

/**
 * Beside the source when it is inside a workspace folder (checked like the images folder setting, symbolic links
 * included), else the images folder of the first workspace folder (`switchboard.images.folder`); with no folder
 * open, asks where to save. Never outside a workspace folder.
 */
export async function saveTargetFor(
  source: vscode.Uri,
  host: ProviderEngineHost,
  settings: SettingsService,
): Promise<SaveTarget | undefined> {
  const engine = host.module();
  const own = source.scheme === 'file' ? vscode.workspace.getWorkspaceFolder(source) : undefined;
  if (own && own.uri.scheme === 'file') {
    const relative = path.relative(own.uri.fsPath, path.dirname(source.fsPath));
    const beside = await engine.resolveImageFolder(own.uri.fsPath, relative === '' ? '.' : relative);
    if (beside.ok) return { root: own.uri.fsPath, folder: beside.folder };
  }
  const workspaceFolder = own ?? vscode.workspace.workspaceFolders?.find((folder) => folder.uri.scheme === 'file');
  if (!workspaceFolder || workspaceFolder.uri.scheme !== 'file') {
    const picked = await vscode.window.showOpenDialog({
      canSelectFiles: false,
      canSelectFolders: true,
      canSelectMany: false,
      title: vscode.l10n.t('No folder is open: where should the results be saved?'),
      openLabel: vscode.l10n.t('Save Here'),
    });
    const folder = picked?.[0];
    return folder ? { root: folder.fsPath, folder: folder.fsPath } : undefined;
  }
  const resolved = await engine.resolveImageFolder(workspaceFolder.uri.fsPath, settings.imagesFolderFor(workspaceFolder));
  if (!resolved.ok) throw new Error(resolved.reason);
  return {
    root: workspaceFolder.uri.fsPath,
    folder: resolved.folder,
    insteadOfBeside: vscode.workspace.asRelativePath(vscode.Uri.file(resolved.folder), false),
  };
}

/** The provider's state in the progress notification, in the UI's language. */
export function describeImageProgress(event: ImageProgress): string {
  const of =
    event.imageIndex !== undefined && event.imageCount !== undefined && event.imageCount > 1
      ? ` (${event.imageIndex}/${event.imageCount})`
      : '';
  switch (event.type) {
    case 'queued':
      return vscode.l10n.t('queued{0}', of);
    case 'processing':
      return vscode.l10n.t('drawing{0}', of);
    case 'downloading':
      return vscode.l10n.t('downloading{0}', of);
    case 'waiting-rate-limit':
      return vscode.l10n.t('waiting {0} s for the rate limit', Math.ceil((event.waitMs ?? 0) / 1000));
    case 'retry':
      return vscode.l10n.t(
        'retrying in {0} s: {1}',
        Math.ceil((event.waitMs ?? 0) / 1000),
        event.error === undefined ? '' : describeError(event.error),
      );
  }
}

/**
 * "Saved <path>" with Open and Reveal in Explorer, neither taken until the user clicks (the focus stays put). Not
 * awaited: a notification with buttons stays until it is dismissed, and the command resolves before that.
 */
export function offerSavedFile(uri: vscode.Uri, message: string, log: vscode.LogOutputChannel): void {
  const open = vscode.l10n.t('Open');
  const reveal = vscode.l10n.t('Reveal in Explorer');
  void (async () => {
    try {
      const choice = await vscode.window.showInformationMessage(message, open, reveal);
      if (choice === open) await vscode.commands.executeCommand('vscode.open', uri);
      if (choice === reveal) await vscode.commands.executeCommand('revealInExplorer', uri);
    } catch (error) {
      log.warn(`Could not open ${uri.fsPath}: ${describeError(error)}`);
    }
  })();
}

async function exists(uri: vscode.Uri): Promise<boolean> {
  try {
    await vscode.workspace.fs.stat(uri);
    return true;
  } catch {
    return false;
  }
}
