// The input at the bottom of the chat: a multi-line box (Enter sends, Shift+Enter breaks the line, or Ctrl+Enter
// sends when configured), ↑ recalls earlier messages, context chips with their size, send / stop. The draft is
// kept by the extension (it survives hiding the view and reloading the window) and in the webview state.
import { type ContextChip, protocolLimits, type WebviewToExtensionMessage } from '../shared/webviewProtocol';
import { h, iconButton } from './dom';
import { format, type WebviewStrings } from './webviewStrings';

export class Composer {
  readonly element: HTMLElement;
  readonly input: HTMLTextAreaElement;
  private readonly chips: HTMLElement;
  private readonly sendButton: HTMLButtonElement;
  private readonly stopButton: HTMLButtonElement;
  private sendOnEnter = true;
  private busy = false;
  private history: string[] = [];
  /** Position while walking the history with ↑/↓; `history.length` means "the draft". */
  private historyIndex = 0;
  private draftBeforeHistory = '';
  private draftTimer: ReturnType<typeof setTimeout> | undefined;
  /** Why the last send was refused, under the input (announced by screen readers). */
  private readonly problem: HTMLElement;
  private editing: string | undefined;

  constructor(
    private readonly strings: WebviewStrings,
    private readonly post: (message: WebviewToExtensionMessage) => void,
    private readonly saveState: (draft: string) => void,
  ) {
    this.input = h('textarea', { id: 'input', class: 'input', rows: '1', 'aria-label': strings.inputLabel, placeholder: strings.inputPlaceholderEnter });
    this.chips = h('div', { class: 'chips composer-chips', 'aria-live': 'polite' });
    this.sendButton = iconButton('send', strings.send, { id: 'send', class: 'icon-button primary' });
    this.stopButton = iconButton('debug-stop', strings.stop, { id: 'stop', class: 'icon-button danger', hidden: true });
    const addSelection = iconButton('selection', strings.addSelection, { id: 'add-selection' });
    const addFile = iconButton('file-add', strings.addFile, { id: 'add-file' });

    this.problem = h('div', { id: 'composer-problem', class: 'composer-problem', role: 'alert', hidden: true });
    this.input.setAttribute('aria-describedby', 'composer-problem');
    this.element = h('footer', { class: 'composer' },
      this.chips,
      h('div', { class: 'input-row' }, this.input),
      this.problem,
      h('div', { class: 'composer-actions' }, addSelection, addFile, h('span', { class: 'spacer' }), this.stopButton, this.sendButton),
    );

    this.sendButton.addEventListener('click', () => this.submit());
    this.stopButton.addEventListener('click', () => this.post({ type: 'stop' }));
    addSelection.addEventListener('click', () => this.post({ type: 'addContext', kind: 'selection' }));
    addFile.addEventListener('click', () => this.post({ type: 'addContext', kind: 'file' }));
    this.input.addEventListener('keydown', (event) => this.onKeyDown(event));
    this.input.addEventListener('input', () => {
      this.showProblem(undefined);
      this.autosize();
      this.historyIndex = this.history.length;
      this.draftChanged();
    });
  }

  configure(options: { sendOnEnter: boolean; draft: string; history: string[] }): void {
    this.sendOnEnter = options.sendOnEnter;
    this.input.placeholder = options.sendOnEnter ? this.strings.inputPlaceholderEnter : this.strings.inputPlaceholderCtrlEnter;
    this.setHistory(options.history);
    if (options.draft && this.input.value === '') {
      this.input.value = options.draft;
      this.autosize();
    }
  }

  setHistory(history: string[]): void {
    this.history = history.filter((text) => text.trim() !== '');
    this.historyIndex = this.history.length;
  }

  setBusy(busy: boolean): void {
    this.busy = busy;
    this.stopButton.hidden = !busy;
    this.sendButton.hidden = busy;
  }

  setContexts(contexts: readonly ContextChip[]): void {
    this.chips.replaceChildren(
      ...contexts.map((chip) => {
        const remove = iconButton('close', format(this.strings.removeContext, chip.label), { class: 'icon-button chip-remove' });
        remove.addEventListener('click', () => this.post({ type: 'removeContext', contextId: chip.id }));
        const size = format(this.strings.contextSize, chip.chars.toLocaleString());
        return h('span', { class: `chip${chip.truncated ? ' chip-truncated' : ''}`, 'data-id': chip.id, title: chip.truncated ? `${size} — ${this.strings.contextTruncated}` : size },
          h('span', { class: `codicon codicon-${chip.kind === 'file' ? 'file' : 'code'}`, 'aria-hidden': 'true' }),
          h('span', { class: 'chip-label' }, chip.label),
          h('span', { class: 'chip-size' }, size),
          chip.truncated ? h('span', { class: 'codicon codicon-warning', 'aria-label': this.strings.contextTruncated }) : undefined,
          remove,
        );
      }),
    );
  }

  /** Puts a sent message back into the input to be edited and sent again (replacing it and what follows). */
  editMessage(messageId: string, text: string): void {
    this.editing = messageId;
    this.input.value = text;
    this.autosize();
    this.focus();
    this.element.classList.add('editing');
  }

  setDraft(text: string): void {
    this.input.value = text;
    this.autosize();
    this.draftChanged();
  }

  focus(): void {
    this.input.focus();
    const end = this.input.value.length;
    this.input.setSelectionRange(end, end);
  }

  private submit(): void {
    const text = this.input.value;
    if (this.busy && !this.editing) return;
    if (text.trim() === '' && this.chips.childElementCount === 0) return;
    // The extension would refuse a message beyond the protocol's limit: say so here and keep the draft.
    if (text.length > protocolLimits.longText) {
      const locale = document.documentElement.lang || undefined;
      this.showProblem(format(this.strings.messageTooLong, text.length.toLocaleString(locale), protocolLimits.longText.toLocaleString(locale)));
      return;
    }
    this.showProblem(undefined);
    if (this.editing) {
      this.post({ type: 'editAndResend', messageId: this.editing, text });
      this.editing = undefined;
      this.element.classList.remove('editing');
    } else {
      this.post({ type: 'send', text });
    }
    this.history.push(text);
    this.historyIndex = this.history.length;
    this.input.value = '';
    this.autosize();
    this.saveState('');
  }

  private showProblem(text: string | undefined): void {
    if (text === undefined) {
      if (!this.problem.hidden) this.problem.replaceChildren();
      this.problem.hidden = true;
      return;
    }
    this.problem.replaceChildren(h('span', { class: 'codicon codicon-error', 'aria-hidden': 'true' }), h('span', {}, text));
    this.problem.hidden = false;
  }

  private onKeyDown(event: KeyboardEvent): void {
    if (event.key === 'Enter' && !event.isComposing) {
      const ctrl = event.ctrlKey || event.metaKey;
      if ((this.sendOnEnter && !event.shiftKey && !ctrl && !event.altKey) || (!this.sendOnEnter && ctrl)) {
        event.preventDefault();
        this.submit();
      }
      return;
    }
    if (event.key === 'Escape' && this.editing) {
      this.editing = undefined;
      this.element.classList.remove('editing');
      this.setDraft('');
      return;
    }
    // ↑ on the first line walks back through what was sent; ↓ on the last line walks forward to the draft.
    if (event.key === 'ArrowUp' && this.caretOnFirstLine() && this.historyIndex > 0) {
      if (this.historyIndex === this.history.length) this.draftBeforeHistory = this.input.value;
      this.historyIndex -= 1;
      this.showHistoryEntry(event);
    } else if (event.key === 'ArrowDown' && this.caretOnLastLine() && this.historyIndex < this.history.length) {
      this.historyIndex += 1;
      this.showHistoryEntry(event);
    }
  }

  private showHistoryEntry(event: KeyboardEvent): void {
    event.preventDefault();
    this.input.value = this.historyIndex === this.history.length ? this.draftBeforeHistory : (this.history[this.historyIndex] ?? '');
    this.autosize();
    const end = this.input.value.length;
    this.input.setSelectionRange(end, end);
  }

  private caretOnFirstLine(): boolean {
    return !this.input.value.slice(0, this.input.selectionStart).includes('\n');
  }

  private caretOnLastLine(): boolean {
    return !this.input.value.slice(this.input.selectionEnd).includes('\n');
  }

  private draftChanged(): void {
    this.saveState(this.input.value);
    clearTimeout(this.draftTimer);
    this.draftTimer = setTimeout(() => this.post({ type: 'draftChanged', text: this.input.value }), 300);
  }

  /** Grows the box with its content, up to a third of the view. */
  private autosize(): void {
    this.input.style.height = 'auto';
    const max = Math.max(80, Math.floor(window.innerHeight / 3));
    this.input.style.height = `${Math.min(this.input.scrollHeight + 2, max)}px`;
  }
}
