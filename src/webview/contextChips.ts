// Context chips: what goes (or went) with a message — its kind, name and estimated tokens, and why it is partial or
// missing when it is. The composer's chips can be removed, and a suggested one (the active editor's file) is turned
// on with one click or key; a chip that refers to something openable opens it. Every control is a real <button>.
import type { ContextChip, ContextKindView, WebviewToExtensionMessage } from '../shared/webviewProtocol';
import { codiconClass, type CodiconName } from './codiconNames';
import { h, iconButton } from './dom';
import { formatTokens } from './formatTokens';
import { format, type WebviewStrings } from './webviewStrings';

export interface ContextChipOptions {
  strings: WebviewStrings;
  post: (message: WebviewToExtensionMessage) => void;
  /** The sent message the chip belongs to; absent for the composer's chips, which can be removed or accepted. */
  messageId?: string;
}

const kindIcons: Record<ContextKindView, CodiconName> = {
  selection: 'selection',
  file: 'file',
  folder: 'folder',
  problems: 'warning',
  terminal: 'terminal',
  diff: 'git-compare',
  instructions: 'book',
  image: 'file-media',
};

/** The kind's name (for screen readers and the icon's tooltip). */
export function kindName(strings: WebviewStrings, kind: ContextKindView): string {
  switch (kind) {
    case 'selection':
      return strings.kindSelection;
    case 'file':
      return strings.kindFile;
    case 'folder':
      return strings.kindFolder;
    case 'problems':
      return strings.kindProblems;
    case 'terminal':
      return strings.kindTerminal;
    case 'diff':
      return strings.kindDiff;
    case 'instructions':
      return strings.kindInstructions;
    case 'image':
      return strings.kindImage;
  }
}

/** A codicon standing for `kind`, named for screen readers. */
export function kindIcon(strings: WebviewStrings, kind: ContextKindView | 'file' | 'folder'): HTMLElement {
  const name = kindName(strings, kind);
  return h('span', { class: codiconClass(kindIcons[kind]), role: 'img', 'aria-label': name, title: name });
}

/**
 * The chip's text: a file's or folder's name says what it is with the icon alone, but "workspace" or "bash" does not,
 * so the chips of the editor's own sources name their kind too ("Problems: workspace").
 */
function visibleLabel(strings: WebviewStrings, chip: ContextChip): string {
  return chip.kind === 'problems' || chip.kind === 'terminal' || chip.kind === 'diff'
    ? `${kindName(strings, chip.kind)}: ${chip.label}`
    : chip.label;
}

/** One chip. */
export function contextChip(chip: ContextChip, options: ContextChipOptions): HTMLElement {
  const { strings, post, messageId } = options;
  const pending = messageId === undefined;
  const suggested = pending && chip.suggested === true;
  const tokens = format(strings.contextTokens, formatTokens(chip.tokens));
  const warning = [chip.note, chip.truncated ? strings.contextTruncated : undefined].filter((text) => text !== undefined).join(' — ');
  const details = [`${kindName(strings, chip.kind)}: ${chip.label}`, tokens, warning].filter((text) => text !== '').join(', ');
  // An image chip shows its picture, named by its label, where other chips have their kind's icon.
  const thumbnail =
    chip.kind === 'image' && chip.thumbnail ? h('img', { class: 'chip-thumbnail', src: chip.thumbnail, alt: chip.label }) : undefined;
  const content = [
    suggested ? h('span', { class: codiconClass('add'), 'aria-hidden': 'true' }) : undefined,
    thumbnail ?? kindIcon(strings, chip.kind),
    h('span', { class: 'chip-label', 'aria-hidden': thumbnail ? 'true' : undefined }, visibleLabel(strings, chip)),
    h('span', { class: 'chip-size' }, tokens),
    warning !== ''
      ? h(
          'span',
          { class: 'chip-warning' },
          h('span', { class: codiconClass('warning'), title: warning, 'aria-hidden': 'true' }),
          h('span', { class: 'visually-hidden' }, warning),
        )
      : undefined,
  ];
  const title = `${details} (${format(strings.contextSize, chip.chars.toLocaleString(document.documentElement.lang || undefined))})`;
  let body: HTMLElement;
  if (suggested) {
    const name = format(strings.contextSuggested, chip.label);
    body = h('button', { type: 'button', class: 'chip-body', 'aria-label': `${name}, ${tokens}`, title: `${name}\n${title}` }, ...content);
    body.addEventListener('click', () => post({ type: 'acceptContext', contextId: chip.id }));
  } else if (chip.openable) {
    const name = format(strings.contextOpen, chip.label);
    body = h('button', { type: 'button', class: 'chip-body', 'aria-label': `${name}. ${details}`, title }, ...content);
    body.addEventListener('click', () =>
      post({ type: 'openContext', contextId: chip.id, ...(messageId !== undefined ? { messageId } : {}) }),
    );
  } else {
    body = h('span', { class: 'chip-body', title }, ...content);
  }
  let remove: HTMLButtonElement | undefined;
  if (pending) {
    remove = iconButton('close', format(chip.kind === 'image' ? strings.removeImage : strings.removeContext, chip.label), {
      class: 'icon-button chip-remove',
    });
    remove.addEventListener('click', () => post({ type: 'removeContext', contextId: chip.id }));
  }
  const classes = ['chip', suggested ? 'chip-suggested' : '', warning !== '' ? 'chip-warned' : ''].filter((name) => name !== '');
  return h('span', { class: classes.join(' '), 'data-id': chip.id, 'data-kind': chip.kind }, body, remove);
}
