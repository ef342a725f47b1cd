// The popup list above the chat input that the `@` picker and the `/` menu share. It follows the WAI-ARIA
// Authoring Practices' combobox pattern with a listbox popup: focus stays in the text box, which points at the list
// (aria-controls, while it is open) and at the active option (aria-activedescendant); the options are never focused.
// The text box stays a textarea (role=combobox is not valid on one), so it gets only the attributes WAI-ARIA 1.2
// allows on a textbox, and not aria-expanded (axe's aria-allowed-attr rule reports it as critical).
import { codiconClass, type CodiconName } from './codiconNames';
import { h } from './dom';

export interface ListboxRow {
  /** Stable across updates: the active row stays active when the list is refreshed. */
  key: string;
  /** The codicon, or an element for it (named for screen readers). */
  icon: CodiconName | HTMLElement;
  label: string;
  /** Indexes of `label`'s characters to highlight (what the query matched). */
  matches?: readonly number[];
  description?: string;
  pick(): void;
}

export class InputListbox {
  readonly element: HTMLElement;
  private readonly list: HTMLElement;
  private readonly status: HTMLElement;
  private rows: ListboxRow[] = [];
  private active = 0;
  /** Who filled the open list (the `@` picker or the `/` menu); undefined while closed. */
  private owner: object | undefined;

  constructor(
    private readonly input: HTMLTextAreaElement,
    private readonly id: string,
  ) {
    this.list = h('ul', { id, class: 'input-listbox', role: 'listbox' });
    this.status = h('div', { class: 'input-listbox-status', role: 'status', 'aria-live': 'polite' });
    this.element = h('div', { class: 'input-popup', hidden: true }, this.list, this.status);
    // A press on an option must not take the focus from the input (the caret and the query stay where they are).
    this.list.addEventListener('mousedown', (event) => event.preventDefault());
    this.list.addEventListener('click', (event) => {
      const option = (event.target as Element).closest('[role="option"]');
      const index = option ? Array.prototype.indexOf.call(this.list.children, option) : -1;
      if (index >= 0) this.pick(index);
    });
    input.setAttribute('aria-autocomplete', 'list');
  }

  get isOpen(): boolean {
    return this.owner !== undefined;
  }

  /** Whether the list is open with `owner`'s rows. */
  isOpenFor(owner: object): boolean {
    return this.owner === owner;
  }

  /** Opens the list (or refreshes it) with `owner`'s `rows`, and a status line under them when `status` is set. */
  show(owner: object, label: string, rows: ListboxRow[], status?: string): void {
    const activeKey = this.owner === owner ? this.rows[this.active]?.key : undefined;
    this.rows = rows;
    const kept = activeKey === undefined ? -1 : rows.findIndex((row) => row.key === activeKey);
    this.active = kept >= 0 ? kept : 0;
    this.list.setAttribute('aria-label', label);
    this.list.replaceChildren(...rows.map((row, index) => this.renderRow(row, index)));
    this.list.hidden = rows.length === 0;
    this.status.textContent = status ?? '';
    this.status.hidden = status === undefined;
    this.element.hidden = false;
    this.owner = owner;
    this.input.setAttribute('aria-controls', this.id);
    this.highlight();
  }

  close(): void {
    if (this.owner === undefined) return;
    this.owner = undefined;
    this.rows = [];
    this.list.replaceChildren();
    this.element.hidden = true;
    this.input.removeAttribute('aria-controls');
    this.input.removeAttribute('aria-activedescendant');
  }

  /**
   * A key pressed in the input while the list is open: ↑/↓ move, Enter or Tab pick, Escape closes. True when the key
   * was the list's (the caller then stops it: Escape must not also end an edit, Enter must not send).
   */
  handleKey(event: KeyboardEvent): boolean {
    if (this.owner === undefined || event.isComposing || event.altKey || event.ctrlKey || event.metaKey) return false;
    if (event.key === 'Escape') {
      this.close();
      return true;
    }
    if (this.rows.length === 0) return false;
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      const step = event.key === 'ArrowDown' ? 1 : -1;
      this.active = (this.active + step + this.rows.length) % this.rows.length;
      this.highlight();
      return true;
    }
    if ((event.key === 'Enter' || event.key === 'Tab') && !event.shiftKey) {
      this.pick(this.active);
      return true;
    }
    return false;
  }

  private pick(index: number): void {
    const row = this.rows[index];
    if (!row) return;
    this.close();
    row.pick();
  }

  private highlight(): void {
    const options = this.list.children;
    for (let index = 0; index < options.length; index++) options[index]!.setAttribute('aria-selected', String(index === this.active));
    const option = options[this.active];
    if (option) {
      this.input.setAttribute('aria-activedescendant', option.id);
      option.scrollIntoView({ block: 'nearest' });
    } else {
      this.input.removeAttribute('aria-activedescendant');
    }
  }

  private renderRow(row: ListboxRow, index: number): HTMLElement {
    return h(
      'li',
      { id: `${this.id}-${index}`, class: 'input-option', role: 'option', 'aria-selected': 'false' },
      typeof row.icon === 'string' ? h('span', { class: codiconClass(row.icon), 'aria-hidden': 'true' }) : row.icon,
      h('span', { class: 'input-option-label' }, ...highlighted(row.label, row.matches)),
      row.description ? h('span', { class: 'input-option-description' }, row.description) : undefined,
    );
  }
}

/** `label` with the characters at `matches` in runs of <span class="match">. */
function highlighted(label: string, matches: readonly number[] | undefined): (string | HTMLElement)[] {
  if (!matches || matches.length === 0) return [label];
  const marked = new Set(matches);
  const parts: (string | HTMLElement)[] = [];
  let start = 0;
  while (start < label.length) {
    const isMatch = marked.has(start);
    let end = start + 1;
    while (end < label.length && marked.has(end) === isMatch) end++;
    const text = label.slice(start, end);
    parts.push(isMatch ? h('span', { class: 'match' }, text) : text);
    start = end;
  }
  return parts;
}
