// `switchboard.editImage` (docs/images.md, "Edit Image… and Animate Image…"): take an image in the workspace further
// with a provider that edits images — image-to-image, an edit with a prompt and an optional mask, search-and-replace,
// remove-background — or a variation from its sidecar (same prompt and model, a new seed). The source is read and
// checked against the provider's limits before anything is sent; every result is a new file beside the source with a
// sidecar that names the source and the operation, so a chain of edits can be followed back.
import * as path from 'node:path';
import * as vscode from 'vscode';
import { parseModelRef } from '../../core/config/modelRef';
import type { ImageEditOperation, ImageEditRequest, ImageEditor, SourceImage } from '../../core/images/imageEditTypes';
import type { ImageProgressListener, ImageRequest, ImageResult } from '../../core/images/imageTypes';
import type { ImageMetadata, WrittenImage } from '../../core/images/writeImageFiles';
import type { ModelPrices } from '../../core/pricing/modelPrices';
import { ImageSpend } from './imageSpend';
import type { KeyStore } from '../../core/keys/keyStore';
import { keyInfoOf, type ProviderEngineHost } from '../engine/providerEngineHost';
import { describeError } from '../errors/describeError';
import type { SettingsService } from '../settings/settingsService';
import {
  activeImageUri,
  describeImageProgress,
  offerSavedFile,
  pickImageFile,
  readSourceImageFile,
  saveTargetFor,
  sourceLabel,
  toImageUri,
  type SaveTarget,
} from './imageSourceFiles';
import { back, MultiStepInput, outcomeOf, runSteps } from './multiStepInput';
import { moderatedImagePrompt } from '../moderation/moderatedImagePrompt';

/**
 * The argument of `switchboard.editImage` (a public contract, README "Commands"). Everything is optional: what is
 * given is not asked for, and with the image and everything the operation needs, nothing is asked at all
 * (keybindings, tasks, tests).
 */
export interface EditImageArgs {
  /** A Uri, a URI string, or a path (absolute, or relative to a workspace folder). */
  image?: vscode.Uri | string;
  prompt?: string;
  /** `providerId/modelId`, e.g. `stability/sd3`; ignored by `variation`, which uses the sidecar's. */
  model?: string;
  operation?: ImageEditOperation;
  /** `image-to-image`: 0 keeps the source, 1 ignores it (default 0.6). */
  strength?: number;
  /** `edit`: where to change; the same size as the image. */
  mask?: vscode.Uri | string;
  /** How many results (default 1). */
  count?: number;
  /** `search-and-replace`: what to find (asked for when missing). */
  searchPrompt?: string;
}

/** What a sidecar tells about its image (the fields the edit flow uses). */
interface SourceSidecar {
  prompt?: string;
  provider?: string;
  model?: string;
  negativePrompt?: string;
  width?: number;
  height?: number;
  aspectRatio?: string;
  style?: string;
}

interface ModelChoice extends vscode.QuickPickItem {
  model?: string;
}

const lastModelKey = 'switchboard.images.lastEditModel';
const defaultStrength = 0.6;
const operationsWithPrompt: readonly ImageEditOperation[] = ['image-to-image', 'edit', 'search-and-replace'];

export class EditImageCommand {
  private readonly editors = new Map<string, Promise<ImageEditor>>();

  constructor(
    private readonly host: ProviderEngineHost,
    private readonly keys: KeyStore,
    private readonly settings: SettingsService,
    private readonly state: vscode.Memento,
    private readonly log: vscode.LogOutputChannel,
    /** Prices and budgets (issue 19): each request checked before it is sent, its cost saved and recorded. */
    private readonly spend: ImageSpend = new ImageSpend(host, undefined),
  ) {}

  /**
   * The command. `first` is the argument object, or the Uri of the explorer's context menu (or a path). Resolves to
   * the written files (none when the user cancelled).
   */
  async run(first?: unknown): Promise<vscode.Uri[]> {
    this.editors.clear(); // a key or a setting may have changed since the last run
    const args = await argumentsOf(first);
    const fromObject = isArgumentObject(first);
    const title = vscode.l10n.t('Switchboard: Edit Image');

    const imageUri = (await toImageUri(args.image)) ?? activeImageUri() ?? (await pickImageFile(title, vscode.l10n.t('Edit This Image')));
    if (!imageUri) return [];
    // Refuses GIF, SVG and anything that is not a whole PNG, JPEG or WebP, with the reason, before any question.
    const source = await readSourceImageFile(this.host, imageUri);
    const sidecar = await this.readSidecar(imageUri);

    const plan = await this.plan(title, args, fromObject, source, sidecar);
    if (!plan) return [];
    const target = await saveTargetFor(imageUri, this.host, this.settings);
    if (!target) return [];
    if (target.insteadOfBeside !== undefined) {
      void vscode.window.showInformationMessage(
        vscode.l10n.t(
          '{0} is outside the workspace, so the results go into {1} instead of beside it.',
          imageUri.fsPath,
          target.insteadOfBeside,
        ),
      );
    }

    const uris =
      plan.operation === 'variation'
        ? await this.variation(plan, imageUri, sidecar, target)
        : await this.edit(plan as EditPlan & { operation: ImageEditRequest['operation'] }, imageUri, source, target);
    const first_ = uris[0];
    if (first_) {
      // In the active group, as a preview, without taking the focus or switching the side bar (the chat stays).
      await vscode.commands.executeCommand('vscode.open', first_, {
        viewColumn: vscode.ViewColumn.Active,
        preview: true,
        preserveFocus: true,
      });
      offerSavedFile(first_, vscode.l10n.t('Saved {0}', vscode.workspace.asRelativePath(first_, false)), this.log);
    }
    return uris;
  }

  /** Asks for what `args` leaves out (step counter and Back), then checks the whole request. */
  private async plan(
    title: string,
    args: EditImageArgs,
    fromObject: boolean,
    source: SourceImage,
    sidecar: SourceSidecar | undefined,
  ): Promise<EditPlan | undefined> {
    const canVary = sidecar?.prompt !== undefined && sidecar.provider !== undefined && sidecar.model !== undefined;
    const plan: EditPlan = {
      ...(args.operation !== undefined ? { operation: checkOperation(args.operation) } : {}),
      ...(args.prompt !== undefined ? { prompt: args.prompt } : {}),
      ...(args.searchPrompt !== undefined ? { searchPrompt: args.searchPrompt } : {}),
      strength: args.strength === undefined ? defaultStrength : checkStrength(args.strength),
      count: args.count === undefined ? 1 : checkCount(args.count),
    };
    if (plan.operation === 'variation' && !canVary) {
      throw new Error(
        vscode.l10n.t('{0} has no sidecar with its prompt and model, so there is nothing to vary: choose another operation.', source.name),
      );
    }
    if (args.mask !== undefined) plan.mask = await this.readMask(args.mask);

    // The model: given, else (argument object only) a default that edits; interactive runs always ask.
    if (args.model !== undefined) plan.model = args.model;
    else if (fromObject && plan.operation !== 'variation') plan.model = await this.defaultModel();
    if (plan.model !== undefined && plan.operation !== 'variation') await this.editorFor(plan.model); // fails early on a typo

    const fixed = {
      model: plan.model !== undefined || plan.operation === 'variation',
      operation: plan.operation !== undefined,
      prompt: args.prompt !== undefined,
      searchPrompt: args.searchPrompt !== undefined,
      strength: fromObject || args.strength !== undefined,
      mask: fromObject || args.mask !== undefined,
      count: fromObject || args.count !== undefined,
    };
    if (fromObject && plan.operation === undefined && plan.model !== undefined) {
      const offered = await this.operationsFor(plan.model, false);
      plan.operation = offered.includes('image-to-image') ? 'image-to-image' : offered[0];
      fixed.operation = plan.operation !== undefined;
    }

    const input = new MultiStepInput(title, 1);
    // Until the operation is chosen, the steps are counted as for the first one offered (image-to-image).
    const operation = (): ImageEditOperation => plan.operation ?? 'image-to-image';
    let models: ModelChoice[] | undefined;
    const steps: Step[] = [
      {
        applies: () => !fixed.model,
        ask: async (step) => {
          models ??= await this.modelChoices();
          if (models.length === 0) {
            if (canVary) {
              plan.operation = 'variation'; // no editing provider has a key, but the sidecar can still be varied
              return 'next';
            }
            await this.noEditingProvider();
            return 'cancel';
          }
          const remembered = plan.model ?? this.state.get<string>(lastModelKey);
          const answer = await input.pick(step, {
            placeholder: vscode.l10n.t('Choose the model that edits {0}', source.name),
            items: models,
            activeItem: models.find((item) => item.model !== undefined && item.model === remembered),
            matchOnDescription: true,
          });
          if (answer !== back && answer !== undefined) plan.model = answer.model;
          return outcomeOf(answer);
        },
      },
      {
        applies: () => !fixed.operation,
        ask: async (step) => {
          const operations = plan.model !== undefined ? await this.operationsFor(plan.model, canVary) : ['variation' as const];
          const items = operations.map((operation) => ({
            label: operationLabel(operation),
            detail: operationDetail(operation, sidecar),
            operation,
          }));
          const answer = await input.pick(step, {
            placeholder: vscode.l10n.t('What should happen to {0}?', source.name),
            items,
            activeItem: items.find((item) => item.operation === plan.operation),
          });
          if (answer !== back && answer !== undefined) plan.operation = answer.operation;
          return outcomeOf(answer);
        },
      },
      {
        applies: () => !fixed.prompt && operationsWithPrompt.includes(operation()),
        ask: async (step) => {
          const answer = await input.input(step, {
            prompt:
              plan.operation === 'search-and-replace'
                ? vscode.l10n.t('What should replace it?')
                : plan.operation === 'edit'
                  ? vscode.l10n.t('Describe the change')
                  : vscode.l10n.t('Describe the new image'),
            value: plan.prompt ?? sidecar?.prompt ?? '',
            placeholder: vscode.l10n.t('A lighthouse at dusk, watercolor'),
            validate: (text) => (text.trim() === '' ? vscode.l10n.t('Describe what to draw.') : undefined),
          });
          if (typeof answer === 'string') plan.prompt = answer.trim();
          return outcomeOf(answer);
        },
      },
      {
        applies: () => !fixed.searchPrompt && operation() === 'search-and-replace',
        ask: async (step) => {
          const answer = await input.input(step, {
            prompt: vscode.l10n.t('What should be found and replaced in the image?'),
            value: plan.searchPrompt ?? '',
            placeholder: vscode.l10n.t('the boat'),
            validate: (text) => (text.trim() === '' ? vscode.l10n.t('Name what to replace.') : undefined),
          });
          if (typeof answer === 'string') plan.searchPrompt = answer.trim();
          return outcomeOf(answer);
        },
      },
      {
        applies: () => !fixed.strength && operation() === 'image-to-image',
        ask: async (step) => {
          const answer = await input.input(step, {
            prompt: vscode.l10n.t('Strength, from 0 (keep the image) to 1 (ignore it)'),
            value: String(plan.strength ?? defaultStrength),
            validate: (text) => (parseStrength(text) === undefined ? vscode.l10n.t('A number from 0 to 1, e.g. 0.6.') : undefined),
          });
          if (typeof answer === 'string') plan.strength = parseStrength(answer);
          return outcomeOf(answer);
        },
      },
      {
        applies: () => !fixed.mask && operation() === 'edit',
        ask: (step) => this.askMask(input, step, plan, source),
      },
      {
        applies: () => !fixed.count && operation() !== 'remove-background',
        ask: async (step) => {
          const items = ['1', '2', '3', '4'].map((label) => ({ label }));
          const answer = await input.pick(step, {
            placeholder: vscode.l10n.t('How many images?'),
            items,
            activeItem: items.find((item) => item.label === String(plan.count ?? 1)),
          });
          if (answer !== back && answer !== undefined) plan.count = Number(answer.label);
          return outcomeOf(answer);
        },
      },
    ];
    if (!(await runFlow(input, steps))) return undefined;

    if (plan.operation === undefined) return undefined;
    if (plan.operation !== 'variation') {
      if (plan.model === undefined) return undefined;
      const offered = await this.operationsFor(plan.model, false);
      if (!offered.includes(plan.operation)) {
        throw new Error(
          vscode.l10n.t('{0} cannot do “{1}”; it offers: {2}.', plan.model, plan.operation, offered.join(', ') || vscode.l10n.t('nothing')),
        );
      }
      // The request exactly as it will be sent, checked now: a broken limit is named before anything is sent.
      (await this.editorFor(plan.model)).validateEdit(this.request(plan, source));
      await this.state.update(lastModelKey, plan.model);
    }
    return plan;
  }

  /** The mask step: none, or a file chosen in an open dialog and checked against the image at once. */
  private async askMask(input: MultiStepInput, step: number, plan: EditPlan, source: SourceImage): Promise<'next' | 'back' | 'cancel'> {
    type Item = vscode.QuickPickItem & { choose: boolean };
    for (;;) {
      const none: Item = {
        label: vscode.l10n.t('No mask'),
        detail: vscode.l10n.t('Change the image wherever the prompt says'),
        choose: false,
      };
      const choose: Item = {
        label: vscode.l10n.t('Choose a mask image…'),
        detail: vscode.l10n.t('A PNG of the same size: the provider changes only where the mask says'),
        choose: true,
      };
      const items: Item[] =
        plan.mask === undefined
          ? [none, choose]
          : [{ label: plan.mask.image.name, description: vscode.l10n.t('chosen'), choose: false }, choose, none];
      const answer = await input.pick(step, { placeholder: vscode.l10n.t('A mask (optional)'), items });
      if (answer === back || answer === undefined) return outcomeOf(answer);
      if (answer === none) {
        delete plan.mask;
        return 'next';
      }
      if (!answer.choose) return 'next';
      const uri = await pickImageFile(vscode.l10n.t('Choose a mask for {0}', source.name), vscode.l10n.t('Use as Mask'));
      if (!uri) continue;
      try {
        plan.mask = await this.readMask(uri);
        if (plan.model !== undefined) (await this.editorFor(plan.model)).validateEdit(this.request(plan, source));
        return 'next';
      } catch (error) {
        // A mask of another size (or not an image): say why and ask again, nothing was sent.
        delete plan.mask;
        void vscode.window.showErrorMessage(describeError(error));
      }
    }
  }

  private request(plan: EditPlan, source: SourceImage): ImageEditRequest {
    const ref = parseModelRef(plan.model ?? '');
    const operation = plan.operation as ImageEditRequest['operation'];
    return {
      operation,
      model: ref?.model ?? '',
      image: source,
      ...(plan.prompt !== undefined && operation !== 'remove-background' ? { prompt: plan.prompt } : {}),
      ...(operation === 'image-to-image' ? { strength: plan.strength ?? defaultStrength } : {}),
      ...(operation === 'search-and-replace' && plan.searchPrompt !== undefined ? { searchPrompt: plan.searchPrompt } : {}),
      ...(operation === 'edit' && plan.mask !== undefined ? { mask: plan.mask.image } : {}),
      ...(operation !== 'remove-background' && plan.count !== undefined ? { count: plan.count } : {}),
    };
  }

  private async edit(
    plan: EditPlan & { operation: ImageEditRequest['operation'] },
    imageUri: vscode.Uri,
    source: SourceImage,
    target: SaveTarget,
  ): Promise<vscode.Uri[]> {
    const model = plan.model ?? '';
    const editor = await this.editorFor(model);
    const request = this.request(plan, source);
    if (request.prompt !== undefined && !(await moderatedImagePrompt(this.settings, this.host, request.prompt))) return [];
    const ref = parseModelRef(model);
    const prices = ref === undefined ? undefined : await this.spend.prices(ref.provider, ref.model, plan.operation);
    if (
      ref !== undefined &&
      !(await this.spend.allows(ref.provider, prices, {
        prompt: request.prompt ?? '',
        ...(request.count !== undefined ? { count: request.count } : {}),
      }))
    )
      return [];
    const date = new Date();
    const result = await this.underProgress(vscode.l10n.t('Editing {0} with {1}', source.name, model), (signal, onProgress) =>
      editor.edit({ ...request, signal }, onProgress),
    );
    return this.save(result, target, prices, {
      prompt: request.prompt ?? '',
      provider: result.provider,
      model: result.model,
      date,
      source: sourceLabel(imageUri),
      operation: plan.operation,
      ...(request.strength !== undefined ? { strength: request.strength } : {}),
      ...(request.searchPrompt !== undefined ? { searchPrompt: request.searchPrompt } : {}),
      ...(request.mask !== undefined && plan.mask !== undefined ? { mask: sourceLabel(plan.mask.uri) } : {}),
      ...(request.count !== undefined ? { count: request.count } : {}),
    });
  }

  /**
   * The same prompt and model as the sidecar says, with a new seed (none is sent, so the provider draws one), saved
   * beside the source with a sidecar naming it — which is why this runs the provider itself rather than through
   * ImageGenerator, whose files go into the images folder with a generation's sidecar.
   */
  private async variation(
    plan: EditPlan,
    imageUri: vscode.Uri,
    sidecar: SourceSidecar | undefined,
    target: SaveTarget,
  ): Promise<vscode.Uri[]> {
    if (!sidecar?.provider || !sidecar.model || sidecar.prompt === undefined) return [];
    if (!(await moderatedImagePrompt(this.settings, this.host, sidecar.prompt))) return [];
    const model = `${sidecar.provider}/${sidecar.model}`;
    const provider = await this.host.get().imageProvider(sidecar.provider);
    const request: ImageRequest = {
      model: sidecar.model,
      prompt: sidecar.prompt,
      ...(sidecar.negativePrompt !== undefined ? { negativePrompt: sidecar.negativePrompt } : {}),
      ...(sidecar.width !== undefined ? { width: sidecar.width } : {}),
      ...(sidecar.height !== undefined ? { height: sidecar.height } : {}),
      ...(sidecar.aspectRatio !== undefined ? { aspectRatio: sidecar.aspectRatio } : {}),
      ...(sidecar.style !== undefined ? { style: sidecar.style } : {}),
      ...(plan.count !== undefined ? { count: plan.count } : {}),
    };
    provider.validate(request);
    const prices = await this.spend.prices(sidecar.provider, sidecar.model);
    if (!(await this.spend.allows(sidecar.provider, prices, request))) return [];
    const date = new Date();
    const result = await this.underProgress(
      vscode.l10n.t('Varying {0} with {1}', path.posix.basename(imageUri.path), model),
      (signal, onProgress) => provider.generate({ ...request, signal }, onProgress),
    );
    return this.save(result, target, prices, {
      prompt: request.prompt,
      provider: result.provider,
      model: result.model,
      date,
      source: sourceLabel(imageUri),
      operation: 'variation',
      ...(request.negativePrompt !== undefined ? { negativePrompt: request.negativePrompt } : {}),
      ...(request.width !== undefined ? { width: request.width } : {}),
      ...(request.height !== undefined ? { height: request.height } : {}),
      ...(request.aspectRatio !== undefined ? { aspectRatio: request.aspectRatio } : {}),
      ...(request.style !== undefined ? { style: request.style } : {}),
      ...(request.count !== undefined ? { count: request.count } : {}),
    });
  }

  /** Runs `work` under a cancellable progress notification that shows the provider's state. */
  private underProgress(
    title: string,
    work: (signal: AbortSignal, onProgress: ImageProgressListener) => Promise<ImageResult>,
  ): Promise<ImageResult> {
    return Promise.resolve(
      vscode.window.withProgress({ location: vscode.ProgressLocation.Notification, title, cancellable: true }, (progress, token) => {
        const controller = new AbortController();
        token.onCancellationRequested(() => controller.abort());
        return work(controller.signal, (event) => {
          const message = describeImageProgress(event);
          this.log.info(`${title}: ${message}${event.detail !== undefined ? ` (${event.detail})` : ''}`);
          progress.report({ message });
        });
      }),
    );
  }

  private async save(
    result: ImageResult,
    target: SaveTarget,
    prices: ModelPrices | undefined,
    metadata: ImageMetadata,
  ): Promise<vscode.Uri[]> {
    const cost = this.spend.costOf(prices, result);
    this.spend.record(result, cost);
    const written = await this.host
      .module()
      .writeImageFiles(target.folder, result.images, { ...metadata, cost }, { workspaceRoot: target.root });
    for (const skipped of written.skipped) void vscode.window.showWarningMessage(describeError(skipped));
    this.log.info(
      `Saved ${written.written.length} image(s) (${metadata.operation ?? 'edit'} of ${metadata.source ?? '?'}) to ${target.folder}`,
    );
    return written.written.map((image: WrittenImage) => vscode.Uri.file(image.path));
  }

  private editorFor(model: string): Promise<ImageEditor> {
    const ref = parseModelRef(model);
    if (!ref) {
      return Promise.reject(new Error(vscode.l10n.t('“{0}” is not an image model: write providerId/modelId, e.g. stability/core.', model)));
    }
    return this.providerEditor(ref.provider);
  }

  /** One editor per provider and run (building one reads the key). */
  private providerEditor(id: string): Promise<ImageEditor> {
    let editor = this.editors.get(id);
    if (!editor) {
      editor = this.host.get().imageEditor(id);
      this.editors.set(id, editor);
    }
    return editor;
  }

  /** The operations `model` offers, plus `variation` when the source has a sidecar to vary. */
  private async operationsFor(model: string, canVary: boolean): Promise<ImageEditOperation[]> {
    const ref = parseModelRef(model);
    const offered: ImageEditOperation[] = ref ? (await this.editorFor(model)).editOperations(ref.model) : [];
    return canVary ? [...offered, 'variation'] : offered;
  }

  /** Every model of the providers that edit images and have a usable key, grouped by provider. */
  private async modelChoices(): Promise<ModelChoice[]> {
    const engine = this.host.get();
    const items: ModelChoice[] = [];
    for (const entry of engine.providerEntries().entries) {
      if (!engine.editsImages(entry)) continue;
      if ((await this.keys.status(keyInfoOf(entry))).source === 'missing') continue;
      let models: string[];
      try {
        models = (await this.providerEditor(entry.id)).editModels();
      } catch (error) {
        this.log.warn(`Edit Image: ${entry.id} is left out: ${describeError(error)}`);
        continue;
      }
      if (models.length === 0) continue;
      items.push({ label: entry.label, kind: vscode.QuickPickItemKind.Separator });
      for (const model of models) items.push({ label: model, description: entry.id, model: `${entry.id}/${model}` });
    }
    return items;
  }

  /** For an argument object without a model: the image model setting if it edits, else the last one, else the only one. */
  private async defaultModel(): Promise<string | undefined> {
    const candidates = (await this.modelChoices()).flatMap((item) => (item.model === undefined ? [] : [item.model]));
    const preferred = [this.settings.settings.imagesModel, this.state.get<string>(lastModelKey)];
    return (
      preferred.find((model) => model !== undefined && candidates.includes(model)) ?? (candidates.length === 1 ? candidates[0] : undefined)
    );
  }

  private async noEditingProvider(): Promise<void> {
    const setKey = vscode.l10n.t('Set API Key');
    const choice = await vscode.window.showWarningMessage(
      vscode.l10n.t('No provider that edits images has a key yet. Set a key for Stability AI or OpenAI.'),
      setKey,
    );
    if (choice === setKey) await vscode.commands.executeCommand('switchboard.setApiKey');
  }

  private async readMask(value: unknown): Promise<{ image: SourceImage; uri: vscode.Uri }> {
    const uri = await toImageUri(value);
    if (!uri) throw new Error(vscode.l10n.t('“mask” must be an image file: a Uri or a path in the workspace.'));
    return { image: await readSourceImageFile(this.host, uri), uri };
  }

  private async readSidecar(imageUri: vscode.Uri): Promise<SourceSidecar | undefined> {
    if (imageUri.scheme !== 'file') return undefined;
    try {
      return ((await this.host.module().readImageSidecar(imageUri.fsPath)) ?? undefined) as SourceSidecar | undefined;
    } catch (error) {
      this.log.warn(`Edit Image: the sidecar of ${imageUri.fsPath} could not be read: ${describeError(error)}`);
      return undefined;
    }
  }
}

/** The answers so far (a step may set one back to undefined). */
interface EditPlan {
  model?: string | undefined;
  operation?: ImageEditOperation | undefined;
  prompt?: string | undefined;
  searchPrompt?: string | undefined;
  strength?: number | undefined;
  mask?: { image: SourceImage; uri: vscode.Uri } | undefined;
  count?: number | undefined;
}

interface Step {
  /** Whether the step asks anything now (it depends on earlier answers, e.g. the operation). */
  applies: () => boolean;
  ask: (step: number) => Promise<'next' | 'back' | 'cancel'>;
}

/**
 * Runs the steps that apply with "Step n of m" (m recounted as answers change which steps apply). A step that does
 * not apply is passed in the direction the user is going, so Back skips over it instead of walking forward again.
 */
async function runFlow(input: MultiStepInput, steps: readonly Step[]): Promise<boolean> {
  let direction: 'next' | 'back' = 'next';
  return runSteps(
    steps.map((step, index) => async () => {
      if (!step.applies()) {
        if (index === 0) direction = 'next'; // Back from the first asking step stays on it
        return direction;
      }
      const asking = steps.filter((s) => s.applies());
      input.totalSteps = asking.length;
      const outcome = await step.ask(asking.indexOf(step) + 1);
      if (outcome !== 'cancel') direction = outcome;
      return outcome;
    }),
  );
}

async function argumentsOf(first: unknown): Promise<EditImageArgs> {
  if (first === undefined || first === null) return {};
  if (isArgumentObject(first)) return first as EditImageArgs;
  const uri = await toImageUri(first);
  return uri ? { image: uri } : {};
}

/** The `{ image, prompt, … }` form (a Uri from the explorer, or a path string, is the image alone). */
function isArgumentObject(first: unknown): boolean {
  return typeof first === 'object' && first !== null && !(first instanceof vscode.Uri) && !('scheme' in first);
}

function checkOperation(operation: unknown): ImageEditOperation {
  const known: readonly ImageEditOperation[] = ['image-to-image', 'edit', 'search-and-replace', 'remove-background', 'variation'];
  if (typeof operation === 'string' && (known as readonly string[]).includes(operation)) return operation as ImageEditOperation;
  throw new Error(vscode.l10n.t('“operation” must be one of: {0}.', known.join(', ')));
}

function checkStrength(strength: unknown): number {
  const value = typeof strength === 'number' ? strength : parseStrength(String(strength));
  if (value === undefined || value < 0 || value > 1) throw new Error(vscode.l10n.t('“strength” must be a number from 0 to 1, e.g. 0.6.'));
  return value;
}

function checkCount(count: unknown): number {
  if (typeof count !== 'number' || !Number.isInteger(count) || count < 1 || count > 10) {
    throw new Error(vscode.l10n.t('“count” must be a whole number from 1 to 10.'));
  }
  return count;
}

function parseStrength(text: string): number | undefined {
  const trimmed = text.trim().replace(',', '.');
  if (!/^(0(\.\d+)?|1(\.0+)?|\.\d+)$/.test(trimmed)) return undefined;
  return Number(trimmed);
}

function operationLabel(operation: ImageEditOperation): string {
  switch (operation) {
    case 'image-to-image':
      return vscode.l10n.t('Image to image');
    case 'edit':
      return vscode.l10n.t('Edit with a prompt');
    case 'search-and-replace':
      return vscode.l10n.t('Search and replace');
    case 'remove-background':
      return vscode.l10n.t('Remove background');
    case 'variation':
      return vscode.l10n.t('Variation');
  }
}

function operationDetail(operation: ImageEditOperation, sidecar: SourceSidecar | undefined): string {
  switch (operation) {
    case 'image-to-image':
      return vscode.l10n.t('A new image from this one and a prompt; the strength says how far it may stray');
    case 'edit':
      return vscode.l10n.t('Change what the prompt says, only inside a mask if you give one');
    case 'search-and-replace':
      return vscode.l10n.t('Find something in the image by name and replace it with what the prompt says');
    case 'remove-background':
      return vscode.l10n.t('Keep the subject on a transparent background');
    case 'variation':
      return vscode.l10n.t(
        'The same prompt and model as the sidecar ({0}), a new random seed',
        sidecar?.provider !== undefined && sidecar.model !== undefined ? `${sidecar.provider}/${sidecar.model}` : '?',
      );
  }
}
