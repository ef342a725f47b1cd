// The thin row above the conversation: its title (hidden while the conversation is empty). New chat, the
// conversations and Export are in the view's title bar, as VS Code's own views have them, and the model picker is in
// the composer's footer (docs/chat.md).
import { h } from './dom';

export class Toolbar {
  readonly element: HTMLElement;
  private readonly title: HTMLElement;

  constructor() {
    this.title = h('h1', { class: 'conversation-title', id: 'conversation-title' });
    this.element = h('header', { class: 'toolbar', hidden: true }, this.title);
  }

  setTitle(title: string): void {
    this.title.textContent = title;
    this.title.title = title;
    this.element.hidden = title === '';
  }
}
