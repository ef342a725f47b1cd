// A tiny helper for building DOM with createElement: text always goes in as text, never as HTML.
import { codiconClass, type CodiconName } from './codiconNames';

type Attributes = Record<string, string | boolean | undefined>;
type Child = Node | string | undefined | false;

export function h<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  attributes: Attributes = {},
  ...children: Child[]
): HTMLElementTagNameMap[K] {
  const element = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) {
    if (value === undefined || value === false) continue;
    if (name === 'class') element.className = String(value);
    else element.setAttribute(name, value === true ? '' : value);
  }
  for (const child of children) {
    if (child === undefined || child === false) continue;
    element.append(child);
  }
  return element;
}

/** A button with a codicon and an accessible name (shown as a tooltip too). */
export function iconButton(icon: CodiconName, label: string, attributes: Attributes = {}): HTMLButtonElement {
  return h(
    'button',
    { type: 'button', class: 'icon-button', title: label, 'aria-label': label, ...attributes },
    h('span', { class: codiconClass(icon), 'aria-hidden': 'true' }),
  );
}
