// `switchboard.selectCompletionModel` (docs/completions.md): a QuickPick of the models of every provider with a usable
// key, grouped by provider, each saying how it completes — fill-in-the-middle (fast) or through chat (slower) —
// plus "type a model id" and "turn completions off"; the choice is saved to `switchboard.completions.model`.
import * as vscode from 'vscode';
import { parseModelRef } from '../../core/config/modelRef';
import type { CompletionProtocol } from '../../core/completions/completionTypes';
import type { ProviderEngineHost } from '../engine/providerEngineHost';
import type { ModelCatalog } from '../models/modelCatalog';
import type { SettingsService } from '../settings/settingsService';

type Item = vscode.QuickPickItem & { model?: string; action?: 'type' | 'off' };

export interface SelectCompletionModelDeps {
  host: ProviderEngineHost;
  catalog: ModelCatalog;
  settings: SettingsService;
}

/** Shows the picker (or sets `model` without asking); resolves with the saved model, '' when turned off. */
export async function selectCompletionModel(deps: SelectCompletionModelDeps, model?: string): Promise<string | undefined> {
  if (model !== undefined) return save(model);
  const current = deps.settings.settings.completionsModel;
  const picker = vscode.window.createQuickPick<Item>();
  picker.title = vscode.l10n.t('Switchboard: Select Completion Model');
  picker.placeholder = vscode.l10n.t('Current: {0} — fill-in-the-middle models are the fastest', current || vscode.l10n.t('none (off)'));
  picker.matchOnDescription = true;
  const fixed: Item[] = [
    { label: `$(edit) ${vscode.l10n.t('Type a model id…')}`, action: 'type', alwaysShow: true },
    ...(current !== ''
      ? [{ label: `$(circle-slash) ${vscode.l10n.t('Turn inline completions off')}`, action: 'off' as const, alwaysShow: true }]
      : []),
  ];
  picker.items = fixed;
  picker.busy = true;
  picker.show();
  const engine = deps.host.get();
  void (async () => {
    const { usable } = await deps.catalog.chatProvidersByKey();
    const items: Item[] = [...fixed];
    for (const entry of usable) {
      const protocol = safeProtocol(() => engine.completionProtocol(`${entry.id}/x`));
      if (protocol === undefined) continue;
      const list = await deps.catalog.models(entry, false);
      items.push({ label: entry.label, kind: vscode.QuickPickItemKind.Separator });
      for (const listed of list.models) {
        const ref = `${entry.id}/${listed.id}`;
        items.push({
          label: ref === current ? `$(check) ${listed.id}` : listed.id,
          description: `${entry.label} · ${protocolLabel(safeProtocol(() => engine.completionProtocol(ref)) ?? protocol)}`,
          model: ref,
        });
      }
      picker.items = items;
    }
    picker.busy = false;
  })().catch(() => {
    picker.busy = false;
  });
  const picked = await new Promise<Item | undefined>((resolve) => {
    picker.onDidAccept(() => resolve(picker.selectedItems[0]));
    picker.onDidHide(() => resolve(undefined));
  });
  picker.dispose();
  if (picked === undefined) return undefined;
  if (picked.action === 'off') return save('');
  if (picked.action === 'type') {
    const typed = await vscode.window.showInputBox({
      title: vscode.l10n.t('Switchboard: Select Completion Model'),
      prompt: vscode.l10n.t('A model as providerId/modelId, e.g. ollama/qwen2.5-coder:1.5b'),
      validateInput: (value) => (parseModelRef(value.trim()) ? undefined : vscode.l10n.t('Write it as providerId/modelId.')),
    });
    return typed === undefined ? undefined : save(typed.trim());
  }
  return picked.model === undefined ? undefined : save(picked.model);

  async function save(value: string): Promise<string> {
    if (value !== '' && !parseModelRef(value))
      throw new Error(vscode.l10n.t('“{0}” is not a model reference: write providerId/modelId.', value));
    await vscode.workspace.getConfiguration('switchboard').update('completions.model', value, vscode.ConfigurationTarget.Global);
    return value;
  }
}

function safeProtocol(get: () => CompletionProtocol | undefined): CompletionProtocol | undefined {
  try {
    return get();
  } catch {
    return undefined;
  }
}

function protocolLabel(protocol: CompletionProtocol): string {
  return protocol === 'chat' ? vscode.l10n.t('through chat (slower)') : vscode.l10n.t('fill-in-the-middle');
}
