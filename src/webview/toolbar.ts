// The bar above the conversation: past conversations, the conversation's title, the model picker (the same lists
// as "Switchboard: Select Chat Model"), new chat and export. The past conversations open in a panel below it.
import type { ConversationSummary, ModelGroup, WebviewToExtensionMessage } from '../shared/webviewProtocol';
import { h, iconButton } from './dom';
import { format, type WebviewStrings } from './webviewStrings';

export class Toolbar {
  readonly element: HTMLElement;
  readonly historyPanel: HTMLElement;
  private readonly title: HTMLElement;
  private readonly modelSelect: HTMLSelectElement;
  private readonly historyButton: HTMLButtonElement;
  private current = '';
  private modelsRequested = false;

  constructor(
    private readonly strings: WebviewStrings,
    private readonly post: (message: WebviewToExtensionMessage) => void,
  ) {
    this.historyButton = iconButton('history', strings.history, {
      id: 'history-button',
      'aria-expanded': 'false',
      'aria-controls': 'history-panel',
    });
    this.title = h('span', { class: 'conversation-title', id: 'conversation-title' });
    this.modelSelect = h('select', { id: 'model-picker', class: 'model-picker', 'aria-label': strings.model, title: strings.model });
    const refresh = iconButton('refresh', strings.refreshModels, { id: 'refresh-models' });
    const newChat = iconButton('add', strings.newChat, { id: 'new-chat' });
    const exportChat = iconButton('export', strings.exportChat, { id: 'export-chat' });
    this.element = h(
      'header',
      { class: 'toolbar' },
      h('div', { class: 'toolbar-row' }, this.historyButton, this.title, newChat, exportChat),
      h('div', { class: 'toolbar-row' }, this.modelSelect, refresh),
    );
    this.historyPanel = h('section', { id: 'history-panel', class: 'history-panel', hidden: true, 'aria-label': strings.history });

    this.historyButton.addEventListener('click', () => this.toggleHistory());
    newChat.addEventListener('click', () => this.post({ type: 'newChat' }));
    exportChat.addEventListener('click', () => this.post({ type: 'exportConversation' }));
    refresh.addEventListener('click', () => this.post({ type: 'requestModels', refresh: true }));
    // The lists are fetched when the picker is first used, not when the view opens (no network at start-up).
    const requestOnce = (): void => {
      if (this.modelsRequested) return;
      this.modelsRequested = true;
      this.post({ type: 'requestModels', refresh: false });
    };
    this.modelSelect.addEventListener('focus', requestOnce);
    this.modelSelect.addEventListener('pointerdown', requestOnce);
    this.modelSelect.addEventListener('change', () => {
      if (this.modelSelect.value) this.post({ type: 'selectModel', model: this.modelSelect.value });
    });
  }

  setTitle(title: string): void {
    this.title.textContent = title;
    this.title.title = title;
  }

  setModels(groups: readonly ModelGroup[], current: string, loading: boolean): void {
    this.current = current;
    if (groups.length === 0) {
      // Only the current model is known (before the lists arrive, or after a choice).
      const known = [...this.modelSelect.options].some((option) => option.value === current);
      if (!known || loading) this.modelSelect.replaceChildren(this.placeholderOption(loading));
      if (current && ![...this.modelSelect.options].some((option) => option.value === current)) {
        this.modelSelect.append(h('option', { value: current }, current));
      }
      this.modelSelect.value = current;
      return;
    }
    const options: HTMLElement[] = [this.placeholderOption(false)];
    let found = false;
    for (const group of groups) {
      const optgroup = h('optgroup', { label: group.error ? `${group.label} — ${group.error}` : group.label });
      for (const model of group.models) {
        const value = `${group.provider}/${model}`;
        found ||= value === current;
        optgroup.append(h('option', { value }, model));
      }
      if (group.models.length > 0 || group.error) options.push(optgroup);
    }
    if (current && !found) options.push(h('option', { value: current }, current));
    this.modelSelect.replaceChildren(...options);
    this.modelSelect.value = this.current;
  }

  setConversations(items: readonly ConversationSummary[], currentId: string): void {
    if (items.length === 0) {
      this.historyPanel.replaceChildren(h('p', { class: 'muted' }, this.strings.noConversations));
      return;
    }
    const list = h('ul', { class: 'history-list', role: 'list' });
    for (const item of items) list.append(this.historyItem(item, item.id === currentId));
    this.historyPanel.replaceChildren(list);
  }

  closeHistory(): void {
    this.historyPanel.hidden = true;
    this.historyButton.setAttribute('aria-expanded', 'false');
  }

  private toggleHistory(): void {
    const open = this.historyPanel.hidden;
    this.historyPanel.hidden = !open;
    this.historyButton.setAttribute('aria-expanded', String(open));
    if (open) this.post({ type: 'requestConversations' });
  }

  private historyItem(item: ConversationSummary, current: boolean): HTMLElement {
    const open = h(
      'button',
      { type: 'button', class: `history-open${current ? ' current' : ''}`, 'aria-current': current ? 'true' : undefined },
      h('span', { class: 'history-title' }, item.title),
      h(
        'span',
        { class: 'history-meta' },
        `${new Date(item.updatedAt).toLocaleString()} · ${format(this.strings.messages, item.messageCount)}`,
      ),
    );
    open.addEventListener('click', () => {
      this.post({ type: 'openConversation', conversationId: item.id });
      this.closeHistory();
    });
    const rename = iconButton('edit', this.strings.rename);
    const remove = iconButton('trash', this.strings.delete);
    const row = h('li', { class: 'history-item', 'data-id': item.id }, open, rename, remove);
    rename.addEventListener('click', () => {
      const input = h('input', { type: 'text', class: 'history-rename', value: item.title, 'aria-label': this.strings.renamePrompt });
      row.replaceChildren(input);
      input.focus();
      input.select();
      let done = false;
      const finish = (save: boolean): void => {
        if (done) return;
        done = true;
        if (save && input.value.trim() && input.value !== item.title)
          this.post({ type: 'renameConversation', conversationId: item.id, title: input.value });
        else this.post({ type: 'requestConversations' });
      };
      input.addEventListener('keydown', (event) => {
        if (event.key === 'Enter') finish(true);
        if (event.key === 'Escape') finish(false);
      });
      input.addEventListener('blur', () => finish(true));
    });
    // Deleting asks once more in place: webviews cannot show modal dialogs.
    remove.addEventListener('click', () => {
      const confirm = h('button', { type: 'button', class: 'secondary-button danger' }, format(this.strings.deleteConfirm, item.title));
      const cancel = h('button', { type: 'button', class: 'secondary-button' }, this.strings.cancel);
      confirm.addEventListener('click', () => this.post({ type: 'deleteConversation', conversationId: item.id }));
      cancel.addEventListener('click', () => this.post({ type: 'requestConversations' }));
      row.replaceChildren(h('div', { class: 'history-confirm' }, confirm, cancel));
      confirm.focus();
    });
    return row;
  }

  private placeholderOption(loading: boolean): HTMLOptionElement {
    return h('option', { value: '', disabled: true }, loading ? this.strings.modelLoading : this.strings.modelNone);
  }
}
