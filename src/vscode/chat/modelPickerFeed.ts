// The data behind the chat panel's model picker: the chat models listed live from every provider with a usable
// key (the same lists as "Select Chat Model"), and the choice written to the user's settings.
import * as vscode from 'vscode';
import type { ModelGroup } from '../../shared/webviewProtocol';
import { describeListFailure, shortListFailure } from '../models/describeListFailure';
import type { ModelCatalog } from '../models/modelCatalog';
import type { SettingsService } from '../settings/settingsService';
import type { ChatViewPort } from './chatViewPort';

export class ModelPickerFeed implements vscode.Disposable {
  private readonly subscription: vscode.Disposable;

  constructor(
    private readonly port: ChatViewPort,
    private readonly settings: SettingsService,
    private readonly catalog: ModelCatalog,
  ) {
    // The model can change elsewhere (the status bar, Select Chat Model): the panel's picker follows.
    this.subscription = settings.onDidChange((changed) =>
      port.post({ type: 'models', groups: [], current: changed.chatModel, loading: false }),
    );
  }

  async request(refresh: boolean): Promise<void> {
    this.port.post({ type: 'models', groups: [], current: this.settings.settings.chatModel, loading: true });
    const { usable, keyless } = await this.catalog.chatProvidersByKey();
    const listed: ModelGroup[] = await Promise.all(
      usable.map(async (entry) => {
        const result = await this.catalog.models(entry, refresh);
        return {
          provider: entry.id,
          label: entry.label,
          models: result.models.map((model) => model.id),
          // A few words in the picker's row, the whole sentence in its tooltip (as Select Chat Model shows them).
          ...(result.error ? { error: shortListFailure(entry, result.error), errorDetail: describeListFailure(entry, result.error) } : {}),
        };
      }),
    );
    // Providers without a key are named too ("OpenAI — set key…"), so a fresh profile sees what there is to set up.
    const unset = keyless.map((entry) => ({ provider: entry.id, label: entry.label, models: [], error: vscode.l10n.t('set key…') }));
    this.port.post({ type: 'models', groups: [...listed, ...unset], current: this.settings.settings.chatModel, loading: false });
  }

  async select(model: string): Promise<void> {
    await this.settings.setChatModel(model);
    this.port.post({ type: 'models', groups: [], current: model, loading: false });
  }

  dispose(): void {
    this.subscription.dispose();
  }
}
