// The image feature as activation holds it: the three image commands (generate, edit, animate), built from the
// lazily loaded image-commands bundle (loadImageCommands.ts) the first time any of them is needed — a command, `/image`
// in the chat, or an image button there.
import type * as vscode from 'vscode';
import type { KeyStore } from '../../core/keys/keyStore';
import type { LastEditorTracker } from '../chat/lastEditorTracker';
import type { ProviderEngineHost } from '../engine/providerEngineHost';
import type { Pricing } from '../pricing/pricing';
import type { SettingsService } from '../settings/settingsService';
import type { AnimateImageCommand } from './animateImageCommand';
import type { EditImageCommand } from './editImageCommand';
import type { ImageGenerator } from './imageGenerator';
import { type ImageCommandsModule, loadImageCommands } from './loadImageCommands';

export interface ImageFeatureDeps {
  host: ProviderEngineHost;
  keys: KeyStore;
  settings: SettingsService;
  /** Remembered choices (last model, size): the global state, shared by every window. */
  state: vscode.Memento;
  editors: LastEditorTracker;
  log: vscode.LogOutputChannel;
  /** Prices and budgets (issue 19, docs/spend.md). */
  pricing?: Pricing;
}

export class ImageFeature {
  private built: { generator: ImageGenerator; edit: EditImageCommand; animate: AnimateImageCommand } | undefined;

  constructor(
    private readonly deps: ImageFeatureDeps,
    /** Tests may pass the module itself; the extension loads dist/imageCommands.js. */
    private readonly load: () => ImageCommandsModule = loadImageCommands,
  ) {}

  /** `switchboard.generateImage`, `/image` and Insert reference. */
  get generator(): ImageGenerator {
    return this.build().generator;
  }

  /** `switchboard.editImage`. */
  get edit(): EditImageCommand {
    return this.build().edit;
  }

  /** `switchboard.animateImage`. */
  get animate(): AnimateImageCommand {
    return this.build().animate;
  }

  private build(): { generator: ImageGenerator; edit: EditImageCommand; animate: AnimateImageCommand } {
    if (this.built) return this.built;
    const module = this.load();
    const { host, keys, settings, state, editors, log } = this.deps;
    this.built = {
      generator: new module.ImageGenerator(host, keys, settings, state, editors, log, new module.ImageSpend(host, this.deps.pricing)),
      edit: new module.EditImageCommand(host, keys, settings, state, log, new module.ImageSpend(host, this.deps.pricing)),
      animate: new module.AnimateImageCommand(host, keys, settings, log, new module.ImageSpend(host, this.deps.pricing)),
    };
    return this.built;
  }
}
