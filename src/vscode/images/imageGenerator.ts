// `switchboard.generateImage` and the chat's `/image` (docs/images.md): ask for a prompt, a model and options (remembered
// between runs), generate under a cancellable progress notification that shows the provider's state, save into
// the workspace (never outside it, never over a file), then reveal, preview and offer to insert a reference in the
// active editor's own syntax.
import * as path from 'node:path';
import * as vscode from 'vscode';
import { parseModelRef } from '../../core/config/modelRef';
import type { ImageProgress, ImageRequest, ImageResult } from '../../core/images/imageTypes';
import type { KeyStore } from '../../core/keys/keyStore';
import type { ImageSizeChoice } from '../../core/images/imageSizeChoices';
import type { WrittenImage } from '../../core/images/writeImageFiles';
import { keyInfoOf, type ProviderEngineHost } from '../engine/providerEngineHost';
import type { SettingsService } from '../settings/settingsService';
import type { LastEditorTracker } from '../chat/lastEditorTracker';
import { describeError } from '../errors/describeError';

/** The argument object of `switchboard.generateImage` (for keybindings, tasks and tests: no prompts at all). */
export interface GenerateImageArgs {
  prompt?: string;
  /** `providerId/modelId`, e.g. `stability/core`. */
  model?: string;
  width?: number;
  height?: number;
  aspectRatio?: string;
  count?: number;
  negativePrompt?: string;
  style?: string;
  seed?: number;
  /** Folder inside the workspace, instead of `switchboard.images.folder`. */
  folder?: string;
  /** Insert a reference into the active editor without asking (default: ask, unless args were given). */
  insertReference?: boolean;
}

export interface GeneratedImages {
  uris: vscode.Uri[];
  provider: string;
  model: string;
  prompt: string;
  skipped: string[];
}

interface RememberedOptions {
  model?: string;
  size?: ImageSizeChoice;
  count?: number;
}

const rememberedKey = 'switchboard.images.lastOptions';

export class ImageGenerator {
  constructor(
    private readonly host: ProviderEngineHost,
    private readonly keys: KeyStore,
    private readonly settings: SettingsService,
    private readonly state: vscode.Memento,
    private readonly editors: LastEditorTracker,
    private readonly log: vscode.LogOutputChannel,
  ) {}

  /** The command: prompts for whatever `args` leaves out (nothing at all when args are given). */
  async command(args?: GenerateImageArgs): Promise<vscode.Uri[]> {
    const interactive = args === undefined;
    const remembered = this.state.get<RememberedOptions>(rememberedKey, {});
    const prompt = args?.prompt ?? (await this.askPrompt());
    if (prompt === undefined) return [];
    const model = args?.model ?? (interactive ? await this.pickModel(remembered.model) : this.defaultModel(remembered.model));
    if (model === undefined) {
      if (interactive) return [];
      throw new Error(vscode.l10n.t('No image model is set: pass one as “model”, or set switchboard.images.model.'));
    }
    let size: ImageSizeChoice | undefined =
      args && (args.width !== undefined || args.aspectRatio !== undefined)
        ? {
            label: '',
            ...(args.width !== undefined ? { width: args.width } : {}),
            ...(args.height !== undefined ? { height: args.height } : {}),
            ...(args.aspectRatio !== undefined ? { aspectRatio: args.aspectRatio } : {}),
          }
        : undefined;
    let extras: Partial<ImageRequest> = {};
    if (interactive) {
      const picked = await this.pickOptions(model, remembered);
      if (!picked) return [];
      size = picked.size;
      extras = picked.extras;
    }
    const request: ImageRequest = {
      model: '',
      prompt,
      ...(size?.width !== undefined ? { width: size.width } : {}),
      ...(size?.height !== undefined ? { height: size.height } : {}),
      ...(size?.aspectRatio !== undefined ? { aspectRatio: size.aspectRatio } : {}),
      ...(args?.count !== undefined ? { count: args.count } : {}),
      ...(args?.negativePrompt !== undefined ? { negativePrompt: args.negativePrompt } : {}),
      ...(args?.style !== undefined ? { style: args.style } : {}),
      ...(args?.seed !== undefined ? { seed: args.seed } : {}),
      ...extras,
    };
    await this.state.update(rememberedKey, {
      model,
      ...(size ? { size } : {}),
      ...(request.count ? { count: request.count } : {}),
    } satisfies RememberedOptions);
    const result = await this.generateAndSave(model, request, args?.folder);
    if (result.uris.length > 0) await this.afterSaving(result, args?.insertReference ?? (interactive ? undefined : false));
    return result.uris;
  }

  /** Generates and saves; throws with a message a person can act on. Used by the command and by `/image`. */
  async generateAndSave(model: string, request: ImageRequest, folderOverride?: string, signal?: AbortSignal): Promise<GeneratedImages> {
    const ref = parseModelRef(model);
    if (!ref) throw new Error(vscode.l10n.t('“{0}” is not an image model: write providerId/modelId, e.g. stability/core.', model));
    const target = await this.targetFolder(folderOverride);
    if (!target) return { uris: [], provider: ref.provider, model: ref.model, prompt: request.prompt, skipped: [] };

    const provider = await this.host.get().imageProvider(ref.provider);
    const fullRequest: ImageRequest = { ...request, model: ref.model };
    provider.validate(fullRequest); // the provider's own limits, before anything is sent or any folder is made

    const date = new Date();
    const result = await vscode.window.withProgress(
      {
        location: vscode.ProgressLocation.Notification,
        title: vscode.l10n.t('Generating an image with {0}', model),
        cancellable: true,
      },
      async (progress, token): Promise<ImageResult> => {
        const controller = new AbortController();
        token.onCancellationRequested(() => controller.abort());
        signal?.addEventListener('abort', () => controller.abort(), { once: true });
        if (signal?.aborted) controller.abort();
        return provider.generate({ ...fullRequest, signal: controller.signal }, (event) => {
          const message = describeProgress(event);
          this.log.info(`Image ${model}: ${message}${event.detail !== undefined ? ` (${event.detail})` : ''}`);
          progress.report({ message });
        });
      },
    );

    const written = await this.host.module().writeImageFiles(
      target.folder,
      result.images,
      {
        prompt: request.prompt,
        provider: result.provider,
        model: result.model,
        date,
        ...(request.negativePrompt !== undefined ? { negativePrompt: request.negativePrompt } : {}),
        ...(request.width !== undefined ? { width: request.width } : {}),
        ...(request.height !== undefined ? { height: request.height } : {}),
        ...(request.aspectRatio !== undefined ? { aspectRatio: request.aspectRatio } : {}),
        ...(request.style !== undefined ? { style: request.style } : {}),
        ...(request.count !== undefined ? { count: request.count } : {}),
        ...(request.options !== undefined ? { options: request.options } : {}),
      },
      { workspaceRoot: target.root },
    );
    const skipped = written.skipped.map((item) => describeError(item));
    for (const message of skipped) void vscode.window.showWarningMessage(message);
    this.log.info(
      `Saved ${written.written.length} image(s) from ${model} to ${target.folder}${skipped.length ? `; skipped ${skipped.length}` : ''}`,
    );
    return {
      uris: written.written.map((image: WrittenImage) => vscode.Uri.file(image.path)),
      provider: result.provider,
      model: result.model,
      prompt: request.prompt,
      skipped,
    };
  }

  /** `/image <prompt>` in the chat: the default model and the remembered size, no questions. */
  async forChat(prompt: string, signal: AbortSignal): Promise<{ provider: string; model: string; paths: string[]; skipped: string[] }> {
    const remembered = this.state.get<RememberedOptions>(rememberedKey, {});
    const model = this.defaultModel(remembered.model);
    if (!model) {
      throw new Error(
        vscode.l10n.t('Choose an image model first: run “Switchboard: Generate Image” once, or set switchboard.images.model.'),
      );
    }
    const size = remembered.model === model ? remembered.size : undefined;
    const request: ImageRequest = {
      model: '',
      prompt,
      ...(size?.width !== undefined ? { width: size.width } : {}),
      ...(size?.height !== undefined ? { height: size.height } : {}),
      ...(size?.aspectRatio !== undefined ? { aspectRatio: size.aspectRatio } : {}),
    };
    // No reveal in the explorer here: it would take the side bar away from the chat, which shows the image.
    const result = await this.generateAndSave(model, request, undefined, signal);
    return { provider: result.provider, model: result.model, paths: result.uris.map((uri) => uri.fsPath), skipped: result.skipped };
  }

  /** The default image model: the setting, or the last one used. */
  defaultModel(remembered?: string): string | undefined {
    return this.settings.settings.imagesModel || remembered || undefined;
  }

  private async askPrompt(): Promise<string | undefined> {
    const prompt = await vscode.window.showInputBox({
      title: vscode.l10n.t('Switchboard: Generate Image'),
      prompt: vscode.l10n.t('Describe the image'),
      placeHolder: vscode.l10n.t('A lighthouse at dusk, watercolor'),
      ignoreFocusOut: true,
      validateInput: (text) => (text.trim() === '' ? vscode.l10n.t('Describe what to draw.') : undefined),
    });
    return prompt?.trim();
  }

  private async pickModel(remembered?: string): Promise<string | undefined> {
    const engine = this.host.get();
    const items: (vscode.QuickPickItem & { model?: string })[] = [];
    for (const entry of engine.providerEntries().entries) {
      if (!engine.makesImages(entry)) continue;
      const status = await this.keys.status(keyInfoOf(entry));
      if (status.source === 'missing') continue;
      const { models } = await engine.listImageModels(entry.id, AbortSignal.timeout(15_000));
      if (models.length === 0) continue;
      items.push({ label: entry.label, kind: vscode.QuickPickItemKind.Separator });
      for (const model of models) items.push({ label: model.id, description: model.name ?? entry.id, model: `${entry.id}/${model.id}` });
    }
    if (items.length === 0) {
      const setKey = vscode.l10n.t('Set API Key');
      const choice = await vscode.window.showWarningMessage(
        vscode.l10n.t('No image provider has a key yet. Set a key for Stability AI, Fusion Brain, OpenAI or the Sydney gateway.'),
        setKey,
      );
      if (choice === setKey) await vscode.commands.executeCommand('switchboard.setApiKey');
      return undefined;
    }
    const preferred = this.defaultModel(remembered);
    const last = items.find((item) => item.model !== undefined && item.model === preferred);
    const picked = await vscode.window.showQuickPick(
      last
        ? [{ label: vscode.l10n.t('Last used'), kind: vscode.QuickPickItemKind.Separator }, { ...last, label: last.label }, ...items]
        : items,
      { title: vscode.l10n.t('Image model'), placeHolder: vscode.l10n.t('Choose the image model'), matchOnDescription: true },
    );
    return picked?.model;
  }

  private async pickOptions(
    model: string,
    remembered: RememberedOptions,
  ): Promise<{ size?: ImageSizeChoice; extras: Partial<ImageRequest> } | undefined> {
    const ref = parseModelRef(model);
    const entry = ref ? this.host.get().entry(ref.provider) : undefined;
    if (!ref || !entry) return { extras: {} };
    const choices = this.host.module().imageSizeChoices(entry.kind, ref.model);
    const more = vscode.l10n.t('More options…');
    type Item = vscode.QuickPickItem & { size?: ImageSizeChoice; more?: boolean };
    const items: Item[] = choices.map((size) => ({
      label: size.label,
      size,
      ...(remembered.size?.label === size.label ? { description: vscode.l10n.t('last used') } : {}),
    }));
    items.sort((a, b) => Number(b.description !== undefined) - Number(a.description !== undefined));
    items.push({ label: `$(settings) ${more}`, more: true, detail: vscode.l10n.t('Negative prompt, style, seed, number of images') });
    const picked =
      choices.length === 0
        ? ({ label: '', more: false } as Item)
        : await vscode.window.showQuickPick(items, { title: vscode.l10n.t('Size or aspect ratio') });
    if (!picked) return undefined;
    if (!picked.more) return { ...(picked.size ? { size: picked.size } : {}), extras: {} };
    const size = items[0]?.size;
    const negativePrompt = await vscode.window.showInputBox({
      title: vscode.l10n.t('Negative prompt (optional)'),
      prompt: vscode.l10n.t('What the image should not contain'),
    });
    if (negativePrompt === undefined) return undefined;
    const style = await vscode.window.showInputBox({
      title: vscode.l10n.t('Style (optional)'),
      prompt: vscode.l10n.t('A style name the provider knows, e.g. photographic or ANIME'),
    });
    if (style === undefined) return undefined;
    const seed = await vscode.window.showInputBox({
      title: vscode.l10n.t('Seed (optional)'),
      prompt: vscode.l10n.t('A whole number, to get the same image again'),
      validateInput: (text) => (text.trim() === '' || /^\d+$/.test(text.trim()) ? undefined : vscode.l10n.t('A whole number, or empty.')),
    });
    if (seed === undefined) return undefined;
    const count = await vscode.window.showQuickPick(['1', '2', '3', '4'], { title: vscode.l10n.t('Number of images') });
    if (count === undefined) return undefined;
    return {
      ...(size ? { size } : {}),
      extras: {
        ...(negativePrompt.trim() ? { negativePrompt: negativePrompt.trim() } : {}),
        ...(style.trim() ? { style: style.trim() } : {}),
        ...(seed.trim() ? { seed: Number(seed.trim()) } : {}),
        count: Number(count),
      },
    };
  }

  /**
   * The workspace folder of the active editor (or the first one) and the images folder inside it; with no
   * workspace open, asks where to save. Refuses a folder setting that points outside the workspace.
   */
  private async targetFolder(folderOverride?: string): Promise<{ root: string; folder: string } | undefined> {
    const editorUri = this.editors.editor?.document.uri;
    const workspaceFolder = (editorUri && vscode.workspace.getWorkspaceFolder(editorUri)) ?? vscode.workspace.workspaceFolders?.[0];
    if (!workspaceFolder || workspaceFolder.uri.scheme !== 'file') {
      const picked = await vscode.window.showOpenDialog({
        canSelectFiles: false,
        canSelectFolders: true,
        canSelectMany: false,
        title: vscode.l10n.t('No folder is open: where should the images be saved?'),
        openLabel: vscode.l10n.t('Save Images Here'),
      });
      const folder = picked?.[0];
      if (!folder) return undefined;
      return { root: folder.fsPath, folder: folder.fsPath };
    }
    const setting = folderOverride ?? this.settings.imagesFolderFor(workspaceFolder);
    const resolved = await this.host.module().resolveImageFolder(workspaceFolder.uri.fsPath, setting);
    if (!resolved.ok) throw new Error(resolved.reason);
    return { root: workspaceFolder.uri.fsPath, folder: resolved.folder };
  }

  /** Reveal, preview, and offer (or, with `insert`, do) the reference in the editor the user was working in. */
  private async afterSaving(result: GeneratedImages, insert: boolean | undefined): Promise<void> {
    const first = result.uris[0];
    if (!first) return;
    const editor = this.editors.editor;
    await vscode.commands.executeCommand('revealInExplorer', first);
    await vscode.commands.executeCommand('vscode.open', first, {
      viewColumn: vscode.ViewColumn.Beside,
      preview: true,
      preserveFocus: true,
    });
    const relative = vscode.workspace.asRelativePath(first);
    if (!editor || editor.document.uri.scheme === 'output' || insert === false) {
      void vscode.window.showInformationMessage(vscode.l10n.t('Saved {0}.', relative));
      return;
    }
    const engine = this.host.module();
    const reference = () =>
      result.uris
        .map((uri) =>
          engine.imageReference(
            editor.document.languageId,
            engine.relativeImagePath(editor.document.uri.fsPath, uri.fsPath, editor.document.languageId),
            result.prompt,
          ),
        )
        .join(editor.document.languageId === 'markdown' ? '\n\n' : '\n');
    let doInsert = insert === true;
    if (insert === undefined) {
      const action = vscode.l10n.t('Insert Reference');
      const choice = await vscode.window.showInformationMessage(
        vscode.l10n.t('Saved {0}. Insert a reference into {1}?', relative, path.basename(editor.document.uri.fsPath)),
        action,
      );
      doInsert = choice === action;
    }
    if (!doInsert) return;
    await editor.edit((builder) => builder.replace(editor.selection, reference()));
  }
}

function describeProgress(event: ImageProgress): string {
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
