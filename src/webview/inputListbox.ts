// The popup list that the `@` picker and the `/` menu (above the chat input) and the model picker (its filter field)
// share. It follows the WAI-ARIA Authoring Practices' combobox pattern with a listbox popup: focus stays in the text
// box, which points at the list (aria-controls, while it is open) and at the active option (aria-activedescendant);
// the options are never focused. Rows may come in groups (the APG's "listbox with grouped options": a group named by
// its heading, and by a short note when it has one). The chat input stays a textarea (role=combobox is not valid on
// one), so it gets only the attributes WAI-ARIA 1.2 allows on a textbox, and not aria-expanded (axe's
// aria-allowed-attr rule reports it as critical); a text field with role=combobox gets aria-expanded too.
import { codiconClass, type CodiconName } from './codiconNames';
import { h } from './dom';

export interface ListboxRow {
  /** Stable across updates: the active row stays active when the list is refreshed. */
  key: string;
  /** The codicon, or an element for it (named for screen readers); none keeps the place empty. */
  icon?: CodiconName | HTMLElement;
  label: string;
  /** Indexes of `label`'s characters to highlight (what the query matched). */
  matches?: readonly number[];
  description?: string;
  /** The row is the value in use (the model chosen): a check mark, and aria-checked. */
  checked?: boolean;
  /** A tooltip (the whole label, when it may be cut short). */
  title?: string;
  pick(): void;
}

/** Rows under a heading; `note` is a short status line under it (its whole text in `title`, shown on hover). */
export interface ListboxGroup {
  key: string;
  label: string;
  note?: { text: string; title: string };
  rows: ListboxRow[];
}

export interface InputListboxOptions {
  /** Home and End move to the first and last option (otherwise they move the caret in the text box). */
  homeEnd?: boolean;
  /** Tab picks the active option, as Enter does (otherwise it moves the focus on). Default true. */
  tabPicks?: boolean;
  /** The popup's class (its position and frame): `input-popup` by default. */
  className?: string;
}

export class InputListbox {
  readonly element: HTMLElement;
  private readonly list: HTMLElement;
  private readonly status: HTMLElement;
  private rows: ListboxRow[] = [];
  /** The option elements, in the order of `rows`. */
  private options: HTMLElement[] = [];
  private active = 0;
  /** Groups rendered so far in this update (their headings' ids). */
  private groups = 0;
  /** Who filled the open list (the `@` picker, the `/` menu, the model picker); undefined while closed. */
  private owner: object | undefined;
  private readonly combobox: boolean;

  constructor(
    private readonly input: HTMLTextAreaElement | HTMLInputElement,
    private readonly id: string,
    private readonly settings: InputListboxOptions = {},
  ) {
    this.list = h('div', { id, class: 'input-listbox', role: 'listbox' });
    this.status = h('div', { class: 'input-listbox-status', role: 'status', 'aria-live': 'polite' });
    this.element = h('div', { class: settings.className ?? 'input-popup', hidden: true }, this.list, this.status);
    // A press on an option must not take the focus from the input (the caret and the query stay where they are).
    this.list.addEventListener('mousedown', (event) => event.preventDefault());
    this.list.addEventListener('click', (event) => {
      const option = (event.target as Element).closest<HTMLElement>('[role="option"]');
      const index = option ? Number(option.dataset['index']) : -1;
      if (index >= 0) this.pick(index);
    });
    input.setAttribute('aria-autocomplete', 'list');
    this.combobox = input.getAttribute('role') === 'combobox';
    if (this.combobox) input.setAttribute('aria-expanded', 'false');
  }

  get isOpen(): boolean {
    return this.owner !== undefined;
  }

  /** Whether the list is open with `owner`'s rows. */
  isOpenFor(owner: object): boolean {
    return this.owner === owner;
  }

  /**
   * Opens the list (or refreshes it) with `owner`'s rows and groups of rows, and a status line under them when
   * `status` is set.
   */
  show(owner: object, label: string, items: readonly (ListboxRow | ListboxGroup)[], status?: string): void {
    const activeKey = this.owner === owner ? this.rows[this.active]?.key : undefined;
    this.rows = [];
    this.options = [];
    this.groups = 0;
    const children: HTMLElement[] = [];
    for (const item of items) {
      if ('rows' in item) children.push(this.renderGroup(item));
      else children.push(this.renderRow(item));
    }
    const kept = activeKey === undefined ? -1 : this.rows.findIndex((row) => row.key === activeKey);
    const firstChecked = this.rows.findIndex((row) => row.checked === true);
    this.active = kept >= 0 ? kept : activeKey === undefined && firstChecked >= 0 ? firstChecked : 0;
    this.list.setAttribute('aria-label', label);
    this.list.replaceChildren(...children);
    this.list.hidden = children.length === 0;
    this.status.textContent = status ?? '';
    this.status.hidden = status === undefined;
    this.element.hidden = false;
    this.owner = owner;
    this.input.setAttribute('aria-controls', this.id);
    if (this.combobox) this.input.setAttribute('aria-expanded', 'true');
    this.highlight();
  }

  close(): void {
    if (this.owner === undefined) return;
    this.owner = undefined;
    this.rows = [];
    this.options = [];
    this.list.replaceChildren();
    this.element.hidden = true;
    this.input.removeAttribute('aria-controls');
    this.input.removeAttribute('aria-activedescendant');
    if (this.combobox) this.input.setAttribute('aria-expanded', 'false');
  }

  /**
   * A key pressed in the input while the list is open: ↑/↓ move (Home/End too when asked), Enter (and Tab unless
   * told otherwise) picks, Escape closes. True when the key was the list's (the caller then stops it: Escape must not
   * also end an edit, Enter must not send).
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
    if (this.settings.homeEnd === true && (event.key === 'Home' || event.key === 'End') && !event.shiftKey) {
      this.active = event.key === 'Home' ? 0 : this.rows.length - 1;
      this.highlight();
      return true;
    }
    if ((event.key === 'Enter' || (event.key === 'Tab' && this.settings.tabPicks !== false)) && !event.shiftKey) {
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
    this.options.forEach((option, index) => option.setAttribute('aria-selected', String(index === this.active)));
    const option = this.options[this.active];
    if (option) {
      this.input.setAttribute('aria-activedescendant', option.id);
      option.scrollIntoView({ block: 'nearest' });
    } else {
      this.input.removeAttribute('aria-activedescendant');
    }
  }

  private renderGroup(group: ListboxGroup): HTMLElement {
    const headingId = `${this.id}-group-${this.groups++}`;
    const noteId = `${headingId}-note`;
    return h(
      'div',
      { class: 'input-group', role: 'group', 'aria-labelledby': group.note ? `${headingId} ${noteId}` : headingId },
      h('div', { id: headingId, class: 'input-group-label' }, group.label),
      group.note
        ? h(
            'div',
            { id: noteId, class: 'input-group-note', title: group.note.title },
            h('span', { class: codiconClass('warning'), 'aria-hidden': 'true' }),
            h('span', { class: 'input-group-note-text' }, group.note.text),
          )
        : undefined,
      ...group.rows.map((row) => this.renderRow(row)),
    );
  }

  private renderRow(row: ListboxRow): HTMLElement {
    const index = this.rows.length;
    this.rows.push(row);
    const icon =
      row.checked === true
        ? h('span', { class: codiconClass('check'), 'aria-hidden': 'true' })
        : row.icon === undefined
          ? h('span', { class: 'input-option-blank', 'aria-hidden': 'true' })
          : typeof row.icon === 'string'
            ? h('span', { class: codiconClass(row.icon), 'aria-hidden': 'true' })
            : row.icon;
    const option = h(
      'div',
      {
        id: `${this.id}-${index}`,
        class: 'input-option',
        role: 'option',
        'aria-selected': 'false',
        'aria-checked': row.checked === true ? 'true' : undefined,
        'data-index': String(index),
        title: row.title,
      },
      icon,
      h('span', { class: 'input-option-label' }, ...highlighted(row.label, row.matches)),
      row.description ? h('span', { class: 'input-option-description' }, row.description) : undefined,
    );
    this.options.push(option);
    return option;
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
