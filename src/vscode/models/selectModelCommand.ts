// `switchboard.selectModel` (also the model name in the status bar): a QuickPick of the chat models listed live from
// every provider with a usable key — the same list as the chat's own picker: grouped by provider under its name, each
// row "Provider · model", a provider that could not be listed as one short row with the reason in its detail — with
// "type a model id" and "refresh"; the choice is saved to `switchboard.chat.model`. The lists are asked for again
// each time it opens (what was known shows meanwhile). Providers without a key are rows too ("OpenAI · set key…"):
// picking one sets its key, then lists its models, so the picker is never a dead end on a fresh profile
// (docs/chat.md). Part of the lazily loaded dist/chatCommands.js.
import * as vscode from 'vscode';
import { parseModelRef } from '../../core/config/modelRef';
import type { ProviderModels } from '../../core/providerEngine';
import type { SettingsService } from '../settings/settingsService';
import type { ModelCatalog } from './modelCatalog';
import { describeError } from '../errors/describeError';
import { describeListFailure, shortListFailure } from './describeListFailure';

export interface SelectModelArgs {
  /** `providerId/modelId`: set it without asking. */
  model?: string;
  /** List only this provider's models (after its key was set). */
  provider?: string;
}

/** What `switchboard.setApiKey` resolves to, as far as choosing a model next needs it. */
interface KeySetResult {
  provider: string;
  check: string;
}

type Item = vscode.QuickPickItem & { action?: 'type' | 'refresh' | 'setKey'; model?: string; provider?: string };

export async function selectModel(catalog: ModelCatalog, settings: SettingsService, args?: SelectModelArgs): Promise<string | undefined> {
  if (args?.model !== undefined) {
    if (!parseModelRef(args.model)) throw new Error(vscode.l10n.t('“{0}” is not a model reference: write providerId/modelId.', args.model));
    await settings.setChatModel(args.model);
    return args.model;
  }

  const picker = vscode.window.createQuickPick<Item>();
  picker.title = vscode.l10n.t('Switchboard: Select Chat Model');
  picker.placeholder = vscode.l10n.t(
    'Current: {0} — type to filter, or enter a model id by hand',
    settings.settings.chatModel || vscode.l10n.t('none'),
  );
  picker.matchOnDescription = true;
  picker.buttons = [{ iconPath: new vscode.ThemeIcon('refresh'), tooltip: vscode.l10n.t('Refresh the lists') }];

  const fixedItems = (): Item[] => [
    { label: `$(edit) ${vscode.l10n.t('Type a model id…')}`, action: 'type', alwaysShow: true },
    { label: `$(refresh) ${vscode.l10n.t('Refresh the lists')}`, action: 'refresh', alwaysShow: true },
  ];

  let generation = 0;
  const load = async (refresh: boolean): Promise<void> => {
    const mine = ++generation;
    picker.busy = true;
    picker.items = fixedItems();
    const all = await catalog.chatProvidersByKey();
    const only = (entry: { id: string }): boolean => args?.provider === undefined || entry.id === args.provider;
    const providers = all.usable.filter(only);
    const keyless = keylessItems(all.keyless.filter(only));
    if (mine !== generation) return;
    // What each provider answered last shows at once; each fresh answer replaces it, in the providers' order.
    const results = new Map<string, ProviderModels>();
    for (const entry of providers) {
      const known = catalog.known(entry);
      if (known) results.set(entry.id, known);
    }
    const show = (): void => {
      const listed = providers.flatMap((entry) => results.get(entry.id) ?? []);
      picker.items = [...fixedItems(), ...toItems(listed, settings.settings.chatModel), ...keyless];
    };
    show();
    await Promise.all(
      providers.map(async (entry) => {
        const result = await catalog.models(entry, refresh);
        if (mine !== generation) return;
        results.set(entry.id, result);
        show();
      }),
    );
    if (mine === generation) picker.busy = false;
    if (providers.length === 0 && mine === generation) {
      picker.items = [
        ...fixedItems(),
        ...(keyless.length > 0
          ? keyless
          : [{ label: `$(key) ${vscode.l10n.t('No provider has a key yet: set one')}`, action: 'setKey' as const, alwaysShow: true }]),
      ];
    }
  };

  // Listing is started from the picker's events, where nobody awaits it: a failure (the key store, the engine not
  // loading) is shown instead of becoming an unhandled rejection, and the picker stays usable for typing a model id.
  const reload = (refresh: boolean): void => {
    load(refresh).catch((error: unknown) => {
      picker.busy = false;
      void vscode.window.showErrorMessage(describeError(error));
    });
  };

  return new Promise<string | undefined>((resolve) => {
    let settled = false;
    const finish = (value: string | undefined | Promise<string | undefined>): void => {
      if (settled) return;
      settled = true;
      resolve(value);
      picker.dispose();
    };
    picker.onDidTriggerButton(() => reload(true));
    picker.onDidHide(() => finish(undefined));
    picker.onDidAccept(async () => {
      const item = picker.selectedItems[0];
      const typed = picker.value.trim();
      if (!item) {
        if (parseModelRef(typed)) {
          await settings.setChatModel(typed);
          finish(typed);
        }
        return;
      }
      switch (item.action) {
        case 'refresh':
          reload(true);
          return;
        case 'setKey':
          // Set the key (once this picker is gone), then go on to that provider's models: the command resolves to
          // the model finally chosen.
          finish(Promise.resolve(item.provider).then(setKeyThenChoose));
          return;
        case 'type': {
          picker.hide();
          const model = await vscode.window.showInputBox({
            title: vscode.l10n.t('Model id'),
            prompt: vscode.l10n.t('Write providerId/modelId, e.g. openrouter/meta-llama/llama-3.1-8b-instruct'),
            value: typed || settings.settings.chatModel,
            validateInput: (text) => (parseModelRef(text.trim()) ? undefined : vscode.l10n.t('Write it as providerId/modelId.')),
          });
          if (model !== undefined) await settings.setChatModel(model.trim());
          finish(model?.trim());
          return;
        }
        default:
          if (item.model) {
            await settings.setChatModel(item.model);
            finish(item.model);
          }
      }
    });
    picker.show();
    reload(true);
  });
}

/** Runs Set API Key (for `provider`, or asking which) and, unless the key was refused, opens the picker on its models. */
async function setKeyThenChoose(provider: string | undefined): Promise<string | undefined> {
  const result = await vscode.commands.executeCommand<KeySetResult | undefined>(
    'switchboard.setApiKey',
    ...(provider !== undefined ? [{ provider }] : []),
  );
  if (!result || result.check === 'rejected') return undefined;
  return vscode.commands.executeCommand<string | undefined>('switchboard.selectModel', { provider: result.provider });
}

/** A row per chat provider that has no key yet; picking it sets the key (and then lists its models). */
function keylessItems(entries: readonly { id: string; label: string }[]): Item[] {
  if (entries.length === 0) return [];
  return [
    { label: vscode.l10n.t('Needs a key'), kind: vscode.QuickPickItemKind.Separator },
    ...entries.map((entry) => ({
      label: `$(key) ${entry.label} · ${vscode.l10n.t('set key…')}`,
      action: 'setKey' as const,
      provider: entry.id,
    })),
  ];
}

function toItems(results: readonly ProviderModels[], current: string): Item[] {
  const items: Item[] = [];
  for (const { entry, models, error } of results) {
    items.push({ label: entry.label, kind: vscode.QuickPickItemKind.Separator });
    for (const model of models) {
      const ref = `${entry.id}/${model.id}`;
      items.push({
        label: `${ref === current ? '$(check) ' : ''}${entry.label} · ${model.id}`,
        ...(model.name && model.name !== model.id ? { description: model.name } : {}),
        model: ref,
      });
    }
    if (error) {
      items.push({
        label: `$(warning) ${entry.label} · ${shortListFailure(entry, error)}`,
        detail: describeListFailure(entry, error),
        ...(error.kind === 'auth' ? { description: vscode.l10n.t('set the key'), action: 'setKey' as const } : {}),
        provider: entry.id,
        alwaysShow: true,
      });
    }
  }
  return items;
}
