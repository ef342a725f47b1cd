// The model picker in the composer's footer: a button that names the chosen model as "Provider · model" (the same
// model id under two providers stays told apart), and a popup with a filter field over the chat models grouped by
// provider — the same lists as "Switchboard: Select Chat Model" (docs/chat.md). The filter is a combobox over the
// shared listbox (inputListbox.ts, the WAI-ARIA combobox pattern): type to filter, ↑/↓, Home/End, Enter picks,
// Escape closes and gives the focus back to the button. A provider that could not be listed shows a one-line note
// under its name, its whole text on hover. Each opening asks the extension to list the models again (Refresh, in the
// popup, too), showing the lists known so far meanwhile; a list never shrinks to the one model chosen meanwhile.
import type { ModelGroup, WebviewToExtensionMessage } from '../shared/webviewProtocol';
import { codiconClass } from './codiconNames';
import { h, iconButton } from './dom';
import { InputListbox, type ListboxGroup, type ListboxRow } from './inputListbox';
import { matchLabel } from './matchLabel';
import { format, type WebviewStrings } from './webviewStrings';

/** Provider id → its label, as the last lists named them (kept in the view's state across reloads). */
export type ProviderLabels = Record<string, string>;

export interface ModelPickerOptions {
  labels?: ProviderLabels;
  /** The labels learned from a list changed (to be kept in the view's state). */
  onLabels?: (labels: ProviderLabels) => void;
  /** A model was picked (the focus goes on to the input). */
  onPicked?: () => void;
}

/** "Provider · model", as rows and the button read. */
export function modelTitle(providerLabel: string, model: string): string {
  return `${providerLabel} · ${model}`;
}

export class ModelPicker {
  /** The button, for the composer's footer. */
  readonly element: HTMLElement;
  /** The popup, placed by the composer (above its footer). */
  readonly popup: HTMLElement;
  private readonly button: HTMLButtonElement;
  private readonly buttonLabel: HTMLElement;
  private readonly filter: HTMLInputElement;
  private readonly listbox: InputListbox;
  private groups: readonly ModelGroup[] = [];
  private current = '';
  private loading = false;
  /** A model picked here and not yet confirmed by the extension. */
  private picked: string | undefined;
  private labels: ProviderLabels;

  constructor(
    private readonly strings: WebviewStrings,
    private readonly post: (message: WebviewToExtensionMessage) => void,
    private readonly options: ModelPickerOptions = {},
  ) {
    this.labels = { ...options.labels };
    this.buttonLabel = h('span', { class: 'model-picker-label' });
    this.button = h(
      'button',
      {
        type: 'button',
        id: 'model-picker',
        class: 'model-picker-button',
        'aria-haspopup': 'dialog',
        'aria-expanded': 'false',
        'aria-controls': 'model-popup',
      },
      this.buttonLabel,
      h('span', { class: codiconClass('chevron-down'), 'aria-hidden': 'true' }),
    );
    this.element = this.button;
    this.filter = h('input', {
      type: 'text',
      id: 'model-filter',
      class: 'model-filter',
      role: 'combobox',
      'aria-label': strings.modelFilter,
      placeholder: strings.modelFilterPlaceholder,
      autocomplete: 'off',
      spellcheck: 'false',
    });
    this.listbox = new InputListbox(this.filter, 'model-listbox', { homeEnd: true, tabPicks: false, className: 'model-popup-list' });
    const refresh = iconButton('refresh', strings.refreshModels, { id: 'refresh-models' });
    this.popup = h(
      'div',
      { id: 'model-popup', class: 'model-popup', role: 'dialog', 'aria-label': strings.modelPickerLabel, hidden: true },
      h('div', { class: 'model-popup-header' }, this.filter, refresh),
      this.listbox.element,
    );
    this.updateButton();

    this.button.addEventListener('click', () => (this.isOpen ? this.close(true) : this.open()));
    // ↑/↓ on the button open it, as on a drop-down.
    this.button.addEventListener('keydown', (event) => {
      if ((event.key === 'ArrowDown' || event.key === 'ArrowUp') && !this.isOpen) {
        event.preventDefault();
        this.open();
      }
    });
    refresh.addEventListener('click', () => {
      this.loading = true;
      this.post({ type: 'requestModels', refresh: true });
      this.render();
      this.filter.focus();
    });
    this.filter.addEventListener('input', () => this.render());
    this.filter.addEventListener('keydown', (event) => {
      if (event.key === 'Escape') return;
      if (this.listbox.handleKey(event)) event.preventDefault();
    });
    // Escape anywhere in the popup closes it and only it (it must not also stop an answer: main.ts).
    this.popup.addEventListener('keydown', (event) => {
      if (event.key !== 'Escape' || event.isComposing) return;
      event.preventDefault();
      event.stopPropagation();
      this.close(true);
    });
    // A press on the popup's text (a heading, a note) keeps the focus in the filter; leaving the popup closes it.
    this.popup.addEventListener('mousedown', (event) => {
      if (!(event.target as Element).closest('input, button')) event.preventDefault();
    });
    this.popup.addEventListener('focusout', (event) => {
      const next = event.relatedTarget as Node | null;
      if (this.isOpen && (next === null || (!this.popup.contains(next) && next !== this.button))) this.close(false);
    });
  }

  get isOpen(): boolean {
    return !this.popup.hidden;
  }

  /** The lists (`groups` empty: only the model chosen changed, or the lists are being fetched: the lists stay). */
  setModels(groups: readonly ModelGroup[], current: string, loading: boolean): void {
    // A listing begun before a pick was saved names the model chosen before it: until the extension confirms the
    // pick (a message without lists: the choice saved, or the setting changed), the pick is what the button says.
    const fromListing = groups.length > 0 || loading;
    if (this.picked === undefined || !fromListing) {
      this.current = current;
      this.picked = undefined;
    }
    this.loading = loading;
    if (groups.length > 0) {
      this.groups = groups;
      let changed = false;
      for (const group of groups) {
        if (this.labels[group.provider] === group.label) continue;
        this.labels[group.provider] = group.label;
        changed = true;
      }
      if (changed) this.options.onLabels?.({ ...this.labels });
    }
    this.updateButton();
    if (this.isOpen) this.render();
  }

  open(): void {
    if (this.isOpen) return;
    this.popup.hidden = false;
    this.button.setAttribute('aria-expanded', 'true');
    this.filter.value = '';
    // Listed again at each opening, as the palette's picker does; what was listed before shows meanwhile.
    this.loading = true;
    this.post({ type: 'requestModels', refresh: true });
    this.render();
    this.filter.focus();
  }

  /** Closes the popup; `refocus` gives the focus back to the button (Escape, a second click). */
  close(refocus: boolean): void {
    if (!this.isOpen) return;
    this.listbox.close();
    this.popup.hidden = true;
    this.button.setAttribute('aria-expanded', 'false');
    if (refocus) this.button.focus();
  }

  private pick(model: string): void {
    this.current = model;
    this.picked = model;
    this.updateButton();
    this.close(false);
    this.post({ type: 'selectModel', model });
    this.options.onPicked?.();
  }

  private labelOf(provider: string): string {
    return this.labels[provider] ?? provider;
  }

  private updateButton(): void {
    const { provider, model } = splitModel(this.current);
    const text = this.current === '' ? this.strings.modelNone : provider === '' ? model : modelTitle(this.labelOf(provider), model);
    this.buttonLabel.textContent = text;
    const name = this.current === '' ? text : format(this.strings.modelButton, text);
    this.button.setAttribute('aria-label', name);
    this.button.title = name;
  }

  /** The groups to list: the lists, with the model chosen added under its provider when no list has it (typed by hand). */
  private listedGroups(): ModelGroup[] {
    const groups = this.groups.map((group) => ({ ...group, models: [...group.models] }));
    if (this.current === '') return groups;
    const { provider, model } = splitModel(this.current);
    const own = groups.find((group) => group.provider === provider);
    if (own?.models.includes(model)) return groups;
    if (own) own.models.unshift(model);
    else groups.unshift({ provider, label: this.labelOf(provider), models: [model] });
    return groups;
  }

  private render(): void {
    if (!this.isOpen) return;
    const query = this.filter.value;
    const items: ListboxGroup[] = [];
    let shown = 0;
    for (const group of this.listedGroups()) {
      const ranked: { row: ListboxRow; score: number }[] = [];
      for (const model of group.models) {
        const id = `${group.provider}/${model}`;
        const label = modelTitle(group.label, model);
        const byLabel = matchLabel(label, query);
        // The id typed as the settings hold it ("openai/gpt-4o") finds the row too.
        const match = byLabel ?? (matchLabel(id, query) ? { score: 500, matches: [] } : undefined);
        if (match === undefined) continue;
        ranked.push({
          score: match.score,
          row: { key: id, label, matches: match.matches, checked: id === this.current, title: id, pick: () => this.pick(id) },
        });
      }
      ranked.sort((a, b) => a.score - b.score);
      const rows = ranked.map(({ row }) => row);
      const note = group.error ? { text: group.error, title: `${group.label}: ${group.errorDetail ?? group.error}` } : undefined;
      // A provider's note shows while nothing is typed, or when its name is what is typed.
      if (rows.length === 0 && (note === undefined || matchLabel(group.label, query) === undefined)) continue;
      shown += rows.length;
      items.push({ key: group.provider, label: group.label, ...(note ? { note } : {}), rows });
    }
    const status = this.loading
      ? this.strings.modelLoading
      : shown === 0
        ? query.trim() === ''
          ? this.strings.modelNoneListed
          : this.strings.modelNoMatches
        : undefined;
    this.listbox.show(this, this.strings.modelListLabel, items, status);
  }
}

/** `provider/model` split at its first slash (a model id may hold more: `openrouter/meta-llama/llama-3`). */
function splitModel(value: string): { provider: string; model: string } {
  const slash = value.indexOf('/');
  return slash < 0 ? { provider: '', model: value } : { provider: value.slice(0, slash), model: value.slice(slash + 1) };
}
