// The thin row above the conversation: its title (hidden while the conversation is empty). New chat, the
// conversations and Export are in the view's title bar, as VS Code's own views have them, and the model picker is in
// the composer's footer (docs/chat.md).
import { h } from './dom';

export class Toolbar {
  readonly element: HTMLElement;
  private readonly title: HTMLElement;
  /** What the conversation cost so far (docs/spend.md "Cost"), after the title. */
  private readonly cost: HTMLElement;

  constructor() {
    this.title = h('h1', { class: 'conversation-title', id: 'conversation-title' });
    this.cost = h('span', { class: 'conversation-cost', hidden: true });
    this.element = h('header', { class: 'toolbar', hidden: true }, this.title, this.cost);
  }

  /** `text` '' hides it; `label` says what it is to a screen reader and on hover. */
  setCost(text: string, label: string): void {
    this.cost.textContent = text;
    this.cost.title = label;
    this.cost.setAttribute('aria-label', `${label}: ${text}`);
    this.cost.hidden = text === '';
  }

  setTitle(title: string): void {
    this.title.textContent = title;
    this.title.title = title;
    this.element.hidden = title === '';
  }
}
