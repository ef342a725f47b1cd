// The input at the bottom of the chat: a multi-line box (Enter sends, Shift+Enter breaks the line, or Ctrl+Enter
// sends when configured), ↑ recalls earlier messages, context chips with their size and the meter of what the next
// message costs, the `@` picker and the `/` menu above the input, and in the footer "Add context", the model picker
// (modelPicker.ts) and send / stop. The draft is kept by the extension (it survives hiding the view and reloading the
// window) and in the webview state.
import {
  type ContextBudget,
  type ContextChip,
  type ExtensionToWebviewMessage,
  protocolLimits,
  type WebviewToExtensionMessage,
} from '../shared/webviewProtocol';
import { contextChip } from './contextChips';
import { ContextMeter } from './contextMeter';
import { ContextPicker } from './contextPicker';
import { codiconClass } from './codiconNames';
import { h, iconButton } from './dom';
import { InputListbox } from './inputListbox';
import type { ModelPicker } from './modelPicker';
import { SlashMenu } from './slashMenu';
import { counted, format, type WebviewStrings } from './webviewStrings';

type ContextSuggestions = Extract<ExtensionToWebviewMessage, { type: 'contextSuggestions' }>;

/** Where the caret is in an `@` or `/` word that opens a popup: the word's start and the text after its sign. */
interface Trigger {
  sign: '@' | '/';
  start: number;
  query: string;
}

/**
 * The trigger the caret at `caret` is in: `@` at the start or after whitespace, up to the caret without whitespace;
 * `/` as the first thing in the input, followed only by a command's letters.
 */
function triggerAt(value: string, caret: number): Trigger | undefined {
  const before = value.slice(0, caret);
  const slash = /^\s*\/([\w-]*)$/.exec(before);
  if (slash) return { sign: '/', start: before.indexOf('/'), query: slash[1] ?? '' };
  const at = /(^|\s)@([^\s@]*)$/.exec(before);
  if (at) return { sign: '@', start: at.index + (at[1] ?? '').length, query: at[2] ?? '' };
  return undefined;
}

export class Composer {
  readonly element: HTMLElement;
  readonly input: HTMLTextAreaElement;
  private readonly chips: HTMLElement;
  /** The chips waiting to go with the next message (suggested ones included). */
  private contexts: readonly ContextChip[] = [];
  private readonly meter: ContextMeter;
  private readonly listbox: InputListbox;
  private readonly picker: ContextPicker;
  private readonly slashMenu: SlashMenu;
  /** The trigger whose popup the user closed with Escape: it stays closed until another one is typed. */
  private dismissed: Trigger | undefined;
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
    /** The model picker, in the footer beside "Add context" (its popup opens above the composer). */
    modelPicker?: ModelPicker,
  ) {
    this.input = h('textarea', {
      id: 'input',
      class: 'input',
      rows: '1',
      'aria-label': strings.inputLabel,
      placeholder: strings.inputPlaceholderEnter,
    });
    this.chips = h('div', { class: 'chips composer-chips', 'aria-live': 'polite' });
    this.meter = new ContextMeter(strings);
    this.listbox = new InputListbox(this.input, 'input-listbox');
    this.picker = new ContextPicker(strings, post, this.listbox, () => this.replaceTrigger(''));
    this.slashMenu = new SlashMenu(strings, post, this.listbox, (text) => this.replaceTrigger(text));
    this.sendButton = iconButton('send', strings.send, { id: 'send', class: 'icon-button primary' });
    this.stopButton = iconButton('debug-stop', strings.stop, {
      id: 'stop',
      class: 'icon-button danger',
      title: strings.stopTitle,
      'aria-keyshortcuts': 'Escape',
      hidden: true,
    });
    const addContext = iconButton('mention', strings.addContext, { id: 'add-context', 'aria-haspopup': 'listbox' });

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
    this.input.setAttribute('aria-describedby', 'composer-problem composer-editing-note context-meter-warning');
    this.element = h(
      'footer',
      { class: 'composer' },
      h(
        'div',
        { class: 'composer-editing' },
        h('span', { class: codiconClass('edit'), 'aria-hidden': 'true' }),
        this.editNote,
        this.cancelEditButton,
      ),
      this.chips,
      this.meter.element,
      h('div', { class: 'input-row' }, this.listbox.element, this.input),
      this.problem,
      h(
        'div',
        { class: 'composer-actions' },
        addContext,
        modelPicker?.element,
        h('span', { class: 'spacer' }),
        this.stopButton,
        this.sendButton,
        modelPicker?.popup,
      ),
    );

    this.sendButton.addEventListener('click', () => this.submit());
    this.cancelEditButton.addEventListener('click', () => this.cancelEdit());
    this.stopButton.addEventListener('click', () => this.post({ type: 'stop' }));
    addContext.addEventListener('click', () => this.startContextQuery());
    this.input.addEventListener('keydown', (event) => this.onKeyDown(event));
    this.input.addEventListener('input', () => {
      this.showProblem(undefined);
      this.autosize();
      this.historyIndex = this.history.length;
      this.draftChanged();
      this.updatePopup(true);
    });
    // The caret moved (a click, ←/→, Home/End): the open popup follows its word, or closes when it left it.
    this.input.addEventListener('click', () => this.updatePopup(false));
    this.input.addEventListener('keyup', (event) => {
      if (['ArrowLeft', 'ArrowRight', 'Home', 'End'].includes(event.key)) this.updatePopup(false);
    });
    this.input.addEventListener('blur', () => this.closePopups());
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

  /** Whether an answer is being streamed (Escape stops it). */
  get isBusy(): boolean {
    return this.busy;
  }

  setBusy(busy: boolean): void {
    this.busy = busy;
    this.stopButton.hidden = !busy;
    this.sendButton.hidden = busy;
  }

  /**
   * The chips waiting to go with the next message, and what it would cost (no budget: no meter). A chip control
   * that had the focus keeps it across the update (the same chip's, or its neighbour's when it went).
   */
  setContexts(contexts: readonly ContextChip[], budget?: ContextBudget): void {
    this.contexts = contexts;
    const focused = document.activeElement;
    const focusedChip = focused && this.chips.contains(focused) ? focused.closest<HTMLElement>('.chip') : null;
    const restore = focusedChip
      ? {
          id: focusedChip.dataset['id'],
          remove: focused?.classList.contains('chip-remove') === true,
          index: Array.prototype.indexOf.call(this.chips.children, focusedChip),
        }
      : undefined;
    this.chips.replaceChildren(...contexts.map((chip) => contextChip(chip, { strings: this.strings, post: this.post })));
    if (restore) {
      const chips = Array.from(this.chips.children) as HTMLElement[];
      const chip = chips.find((element) => element.dataset['id'] === restore.id) ?? chips[Math.min(restore.index, chips.length - 1)];
      const target =
        chip?.querySelector<HTMLElement>(restore.remove ? '.chip-remove' : 'button.chip-body') ??
        chip?.querySelector<HTMLElement>('button');
      (target ?? this.input).focus();
    }
    this.meter.setBudget(budget);
  }

  /** The image chips waiting to go with the next message. */
  attachedImages(): number {
    return this.contexts.filter((chip) => chip.kind === 'image' && chip.suggested !== true).length;
  }

  /** Sends what the input holds, with its chips, as Enter does (the notice's model switch sends again with it). */
  send(): void {
    this.submit();
  }

  /** The extension's answer to the `@` picker's query. */
  showSuggestions(answer: ContextSuggestions): void {
    this.picker.receive(answer);
  }

  /**
   * Puts a sent message back into the input to be edited and sent again, replacing it and the `laterMessages`
   * after it, which the note says. The draft in the input is put aside and comes back after the edit.
   */
  editMessage(messageId: string, text: string, laterMessages: number): void {
    if (this.editing === undefined) this.draftBeforeEdit = this.input.value;
    clearTimeout(this.draftTimer);
    this.closePopups();
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
    this.closePopups();
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
    if (text.trim() === '' && !this.contexts.some((chip) => chip.suggested !== true)) return;
    // The extension would refuse a message beyond the protocol's limit: say so here and keep the draft.
    if (text.length > protocolLimits.longText) {
      const locale = document.documentElement.lang || undefined;
      this.showProblem(
        format(this.strings.messageTooLong, text.length.toLocaleString(locale), protocolLimits.longText.toLocaleString(locale)),
      );
      return;
    }
    this.showProblem(undefined);
    this.closePopups();
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
    this.problem.replaceChildren(h('span', { class: codiconClass('error'), 'aria-hidden': 'true' }), h('span', {}, text));
    this.problem.hidden = false;
  }

  private onKeyDown(event: KeyboardEvent): void {
    // An open popup has the keys it uses first: its Escape must not also end an edit, its Enter must not send.
    if (this.listbox.isOpen && this.listbox.handleKey(event)) {
      event.preventDefault();
      event.stopPropagation();
      if (event.key === 'Escape') this.dismissed = this.currentTrigger();
      return;
    }
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

  /** The trigger the caret is in, if any (none while text is selected). */
  private currentTrigger(): Trigger | undefined {
    const { selectionStart, selectionEnd, value } = this.input;
    return selectionStart === selectionEnd ? triggerAt(value, selectionStart) : undefined;
  }

  /**
   * Opens, filters or closes the `@` picker or the `/` menu for the word at the caret. `typed`: the text changed
   * (a popup may open); otherwise the caret only moved (an open popup follows it or closes).
   */
  private updatePopup(typed: boolean): void {
    const trigger = this.currentTrigger();
    const dismissed = this.dismissed;
    if (trigger === undefined || dismissed === undefined || trigger.sign !== dismissed.sign || trigger.start !== dismissed.start)
      this.dismissed = undefined;
    if (trigger === undefined || this.dismissed !== undefined) {
      this.closePopups();
      return;
    }
    if (!typed && !this.listbox.isOpen) return;
    if (trigger.sign === '@') {
      this.slashMenu.close();
      this.picker.show(trigger.query);
    } else {
      this.picker.close();
      this.slashMenu.show(trigger.query);
    }
  }

  private closePopups(): void {
    this.listbox.close();
  }

  /** The "@" button: an `@` at the caret (after a space when needed), and the picker opens for it. */
  private startContextQuery(): void {
    const { selectionStart, selectionEnd, value } = this.input;
    const needsSpace = selectionStart > 0 && !/\s/.test(value[selectionStart - 1] ?? '');
    this.input.focus();
    this.input.setRangeText(needsSpace ? ' @' : '@', selectionStart, selectionEnd, 'end');
    this.autosize();
    this.draftChanged();
    this.dismissed = undefined;
    this.updatePopup(true);
  }

  /** Replaces the `@…` or `/…` word at the caret (all of it, also past the caret) with `text`. */
  private replaceTrigger(text: string): void {
    const trigger = this.currentTrigger();
    if (trigger === undefined) return;
    const { value, selectionStart: caret } = this.input;
    const start = trigger.start;
    let end = caret + (/^\S*/.exec(value.slice(caret))?.[0].length ?? 0);
    // Taking a word out of a sentence leaves one space, not two (the word starts the text or follows whitespace).
    if (text === '' && /[ \t]/.test(value[end] ?? '')) end += 1;
    this.input.setRangeText(text, start, end, 'end');
    this.historyIndex = this.history.length;
    this.autosize();
    this.draftChanged();
  }

  private draftChanged(): void {
    // While editing, the input holds the sent message: the saved draft stays the one put aside.
    if (this.editing !== undefined) return;
    this.saveState(this.input.value);
    clearTimeout(this.draftTimer);
    this.draftTimer = setTimeout(() => this.post({ type: 'draftChanged', text: this.input.value }), 300);
  }

  /** Grows the box with its content, up to a third of the view; the meter counts the draft. */
  private autosize(): void {
    this.meter.setDraft(this.input.value);
    this.input.style.height = 'auto';
    const max = Math.max(80, Math.floor(window.innerHeight / 3));
    this.input.style.height = `${Math.min(this.input.scrollHeight + 2, max)}px`;
  }
}
