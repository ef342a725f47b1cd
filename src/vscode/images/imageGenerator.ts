// `switchboard.generateImage` and the chat's `/image` (docs/images.md): ask for a prompt, a model and options in one
// stepped flow with Back (remembered between runs), generate under a cancellable progress notification that shows
// the provider's state, save into the workspace (never outside it, never over a file), then preview it in the
// editor group already in use and offer to insert a reference in the active editor's own syntax, after the
// selection, never over it.
import * as path from 'node:path';
import * as vscode from 'vscode';
import { parseModelRef } from '../../core/config/modelRef';
import type { ImageRequest, ImageResult } from '../../core/images/imageTypes';
import type { KeyStore } from '../../core/keys/keyStore';
import type { ImageShape } from '../../core/images/imageShape';
import type { ImageSizeChoice } from '../../core/images/imageSizeChoices';
import type { WrittenImage } from '../../core/images/writeImageFiles';
import { keyInfoOf, type ProviderEngineHost } from '../engine/providerEngineHost';
import type { SettingsService } from '../settings/settingsService';
import type { LastEditorTracker } from '../chat/lastEditorTracker';
import { describeError } from '../errors/describeError';
import { back, MultiStepInput, outcomeOf, runSteps } from './multiStepInput';
import { describeImageProgress } from './imageSourceFiles';
import { ImageSpend, imageCostLabel } from './imageSpend';
import type { Cost } from '../../core/pricing/modelPrices';
import { moderatedImagePrompt } from '../moderation/moderatedImagePrompt';

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
  /** What the request cost (docs/spend.md "Cost"); absent when nothing was sent. */
  cost?: Cost;
}

interface RememberedOptions {
  model?: string;
  size?: ImageSizeChoice;
  count?: number;
}

const rememberedKey = 'switchboard.images.lastOptions';

export class ImageGenerator {
  /** The image previewed last, so the next preview goes to the same group while it is still open. */
  private lastPreview: vscode.Uri | undefined;

  constructor(
    private readonly host: ProviderEngineHost,
    private readonly keys: KeyStore,
    private readonly settings: SettingsService,
    private readonly state: vscode.Memento,
    private readonly editors: LastEditorTracker,
    private readonly log: vscode.LogOutputChannel,
    /** Prices and budgets (issue 19): each request checked before it is sent, its cost saved and recorded. */
    private readonly spend: ImageSpend = new ImageSpend(host, undefined),
  ) {}

  /** The command: prompts for whatever `args` leaves out (nothing at all when args are given). */
  async command(args?: GenerateImageArgs): Promise<vscode.Uri[]> {
    const interactive = args === undefined;
    const remembered = this.state.get<RememberedOptions>(rememberedKey, {});
    // Where a reference may go later: the editor the person was in before anything opened over it.
    const origin = this.originEditor();
    let prompt = args?.prompt;
    let model = args?.model;
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
    if (interactive || prompt === undefined) {
      const answers = await this.askAll(interactive, remembered);
      if (!answers) return [];
      prompt = answers.prompt;
      if (interactive) {
        model = answers.model;
        size = answers.size;
        extras = answers.extras;
      }
    }
    model ??= this.defaultModel(remembered.model);
    if (model === undefined) {
      if (interactive) return [];
      throw new Error(vscode.l10n.t('No image model is set: pass one as “model”, or set switchboard.images.model.'));
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
    if (result.uris.length > 0) await this.afterSaving(result, origin, args?.insertReference ?? (interactive ? undefined : false));
    return result.uris;
  }

  /**
   * Inserts references to `uris` into the editor the user was last working in (never over its selection): the
   * chat's "Insert reference" on an image, and the command's own offer. False when that editor's language has no
   * way to refer to an image, or no editor is open.
   */
  async insertReference(uris: readonly vscode.Uri[], alt: string, origin = this.originEditor()): Promise<boolean> {
    if (!origin || uris.length === 0) return false;
    const document = origin.document.isClosed ? await vscode.workspace.openTextDocument(origin.document.uri) : origin.document;
    const engine = this.host.module();
    if (!engine.referenceSyntaxOf(document.languageId)) return false;
    // The preview may have opened over the editor: bring it back (with the selection it had) to edit it in view.
    const editor =
      vscode.window.visibleTextEditors.find((candidate) => candidate.document === document) ??
      (await vscode.window.showTextDocument(document, {
        ...(origin.viewColumn !== undefined ? { viewColumn: origin.viewColumn } : {}),
        selection: origin.selection,
      }));
    const selection = editor.selection;
    const plan = engine.planImageReference(
      {
        languageId: document.languageId,
        filePath: document.uri.fsPath,
        text: document.getText(),
        selection: {
          start: { line: selection.start.line, character: selection.start.character },
          end: { line: selection.end.line, character: selection.end.character },
        },
      },
      uris.map((uri) => uri.fsPath),
      alt,
    );
    if (!plan) return false;
    // Offsets before the edit, to put a selection back exactly where its text went (an import above moves it).
    const lineEnd = document.eol === vscode.EndOfLine.CRLF ? '\r\n' : '\n';
    const inserted = plan.insertions.map((insertion) => ({
      offset: document.offsetAt(new vscode.Position(insertion.line, insertion.character)),
      length: insertion.text.replace(/\n/g, lineEnd).length,
    }));
    const start = document.offsetAt(selection.start);
    const end = document.offsetAt(selection.end);
    const applied = await editor.edit((builder) => {
      for (const insertion of plan.insertions) builder.insert(new vscode.Position(insertion.line, insertion.character), insertion.text);
    });
    if (!applied) return false;
    const shift = (offset: number, atEdge: boolean) =>
      offset +
      inserted.filter((item) => item.offset < offset || (atEdge && item.offset === offset)).reduce((sum, item) => sum + item.length, 0);
    if (!selection.isEmpty) {
      // The editor may have stretched the selection over text inserted at its end: give it back its own text.
      const startAt = document.positionAt(shift(start, true));
      const endAt = document.positionAt(shift(end, false));
      editor.selection = selection.isReversed ? new vscode.Selection(endAt, startAt) : new vscode.Selection(startAt, endAt);
    }
    const reference = inserted.find((item) => item.offset >= end) ?? inserted[0];
    if (reference) {
      const at = shift(reference.offset, false);
      editor.revealRange(
        new vscode.Range(document.positionAt(at), document.positionAt(at + reference.length)),
        vscode.TextEditorRevealType.InCenterIfOutsideViewport,
      );
    }
    return true;
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
    const prices = await this.spend.prices(ref.provider, ref.model);
    if (!(await this.spend.allows(ref.provider, prices, fullRequest))) {
      return { uris: [], provider: ref.provider, model: ref.model, prompt: request.prompt, skipped: [] };
    }
    // Moderation before sending (docs/moderation-and-caching.md): a prompt the person did not let through goes nowhere.
    if (!(await moderatedImagePrompt(this.settings, this.host, request.prompt))) {
      return {
        uris: [],
        provider: ref.provider,
        model: ref.model,
        prompt: request.prompt,
        skipped: [vscode.l10n.t('The prompt was not sent: the moderation check did not let it through.')],
      };
    }

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
          const message = describeImageProgress(event);
          this.log.info(`Image ${model}: ${message}${event.detail !== undefined ? ` (${event.detail})` : ''}`);
          progress.report({ message });
        });
      },
    );

    const cost = this.spend.costOf(prices, result);
    this.spend.record(result, cost);
    const written = await this.host.module().writeImageFiles(
      target.folder,
      result.images,
      {
        prompt: request.prompt,
        cost,
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
      cost,
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

  /**
   * The questions as one flow (docs/images.md): prompt → model → size (→ "More options…": negative prompt,
   * style, seed, number of images), each titled "Step n of m", with Back from step 2 on; going back shows the
   * answers already given. With `interactive` false only the prompt is asked.
   */
  private async askAll(
    interactive: boolean,
    remembered: RememberedOptions,
  ): Promise<{ prompt: string; model?: string; size?: ImageSizeChoice; extras: Partial<ImageRequest> } | undefined> {
    const flow = new MultiStepInput(vscode.l10n.t('Switchboard: Generate Image'), interactive ? 3 : 1);
    // Listing models can take seconds: start while the prompt is being typed.
    const modelItems = interactive ? this.modelItems().catch((error: unknown) => error) : Promise.resolve([]);
    let prompt = '';
    let model: string | undefined;
    let size: ImageSizeChoice | undefined;
    let more = false;
    let negativePrompt = '';
    let style = '';
    let seed = '';
    let count: number | undefined = remembered.count;

    const steps: (() => Promise<'next' | 'back' | 'cancel'>)[] = [
      async () => {
        const text = await flow.input(1, {
          prompt: vscode.l10n.t('Describe the image'),
          value: prompt,
          placeholder: vscode.l10n.t('A lighthouse at dusk, watercolor'),
          validate: (value) => (value.trim() === '' ? vscode.l10n.t('Describe what to draw.') : undefined),
        });
        if (typeof text === 'string') prompt = text.trim();
        return outcomeOf(text);
      },
    ];
    if (interactive) {
      steps.push(
        async () => {
          const items = await modelItems;
          if (!Array.isArray(items)) throw items;
          if (items.length === 0) {
            await this.offerSetKey();
            return 'cancel';
          }
          const wanted = model ?? this.defaultModel(remembered.model);
          const picked = await flow.pick(2, {
            placeholder: vscode.l10n.t('Choose the image model'),
            items,
            activeItem: items.find((item) => item.model !== undefined && item.model === wanted),
            matchOnDescription: true,
          });
          if (picked && picked !== back && picked.model !== model) {
            model = picked.model;
            size = undefined; // another model has other sizes
          }
          return outcomeOf(picked);
        },
        async () => {
          const choices = model ? this.sizeChoices(model) : [];
          if (choices.length === 0) {
            flow.totalSteps = 2;
            more = false;
            return 'next';
          }
          for (;;) {
            flow.totalSteps = more ? 7 : 3;
            const picked = await flow.pick(3, this.sizeStep(choices, size ?? remembered.size, more));
            if (picked === back || picked === undefined) return outcomeOf(picked);
            if (picked.size) {
              size = picked.size;
              return 'next';
            }
            more = !more; // "More options…" is a switch: the size is still to be chosen
          }
        },
        async () => {
          if (!more) return 'next';
          const text = await flow.input(4, {
            prompt: vscode.l10n.t('What the image should not contain'),
            value: negativePrompt,
            placeholder: vscode.l10n.t('Negative prompt (optional)'),
          });
          if (typeof text === 'string') negativePrompt = text;
          return outcomeOf(text);
        },
        async () => {
          if (!more) return 'next';
          const text = await flow.input(5, {
            prompt: vscode.l10n.t('A style name the provider knows, e.g. photographic or ANIME'),
            value: style,
            placeholder: vscode.l10n.t('Style (optional)'),
          });
          if (typeof text === 'string') style = text;
          return outcomeOf(text);
        },
        async () => {
          if (!more) return 'next';
          const text = await flow.input(6, {
            prompt: vscode.l10n.t('A whole number, to get the same image again'),
            value: seed,
            placeholder: vscode.l10n.t('Seed (optional)'),
            validate: (value) =>
              value.trim() === '' || /^\d+$/.test(value.trim()) ? undefined : vscode.l10n.t('A whole number, or empty.'),
          });
          if (typeof text === 'string') seed = text;
          return outcomeOf(text);
        },
        async () => {
          if (!more) return 'next';
          const items = ['1', '2', '3', '4'].map((label) => ({ label }));
          const picked = await flow.pick(7, {
            placeholder: vscode.l10n.t('Number of images'),
            items,
            activeItem: items.find((item) => item.label === String(count ?? 1)),
          });
          if (picked && picked !== back) count = Number(picked.label);
          return outcomeOf(picked);
        },
      );
    }
    if (!(await runSteps(steps))) return undefined;
    return {
      prompt,
      ...(model !== undefined ? { model } : {}),
      ...(size ? { size } : {}),
      extras: more
        ? {
            ...(negativePrompt.trim() ? { negativePrompt: negativePrompt.trim() } : {}),
            ...(style.trim() ? { style: style.trim() } : {}),
            ...(seed.trim() ? { seed: Number(seed.trim()) } : {}),
            ...(count !== undefined ? { count } : {}),
          }
        : {},
    };
  }

  /** Every image model of every provider with a usable key, grouped by provider. */
  private async modelItems(): Promise<ModelItem[]> {
    const engine = this.host.get();
    const items: ModelItem[] = [];
    for (const entry of engine.providerEntries().entries) {
      if (!engine.makesImages(entry)) continue;
      const status = await this.keys.status(keyInfoOf(entry));
      if (status.source === 'missing') continue;
      const { models } = await engine.listImageModels(entry.id, AbortSignal.timeout(15_000));
      if (models.length === 0) continue;
      items.push({ label: entry.label, kind: vscode.QuickPickItemKind.Separator });
      for (const model of models) items.push({ label: model.id, description: model.name ?? entry.id, model: `${entry.id}/${model.id}` });
    }
    if (items.length === 0) return items;
    // The default model once more on top, under "Last used".
    const preferred = this.defaultModel(this.state.get<RememberedOptions>(rememberedKey, {}).model);
    const last = items.find((item) => item.model !== undefined && item.model === preferred);
    return last ? [{ label: vscode.l10n.t('Last used'), kind: vscode.QuickPickItemKind.Separator }, { ...last }, ...items] : items;
  }

  private async offerSetKey(): Promise<void> {
    const setKey = vscode.l10n.t('Set API Key');
    const choice = await vscode.window.showWarningMessage(
      vscode.l10n.t('No image provider has a key yet. Set a key for Stability AI, Fusion Brain, OpenAI or the Sydney gateway.'),
      setKey,
    );
    if (choice === setKey) await vscode.commands.executeCommand('switchboard.setApiKey');
  }

  private sizeChoices(model: string): ImageSizeChoice[] {
    const ref = parseModelRef(model);
    const entry = ref ? this.host.get().entry(ref.provider) : undefined;
    return ref && entry ? this.host.module().imageSizeChoices(entry.kind, ref.model) : [];
  }

  /** The size picker: each size with its shape (Square, Landscape, Portrait), and the "More options…" switch. */
  private sizeStep(choices: readonly ImageSizeChoice[], current: ImageSizeChoice | undefined, more: boolean) {
    const remembered = this.state.get<RememberedOptions>(rememberedKey, {}).size;
    const items: SizeItem[] = choices.map((size) => {
      const notes = [
        size.shape ? shapeWord(size.shape) : undefined,
        size.label === remembered?.label ? vscode.l10n.t('last used') : undefined,
      ];
      const description = notes.filter((note) => note !== undefined).join(' · ');
      return { label: size.label, ...(description ? { description } : {}), size };
    });
    items.push({
      label: `${more ? '$(check)' : '$(settings)'} ${vscode.l10n.t('More options…')}`,
      detail: more
        ? vscode.l10n.t('On: after the size, ask for a negative prompt, style, seed and number of images')
        : vscode.l10n.t('Negative prompt, style, seed, number of images'),
      alwaysShow: true,
    });
    return {
      placeholder: more ? vscode.l10n.t('Size or aspect ratio (more options follow)') : vscode.l10n.t('Size or aspect ratio'),
      items,
      activeItem: (current && items.find((item) => item.size !== undefined && item.size.label === current.label)) ?? items[0],
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

  /**
   * Preview the first image without fragmenting the layout or taking the side bar away from the chat, then say
   * where it was saved, with the reference to insert (where the editor's language has one), Open and Reveal in
   * Explorer as buttons. With `insert` true the reference goes in at once; with false it is not offered.
   */
  private async afterSaving(result: GeneratedImages, origin: OriginEditor | undefined, insert: boolean | undefined): Promise<void> {
    const first = result.uris[0];
    if (!first) return;
    await this.preview(first);
    const relative = vscode.workspace.asRelativePath(first);
    const offer =
      origin !== undefined && insert !== false && this.host.module().referenceSyntaxOf(origin.document.languageId) !== undefined;
    if (offer && insert === true) {
      await this.insertReference(result.uris, result.prompt, origin);
      return;
    }
    const insertAction = vscode.l10n.t('Insert Reference');
    const open = vscode.l10n.t('Open');
    const reveal = vscode.l10n.t('Reveal in Explorer');
    // Not awaited: a notification with buttons can stay unanswered in the notification centre for ever.
    void (
      offer
        ? vscode.window.showInformationMessage(
            withCost(vscode.l10n.t('Saved {0}. Insert a reference into {1}?', relative, path.basename(origin.document.uri.fsPath)), result),
            insertAction,
            reveal,
          )
        : vscode.window.showInformationMessage(withCost(vscode.l10n.t('Saved {0}.', relative), result), open, reveal)
    ).then(async (choice) => {
      try {
        if (choice === insertAction) await this.insertReference(result.uris, result.prompt, origin);
        else if (choice === open) await vscode.commands.executeCommand('vscode.open', first, { preview: false });
        else if (choice === reveal) await vscode.commands.executeCommand('revealInExplorer', first);
      } catch (error) {
        void vscode.window.showErrorMessage(describeError(error));
      }
    });
  }

  /**
   * Opens the image in the group that still shows the previous preview, else in the active group: never a new
   * group, never the focus, and the preview tab is reused (`preview: true`).
   */
  private async preview(uri: vscode.Uri): Promise<void> {
    const previous = this.lastPreview?.toString();
    const group =
      previous === undefined
        ? undefined
        : vscode.window.tabGroups.all.find((candidate) => candidate.tabs.some((tab) => tabUri(tab)?.toString() === previous));
    await vscode.commands.executeCommand('vscode.open', uri, {
      viewColumn: group?.viewColumn ?? vscode.ViewColumn.Active,
      preview: true,
      preserveFocus: true,
    } satisfies vscode.TextDocumentShowOptions);
    this.lastPreview = uri;
  }

  /** The text editor the user is working in, as it is now (its selection, its group). */
  private originEditor(): OriginEditor | undefined {
    const editor = this.editors.editor;
    if (!editor || editor.document.uri.scheme === 'output') return undefined;
    return { document: editor.document, selection: editor.selection, viewColumn: editor.viewColumn };
  }
}

/** What `insertReference` needs of an editor that may be hidden by then (a preview opened in its group). */
interface OriginEditor {
  document: vscode.TextDocument;
  selection: vscode.Selection;
  viewColumn: vscode.ViewColumn | undefined;
}

type ModelItem = vscode.QuickPickItem & { model?: string };
type SizeItem = vscode.QuickPickItem & { size?: ImageSizeChoice };

function tabUri(tab: vscode.Tab): vscode.Uri | undefined {
  const input = tab.input;
  return input && typeof input === 'object' && 'uri' in input && input.uri instanceof vscode.Uri ? input.uri : undefined;
}

/** A notification's sentence with what the images cost after it (docs/spend.md "Cost"). */
function withCost(sentence: string, result: GeneratedImages): string {
  return result.cost === undefined ? sentence : `${sentence} ${vscode.l10n.t('Cost: {0}.', imageCostLabel(result.cost))}`;
}

function shapeWord(shape: ImageShape): string {
  switch (shape) {
    case 'square':
      return vscode.l10n.t('Square');
    case 'landscape':
      return vscode.l10n.t('Landscape');
    case 'portrait':
      return vscode.l10n.t('Portrait');
  }
}
