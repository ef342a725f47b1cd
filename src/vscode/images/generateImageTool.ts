// `switchboard_generateImage` (docs/images.md): Switchboard's image generation as a language-model tool,
// so any chat in VS Code (Copilot Chat, other agents) can create an asset in the project through Switchboard's
// providers, keys and saving rules. Every call costs the user money, so every call asks for confirmation (the
// prompt, the model and the folder); the images are saved as the command saves them and the paths come back as text.
// This file is in the image-commands bundle (dist/imageCommands.js): activation registers the tool with a stand-in
// that builds this class on the first call (src/vscode/tools/registerGenerateImageTool.ts).
import * as vscode from 'vscode';
import { parseModelRef } from '../../core/config/modelRef';
import type { ImageRequest } from '../../core/images/imageTypes';
import { describeError } from '../errors/describeError';
import type { SettingsService } from '../settings/settingsService';
import { generateImageToolName } from '../tools/generateImageToolName';
import type { ImageGenerator } from './imageGenerator';

/** The input the model sends; its JSON schema is `inputSchema` in package.json. */
export interface GenerateImageToolInput {
  prompt: string;
  /** `providerId/modelId`; the `switchboard.images.model` setting when absent. */
  model?: string;
  aspectRatio?: string;
  width?: number;
  height?: number;
  count?: number;
  negativePrompt?: string;
  /** A folder inside the workspace, instead of `switchboard.images.folder`. */
  folder?: string;
}

export interface GenerateImageToolDeps {
  /** The image feature (ImageFeature): its generator saves as the command does. */
  images: { readonly generator: Pick<ImageGenerator, 'generateAndSave'> };
  settings: SettingsService;
  log: vscode.LogOutputChannel;
}

/** The most images one call may ask for (as the command's "Number of images"). */
const maxCount = 4;

export class GenerateImageTool implements vscode.LanguageModelTool<unknown> {
  constructor(private readonly deps: GenerateImageToolDeps) {}

  prepareInvocation(options: vscode.LanguageModelToolInvocationPrepareOptions<unknown>): vscode.PreparedToolInvocation {
    const checked = checkInput(options.input);
    const planned = checked.ok && this.refusal() === undefined ? this.plan(checked.input) : undefined;
    // Nothing to confirm when invoke will refuse anyway: it answers at once with the reason.
    if (!checked.ok || !planned) return { invocationMessage: vscode.l10n.t('Generating an image with Switchboard') };
    const { input, model, folder } = planned;
    const lines = [
      vscode.l10n.t('Prompt: {0}', escapeMarkdown(input.prompt)),
      vscode.l10n.t('Model: {0}', escapeMarkdown(model ?? vscode.l10n.t('none set'))),
      vscode.l10n.t('Folder: {0}', escapeMarkdown(folder)),
      ...(input.count !== undefined && input.count > 1 ? [vscode.l10n.t('Images: {0}', input.count)] : []),
      vscode.l10n.t('The provider may charge for every image.'),
    ];
    return {
      invocationMessage: vscode.l10n.t('Generating an image with {0}', model ?? 'Switchboard'),
      confirmationMessages: {
        title: vscode.l10n.t('Generate an image with Switchboard?'),
        message: new vscode.MarkdownString(lines.join('\n\n')),
      },
    };
  }

  async invoke(
    options: vscode.LanguageModelToolInvocationOptions<unknown>,
    token: vscode.CancellationToken,
  ): Promise<vscode.LanguageModelToolResult> {
    const checked = checkInput(options.input);
    if (!checked.ok) throw new Error(checked.message);
    const refusal = this.refusal();
    if (refusal) throw new Error(refusal);
    const { input, model } = this.plan(checked.input);
    if (model === undefined) {
      throw new Error(vscode.l10n.t('No image model is set: pass one as “model”, or set switchboard.images.model.'));
    }
    const request: ImageRequest = {
      model: '',
      prompt: input.prompt,
      ...(input.width !== undefined ? { width: input.width } : {}),
      ...(input.height !== undefined ? { height: input.height } : {}),
      ...(input.aspectRatio !== undefined ? { aspectRatio: input.aspectRatio } : {}),
      ...(input.count !== undefined ? { count: input.count } : {}),
      ...(input.negativePrompt !== undefined ? { negativePrompt: input.negativePrompt } : {}),
    };
    const controller = new AbortController();
    const cancelled = token.onCancellationRequested(() => controller.abort());
    try {
      if (token.isCancellationRequested) throw new vscode.CancellationError();
      const result = await this.deps.images.generator.generateAndSave(model, request, input.folder, controller.signal);
      const used = `${result.provider}/${result.model}`;
      const paths = result.uris.map((uri) => vscode.workspace.asRelativePath(uri, false));
      const lines = [
        paths.length > 0
          ? vscode.l10n.t('Saved {0} image(s) made by {1} into the workspace:', paths.length, used)
          : vscode.l10n.t('No image was saved ({0}).', used),
        ...paths.map((relative) => `- ${relative}`),
        ...result.skipped.map((reason) => vscode.l10n.t('Skipped: {0}', reason)),
      ];
      this.deps.log.info(`${generateImageToolName}: ${paths.length} image(s) from ${used}`);
      return new vscode.LanguageModelToolResult([new vscode.LanguageModelTextPart(lines.join('\n'))]);
    } catch (error) {
      if (token.isCancellationRequested || error instanceof vscode.CancellationError) throw new vscode.CancellationError();
      this.deps.log.warn(`${generateImageToolName} failed: ${describeError(error)}`);
      // The localized text (a ProviderError carries only a message id), so the model can tell the user what to do.
      throw new Error(describeError(error), { cause: error });
    } finally {
      cancelled.dispose();
    }
  }

  /** Why this call may not run here at all, or undefined. */
  private refusal(): string | undefined {
    if (!vscode.workspace.isTrusted) {
      return vscode.l10n.t('Switchboard does not generate images from a chat tool in a workspace you have not trusted.');
    }
    if (!workspaceFolder()) return vscode.l10n.t('Open a folder first: the image tool saves images into the workspace.');
    return undefined;
  }

  /** The model and folder a valid input resolves to (the settings fill in what it leaves out). */
  private plan(input: GenerateImageToolInput): { input: GenerateImageToolInput; model: string | undefined; folder: string } {
    const model = input.model ?? (this.deps.settings.settings.imagesModel || undefined);
    const folder = input.folder ?? this.deps.settings.imagesFolderFor(workspaceFolder());
    return { input, model, folder };
  }
}

/** The workspace folder of the active editor, else the first one; only folders on disk. */
function workspaceFolder(): vscode.WorkspaceFolder | undefined {
  const active = vscode.window.activeTextEditor?.document.uri;
  const folder = (active && vscode.workspace.getWorkspaceFolder(active)) ?? vscode.workspace.workspaceFolders?.[0];
  return folder?.uri.scheme === 'file' ? folder : undefined;
}

type Checked = { ok: true; input: GenerateImageToolInput } | { ok: false; message: string };

/**
 * Checks what the model sent (VS Code may not enforce the schema), naming the first bad field so the model can
 * correct the call.
 */
export function checkInput(raw: unknown): Checked {
  const bad = (field: string, rule: string): Checked => ({
    ok: false,
    message: vscode.l10n.t('Invalid input for {0}: “{1}” {2}', generateImageToolName, field, rule),
  });
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) return bad('input', vscode.l10n.t('must be an object.'));
  const value = raw as Record<string, unknown>;
  const text = (field: string): string | undefined | Checked => {
    const item = value[field];
    if (item === undefined || item === null) return undefined;
    if (typeof item !== 'string') return bad(field, vscode.l10n.t('must be a string.'));
    return item.trim() === '' ? undefined : item.trim();
  };
  const whole = (field: string, min: number, max: number): number | undefined | Checked => {
    const item = value[field];
    if (item === undefined || item === null) return undefined;
    if (typeof item !== 'number' || !Number.isInteger(item) || item < min || item > max) {
      return bad(field, vscode.l10n.t('must be a whole number from {0} to {1}.', min, max));
    }
    return item;
  };
  const isChecked = (item: unknown): item is Checked => typeof item === 'object' && item !== null && 'ok' in item;

  if (typeof value['prompt'] !== 'string' || value['prompt'].trim() === '') {
    return bad('prompt', vscode.l10n.t('must describe the image (a non-empty string).'));
  }
  const model = text('model');
  if (isChecked(model)) return model;
  if (model !== undefined && !parseModelRef(model)) {
    return bad('model', vscode.l10n.t('must be providerId/modelId, e.g. stability/core.'));
  }
  const aspectRatio = text('aspectRatio');
  if (isChecked(aspectRatio)) return aspectRatio;
  if (aspectRatio !== undefined && !/^\d+:\d+$/.test(aspectRatio)) {
    return bad('aspectRatio', vscode.l10n.t('must be two whole numbers like 16:9.'));
  }
  const width = whole('width', 64, 8192);
  if (isChecked(width)) return width;
  const height = whole('height', 64, 8192);
  if (isChecked(height)) return height;
  const count = whole('count', 1, maxCount);
  if (isChecked(count)) return count;
  const negativePrompt = text('negativePrompt');
  if (isChecked(negativePrompt)) return negativePrompt;
  const folder = text('folder');
  if (isChecked(folder)) return folder;
  return {
    ok: true,
    input: {
      prompt: value['prompt'].trim(),
      ...(model !== undefined ? { model } : {}),
      ...(aspectRatio !== undefined ? { aspectRatio } : {}),
      ...(width !== undefined ? { width } : {}),
      ...(height !== undefined ? { height } : {}),
      ...(count !== undefined ? { count } : {}),
      ...(negativePrompt !== undefined ? { negativePrompt } : {}),
      ...(folder !== undefined ? { folder } : {}),
    },
  };
}

/** Shows text literally in the confirmation's Markdown (a prompt may hold `*`, `_` or a link). */
function escapeMarkdown(text: string): string {
  return text.replace(/[\\`*_[\]<>#|~]/g, '\\$&');
}
