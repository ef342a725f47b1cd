// The input at the bottom of the chat: a multi-line box (Enter sends, Shift+Enter breaks the line, or Ctrl+Enter
// sends when configured), ↑ recalls earlier messages, context chips with their size, send / stop. The draft is
// kept by the extension (it survives hiding the view and reloading the window) and in the webview state.
import { type ContextChip, protocolLimits, type WebviewToExtensionMessage } from '../shared/webviewProtocol';
import { h, iconButton } from './dom';
import { counted, format, type WebviewStrings } from './webviewStrings';

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
  /** The sent message being edited, if any; the input holds its text meanwhile. */
  private editing: string | undefined;
  /** What was in the input when editing started (the user's unsent draft): it comes back after the edit. */
  private draftBeforeEdit = '';
  private laterMessages = 0;
  /** While editing, what sending will remove (announced by screen readers), and how to cancel. */
  private readonly editNote: HTMLElement;
  private readonly cancelEditButton: HTMLButtonElement;

  constructor(
    private readonly strings: WebviewStrings,
    private readonly post: (message: WebviewToExtensionMessage) => void,
    private readonly saveState: (draft: string) => void,
    /** An edited message was sent; `removed` later messages went with the edit (for the Undo offer). */
    private readonly onEditSent: (removed: number) => void = () => undefined,
  ) {
    this.input = h('textarea', {
      id: 'input',
      class: 'input',
      rows: '1',
      'aria-label': strings.inputLabel,
      placeholder: strings.inputPlaceholderEnter,
    });
    this.chips = h('div', { class: 'chips composer-chips', 'aria-live': 'polite' });
    this.sendButton = iconButton('send', strings.send, { id: 'send', class: 'icon-button primary' });
    this.stopButton = iconButton('debug-stop', strings.stop, { id: 'stop', class: 'icon-button danger', hidden: true });
    const addSelection = iconButton('selection', strings.addSelection, { id: 'add-selection' });
    const addFile = iconButton('file-add', strings.addFile, { id: 'add-file' });

    this.problem = h('div', { id: 'composer-problem', class: 'composer-problem', role: 'alert', hidden: true });
    // The note's live region stays in the document (empty when not editing), so its text is announced when set.
    this.editNote = h('span', { id: 'composer-editing-note', class: 'composer-editing-note', role: 'status', 'aria-live': 'polite' });
    this.cancelEditButton = h(
      'button',
      {
        type: 'button',
        id: 'cancel-edit',
        class: 'secondary-button',
        title: strings.cancelEdit,
        'aria-label': strings.cancelEdit,
        hidden: true,
      },
      strings.cancel,
    );
    this.input.setAttribute('aria-describedby', 'composer-problem composer-editing-note');
    this.element = h(
      'footer',
      { class: 'composer' },
      h(
        'div',
        { class: 'composer-editing' },
        h('span', { class: 'codicon codicon-edit', 'aria-hidden': 'true' }),
        this.editNote,
        this.cancelEditButton,
      ),
      this.chips,
      h('div', { class: 'input-row' }, this.input),
      this.problem,
      h('div', { class: 'composer-actions' }, addSelection, addFile, h('span', { class: 'spacer' }), this.stopButton, this.sendButton),
    );

    this.sendButton.addEventListener('click', () => this.submit());
    this.cancelEditButton.addEventListener('click', () => this.cancelEdit());
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
        return h(
          'span',
          {
            class: `chip${chip.truncated ? ' chip-truncated' : ''}`,
            'data-id': chip.id,
            title: chip.truncated ? `${size} — ${this.strings.contextTruncated}` : size,
          },
          h('span', { class: `codicon codicon-${chip.kind === 'file' ? 'file' : 'code'}`, 'aria-hidden': 'true' }),
          h('span', { class: 'chip-label' }, chip.label),
          h('span', { class: 'chip-size' }, size),
          chip.truncated ? h('span', { class: 'codicon codicon-warning', 'aria-label': this.strings.contextTruncated }) : undefined,
          remove,
        );
      }),
    );
  }

  /**
   * Puts a sent message back into the input to be edited and sent again, replacing it and the `laterMessages`
   * after it, which the note says. The draft in the input is put aside and comes back after the edit.
   */
  editMessage(messageId: string, text: string, laterMessages: number): void {
    if (this.editing === undefined) this.draftBeforeEdit = this.input.value;
    clearTimeout(this.draftTimer);
    this.editing = messageId;
    this.input.value = text;
    this.showProblem(undefined);
    this.autosize();
    this.focus();
    this.element.classList.add('editing');
    this.cancelEditButton.hidden = false;
    this.setLaterMessages(laterMessages);
  }

  /** The message being edited, if any. */
  get editingId(): string | undefined {
    return this.editing;
  }

  /** The count of messages after the one being edited changed (an answer arrived meanwhile). */
  setLaterMessages(count: number): void {
    if (this.editing === undefined || (count === this.laterMessages && this.editNote.textContent !== '')) return;
    this.laterMessages = count;
    this.editNote.textContent = counted(this.strings, 'editingNote', count);
  }

  /** Leaves editing without sending: the draft from before the edit is back in the input. */
  cancelEdit(): void {
    if (this.editing === undefined) return;
    this.endEdit();
    this.setDraft(this.draftBeforeEdit);
    this.focus();
  }

  private endEdit(): void {
    this.editing = undefined;
    this.element.classList.remove('editing');
    this.cancelEditButton.hidden = true;
    this.editNote.replaceChildren();
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
      this.showProblem(
        format(this.strings.messageTooLong, text.length.toLocaleString(locale), protocolLimits.longText.toLocaleString(locale)),
      );
      return;
    }
    this.showProblem(undefined);
    const edited = this.editing;
    if (edited !== undefined) {
      const removed = this.laterMessages;
      this.endEdit();
      this.post({ type: 'editAndResend', messageId: edited, text });
      this.onEditSent(removed);
    } else {
      this.post({ type: 'send', text });
    }
    this.history.push(text);
    this.historyIndex = this.history.length;
    if (edited !== undefined) {
      // The draft put aside for the edit comes back.
      this.setDraft(this.draftBeforeEdit);
      return;
    }
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
    if (event.key === 'Escape' && this.editing !== undefined) {
      event.preventDefault();
      this.cancelEdit();
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
    // While editing, the input holds the sent message: the saved draft stays the one put aside.
    if (this.editing !== undefined) return;
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
